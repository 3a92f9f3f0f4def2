// A payout or license request to Quantower Support (issue 13, R5), zod-free so the renderer uses it:
// the form's checks (the payout destination exactly as the accounts API checks it), and the
// request's text in the user's language with the referral code. Rules only: sending is the UI's
// (openExternal, clipboard) and the journal is core's.
import { resources, type UiLocale } from './i18n/resources.ts';
import {
  isLicenseProductId,
  isLicenseTerm,
  type LicenseProductId,
  type PublicLicenseTerm,
} from './license-catalog.ts';
import { formatCents, parseAmountToCents } from './money-format.ts';
import {
  type DestinationMethod,
  type DestinationProblem,
  destinationProblemCode,
  isEmailAddress,
} from './payout-destination.ts';
import { referralCodeProblem } from './referral-link.ts';
import {
  SUPPORT_CHAT,
  SUPPORT_TELEGRAM,
  type SupportChannel,
  type SupportRequestKind,
  supportMailto,
} from './support-contact.ts';

export {
  SUPPORT_CHANNELS,
  SUPPORT_REQUEST_KINDS,
  type SupportChannel,
  type SupportRequestKind,
} from './support-contact.ts';
export const PAYOUT_METHODS: readonly DestinationMethod[] = ['paypal', 'usdt-trc20', 'wire'];

/** Integer cents, or "whole balance" (the partner may not know the balance: no API in link mode). */
export type RequestAmount = { kind: 'whole-balance' } | { kind: 'cents'; cents: number };

interface RequestBase {
  accountEmail: string;
  referralCode: string;
  amount: RequestAmount;
}
export type SupportRequest =
  | (RequestBase & { kind: 'payout'; method: DestinationMethod; destination: string })
  | (RequestBase & { kind: 'license'; productId: LicenseProductId; term: PublicLicenseTerm });

/** What the form holds: text as typed. */
export interface SupportRequestForm {
  kind: SupportRequestKind;
  accountEmail: string;
  referralCode: string;
  wholeBalance: boolean;
  amountText: string;
  method: DestinationMethod;
  destination: string;
  productId: string;
  term: string;
}

export type AmountProblem = 'format' | 'zero';
export interface SupportRequestProblems {
  accountEmail?: 'email';
  referralCode?: 'code';
  amount?: AmountProblem;
  destination?: DestinationProblem;
  productId?: 'product';
  term?: 'term';
}

export type CheckedRequest =
  | { ok: true; request: SupportRequest }
  | { ok: false; problems: SupportRequestProblems };

/** Checks the form; every problem at once, as codes the UI words in the user's language. */
export function checkSupportRequest(form: SupportRequestForm): CheckedRequest {
  const problems: SupportRequestProblems = {};
  const accountEmail = form.accountEmail.trim();
  const referralCode = form.referralCode.trim();
  if (!isEmailAddress(accountEmail)) problems.accountEmail = 'email';
  if (referralCodeProblem(referralCode) !== null) problems.referralCode = 'code';
  let amount: RequestAmount = { kind: 'whole-balance' };
  if (!form.wholeBalance) {
    const cents = parseAmountToCents(form.amountText);
    if (cents === null) problems.amount = 'format';
    else if (cents === 0) problems.amount = 'zero';
    else amount = { kind: 'cents', cents };
  }
  const base = { accountEmail, referralCode, amount };
  if (form.kind === 'payout') {
    // The destination as the API and the sandbox check it (PayoutRequest in accounts-api.ts).
    const destination = form.destination.trim();
    const problem = destinationProblemCode(form.method, destination);
    if (problem) problems.destination = problem;
    if (Object.keys(problems).length > 0) return { ok: false, problems };
    return { ok: true, request: { ...base, kind: 'payout', method: form.method, destination } };
  }
  const { productId, term } = form;
  if (!isLicenseProductId(productId)) problems.productId = 'product';
  if (!isLicenseTerm(term)) problems.term = 'term';
  if (Object.keys(problems).length > 0 || !isLicenseProductId(productId) || !isLicenseTerm(term)) {
    return { ok: false, problems };
  }
  return { ok: true, request: { ...base, kind: 'license', productId, term } };
}

export interface ComposedRequest {
  subject: string;
  /** Lines joined by \n (the mailto builder writes CRLF). */
  body: string;
}

const INTL: Record<UiLocale, string> = { en: 'en-US', ru: 'ru-RU' };

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/gu, (whole, name: string) => values[name] ?? whole);
}

/** The request's subject and body in `language`, with the referral code and the amount. */
export function composeSupportRequest(
  request: SupportRequest,
  language: UiLocale,
  money: (cents: number) => string = (cents) => formatCents(cents, INTL[language]),
): ComposedRequest {
  const words = resources[language].supportRequests;
  const m = words.message;
  const code = request.referralCode;
  const amount = request.amount.kind === 'cents' ? money(request.amount.cents) : '';
  const lines = [m.greeting, ''];
  if (request.kind === 'payout') {
    lines.push(
      request.amount.kind === 'cents' ? fill(m.payoutAmount, { amount }) : m.payoutWhole,
      fill(m.method, { method: words.methods[request.method] }),
      fill(m.destination, { destination: request.destination }),
    );
  } else {
    const product = words.products[request.productId];
    lines.push(
      request.amount.kind === 'cents' ? fill(m.licenseAmount, { amount }) : m.licenseWhole,
      fill(m.product, { product }),
      fill(m.term, { term: resources[language].licenses.terms[request.term] }),
    );
  }
  lines.push('', fill(m.account, { email: request.accountEmail }), fill(m.code, { code }), '', m.thanks);
  const subject = fill(request.kind === 'payout' ? m.payoutSubject : m.licenseSubject, { code });
  return { subject, body: lines.join('\n') };
}

/** Where a channel sends the user, and whether the message must be on the clipboard first. */
export function supportChannelTarget(
  channel: SupportChannel,
  message: ComposedRequest,
): { url: string; copy: string | null } {
  switch (channel) {
    case 'email':
      return { url: supportMailto(message.subject, message.body), copy: null };
    // A chat link cannot carry text: the message goes to the clipboard, to paste there.
    case 'telegram':
      return { url: SUPPORT_TELEGRAM, copy: `${message.subject}\n\n${message.body}` };
    case 'chat':
      return { url: SUPPORT_CHAT, copy: `${message.subject}\n\n${message.body}` };
  }
}
