// What happened, as the notification policy sees it: one Occurrence per thing worth telling, with
// a key that names the thing itself (not the message that carried it), so the same commission
// seen through the stream, a poll or a replay after restart is told once.
import type { ProgramEvent } from '../../../shared/accounts-api.ts';
import type { NavigationTarget } from '../../../shared/bridge/live.ts';
import type { SupportJournalView } from '../../../shared/bridge/support-journal.ts';
import type { EventPayload } from '../../../shared/bridge.ts';
import type { NotificationKind } from '../../../shared/live-settings.ts';

export type OccurrenceDetail =
  | {
      type: 'commission' | 'reversal';
      amountCents: number;
      referralId: string;
      product?: string;
      referral?: string;
    }
  | { type: 'referral'; referral: string }
  | { type: 'payout'; amountCents: number; status: 'processing' | 'paid' | 'rejected'; reason: string | null }
  | { type: 'threshold'; availableCents: number; minPayoutCents: number }
  | { type: 'license'; productName: string; availableTill: string; renewalCents: number }
  | { type: 'renewal-offer'; productName: string; creditCents: number; remainderCents: number }
  | { type: 'renewal-applied'; productName: string; creditCents: number; remainderCents: number }
  | {
      type: 'terms';
      version: number;
      rateBp: number;
      minPayoutCents: number;
      minReferrals: number;
      holdDays: number;
    }
  | { type: 'disqualified'; reason: string; cancelledCents: number }
  | { type: 'support-reminder'; requestKind: 'payout' | 'license'; days: number; amountCents: number | null };

export interface Occurrence {
  key: string;
  kind: NotificationKind;
  at: string;
  /** Signed money it is about, if any (a reversal is negative). */
  amountCents?: number;
  target: NavigationTarget;
  detail: OccurrenceDetail;
}

/** The occurrence an event reports, or undefined when it is nothing to notify (e.g. the user's own request). */
export function occurrenceOf(event: ProgramEvent): Occurrence | undefined {
  switch (event.type) {
    case 'commission.earned':
    case 'commission.reversed': {
      const earned = event.type === 'commission.earned';
      return {
        key: `${earned ? 'commission' : 'reversal'}:${event.data.commissionId}`,
        kind: earned ? 'commission' : 'reversal',
        at: event.at,
        amountCents: event.data.amountCents,
        target: { section: 'earnings', itemId: event.data.commissionId },
        detail: {
          type: earned ? 'commission' : 'reversal',
          amountCents: event.data.amountCents,
          referralId: event.data.referralId,
        },
      };
    }
    case 'referral.registered':
      return {
        key: `referral:${event.data.id}`,
        kind: 'referral',
        at: event.at,
        target: { section: 'referrals', itemId: event.data.id },
        detail: { type: 'referral', referral: maskName(event.data.displayName) },
      };
    case 'payout.status': {
      const { status } = event.data;
      // Requesting and cancelling are the user's own doing; the companion already shows them.
      if (status === 'requested' || status === 'cancelled') return undefined;
      return {
        key: `payout:${event.data.id}:${status}`,
        kind: 'payout',
        at: event.at,
        amountCents: event.data.amountCents,
        target: { section: 'payouts', itemId: event.data.id },
        detail: { type: 'payout', amountCents: event.data.amountCents, status, reason: event.data.reason },
      };
    }
    case 'terms.published':
      return {
        key: `terms:${event.data.version}`,
        kind: 'terms',
        at: event.at,
        target: { section: 'terms' },
        detail: {
          type: 'terms',
          version: event.data.version,
          rateBp: event.data.rateBp,
          minPayoutCents: event.data.minPayoutCents,
          minReferrals: event.data.minReferrals,
          holdDays: event.data.holdDays,
        },
      };
    case 'partner.disqualified':
      return {
        key: 'disqualified',
        kind: 'disqualified',
        at: event.at,
        amountCents: -event.data.cancelledCents,
        target: { section: 'referral' },
        detail: {
          type: 'disqualified',
          reason: event.data.reason,
          cancelledCents: event.data.cancelledCents,
        },
      };
    case 'credit.applied':
      return undefined; // the user's own renewal
  }
}

/**
 * What auto-apply did, as a license notice: in 'ask' mode it offers a renewal once per occasion,
 * in 'apply' mode it renewed from the balance; both must reach the user outside the open window.
 */
export function autoApplyOccurrence(notice: EventPayload<'autoApplyNotice'>, at: string): Occurrence {
  if (notice.kind === 'offer') {
    const { offer } = notice;
    return {
      key: `renewal-offer:${offer.productId}:${offer.availableTill}`,
      kind: 'license',
      at,
      amountCents: offer.creditCents,
      target: { section: 'licenses', itemId: offer.productId },
      detail: {
        type: 'renewal-offer',
        productName: offer.productName,
        creditCents: offer.creditCents,
        remainderCents: offer.remainderCents,
      },
    };
  }
  const { credit } = notice;
  return {
    key: `renewal-applied:${credit.id}`,
    kind: 'license',
    at,
    amountCents: -credit.creditCents,
    target: { section: 'licenses', itemId: credit.sku },
    detail: {
      type: 'renewal-applied',
      productName: notice.productName,
      creditCents: credit.creditCents,
      remainderCents: credit.remainderCents,
    },
  };
}

/** "Jane Doe" → "J*** D***": enough to recognise someone you invited, not to expose them on screen. */
export function maskName(name: string): string {
  const words = name.trim().split(/\s+/u).filter(Boolean);
  if (words.length === 0) return '***';
  return words.map((word) => `${Array.from(word)[0]}***`).join(' ');
}

/**
 * Requests to support that fell due for a reminder (the journal's own decision, in its view), as
 * payout or license notices. Keyed per request: told once, however often the journal is announced.
 */
export function supportReminderOccurrences(view: SupportJournalView, at: string): Occurrence[] {
  const found: Occurrence[] = [];
  for (const reminder of view.reminders) {
    const entry = view.entries.find((e) => e.id === reminder.id);
    if (!entry) continue;
    found.push({
      key: `support-reminder:${entry.id}`,
      kind: entry.kind,
      at,
      target: { section: entry.kind === 'payout' ? 'payouts' : 'licenses' },
      detail: {
        type: 'support-reminder',
        requestKind: entry.kind,
        days: reminder.days,
        amountCents: entry.amount.kind === 'cents' ? entry.amount.cents : null,
      },
    });
  }
  return found;
}
