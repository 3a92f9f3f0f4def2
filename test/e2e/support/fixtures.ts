// The end-to-end tests' fixtures (docs/testing.md, "End-to-end tests"): what a worker starts once
// and lends to every spec that runs in it, and what a test starts for itself.
//
// - `sharedShell`: this worker's demo shell (the browser shell with its embedded sandbox), signed in
//   once as the demo partner, through the bridge and the sandbox's form, not through a page. For
//   specs that are not about signing in and leave nothing behind that another spec could see: they
//   may add to the demo world (a referral, a purchase) but compare what they see with the sandbox's
//   own answers, never with the seeded figures. The settings a test finds are put back after it, and
//   the shell must still be signed in with the same settings, or the test fails.
// - `signedOutShell`: this worker's demo shell that nobody signs in (signed-out views).
// - `startShell(args, options)`: a shell of the test's own, on a fresh data directory unless one is
//   given, stopped after the test: sign-in itself, the welcome and modes, restarts, crashes, fixed
//   seeded figures, terms and disqualification (they change the whole world), an accounts server
//   that goes away.
// A failed test ends its worker (Playwright starts a new one), so whatever it left behind goes too.
import { test as base, expect, type Page } from '@playwright/test';
import type { Settings } from '../../../shared/settings.ts';
import { type RunningShell, type ShellProcessOptions, startShellProcess } from './processes.ts';
import { shellBridge, signInCore } from './shell-bridge.ts';

export { expect };

export interface WorkerFixtures {
  signedInShell: RunningShell;
  signedOutShell: RunningShell;
}

export interface TestFixtures {
  sharedShell: RunningShell;
  startShell: (args?: string[], options?: ShellProcessOptions) => Promise<RunningShell>;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  signedInShell: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads the fixtures a fixture needs from this pattern.
    async ({}, use) => {
      const shell = await startShellProcess();
      try {
        await signInCore(shell);
        await use(shell);
      } finally {
        await shell.stop();
      }
    },
    { scope: 'worker' },
  ],

  signedOutShell: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads the fixtures a fixture needs from this pattern.
    async ({}, use) => {
      const shell = await startShellProcess();
      try {
        await use(shell);
        const session = await (await shellBridge(shell)).call('getSession', {});
        expect(session.state, 'nobody signs the signed-out shell in').toBe('signed-out');
      } finally {
        await shell.stop();
      }
    },
    { scope: 'worker' },
  ],

  sharedShell: async ({ signedInShell }, use) => {
    const bridge = await shellBridge(signedInShell);
    const before = await bridge.call('getSettings', {});
    await use(signedInShell);
    // What tests on the shared shell may change, put back: the UI's language, theme and section,
    // and the share messages. Anything else a test changes must be put back by the test itself.
    await bridge.call('updateSettings', { ui: before.ui, share: { messages: before.share.messages } });
    const after: Settings = await bridge.call('getSettings', {});
    expect(after, 'the shared shell’s settings after the test').toEqual(before);
    expect((await bridge.call('getSession', {})).state, 'the shared shell stays signed in').toBe('signed-in');
  },

  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads the fixtures a fixture needs from this pattern.
  startShell: async ({}, use) => {
    const started: RunningShell[] = [];
    await use(async (args = [], options = {}) => {
      const shell = await startShellProcess(args, options);
      started.push(shell);
      return shell;
    });
    await Promise.all(started.map((shell) => shell.stop()));
  },
});

/** Signs the shell in (unless it is) without a page, then opens it in `page`. */
export async function openSignedIn(page: Page, shell: RunningShell): Promise<void> {
  await signInCore(shell);
  await page.goto(shell.url);
}
