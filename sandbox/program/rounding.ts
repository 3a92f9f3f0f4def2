// The one rounding rule for commissions: exact integer arithmetic on cents and basis points,
// rounded to the nearest cent with halves rounded up (e.g. 15 % of 10 ¢ = 1.5 ¢ → 2 ¢).
// BigInt keeps the products exact whatever the amounts.

const BP_PER_UNIT = 10_000n;

/** Half-up division of non-negative integers. */
function divideHalfUp(numerator: bigint, denominator: bigint): bigint {
  return (numerator * 2n + denominator) / (denominator * 2n);
}

/** rate × paid amount (after discount), in whole cents. */
export function commissionCents(paidCents: number, rateBp: number): number {
  if (!Number.isSafeInteger(paidCents) || paidCents < 0) throw new RangeError(`Bad paid amount ${paidCents}`);
  if (!Number.isInteger(rateBp) || rateBp < 0 || rateBp > 10_000) throw new RangeError(`Bad rate ${rateBp}`);
  return Number(divideHalfUp(BigInt(paidCents) * BigInt(rateBp), BP_PER_UNIT));
}

/**
 * How much of a commission has been reversed once `refundedCents` of `paidCents` are refunded,
 * in total. Each refund reverses the difference from the previous total, so a full refund
 * always reverses exactly the whole commission and partial refunds never drift.
 */
export function reversedTotalCents(commission: number, paidCents: number, refundedCents: number): number {
  if (paidCents <= 0) return 0;
  if (refundedCents < 0 || refundedCents > paidCents) throw new RangeError('Refund outside the paid amount.');
  return Number(divideHalfUp(BigInt(commission) * BigInt(refundedCents), BigInt(paidCents)));
}
