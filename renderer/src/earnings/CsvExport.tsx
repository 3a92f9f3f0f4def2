// CSV export of a date range (what accountants ask for): core builds it from the same entries,
// the shell saves it (Electron: a save dialog; browser shell: a download).
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { earnings } from './earnings-store.ts';

export function CsvExport() {
  const { t } = useTranslation('earnings');
  const csv = earnings.use((s) => s.csv);
  const exportCsv = earnings.use((s) => s.exportCsv);
  const [fromDay, setFromDay] = useState('');
  const [toDay, setToDay] = useState('');
  const ids = { from: useId(), to: useId() };
  return (
    <section className="card csv" aria-labelledby="csv-heading">
      <h2 id="csv-heading">{t('csv.heading')}</h2>
      <div className="filter-grid">
        <div className="form-row">
          <label htmlFor={ids.from}>{t('csv.from')}</label>
          <input
            id={ids.from}
            type="date"
            data-testid="csv-from"
            value={fromDay}
            onChange={(e) => setFromDay(e.target.value)}
          />
        </div>
        <div className="form-row">
          <label htmlFor={ids.to}>{t('csv.to')}</label>
          <input
            id={ids.to}
            type="date"
            data-testid="csv-to"
            value={toDay}
            onChange={(e) => setToDay(e.target.value)}
          />
        </div>
      </div>
      <button
        type="button"
        className="button button-primary"
        data-testid="csv-export"
        aria-busy={csv.status === 'busy'}
        onClick={() => void exportCsv({ fromDay, toDay })}
      >
        {csv.status === 'busy' ? t('csv.exporting') : t('csv.export')}
      </button>
      <p className="copy-feedback" role="status">
        {csv.status === 'done' && (
          <span className="copied" data-testid="csv-done">
            {t('csv.done', { count: csv.rows ?? 0 })}
          </span>
        )}
      </p>
      {csv.status === 'failed' && (
        <p className="copy-error" role="alert" data-testid="csv-error">
          {t('csv.failed')} {csv.message}
        </p>
      )}
    </section>
  );
}
