import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BridgeError } from '../../../shared/bridge.ts';
import { FakeBridge } from '../testing/fake-bridge.ts';
import { demoSnapshot } from '../testing/fake-earnings.ts';
import { pretendTimeZone } from '../testing/time-zone.ts';
import { createEarningsStore, dayEnd, dayStart, HISTORY_PAGE_SIZE } from './earnings-store.ts';

let bridge: FakeBridge;
const target = new EventTarget() as unknown as Window;
beforeEach(() => {
  bridge = new FakeBridge();
});
afterEach(() => vi.useRealTimers());

function started(options: { searchDelayMs?: number; history?: boolean } = {}) {
  const store = createEarningsStore(bridge.api, { target, searchDelayMs: options.searchDelayMs ?? 0 });
  const stop = store.getState().start();
  if (options.history) void store.getState().loadHistoryOnce();
  return { store, stop };
}

describe('the earnings store', () => {
  it('shows the cached view and refreshes once; history and series load only when asked, once', async () => {
    const { store } = started();
    await vi.waitFor(() => expect(store.getState().view?.snapshot).toEqual(demoSnapshot));
    expect(bridge.earnings.calls.refreshEarnings).toBe(1);
    expect(bridge.earnings.historyQueries).toEqual([]);
    await Promise.all([store.getState().loadHistoryOnce(), store.getState().loadHistoryOnce()]);
    expect(store.getState().history.status).toBe('ready');
    expect(bridge.earnings.historyQueries).toEqual([{ limit: HISTORY_PAGE_SIZE, sort: 'date-desc' }]);
    expect(store.getState().series.status).toBe('idle');
    await store.getState().loadSeriesOnce();
    await store.getState().loadSeriesOnce();
    expect(store.getState().series.status).toBe('ready');
    expect(bridge.earnings.calls.getEarningsSeries).toBe(1);
    expect(bridge.earnings.seriesQueries).toEqual([
      { bucket: 'day', timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone },
    ]);
  });

  it('asks for the series in the user’s time zone, read at each request', async () => {
    try {
      const { store } = started();
      pretendTimeZone('Europe/Moscow');
      await store.getState().loadSeriesOnce();
      pretendTimeZone('America/New_York');
      await store.getState().setBucket('week');
      expect(bridge.earnings.seriesQueries).toEqual([
        { bucket: 'day', timeZone: 'Europe/Moscow' },
        { bucket: 'week', timeZone: 'America/New_York' },
      ]);
    } finally {
      vi.restoreAllMocks();
    }
  });

  it('follows earningsChanged, and reads the lists again when the figures are new', async () => {
    const { store } = started({ history: true });
    await vi.waitFor(() => expect(store.getState().history.status).toBe('ready'));
    bridge.earnings.emit({ snapshot: demoSnapshot, refreshing: true, error: null });
    expect(store.getState().view?.refreshing).toBe(true);
    expect(bridge.earnings.historyQueries).toHaveLength(1);
    bridge.earnings.emit({
      snapshot: { ...demoSnapshot, fetchedAt: '2026-11-21T07:00:00.000Z' },
      refreshing: false,
      error: null,
    });
    await vi.waitFor(() => expect(bridge.earnings.historyQueries).toHaveLength(2));
  });

  it('refreshes when the network returns or the window becomes visible again', async () => {
    const { store, stop } = started({ history: true });
    await vi.waitFor(() => expect(store.getState().history.status).toBe('ready'));
    target.dispatchEvent(new Event('online'));
    target.dispatchEvent(new Event('visibilitychange'));
    await vi.waitFor(() => expect(bridge.earnings.calls.refreshEarnings).toBe(3));
    stop();
    target.dispatchEvent(new Event('online'));
    expect(bridge.earnings.calls.refreshEarnings).toBe(3);
  });

  it('sends filters to the server as a query, drops answers to older filters, and pages on', async () => {
    bridge.earnings.entries = (await import('../testing/fake-earnings.ts')).demoEntries(450);
    const { store } = started({ history: true });
    await vi.waitFor(() => expect(store.getState().history.status).toBe('ready'));
    expect(store.getState().history.items).toHaveLength(HISTORY_PAGE_SIZE);
    await store.getState().loadMoreHistory();
    await store.getState().loadMoreHistory();
    expect(store.getState().history.items).toHaveLength(450);
    expect(store.getState().history.nextCursor).toBeNull();

    store.getState().setFilters({
      type: 'reversed',
      sort: 'amount-asc',
      referralId: 'ref-1',
      fromDay: '2026-11-01',
      toDay: '2026-11-19',
    });
    await vi.waitFor(() => expect(store.getState().history.status).toBe('ready'));
    expect(bridge.earnings.historyQueries.at(-1)).toEqual({
      limit: HISTORY_PAGE_SIZE,
      sort: 'amount-asc',
      types: ['reversed'],
      referralId: 'ref-1',
      from: dayStart('2026-11-01'),
      to: dayEnd('2026-11-19'),
    });
    expect(
      store
        .getState()
        .history.items.every((entry) => entry.type === 'reversed' && entry.referralId === 'ref-1'),
    ).toBe(true);
  });

  it('waits for a pause in typing before searching', async () => {
    vi.useFakeTimers();
    const { store } = started({ searchDelayMs: 250, history: true });
    await vi.runAllTimersAsync();
    const before = bridge.earnings.historyQueries.length;
    store.getState().setFilters({ search: 'c' });
    store.getState().setFilters({ search: 'cr' });
    store.getState().setFilters({ search: 'cry' });
    await vi.advanceTimersByTimeAsync(249);
    expect(bridge.earnings.historyQueries).toHaveLength(before);
    await vi.advanceTimersByTimeAsync(1);
    expect(bridge.earnings.historyQueries).toHaveLength(before + 1);
    expect(bridge.earnings.historyQueries.at(-1)?.q).toBe('cry');
  });

  it('exports the chosen local-day range through saveFile as text/csv', async () => {
    const { store } = started();
    await store.getState().exportCsv({ fromDay: '2026-01-01', toDay: '2026-01-31' });
    expect(bridge.earnings.csvRanges).toEqual([{ from: dayStart('2026-01-01'), to: dayEnd('2026-01-31') }]);
    expect(bridge.savedFiles).toEqual([
      { name: 'quantower-referral-history_start_now.csv', mime: 'text/csv', text: '\uFEFFdate,type\r\n' },
    ]);
    expect(store.getState().csv).toEqual({ status: 'done', rows: 0 });
  });

  it('reports a failed export, and a cancelled save dialog as nothing at all', async () => {
    const { store } = started();
    bridge.answerSave = async () => ({ saved: false });
    await store.getState().exportCsv({ fromDay: '', toDay: '' });
    expect(store.getState().csv).toEqual({ status: 'idle' });
    bridge.earnings.methods.exportHistoryCsv = () =>
      Promise.reject(new BridgeError({ code: 'unavailable', message: 'offline', retryable: true }));
    bridge.answerSave = () =>
      Promise.reject(new BridgeError({ code: 'unavailable', message: 'offline', retryable: true }));
    await store.getState().exportCsv({ fromDay: '', toDay: '' });
    expect(store.getState().csv).toEqual({ status: 'failed', message: 'offline' });
  });

  it('turns local calendar days into the instants that bound them', () => {
    expect(new Date(dayStart('2026-03-05') ?? '').getDate()).toBe(5);
    expect(
      Date.parse(dayEnd('2026-03-05') ?? '') - Date.parse(dayStart('2026-03-05') ?? ''),
    ).toBeGreaterThanOrEqual(23 * 3_600_000);
    expect(dayStart('')).toBeUndefined();
    expect(dayEnd('not a day')).toBeUndefined();
  });
});
