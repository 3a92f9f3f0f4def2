// The first start (welcome), the three modes, link mode ("Use my referral link") and what link mode
// says where an accounts API would be needed (issue 13).
export const welcome = {
  heading: 'Welcome',
  intro: 'How do you want to use the companion? You can change this later in Settings.',
  choices: {
    link: {
      title: 'Use my referral link',
      text: 'Your own link from your Quantower account: copy, QR code and share buttons. No sign-in.',
      action: 'Use my referral link',
      recommended: 'Recommended',
    },
    demo: {
      title: 'Try the demo',
      text: 'A built-in sandbox with a demo partner and made-up figures, to see every feature.',
      action: 'Try the demo',
      badge: 'Demo',
    },
    server: {
      title: 'Connect an accounts server',
      text: 'For servers that implement the companion’s accounts API. You sign in on the server’s page.',
      action: 'Connect an accounts server',
      urlLabel: 'Accounts server address',
      connect: 'Connect',
    },
  },
  failed: 'Couldn’t switch: {{message}}',
  urlRefusals: {
    empty: 'Enter the server’s address.',
    'not-a-url': 'This is not a web address (it starts with https://).',
    'not-https':
      'The address must start with https:// (http:// only for this computer: localhost, 127.0.0.1).',
    credentials: 'Leave the user name and password out of the address.',
  },
  link: {
    heading: 'Your referral link',
    changeHeading: 'Change your referral link',
    intro:
      'Copy your link from your Quantower account page (accounts.quantower.com) and paste it here, or type your referral code.',
    inputLabel: 'Referral link or code',
    paste: 'Paste',
    save: 'Save link',
    openAccount: 'Open my Quantower account',
    saved: 'Saved. Your link is ready to share.',
    pasteFailed: 'Couldn’t read the clipboard: {{message}}',
    pasteEmpty: 'The clipboard holds no text.',
    saveFailed: 'Couldn’t save the link: {{message}}',
    offer: 'Your clipboard holds a Quantower referral link: {{link}}. Use this link?',
    offerUse: 'Use this link',
    offerDismiss: 'Not now',
  },
  refusals: {
    empty: 'Paste your referral link or type your code.',
    'control-characters': 'This contains invisible control characters; copy the link again.',
    'unsafe-scheme':
      'This is not a web link. Paste the link that starts with https://accounts.quantower.com/.',
    'not-https': 'The link must start with https:// (this one uses http://).',
    'other-host': 'This link is not on accounts.quantower.com, so it cannot be your Quantower referral link.',
    'not-referral-link': 'This is a Quantower address, but not a referral link (…/referral?referral_code=…).',
    'missing-code': 'The link has no referral_code in it.',
    'empty-code': 'The link’s referral_code is empty.',
    whitespace: 'A referral code has no spaces. Copy the link again from your account page.',
    'too-long': 'This is too long for a referral code (at most 128 characters).',
  },
  earnings: {
    heading: 'No figures with a referral link only',
    text: 'Quantower publishes no referral statistics to apps, so the companion cannot show your earnings, referrals or history in this mode. It never shows made-up figures instead.',
    howHeading: 'How to get them',
    support: 'Ask Quantower Support for your balance and referrals (e-mail, Telegram or the website chat).',
    server: 'Or connect an accounts server that provides them (Settings → Mode).',
    email: 'E-mail support',
    telegram: 'Message on Telegram',
    askSubject: 'Referral statistics ({{code}})',
    askBody:
      'Hello,\n\nCould you tell me my referral balance, pending and paid amounts and my referrals?\nReferral code: {{code}}\n\nThank you.',
    copied: 'Message copied: paste it in the chat.',
  },
  settings: {
    heading: 'Mode',
    current: 'Now: {{mode}}',
    modes: { link: 'My referral link', demo: 'Demo', server: 'Accounts server' },
    keep: 'Switching keeps what each mode saved (your link, the server address, the demo data).',
    use: 'Use',
  },
};
