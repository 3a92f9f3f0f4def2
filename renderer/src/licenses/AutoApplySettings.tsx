// Auto-apply options (settings.licenseAutoApply): how many days before expiry, ask or apply, and
// whether a balance that covers only part of the price is used. Shown in Licenses and Settings.
import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { LicenseAutoApply } from '../../../shared/settings.ts';
import { FormSelect } from '../components/FormSelect.tsx';
import { preferences } from '../shell/stores.ts';
import '../payouts/payouts.css';

// Plain values checked against the schema's types: importing the schema would pull zod into the UI.
const ACTIONS = ['ask', 'apply'] as const satisfies readonly LicenseAutoApply['action'][];
const MAX_DAYS = 90;

/** `asCard`: a settings group of its own (Settings); else a collapsible part of Licenses. */
export function AutoApplySettings({ asCard = false }: { asCard?: boolean }) {
  const { t } = useTranslation('licenses');
  const store = preferences.useStore();
  useEffect(() => store.getState().start(), [store]);
  const settings = preferences.use((s) => s.settings);
  const update = preferences.use((s) => s.update);
  const ids = { partial: useId(), heading: useId() };
  const autoApply = settings?.licenseAutoApply;
  if (!autoApply) return null;
  const fields = (
    <>
      <FormSelect
        label={t('withinDaysLabel')}
        testId="setting-auto-apply-days"
        value={autoApply.withinDays}
        options={[...new Set([1, 3, 7, 14, 30, 60, MAX_DAYS, autoApply.withinDays])]
          .sort((a, b) => a - b)
          .map((days) => ({ value: days, label: String(days) }))}
        onChange={(withinDays) => void update({ licenseAutoApply: { withinDays } })}
      />
      <FormSelect
        label={t('actionLabel')}
        testId="setting-auto-apply-action"
        value={autoApply.action}
        options={ACTIONS.map((action) => ({ value: action, label: t(`actions.${action}`) }))}
        onChange={(action) => void update({ licenseAutoApply: { action } })}
      />
      <div className="checkbox-row">
        <input
          id={ids.partial}
          type="checkbox"
          data-testid="setting-auto-apply-partial"
          checked={autoApply.allowPartial}
          onChange={(event) => void update({ licenseAutoApply: { allowPartial: event.target.checked } })}
        />
        <label htmlFor={ids.partial}>{t('allowPartial')}</label>
      </div>
    </>
  );
  return asCard ? (
    <section className="card" aria-labelledby={ids.heading} data-testid="auto-apply-settings">
      <h2 id={ids.heading}>{t('autoApplySettings')}</h2>
      {fields}
    </section>
  ) : (
    <details className="auto-apply-settings" data-testid="auto-apply-settings">
      <summary>{t('autoApplySettings')}</summary>
      {fields}
    </details>
  );
}
