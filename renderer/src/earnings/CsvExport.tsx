// CSV export of a date range (what accountants ask for): core builds it from the same entries,
// the shell saves it (Electron: a save dialog; browser shell: a download).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormInput } from '../components/FormInput.tsx';
import { earnings } from './earnings-store.ts';

export function CsvExport() {
  const { t } = useTranslation('earnings');
  const csv = earnings.use((s) => s.csv);
  const exportCsv = earnings.use((s) => s.exportCsv);
  const [fromDay, setFromDay] = useState('');
  const [toDay, setToDay] = useState('');
  return (
    <section className="card csv" aria-labelledby="csv-heading">
      <h2 id="csv-heading">{t('csv.heading')}</h2>
      <div className="filter-grid">
        <FormInput
          label={t('csv.from')}
          type="date"
          testId="csv-from"
          value={fromDay}
          onChange={setFromDay}
        />
        <FormInput label={t('csv.to')} type="date" testId="csv-to" value={toDay} onChange={setToDay} />
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
