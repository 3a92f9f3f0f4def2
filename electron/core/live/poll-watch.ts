// The polling fallback's change detector: when the event stream is unavailable, a few conditional
// GETs (mostly 304s) tell what changed, and the differences become the same ProgramEvents the
// stream would have sent, so notifications and refreshes work the same way either way.
// The first poll only learns the current state. It sees the newest page of each list, so a burst
// larger than a page between two polls is reported only up to the page size.
import type { ProgramEvent } from '../../../shared/accounts-api.ts';
import type { ConditionalGetter } from './conditional-get.ts';

export const POLL_PAGE = 50;

export interface PollWatcher {
  /** One round of conditional GETs; the events for what changed since the last round. */
  poll(): Promise<ProgramEvent[]>;
  reset(): void;
}

interface Known {
  commissions: Set<string>;
  referrals: Set<string>;
  payouts: Map<string, string>;
  termsVersion: number;
  disqualified: boolean;
}

export function createPollWatcher(get: ConditionalGetter): PollWatcher {
  let known: Known | undefined;
  const page = { query: { limit: POLL_PAGE } };

  return {
    async poll() {
      const [commissions, referrals, payouts, terms, program] = await Promise.all([
        get.get('listCommissions', page),
        get.get('listReferrals', page),
        get.get('listPayouts', page),
        get.get('getTerms'),
        get.get('getProgramStatus'),
      ]);
      const first = known === undefined;
      const state: Known = known ?? {
        commissions: new Set(),
        referrals: new Set(),
        payouts: new Map(),
        termsVersion: 0,
        disqualified: false,
      };
      known = state;
      const events: ProgramEvent[] = [];
      const emit = (event: ProgramEvent) => {
        if (!first) events.push(event);
      };
      if (commissions.changed) {
        // Oldest first, as a stream would deliver them.
        for (const c of [...commissions.body.items].reverse()) {
          if (state.commissions.has(c.id)) continue;
          state.commissions.add(c.id);
          emit({
            id: `poll:commission:${c.id}`,
            at: c.recordedAt,
            type: c.type === 'earned' ? 'commission.earned' : 'commission.reversed',
            data: {
              commissionId: c.id,
              purchaseId: c.purchase.id,
              referralId: c.purchase.referralId,
              amountCents: c.amountCents,
            },
          });
        }
      }
      if (referrals.changed) {
        for (const r of [...referrals.body.items].reverse()) {
          if (state.referrals.has(r.id)) continue;
          state.referrals.add(r.id);
          emit({ id: `poll:referral:${r.id}`, at: r.registeredAt, type: 'referral.registered', data: r });
        }
      }
      if (payouts.changed) {
        for (const p of [...payouts.body.items].reverse()) {
          const before = state.payouts.get(p.id);
          state.payouts.set(p.id, p.status);
          // A payout the user just requested is no news; a status it moved to is.
          if (before !== undefined && before !== p.status) {
            emit({ id: `poll:payout:${p.id}:${p.status}`, at: p.updatedAt, type: 'payout.status', data: p });
          }
        }
      }
      if (terms.changed) {
        const current = terms.body.history[0] ?? terms.body.current;
        if (current.version > state.termsVersion) {
          if (state.termsVersion > 0) {
            emit({
              id: `poll:terms:${current.version}`,
              at: current.publishedAt,
              type: 'terms.published',
              data: current,
            });
          }
          state.termsVersion = current.version;
        }
      }
      if (program.changed) {
        const disqualified = program.body.status === 'disqualified';
        if (disqualified && !state.disqualified && !first) {
          // The stream reports what was cancelled; polling reads it from the balance.
          const balance = await get.get('getBalance');
          emit({
            id: 'poll:disqualified',
            at: program.body.disqualifiedAt ?? new Date().toISOString(),
            type: 'partner.disqualified',
            data: {
              reason: program.body.disqualificationReason ?? '',
              cancelledCents: balance.changed ? balance.body.cancelledCents : 0,
            },
          });
        }
        state.disqualified = disqualified;
      }
      return events;
    },
    reset() {
      known = undefined;
      get.reset();
    },
  };
}
