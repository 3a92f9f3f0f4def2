// Auto-apply options (settings.licenseAutoApply): how many days before expiry, ask or apply, and
// whether a balance that covers only part of the price is used. Shown in Licenses and Settings.
import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { LicenseAutoApply } from '../../../shared/settings.ts';
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
  const ids = { days: useId(), action: useId(), partial: useId(), heading: useId() };
  const autoApply = settings?.licenseAutoApply;
  if (!autoApply) return null;
  const fields = (
    <>
      <div className="form-row">
        <label htmlFor={ids.days}>{t('withinDaysLabel')}</label>
        <select
          id={ids.days}
          data-testid="setting-auto-apply-days"
          value={autoApply.withinDays}
          onChange={(event) => void update({ licenseAutoApply: { withinDays: Number(event.target.value) } })}
        >
          {[...new Set([1, 3, 7, 14, 30, 60, MAX_DAYS, autoApply.withinDays])]
            .sort((a, b) => a - b)
            .map((days) => (
              <option key={days} value={days}>
                {days}
              </option>
            ))}
        </select>
      </div>
      <div className="form-row">
        <label htmlFor={ids.action}>{t('actionLabel')}</label>
        <select
          id={ids.action}
          data-testid="setting-auto-apply-action"
          value={autoApply.action}
          onChange={(event) => {
            const action = ACTIONS.find((a) => a === event.target.value);
            if (action) void update({ licenseAutoApply: { action } });
          }}
        >
          {ACTIONS.map((action) => (
            <option key={action} value={action}>
              {t(`actions.${action}`)}
            </option>
          ))}
        </select>
      </div>
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
