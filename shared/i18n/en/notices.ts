// What core tells through the OS: notification texts (one event, a burst's summary, the summary
// after quiet hours). Amounts arrive formatted ({{amount}} "+$14.50"); counts pick plural forms.
export const notices = {
  commission: { title: 'New commission {{amount}}' },
  reversal: {
    title: 'Commission reversed {{amount}}',
    body: 'Refund: {{what}}',
    bodyUnknown: 'A purchase was refunded',
  },
  referral: { title: 'New referral', body: '{{referral}} registered through your link' },
  payout: {
    processing: 'Payout {{amount}} is being processed',
    paid: 'Payout {{amount}} was paid',
    rejected: 'Payout {{amount}} was rejected',
  },
  threshold: { title: 'You can withdraw now', body: '{{available}} available, minimum {{minimum}}' },
  license: {
    title: '{{product}} license expires soon',
    body: 'Until {{date}}. Your balance covers a renewal ({{price}}).',
  },
  renewalOffer: {
    title: 'Renew {{product}} from your balance?',
    body: '{{credit}} from your balance. Open to confirm.',
    bodyWithRest: '{{credit}} from your balance, {{rest}} left to pay. Open to confirm.',
  },
  renewalApplied: {
    title: '{{product}}: {{credit}} applied from your balance',
    bodyRest: '{{rest}} left to pay: open to check out.',
    bodyDone: 'The license is renewed.',
  },
  terms: { title: 'Program terms changed (v{{version}})' },
  disqualified: { title: 'You were disqualified from the program' },
  /** One kind in a summary: "3 new commissions", then ", +$12.30" for kinds with money. */
  counted: {
    commission_one: '{{count}} new commission',
    commission_other: '{{count}} new commissions',
    referral_one: '{{count}} new referral',
    referral_other: '{{count}} new referrals',
    reversal_one: '{{count}} commission reversed',
    reversal_other: '{{count}} commissions reversed',
    payout_one: '{{count}} payout update',
    payout_other: '{{count}} payout updates',
    threshold_one: '{{count}} withdrawal alert',
    threshold_other: '{{count}} withdrawal alerts',
    license_one: '{{count}} license expiring',
    license_other: '{{count}} licenses expiring',
    terms_one: '{{count}} terms update',
    terms_other: '{{count}} terms updates',
    disqualified_one: '{{count}} account notice',
    disqualified_other: '{{count}} account notices',
  },
  countedWithAmount: '{{part}}, {{amount}}',
  updates_one: '{{count}} update',
  updates_other: '{{count}} updates',
  quietHoursTitle: 'While quiet hours were on',
  /** Shown once, the first time closing the window hides it to the tray. */
  stillRunning: {
    title: 'Referral Companion is still running',
    body: 'It stays in the tray to tell you about new earnings. Quit from the tray menu.',
  },
};
