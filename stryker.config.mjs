// Mutation testing (`npm run test:mutation`, see docs/testing.md): Stryker changes one operator,
// condition or value at a time in the rule modules below and reruns the tests that cover that
// spot; a change no test notices ("survived") is a rule no test pins down.
// One file: `npm run test:mutation -- --mutate sandbox/program/rounding.ts`.

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  // The modules that move money or decide what a user is told.
  mutate: [
    'electron/core/payouts/outbox.ts',
    'electron/core/notifications/policy.ts',
    'electron/core/licenses/auto-apply.ts',
    'electron/core/external-links.ts',
    'electron/core/live/backoff.ts',
    'electron/core/session/pkce.ts',
    'shared/money.ts',
    'shared/money-format.ts',
    'shared/earnings-readiness.ts',
    'shared/referral-link.ts',
    'shared/share-targets.ts',
    'shared/payout-destination.ts',
    'sandbox/program/rounding.ts',
    'sandbox/program/ledger.ts',
    'sandbox/program/earnings.ts',
    'sandbox/program/payouts.ts',
    'sandbox/program/credits.ts',
    'sandbox/program/disqualification.ts',
    'sandbox/program/terms.ts',
    'sandbox/program/idempotency.ts',
    'sandbox/program/local-calendar.ts',
  ],
  testRunner: 'vitest',
  // The `node` project only: the rules are pinned down by Node tests, and the renderer's tests
  // (happy-dom, React) would multiply the run time without being the place such a rule is tested.
  // Forks, as `npm run test:unit` runs: keytar (libsecret) loaded twice in one process's threads
  // crashes it (SIGSEGV).
  vitest: { configFile: 'vitest.stryker.config.ts', related: true, pool: 'forks' },
  // Each mutant reruns only the tests that ran through it.
  coverageAnalysis: 'perTest',
  // Two cores; the machines this runs on are shared.
  concurrency: 2,
  // A busy machine makes tests slower, not wrong: be generous before calling a mutant a timeout.
  timeoutMS: 20_000,
  dryRunTimeoutMinutes: 20,
  // Code that runs outside any test (a test file's top level or its beforeAll, such as seeding a
  // sandbox world) gives "static" coverage: without this option each such mutant would rerun every
  // related test (minutes each). With it, a mutant also hit inside tests runs just those tests; one
  // hit only at load time (a module-level constant) is reported as Ignored, not as caught.
  ignoreStatic: true,
  // A rerun tests only the mutants whose code or covering tests changed.
  incremental: true,
  incrementalFile: 'reports/stryker/incremental.json',
  reporters: ['clear-text', 'progress', 'html'],
  htmlReporter: { fileName: 'reports/stryker/mutation.html' },
  clearTextReporter: { allowColor: false, logTests: false, reportTests: false },
  // Every rule module must keep at least 90 % of its mutants caught (checked by eye in the report
  // per module; `break` fails the run when the whole falls under it).
  thresholds: { high: 95, low: 90, break: 90 },
  tempDirName: '.stryker-tmp',
  // Stryker rewrites a tsconfig's out-of-sandbox paths with TypeScript's JS API, which TypeScript 7
  // (native tsc) no longer has; ours only point inside the repository, so no file by this name
  // exists on purpose and the rewrite is skipped.
  tsconfigFile: 'no-tsconfig-rewrite.json',
  ignorePatterns: ['out', 'dist', 'test-results', 'playwright-report', 'reports', 'coverage', '.tmp'],
};
