// Money is integer cents (USD) end to end. Floats never carry an amount; they only
// appear at the very edge, inside Intl formatting, fed from an exact decimal string
// (money-format.ts, zod-free so the UI can use it without the schema library).
import { z } from 'zod';

export const Cents = z.number().int().safe().describe('An amount in integer cents (USD).');
export type Cents = z.infer<typeof Cents>;

export { assertCents, centsToDecimalString, formatCents, parseAmountToCents } from './money-format.ts';
