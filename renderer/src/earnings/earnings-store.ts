// The earnings screens' state: the dashboard view pushed by core (snapshot, refresh state), the
// history as pages fetched on demand (filters, search and sort done by the accounts server), the
// chart series, the referrals and the CSV export. Built around an injected bridge.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type {
  EarningsSeries,
  HistoryEntry,
  HistoryEntryType,
  HistorySort,
  ReferralStats,
  SeriesBucket,
} from '../../../shared/accounts-api.ts';
import type { EarningsView } from '../../../shared/bridge/earnings.ts';
import type { BridgeApi, BridgeFailure } from '../../../shared/bridge.ts';
import { featureStore, firstPaintOf } from '../shell/bridge-context.tsx';
import { toBridgeFailure } from '../store/bridge-failure.ts';
import { userTimeZone } from './format.ts';

export interface HistoryFilters {
  type: HistoryEntryType | 'all';
  referralId: string | null;
  /** Local calendar days (yyyy-mm-dd) as the date inputs give them; '' = open. */
  fromDay: string;
  toDay: string;
  search: string;
  sort: HistorySort;
}

export const DEFAULT_FILTERS: HistoryFilters = {
  type: 'all',
  referralId: null,
  fromDay: '',
  toDay: '',
  search: '',
  sort: 'date-desc',
};

type Loadable = 'idle' | 'loading' | 'ready' | 'error';

export interface EarningsState {
  view: EarningsView | null;
  /** The bridge itself failed (not the accounts server: that is view.error). */
  viewFailure: BridgeFailure | null;
  history: {
    filters: HistoryFilters;
    items: HistoryEntry[];
    nextCursor: string | null;
    status: Loadable;
    error: BridgeFailure | null;
    /** The filters the shown items answer (JSON): tells a reader which query is on screen. */
    itemsFor: string | null;
  };
  series: {
    bucket: SeriesBucket;
    data: EarningsSeries | null;
    status: Loadable;
    error: BridgeFailure | null;
  };
  referrals: {
    items: ReferralStats[];
    nextCursor: string | null;
    status: Loadable;
    error: BridgeFailure | null;
  };
  csv: { status: 'idle' | 'busy' | 'done' | 'failed'; rows?: number; message?: string };

  /**
   * Shows the cached view, follows earningsChanged, refreshes; refreshes again on resume and
   * reconnect. The history and the series load when their views first show (loadHistoryOnce,
   * loadSeriesOnce), so the dashboard's first figures never wait behind them.
   */
  start(): () => void;
  refresh(): Promise<void>;
  setFilters(patch: Partial<HistoryFilters>): void;
  /** Loads the first history page once (the history list calls it when it first shows). */
  loadHistoryOnce(): Promise<void>;
  /** Fetches the next history page (no-op while one loads or at the end). */
  loadMoreHistory(): Promise<void>;
  setBucket(bucket: SeriesBucket): Promise<void>;
  /** Loads the chart's series once (the chart calls it when it first shows). */
  loadSeriesOnce(): Promise<void>;
  loadReferrals(more?: boolean): Promise<void>;
  exportCsv(range: { fromDay: string; toDay: string }): Promise<void>;
}

export type EarningsStore = StoreApi<EarningsState>;

export const HISTORY_PAGE_SIZE = 200;
const SEARCH_DELAY_MS = 250;

/** A local calendar day as the instant it starts (the date inputs speak local days). */
export function dayStart(day: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/u.test(day)) return undefined;
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d).toISOString();
}
/** The instant after a local day ends: an exclusive upper bound that includes the whole day. */
export function dayEnd(day: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/u.test(day)) return undefined;
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d + 1).toISOString();
}

export interface EarningsStoreOptions {
  searchDelayMs?: number;
  /** Where resume/online signals come from (window in the app). */
  target?: Pick<Window, 'addEventListener' | 'removeEventListener'> & { document?: Document };
}

export function createEarningsStore(bridge: BridgeApi, options: EarningsStoreOptions = {}): EarningsStore {
  const searchDelayMs = options.searchDelayMs ?? SEARCH_DELAY_MS;
  let historyGeneration = 0;
  let historyLoading: Promise<void> | null = null;
  let searchTimer: ReturnType<typeof setTimeout> | undefined;
  let seriesGeneration = 0;
  let csvTimer: ReturnType<typeof setTimeout> | undefined;

  return createStore<EarningsState>()((set, get) => {
    const setHistory = (patch: Partial<EarningsState['history']>) =>
      set((state) => ({ history: { ...state.history, ...patch } }));

    const historyQuery = (filters: HistoryFilters, cursor: string | null) => ({
      limit: HISTORY_PAGE_SIZE,
      sort: filters.sort,
      ...(cursor ? { cursor } : {}),
      ...(filters.type === 'all' ? {} : { types: [filters.type] }),
      ...(filters.referralId ? { referralId: filters.referralId } : {}),
      ...(dayStart(filters.fromDay) ? { from: dayStart(filters.fromDay) } : {}),
      ...(dayEnd(filters.toDay) ? { to: dayEnd(filters.toDay) } : {}),
      ...(filters.search.trim() ? { q: filters.search.trim().slice(0, 100) } : {}),
    });

    /** Replaces the list with the first page for the current filters; older answers are dropped. */
    const reloadHistory = async () => {
      const generation = ++historyGeneration;
      const { filters } = get().history;
      setHistory({ status: 'loading', error: null });
      const loading = (async () => {
        try {
          const page = await bridge.listHistory(historyQuery(filters, null));
          if (generation === historyGeneration)
            setHistory({
              items: page.items,
              nextCursor: page.nextCursor,
              status: 'ready',
              itemsFor: JSON.stringify(filters),
            });
        } catch (error) {
          if (generation === historyGeneration)
            setHistory({ status: 'error', error: toBridgeFailure(error) });
        }
      })();
      historyLoading = loading;
      await loading;
      if (historyLoading === loading) historyLoading = null;
    };

    const loadSeries = async (bucket: SeriesBucket) => {
      const generation = ++seriesGeneration;
      set((state) => ({ series: { ...state.series, bucket, status: 'loading', error: null } }));
      try {
        // The user's zone at each read: the buckets are their local days, weeks and months.
        const data = await bridge.getEarningsSeries({ bucket, timeZone: userTimeZone() });
        if (generation === seriesGeneration) set({ series: { bucket, data, status: 'ready', error: null } });
      } catch (error) {
        if (generation === seriesGeneration)
          set((state) => ({ series: { ...state.series, status: 'error', error: toBridgeFailure(error) } }));
      }
    };

    const showView = (view: EarningsView) => set({ view, viewFailure: null });

    return {
      view: firstPaintOf(bridge)?.earnings ?? null,
      viewFailure: null,
      history: {
        filters: DEFAULT_FILTERS,
        items: [],
        nextCursor: null,
        status: 'idle',
        error: null,
        itemsFor: null,
      },
      series: { bucket: 'day', data: null, status: 'idle', error: null },
      referrals: { items: [], nextCursor: null, status: 'idle', error: null },
      csv: { status: 'idle' },

      start() {
        const stop = bridge.on('earningsChanged', (view) => {
          const before = get().view;
          showView(view);
          // New figures: the lists and the chart read the server again (the first page only).
          if (before?.snapshot?.fetchedAt !== view.snapshot?.fetchedAt && before?.snapshot && view.snapshot) {
            if (get().history.status !== 'idle') void reloadHistory();
            if (get().series.status !== 'idle') void loadSeries(get().series.bucket);
            if (get().referrals.status !== 'idle') void get().loadReferrals();
          }
        });
        bridge.getEarnings({}).then(
          (view) => {
            if (get().view === null) showView(view);
          },
          (error: unknown) => set({ viewFailure: toBridgeFailure(error) }),
        );
        void get().refresh();
        // Back from sleep or offline: read again (core's live module does the same on its side).
        const target = options.target ?? (typeof window === 'undefined' ? undefined : window);
        const onOnline = () => void get().refresh();
        const onVisible = () => {
          if (target?.document?.visibilityState !== 'hidden') void get().refresh();
        };
        target?.addEventListener('online', onOnline);
        target?.addEventListener('visibilitychange', onVisible);
        return () => {
          stop();
          target?.removeEventListener('online', onOnline);
          target?.removeEventListener('visibilitychange', onVisible);
          clearTimeout(searchTimer);
          clearTimeout(csvTimer);
        };
      },

      async refresh() {
        try {
          showView(await bridge.refreshEarnings({}));
        } catch (error) {
          set({ viewFailure: toBridgeFailure(error) });
        }
      },

      setFilters(patch) {
        setHistory({ filters: { ...get().history.filters, ...patch } });
        clearTimeout(searchTimer);
        // Typing waits for a pause; any other filter applies at once.
        if ('search' in patch && Object.keys(patch).length === 1)
          searchTimer = setTimeout(() => void reloadHistory(), searchDelayMs);
        else void reloadHistory();
      },

      loadHistoryOnce: () => (get().history.status === 'idle' ? reloadHistory() : Promise.resolve()),

      async loadMoreHistory() {
        const { nextCursor, filters, status } = get().history;
        if (!nextCursor || status !== 'ready' || historyLoading) return;
        const generation = historyGeneration;
        const loading = (async () => {
          try {
            const page = await bridge.listHistory(historyQuery(filters, nextCursor));
            if (generation === historyGeneration)
              setHistory({ items: [...get().history.items, ...page.items], nextCursor: page.nextCursor });
          } catch (error) {
            if (generation === historyGeneration)
              setHistory({ status: 'error', error: toBridgeFailure(error) });
          }
        })();
        historyLoading = loading;
        await loading;
        if (historyLoading === loading) historyLoading = null;
      },

      setBucket: (bucket) => loadSeries(bucket),

      loadSeriesOnce: () =>
        get().series.status === 'idle' ? loadSeries(get().series.bucket) : Promise.resolve(),

      async loadReferrals(more = false) {
        const current = get().referrals;
        if (more && !current.nextCursor) return;
        set({ referrals: { ...current, status: 'loading', error: null } });
        try {
          const page = await bridge.listReferralStats({
            limit: 100,
            ...(more && current.nextCursor ? { cursor: current.nextCursor } : {}),
          });
          set({
            referrals: {
              items: more ? [...current.items, ...page.items] : page.items,
              nextCursor: page.nextCursor,
              status: 'ready',
              error: null,
            },
          });
        } catch (error) {
          set({ referrals: { ...get().referrals, status: 'error', error: toBridgeFailure(error) } });
        }
      },

      async exportCsv({ fromDay, toDay }) {
        clearTimeout(csvTimer);
        set({ csv: { status: 'busy' } });
        try {
          const from = dayStart(fromDay);
          const to = dayEnd(toDay);
          const csv = await bridge.exportHistoryCsv({ ...(from ? { from } : {}), ...(to ? { to } : {}) });
          const { saved } = await bridge.saveFile({ name: csv.name, mime: 'text/csv', text: csv.text });
          set({ csv: saved ? { status: 'done', rows: csv.rows } : { status: 'idle' } });
          if (saved) csvTimer = setTimeout(() => set({ csv: { status: 'idle' } }), 4000);
        } catch (error) {
          set({ csv: { status: 'failed', message: toBridgeFailure(error).message } });
        }
      },
    };
  });
}

/** The one earnings store per bridge, shared by the Earnings, History and Referrals sections. */
export const earnings = featureStore((bridge) => createEarningsStore(bridge));
