// How far the partner is from withdrawing, from the program status the server serves (the
// thresholds of the terms in force are data, never constants here). Pure and zod-free, so the
// dashboard and the tray read the same answer.
import type { ProgramStatus } from './accounts-api.ts';

export interface Threshold {
  kind: 'amount' | 'referrals';
  /** Cents for 'amount', people for 'referrals'. */
  current: number;
  required: number;
  met: boolean;
  /** What is still missing (0 when met). */
  missing: number;
  /** 0..1, for a progress bar. */
  progress: number;
}

export interface Readiness {
  disqualified: boolean;
  /** Every threshold the terms in force set (a zero minimum sets none). */
  thresholds: Threshold[];
  /** A payout can be requested now (the server's word; thresholds explain it). */
  canRequestPayout: boolean;
  /** The balance can go to a license (the withdrawal minimums do not apply to credits). */
  canApplyToLicense: boolean;
}

function threshold(kind: Threshold['kind'], current: number, required: number): Threshold {
  const met = current >= required;
  return {
    kind,
    current,
    required,
    met,
    missing: met ? 0 : required - current,
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent — only minimums above 0 make a threshold.
    progress: required <= 0 ? 1 : Math.min(1, Math.max(0, current / required)),
  };
}

export function withdrawalReadiness(program: ProgramStatus): Readiness {
  const { withdrawal } = program;
  const disqualified = program.status === 'disqualified';
  const thresholds: Threshold[] = [];
  if (withdrawal.minPayoutCents > 0)
    thresholds.push(threshold('amount', withdrawal.availableCents, withdrawal.minPayoutCents));
  if (withdrawal.minReferrals > 0)
    thresholds.push(threshold('referrals', program.referralsCount, withdrawal.minReferrals));
  return {
    disqualified,
    thresholds,
    canRequestPayout: !disqualified && withdrawal.eligible,
    canApplyToLicense: creditBlockers(program, withdrawal.availableCents).length === 0,
  };
}

/**
 * Why a payout or a license credit cannot be filed now, as codes and figures (the UI words them).
 * The one home of eligibility: the dashboard (withdrawalReadiness), the Payouts and Licenses
 * screens and core's checks before filing all read these. Mirrors `Blocker` in shared/bridge/payouts.ts.
 */
export type Blocker =
  | { code: 'disqualified'; reason: string | null }
  | { code: 'below-minimum'; minCents: number; availableCents: number }
  | { code: 'not-enough-referrals'; minReferrals: number; referrals: number }
  | { code: 'no-balance'; availableCents: number };

/** Empty when a payout may be requested now: R7 (disqualified) first, else each R4 threshold not met. */
export function payoutBlockers(program: ProgramStatus): Blocker[] {
  const readiness = withdrawalReadiness(program);
  if (readiness.disqualified) return [{ code: 'disqualified', reason: program.disqualificationReason }];
  return readiness.thresholds
    .filter((t) => !t.met)
    .map((t) =>
      t.kind === 'amount'
        ? { code: 'below-minimum', minCents: t.required, availableCents: t.current }
        : { code: 'not-enough-referrals', minReferrals: t.required, referrals: t.current },
    );
}

/** Empty when the balance can go to a license: the withdrawal minimums do not apply to credits. */
export function creditBlockers(program: ProgramStatus, availableCents: number): Blocker[] {
  if (program.status === 'disqualified')
    return [{ code: 'disqualified', reason: program.disqualificationReason }];
  return availableCents > 0 ? [] : [{ code: 'no-balance', availableCents }];
}

/** What changed between two versions of the terms, field by field (rate, minimums, hold). */
export interface TermsChange {
  field: 'rateBp' | 'minPayoutCents' | 'minReferrals' | 'holdDays';
  from: number;
  to: number;
}

export function termsChanges(
  previous: { rateBp: number; minPayoutCents: number; minReferrals: number; holdDays: number },
  current: { rateBp: number; minPayoutCents: number; minReferrals: number; holdDays: number },
): TermsChange[] {
  const fields = ['rateBp', 'minPayoutCents', 'minReferrals', 'holdDays'] as const;
  return fields
    .filter((field) => previous[field] !== current[field])
    .map((field) => ({ field, from: previous[field], to: current[field] }));
}
