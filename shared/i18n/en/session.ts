// Sign-in: the sign-in screen, the waiting state, why a session ended, and the account menu.
export const session = {
  heading: 'Sign in to Quantower',
  intro:
    'Sign in with your Quantower account to see your referral link and earnings. Your browser opens the Quantower sign-in page; the companion never sees your password.',
  signIn: 'Sign in with Quantower',
  starting: 'Opening the sign-in page…',
  waiting: 'Waiting for you to sign in in your browser…',
  waitingHint: 'Finish signing in on the page that opened in your browser, then come back here.',
  reopen: 'Open the sign-in page again',
  openFailed: "Couldn't open your browser.",
  cancel: 'Cancel',
  /** A headline per reason the session ended or could not start; the details follow it. */
  reasons: {
    denied: 'Sign-in was cancelled.',
    'timed-out': 'Sign-in timed out. Start again when you are ready.',
    unreachable: "Can't reach the Quantower accounts server. Check your connection, then try again.",
    expired: 'Your session has ended. Please sign in again.',
    failed: "Sign-in didn't complete.",
  },
  /** A note after a sign-out that went through here (not an error). */
  notices: {
    'revocation-failed':
      'Signed out on this computer. The server could not be told; the sign-in will expire by itself.',
  },
  /** Where the sign-in is kept when it is not the OS keychain (core's reason follows). */
  storage: {
    memory:
      'Your sign-in is kept in memory only: you will be asked to sign in again after the companion restarts.',
    safeStorage: 'Your sign-in is encrypted by the operating system instead of being kept in its keychain.',
  },
  accountMenu: 'Account',
  signedInAs: 'Signed in as',
  signOut: 'Sign out',
  signingOut: 'Signing out…',
};
