// The referral card: code, link, Copy, the on-screen QR code.
export const referral = {
  loading: 'Loading your referral link…',
  heading: 'Your referral link',
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
};
