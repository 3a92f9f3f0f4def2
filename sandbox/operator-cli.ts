// `npm run sandbox -- <command> --url URL …`: drives a running sandbox (demo/test mode) through
// its operator API. Each command is one HTTP call; the answer is printed as JSON.
import { parseArgs } from 'node:util';

type Values = Record<string, string | undefined>;
interface Command {
  usage: string;
  method: 'POST' | 'PUT' | 'PATCH';
  path(v: Values): string;
  body(v: Values): Record<string, unknown>;
}

function required(v: Values, name: string): string {
  const value = v[name];
  if (value === undefined || value === '') throw new Error(`--${name} is required.`);
  return value;
}
function int(v: Values, name: string, optional = false): number | undefined {
  const raw = v[name];
  if (raw === undefined && optional) return undefined;
  const text = required(v, name);
  if (!/^\d+$/u.test(text)) throw new Error(`--${name} must be a whole number, got ${text}`);
  return Number(text);
}
const id = (v: Values, name: string) => encodeURIComponent(required(v, name));

export const operatorCommands: Record<string, Command> = {
  register: {
    usage: 'register --email E --name N [--code REFERRAL_CODE]',
    method: 'POST',
    path: () => 'operator/accounts',
    body: (v) => ({ email: required(v, 'email'), displayName: required(v, 'name'), referralCode: v.code }),
  },
  'change-email': {
    usage: 'change-email --account ID --email E',
    method: 'PATCH',
    path: (v) => `operator/accounts/${id(v, 'account')}`,
    body: (v) => ({ email: required(v, 'email') }),
  },
  purchase: {
    usage: 'purchase --buyer ACCOUNT_ID --sku SKU [--discount CENTS] [--at ISO_TIME]',
    method: 'POST',
    path: () => 'operator/purchases',
    body: (v) => ({
      buyerId: required(v, 'buyer'),
      sku: required(v, 'sku'),
      discountCents: int(v, 'discount', true),
      purchasedAt: v.at,
    }),
  },
  refund: {
    usage: 'refund --purchase ID [--amount CENTS]  (default: all that is left)',
    method: 'POST',
    path: (v) => `operator/purchases/${id(v, 'purchase')}/refunds`,
    body: (v) => ({ amountCents: int(v, 'amount', true) }),
  },
  'payout-status': {
    usage: 'payout-status --payout ID --status processing|paid|rejected [--reason TEXT]',
    method: 'POST',
    path: (v) => `operator/payouts/${id(v, 'payout')}/status`,
    body: (v) => ({ status: required(v, 'status'), reason: v.reason }),
  },
  'complete-checkout': {
    usage: 'complete-checkout --credit ID',
    method: 'POST',
    path: (v) => `operator/credits/${id(v, 'credit')}/complete`,
    body: () => ({}),
  },
  'cancel-checkout': {
    usage: 'cancel-checkout --credit ID',
    method: 'POST',
    path: (v) => `operator/credits/${id(v, 'credit')}/cancel`,
    body: () => ({}),
  },
  'publish-terms': {
    usage:
      'publish-terms --rate BP --min-payout CENTS --min-referrals N --summary TEXT [--hold-days N] [--from ISO_TIME]',
    method: 'POST',
    path: () => 'operator/terms',
    body: (v) => ({
      rateBp: int(v, 'rate'),
      minPayoutCents: int(v, 'min-payout'),
      minReferrals: int(v, 'min-referrals'),
      holdDays: int(v, 'hold-days', true) ?? 0,
      summary: required(v, 'summary'),
      effectiveFrom: v.from,
    }),
  },
  'set-rate': {
    usage: 'set-rate --partner ID --rate BP|none',
    method: 'PUT',
    path: (v) => `operator/partners/${id(v, 'partner')}/rate`,
    body: (v) => ({ rateBp: v.rate === 'none' ? null : int(v, 'rate') }),
  },
  disqualify: {
    usage: 'disqualify --partner ID --reason TEXT',
    method: 'POST',
    path: (v) => `operator/partners/${id(v, 'partner')}/disqualify`,
    body: (v) => ({ reason: required(v, 'reason') }),
  },
  'seed-history': {
    usage: 'seed-history --referrals N --purchases N [--partner ID] [--days N]',
    method: 'POST',
    path: () => 'operator/history',
    body: (v) => ({
      partnerId: v.partner,
      referrals: int(v, 'referrals'),
      purchases: int(v, 'purchases'),
      days: int(v, 'days', true),
    }),
  },
};

const optionNames = [
  'url',
  'email',
  'name',
  'code',
  'account',
  'buyer',
  'sku',
  'discount',
  'at',
  'purchase',
  'amount',
  'payout',
  'status',
  'reason',
  'credit',
  'rate',
  'min-payout',
  'min-referrals',
  'summary',
  'hold-days',
  'from',
  'partner',
  'referrals',
  'purchases',
  'days',
];

export function operatorUsage(): string {
  return Object.values(operatorCommands)
    .map((c) => `  npm run sandbox -- ${c.usage} --url SANDBOX_URL`)
    .join('\n');
}

/** Runs one operator command; returns the process exit code. */
export async function runOperatorCommand(
  name: string,
  args: string[],
  out: (line: string) => void = console.log,
  fetchImpl: typeof fetch = fetch,
): Promise<number> {
  const command = operatorCommands[name];
  if (!command) throw new Error(`Unknown command ${name}.`);
  const { values } = parseArgs({
    args,
    options: Object.fromEntries(optionNames.map((o) => [o, { type: 'string' as const }])),
    strict: true,
  });
  const v = values as Values;
  const base = v.url ?? process.env.SANDBOX_URL;
  if (!base) throw new Error('--url (or SANDBOX_URL) is required: the URL the sandbox printed.');
  const url = new URL(command.path(v), base.endsWith('/') ? base : `${base}/`);
  const response = await fetchImpl(url, {
    method: command.method,
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(command.body(v)),
  });
  const text = await response.text();
  let pretty = text;
  try {
    pretty = JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    // not JSON: print as is
  }
  out(pretty);
  return response.ok ? 0 : 1;
}
