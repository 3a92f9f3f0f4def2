// Section tabs per the WAI-ARIA tabs pattern: one tab stop, arrows/Home/End move and select
// (automatic activation: a section shows at once, its data comes from its store).
// A compact bar: every section is always visible (icon above its label), four to a row in a
// narrow window and one row when there is room (styles.css, `.tabs`), so none is ever hidden.
import { type KeyboardEvent, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { SectionDefinition } from './sections.ts';

export function Tabs({
  sections,
  current,
  onSelect,
}: {
  sections: readonly SectionDefinition[];
  current: string;
  onSelect: (id: string) => void;
}) {
  const { t } = useTranslation();
  const refs = useRef(new Map<string, HTMLButtonElement>());

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = sections.findIndex((section) => section.id === current);
    const last = sections.length - 1;
    const next =
      event.key === 'ArrowRight' || event.key === 'ArrowDown'
        ? index === last
          ? 0
          : index + 1
        : event.key === 'ArrowLeft' || event.key === 'ArrowUp'
          ? index === 0
            ? last
            : index - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : null;
    if (next === null) return;
    event.preventDefault();
    const target = sections[next];
    if (!target) return;
    onSelect(target.id);
    refs.current.get(target.id)?.focus();
  };

  return (
    <div className="tabs" role="tablist" aria-label={t('sectionsLabel')} onKeyDown={onKeyDown}>
      {sections.map((section) => {
        const selected = section.id === current;
        return (
          <button
            key={section.id}
            ref={(element) => {
              if (element) refs.current.set(section.id, element);
              else refs.current.delete(section.id);
            }}
            type="button"
            role="tab"
            id={`tab-${section.id}`}
            data-testid={`tab-${section.id}`}
            aria-selected={selected}
            aria-controls={`section-${section.id}`}
            tabIndex={selected ? 0 : -1}
            className="tab"
            onClick={() => onSelect(section.id)}
          >
            <section.Icon aria-hidden size={18} strokeWidth={1.75} />
            <span className="tab-label">
              <section.Label />
            </span>
          </button>
        );
      })}
    </div>
  );
}
