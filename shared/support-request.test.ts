import { describe, expect, it } from 'vitest';
import { resources } from './i18n/resources.ts';
import { LICENSE_TERMS, PUBLIC_LICENSE_PRODUCTS } from './license-catalog.ts';
import { SUPPORT_CHAT, SUPPORT_TELEGRAM } from './support-contact.ts';
import {
  checkSupportRequest,
  composeSupportRequest,
  type SupportRequest,
  type SupportRequestForm,
  supportChannelTarget,
} from './support-request.ts';

const payoutForm: SupportRequestForm = {
  kind: 'payout',
  accountEmail: ' partner@example.com ',
  referralCode: 'QT+DEMO/42=',
  wholeBalance: false,
  amountText: '1 234,5',
  method: 'wire',
  destination: 'DE89 3704 0044 0532 0130 00',
  productId: '',
  term: '',
};
const licenseForm: SupportRequestForm = {
  ...payoutForm,
  kind: 'license',
  wholeBalance: true,
  amountText: '',
  destination: '',
  productId: 'all-in-one',
  term: '6m',
};

describe('checkSupportRequest', () => {
  it('turns a good payout form into a request with integer cents', () => {
    expect(checkSupportRequest(payoutForm)).toEqual({
      ok: true,
      request: {
        kind: 'payout',
        accountEmail: 'partner@example.com',
        referralCode: 'QT+DEMO/42=',
        amount: { kind: 'cents', cents: 123_450 },
        method: 'wire',
        destination: 'DE89 3704 0044 0532 0130 00',
      },
    });
  });

  it('checks the destination exactly as the API does, per method', () => {
    const problem = (method: SupportRequestForm['method'], destination: string) => {
      const checked = checkSupportRequest({ ...payoutForm, method, destination });
      return checked.ok ? null : checked.problems.destination;
    };
    expect(problem('wire', 'DE88 3704 0044 0532 0130 00')).toBe('iban-check');
    expect(problem('wire', 'me@example.com')).toBe('iban-format');
    expect(problem('paypal', 'me@example')).toBe('email');
    expect(problem('paypal', 'me@example.com')).toBeNull();
    expect(problem('usdt-trc20', 'TNPeeaaFB7K9cmo4uQpcU32zGK8G1NYqe0')).toBe('tron-address');
    expect(problem('usdt-trc20', 'TNPeeaaFB7K9cmo4uQpcU32zGK8G1NYqeL')).toBeNull();
  });

  it('names every problem at once', () => {
    expect(
      checkSupportRequest({
        ...payoutForm,
        accountEmail: 'nobody',
        referralCode: 'has space',
        amountText: '12.345',
        destination: '',
      }),
    ).toEqual({
      ok: false,
      problems: { accountEmail: 'email', referralCode: 'code', amount: 'format', destination: 'iban-format' },
    });
    expect(checkSupportRequest({ ...payoutForm, amountText: '0.00' })).toEqual({
      ok: false,
      problems: { amount: 'zero' },
    });
    expect(checkSupportRequest({ ...payoutForm, referralCode: '  ' })).toMatchObject({
      problems: { referralCode: 'code' },
    });
  });

  it('does not look at the amount text when the whole balance is asked', () => {
    expect(checkSupportRequest({ ...payoutForm, wholeBalance: true, amountText: 'junk' })).toMatchObject({
      ok: true,
      request: { amount: { kind: 'whole-balance' } },
    });
  });

  it('takes license product and term only from the public catalog', () => {
    expect(checkSupportRequest(licenseForm)).toMatchObject({
      ok: true,
      request: { kind: 'license', productId: 'all-in-one', term: '6m', amount: { kind: 'whole-balance' } },
    });
    expect(checkSupportRequest({ ...licenseForm, productId: 'platinum', term: '2y' })).toEqual({
      ok: false,
      problems: { productId: 'product', term: 'term' },
    });
  });
});

const payout: SupportRequest = {
  kind: 'payout',
  accountEmail: 'partner@example.com',
  referralCode: 'QT+DEMO/42=',
  amount: { kind: 'cents', cents: 6_050 },
  method: 'paypal',
  destination: 'pay.me@example.com',
};

describe('composeSupportRequest', () => {
  it('writes a payout request in English with the amount, method, destination, e-mail and code', () => {
    const { subject, body } = composeSupportRequest(payout, 'en');
    expect(subject).toBe('Referral payout request (QT+DEMO/42=)');
    expect(body.split('\n')).toEqual([
      'Hello Quantower Support,',
      '',
      'I would like to withdraw $60.50 of my referral earnings.',
      'Method: PayPal',
      'Destination: pay.me@example.com',
      '',
      'Account e-mail: partner@example.com',
      'Referral code: QT+DEMO/42=',
      '',
      'Thank you.',
    ]);
  });

  it('writes it in Russian, with the amount as Russian readers write it', () => {
    const { subject, body } = composeSupportRequest(
      {
        ...payout,
        amount: { kind: 'cents', cents: 123_450 },
        method: 'wire',
        destination: 'DE89370400440532013000',
      },
      'ru',
    );
    expect(subject).toBe('Запрос выплаты реферального вознаграждения (QT+DEMO/42=)');
    // ru-RU groups with a narrow no-break space and uses a decimal comma.
    expect(body).toContain('Прошу выплатить 1\u00a0234,50\u00a0$ из моего реферального вознаграждения.');
    expect(body).toContain('Способ: Банковский перевод (IBAN)');
    expect(body).toContain('Реферальный код: QT+DEMO/42=');
    expect(body).toContain('E-mail аккаунта: partner@example.com');
  });

  it('asks for the whole balance, and names license product and term in the language', () => {
    const license: SupportRequest = {
      kind: 'license',
      accountEmail: 'partner@example.com',
      referralCode: 'ABC',
      amount: { kind: 'whole-balance' },
      productId: 'tpo',
      term: 'lifetime',
    };
    expect(composeSupportRequest(license, 'en').body).toContain(
      'I would like to apply my whole available referral balance to a license.\nLicense: TPO add-on\nTerm: Lifetime',
    );
    const ru = composeSupportRequest(license, 'ru');
    expect(ru.subject).toBe('Оплата лицензии реферальным балансом (ABC)');
    expect(ru.body).toContain('Лицензия: Дополнение TPO\nСрок: Бессрочно');
  });

  it('keeps text the user typed as typed, even when it looks like a placeholder or a $ pattern', () => {
    const { body } = composeSupportRequest({ ...payout, destination: 'a{{code}}$&@example.com' }, 'en');
    expect(body).toContain('Destination: a{{code}}$&@example.com');
  });

  it('has words for every catalog product and term in both languages', () => {
    for (const language of ['en', 'ru'] as const) {
      const words = resources[language].supportRequests;
      for (const product of PUBLIC_LICENSE_PRODUCTS) expect(words.products).toHaveProperty(product.id);
      for (const term of LICENSE_TERMS) expect(resources[language].licenses.terms[term]).toBeTruthy();
    }
    // English names are the catalog's own.
    for (const product of PUBLIC_LICENSE_PRODUCTS) {
      expect(resources.en.supportRequests.products[product.id as 'tpo']).toBe(product.name);
    }
  });
});

describe('supportChannelTarget', () => {
  const message = composeSupportRequest(payout, 'en');
  it('e-mails support with subject and body, copying nothing', () => {
    const target = supportChannelTarget('email', message);
    expect(target.copy).toBeNull();
    const url = new URL(target.url);
    expect(url.protocol).toBe('mailto:');
    expect(url.pathname).toBe('info@quantower.com');
    expect(decodeURIComponent(target.url)).toContain('Referral code: QT+DEMO/42=');
  });

  it('opens Telegram or the website chat with subject and body on the clipboard', () => {
    expect(supportChannelTarget('telegram', message)).toEqual({
      url: SUPPORT_TELEGRAM,
      copy: `${message.subject}\n\n${message.body}`,
    });
    expect(supportChannelTarget('chat', message).url).toBe(SUPPORT_CHAT);
  });
});
