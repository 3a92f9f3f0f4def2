import { defineConfig } from '@playwright/test';

// Debian's Chromium: `npx playwright install` cannot download browsers here or on CI.
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export default defineConfig({
  testDir: 'test/e2e',
  // Two workers, one per core of this machine and of CI (2 cores): the tests mostly wait on a page
  // or a server, so two at once finish in little more than half the time. Each worker starts its own
  // shared shells (test/e2e/support/fixtures.ts); a spec file runs in one worker, in order, unless
  // it says its tests share nothing (`test.describe.configure({ mode: 'parallel' })`).
  fullyParallel: false,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  reporter: process.env.CI ? 'list' : [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
    trace: 'off',
  },
});
