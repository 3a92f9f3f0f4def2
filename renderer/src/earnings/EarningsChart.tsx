// Earnings over time with uPlot (about 50 KB, canvas, draws thousands of points in a few ms:
// chosen for size and speed beside a trading platform). Bars of earned and reversed commission
// per day, week or month of the user's time zone (the buckets the server made in it, labelled in
// it); the legend and the table below show the exact cents of each bucket.
// Loaded on demand (EarningsSection lazy-imports it).
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { EarningsSeries, SeriesBucket } from '../../../shared/accounts-api.ts';
import { useIntlLocale } from '../i18n/use-intl-locale.ts';
import { earnings } from './earnings-store.ts';
import { bucketLabel, money } from './format.ts';

const BUCKETS: readonly SeriesBucket[] = ['day', 'week', 'month'];

export default function EarningsChart() {
  const { t } = useTranslation('earnings');
  const locale = useIntlLocale();
  const series = earnings.use((s) => s.series);
  const setBucket = earnings.use((s) => s.setBucket);
  const loadSeriesOnce = earnings.use((s) => s.loadSeriesOnce);
  useEffect(() => {
    void loadSeriesOnce();
  }, [loadSeriesOnce]);
  const points = series.data?.points ?? [];
  // Redrawn (remounted) in the new colours when the theme changes.
  const theme = useThemeVersion();

  return (
    <section className="card chart" aria-labelledby="chart-heading" data-testid="earnings-chart">
      <div className="chart-header">
        <h2 id="chart-heading">{t('chart.heading')}</h2>
        <fieldset className="segmented">
          <legend className="visually-hidden">{t('chart.bucketLabel')}</legend>
          {BUCKETS.map((bucket) => (
            <label key={bucket}>
              <input
                type="radio"
                name="earnings-bucket"
                value={bucket}
                checked={series.bucket === bucket}
                data-testid={`chart-bucket-${bucket}`}
                onChange={() => void setBucket(bucket)}
              />
              <span>{t(`chart.buckets.${bucket}`)}</span>
            </label>
          ))}
        </fieldset>
      </div>
      {series.status === 'error' && series.error && (
        <p className="copy-error" role="alert">
          {series.error.message}
        </p>
      )}
      {series.data && points.length === 0 && <p className="muted">{t('chart.empty')}</p>}
      {series.data && points.length > 0 && canDraw() && (
        <Plot key={theme} data={series.data} locale={locale} />
      )}
      {series.data && points.length > 0 && (
        <details className="chart-table">
          <summary>{t('chart.tableCaption')}</summary>
          <table data-testid="earnings-series-table">
            <thead>
              <tr>
                <th scope="col">{t('chart.period')}</th>
                <th scope="col">{t('chart.earned')}</th>
                <th scope="col">{t('chart.reversed')}</th>
              </tr>
            </thead>
            <tbody>
              {[...points].reverse().map((point) => (
                <tr key={point.start} data-start={point.start}>
                  <th scope="row">
                    {bucketLabel(
                      point.start,
                      series.data?.bucket ?? 'day',
                      locale,
                      series.data?.timeZone ?? 'UTC',
                    )}
                  </th>
                  <td data-cents={point.earnedCents}>{money(point.earnedCents, locale)}</td>
                  <td data-cents={point.reversedCents}>{money(point.reversedCents, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </section>
  );
}

function Plot({ data, locale }: { data: EarningsSeries; locale: string }) {
  const { t } = useTranslation('earnings');
  const box = useRef<HTMLDivElement>(null);
  const earnedProbe = useRef<HTMLSpanElement>(null);
  const reversedProbe = useRef<HTMLSpanElement>(null);
  const textProbe = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const colour = (probe: HTMLElement | null) => (probe ? getComputedStyle(probe).color : '#888');
    const earned = data.points.map((point) => point.earnedCents);
    const reversed = data.points.map((point) => point.reversedCents);
    const exact = (cents: number[]) => (_u: uPlot, _v: number | null, _s: number, idx: number | null) =>
      idx === null || cents[idx] === undefined ? '—' : money(cents[idx], locale);
    const axisColour = colour(textProbe.current);
    const compact = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: 'USD',
      notation: 'compact',
    });
    const bars = uPlot.paths.bars?.({ size: [0.7, 40], gap: 1 });
    const plot = new uPlot(
      {
        width: Math.max(240, element.clientWidth),
        height: 170,
        padding: [8, 8, 0, 0],
        cursor: { drag: { x: false, y: false } },
        legend: { show: true, live: true },
        scales: { x: { time: true } },
        // Ticks fall on the days of the zone the buckets follow (not the page's own zone).
        tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), data.timeZone),
        axes: [
          {
            stroke: axisColour,
            grid: { show: false },
            values: (_u, splits) =>
              splits.map((s) =>
                bucketLabel(new Date(s * 1000).toISOString(), data.bucket, locale, data.timeZone),
              ),
          },
          {
            stroke: axisColour,
            grid: { stroke: 'rgba(128,128,128,0.2)' },
            size: 56,
            // The axis is a scale, not a figure: compact dollars; exact cents are in the legend and table.
            values: (_u, splits) => splits.map((v) => compact.format(v)),
          },
        ],
        series: [
          {
            // uPlot's own default label is the English "Time".
            label: t('chart.period'),
            value: (_u, v) =>
              v === null
                ? '—'
                : bucketLabel(new Date(v * 1000).toISOString(), data.bucket, locale, data.timeZone),
          },
          {
            label: t('chart.earned'),
            fill: colour(earnedProbe.current),
            stroke: colour(earnedProbe.current),
            ...(bars ? { paths: bars } : {}),
            points: { show: false },
            value: exact(earned),
          },
          {
            label: t('chart.reversed'),
            fill: colour(reversedProbe.current),
            stroke: colour(reversedProbe.current),
            ...(bars ? { paths: bars } : {}),
            points: { show: false },
            value: exact(reversed),
          },
        ],
      },
      [
        data.points.map((point) => Date.parse(point.start) / 1000),
        // Dollars only to place the bars; every number shown comes from the integer cents.
        earned.map((cents) => cents / 100),
        reversed.map((cents) => -cents / 100),
      ],
      element,
    );
    const resize = new ResizeObserver(() =>
      plot.setSize({ width: Math.max(240, element.clientWidth), height: 170 }),
    );
    resize.observe(element);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [data, locale, t]);

  return (
    <>
      <span ref={earnedProbe} className="chart-probe earned" aria-hidden="true" />
      <span ref={reversedProbe} className="chart-probe reversed" aria-hidden="true" />
      <span ref={textProbe} className="chart-probe text" aria-hidden="true" />
      <div ref={box} className="chart-canvas" aria-hidden="true" data-testid="earnings-chart-canvas" />
    </>
  );
}

/** Changes when the theme does (the OS preference or the setting), so the canvas is redrawn in its colours. */
let drawable: boolean | undefined;
/** Whether this page can draw on a canvas (not in a DOM without one, e.g. tests): the table stays either way. */
function canDraw(): boolean {
  drawable ??= document.createElement('canvas').getContext('2d') !== null;
  return drawable;
}

const readTheme = () =>
  `${document.documentElement.dataset.theme ?? 'system'}:${window.matchMedia?.('(prefers-color-scheme: dark)').matches}`;

function useThemeVersion(): string {
  const [version, setVersion] = useState(readTheme);
  useEffect(() => {
    const update = () => setVersion(readTheme());
    const media = window.matchMedia?.('(prefers-color-scheme: dark)');
    media?.addEventListener('change', update);
    const observer = new MutationObserver(update);
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    return () => {
      media?.removeEventListener('change', update);
      observer.disconnect();
    };
  }, []);
  return version;
}
