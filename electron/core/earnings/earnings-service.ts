// The dashboard's data and its refresh policy. view() never waits for the network: it answers the
// last snapshot (from the cache at start) with the refresh state. refresh() reads balance, program
// status and terms together, keeps them for this account, and announces every change as
// earningsChanged. The live module (electron/core/live) calls refresh() on program events, on wake,
// and when the network returns; the UI calls it on open and on Retry.
import type { EarningsSnapshot, EarningsView } from '../../../shared/bridge/earnings.ts';
import { AccountsError } from '../accounts-client.ts';
import { toFailure } from '../bridge-dispatch.ts';
import type { EventHub } from '../event-hub.ts';
import { consoleWarn } from '../logging/logger.ts';
import type { EarningsApi } from './earnings-api.ts';
import type { EarningsCacheStorage } from './snapshot-cache.ts';

export interface EarningsServiceOptions {
  api: EarningsApi;
  events: EventHub;
  cache: EarningsCacheStorage;
  /** Whose data is being read (server and account): a snapshot of another owner is never shown. */
  owner: () => string;
  now?: () => Date;
  log?: (message: string) => void;
}

export interface EarningsService {
  view(): EarningsView;
  /** One refresh at a time: a call while one runs shares it. Never throws; failures land in view().error. */
  refresh(): Promise<EarningsView>;
}

type ViewError = NonNullable<EarningsView['error']>;

export function createEarningsService(options: EarningsServiceOptions): EarningsService {
  const now = options.now ?? (() => new Date());
  const log = options.log ?? consoleWarn;
  let refreshing: Promise<EarningsView> | undefined;
  let error: ViewError | null = null;
  let errorOwner: string | undefined;

  const snapshot = (): EarningsSnapshot | null => {
    const cached = options.cache.read();
    return cached.owner === options.owner() ? cached.snapshot : null;
  };
  const view = (): EarningsView => ({
    snapshot: snapshot(),
    refreshing: refreshing !== undefined,
    error: errorOwner === options.owner() ? error : null,
  });
  const announce = () => options.events.emit('earningsChanged', view());

  async function run(): Promise<EarningsView> {
    const owner = options.owner();
    try {
      const [balance, program, terms] = await Promise.all([
        options.api.balance(),
        options.api.program(),
        options.api.terms(),
      ]);
      // The account may have changed while the answers were on their way: keep them only for their owner.
      if (owner === options.owner()) {
        try {
          options.cache.write({
            owner,
            snapshot: { balance, program, terms, fetchedAt: now().toISOString() },
          });
        } catch (writeError) {
          // The data is still shown for this run; only the next start loses the instant dashboard.
          log(`earnings: could not save the snapshot: ${String(writeError)}`);
        }
        error = null;
        errorOwner = owner;
      }
    } catch (failure) {
      error = toViewError(failure, log);
      errorOwner = owner;
    }
    return view();
  }

  return {
    view,
    refresh() {
      if (!refreshing) {
        refreshing = run().finally(() => {
          refreshing = undefined;
          announce();
        });
        announce();
      }
      return refreshing.then(() => view());
    },
  };
}

function toViewError(failure: unknown, log: (message: string) => void): ViewError {
  if (failure instanceof AccountsError && failure.kind === 'http' && failure.status === 401)
    return { code: 'signed-out', message: failure.message };
  const { code, message } = toFailure(failure, 'refreshEarnings', log);
  switch (code) {
    case 'unavailable':
    case 'timeout':
    case 'rejected':
    case 'invalid-response':
      return { code, message };
    default:
      return { code: 'internal', message };
  }
}
