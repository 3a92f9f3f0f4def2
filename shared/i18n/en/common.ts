// The app shell's strings: title, navigation, loading/error states shared by every section.
export const common = {
  appTitle: 'Referral Companion',
  demoBadge: 'Demo mode',
  demoBadgeHint: 'Running against the built-in sandbox with a demo partner, not your Quantower account.',
  sectionsLabel: 'Sections',
  sections: {
    referral: 'Referral',
    earnings: 'Earnings',
    settings: 'Settings',
  },
  retry: 'Retry',
  /** The desktop app's error box when core cannot start. */
  startFailed: 'Referral Companion could not start',
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
  },
};
