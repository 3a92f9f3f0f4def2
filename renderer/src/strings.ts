// Every user-facing English string of the UI, in one place so the later i18n work (English and
// Russian) replaces a single module instead of hunting through components.
import type { BridgeErrorCode } from '../../shared/bridge.ts';

export const strings = {
  appTitle: 'Referral Companion',
  demoBadge: 'Demo mode',
  demoBadgeHint: 'Running against the built-in sandbox with a demo partner, not your Quantower account.',

  loading: 'Loading your referral link…',

  referralHeading: 'Your referral link',
  partnerLabel: 'Partner',
  codeLabel: 'Referral code',
  linkLabel: 'Referral link',
  copy: 'Copy',
  copyAccessibleName: 'Copy referral link',
  copied: 'Copied',
  copyFailed: "Couldn't copy the link to the clipboard.",

  qrCaption: 'Scan to open your referral link',
  qrAlt: 'QR code of your referral link',
  qrLoading: 'Drawing the QR code…',
  qrFailed: "Couldn't draw the QR code for this link.",

  share: {
    heading: 'Share',
    copyCode: 'Copy code',
    copyCodeAccessibleName: 'Copy referral code',
    codeCopied: 'Code copied',
    copyCodeFailed: "Couldn't copy the code to the clipboard.",
    shortcutsHint: 'Shortcuts: Ctrl+Shift+C copies the link, Ctrl+Shift+K copies the code (⌘ on a Mac).',
    languageLabel: 'Message language',
    languages: { en: 'English', ru: 'Русский' },
    messageLabel: 'Share message',
    messageHint: '{link} becomes your referral link and {code} your code.',
    resetMessage: 'Reset to default',
    previewLabel: 'Preview',
    previewNote: 'Services with a field for the link get the link there instead of in the text.',
    settingsFailed: "Couldn't load or save your settings.",
    targetsLabel: 'Share on',
    targets: {
      telegram: 'Telegram',
      x: 'X',
      facebook: 'Facebook',
      whatsapp: 'WhatsApp',
      linkedin: 'LinkedIn',
      reddit: 'Reddit',
      email: 'E-mail',
    },
    shareOn: (service: string) => `Share your referral link on ${service}`,
    shareFailed: "Couldn't open the share page.",
    opened: 'Opened in your browser',
    qrLabel: 'QR code',
    showQr: 'Show QR',
    savePng: 'Save PNG',
    saveSvg: 'Save SVG',
    copyImage: 'Copy image',
    imageCopied: 'Image copied',
    saved: 'Saved',
    imageFailed: "Couldn't save or copy the QR image.",
    qrDialogTitle: 'Scan with your phone',
    qrDialogHint: 'Point the phone camera at the code. Press Esc to close.',
    close: 'Close',
  },

  retry: 'Retry',
  errorDetailsLabel: 'Details',
  errorNotRetryableHint: 'Retrying may not help; if this keeps happening, contact Quantower Support.',
  bridgeMissing:
    "The companion's connection to this window is missing. Restart the Referral Companion and try again.",

  /** A headline per bridge failure: the bridge's own message is shown below it as details. */
  errorTitles: {
    unavailable: "Can't reach the accounts server. Check your connection, then retry.",
    timeout: 'The accounts server took too long to answer.',
    rejected: 'The accounts server refused the request.',
    'invalid-response': 'The accounts server sent an answer the companion does not understand.',
    'invalid-input': 'The companion made a request it should not have.',
    'unknown-method': 'This part of the companion is not available in this version.',
    forbidden: 'The companion refused the request from this window.',
    internal: 'Something went wrong inside the companion.',
  } satisfies Record<BridgeErrorCode, string>,
} as const;
