// Destination checks per payout method, without zod so the renderer can show inline errors with
// the very rules core and the sandbox enforce (accounts-api.ts builds PayoutRequest on these).

export type DestinationMethod = 'paypal' | 'usdt-trc20' | 'wire';
export type DestinationProblem = 'email' | 'tron-address' | 'iban-format' | 'iban-check';

// zod 4's default e-mail pattern, so the UI agrees with z.email() elsewhere in the contract.
const EMAIL =
  /^(?!\.)(?!.*\.\.)([A-Za-z0-9_'+\-.]*)[A-Za-z0-9_+-]@([A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/u;
/** An e-mail address as the contract's z.email() accepts it (also the support form's account e-mail). */
export function isEmailAddress(text: string): boolean {
  return EMAIL.test(text);
}

const TRON_ADDRESS = /^T[1-9A-HJ-NP-Za-km-z]{33}$/u;

/** What is wrong with a destination for a method, as a code; null when it is valid. */
export function destinationProblemCode(
  method: DestinationMethod,
  destination: string,
): DestinationProblem | null {
  switch (method) {
    case 'paypal':
      return EMAIL.test(destination) ? null : 'email';
    case 'usdt-trc20':
      return TRON_ADDRESS.test(destination) ? null : 'tron-address';
    case 'wire':
      return ibanProblem(destination);
  }
}

function ibanProblem(text: string): DestinationProblem | null {
  const iban = text.replace(/ /gu, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/u.test(iban)) return 'iban-format';
  // ISO 13616 check: move the first four characters to the end, letters → numbers, mod 97 = 1.
  const digits = (iban.slice(4) + iban.slice(0, 4)).replace(/[A-Z]/gu, (ch) => String(ch.charCodeAt(0) - 55));
  let remainder = 0;
  for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  return remainder === 1 ? null : 'iban-check';
}

const MESSAGES: Record<DestinationProblem, string> = {
  email: 'A PayPal destination is an e-mail address.',
  'tron-address': 'A USDT (TRC-20) destination is a TRON address: T followed by 33 base58 characters.',
  'iban-format': 'A wire destination is an IBAN.',
  'iban-check': 'The IBAN check digits are wrong.',
};

/** Why a destination is unusable for a method (English, for API errors), or null when it is valid. */
export function payoutDestinationProblem(method: DestinationMethod, destination: string): string | null {
  const code = destinationProblemCode(method, destination);
  return code === null ? null : MESSAGES[code];
}
