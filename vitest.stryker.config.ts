// The vitest run Stryker drives (stryker.config.mjs): the `node` project of vitest.config.ts,
// narrowed to the tests of the rules themselves — contracts, the sandbox's program and its HTTP
// API, core — without the suites that boot a whole sandbox server or companion per test (seconds
// each, run for every mutant they touch). A mutant only those would catch counts as survived, so
// the scores are a lower bound, and each rule must be pinned down where it is written.
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import base from './vitest.config.ts';

const node = base.test?.projects?.find(
  (project) => typeof project === 'object' && 'test' in project && project.test?.name === 'node',
);
if (!node || typeof node !== 'object' || !('test' in node))
  throw new Error('vitest.config.ts has no `node` project.');

/**
 * Fastest files first: a mutant stops at its first failing test, and vitest's own order (slowest
 * first) would run the property tests — tens of seconds when instrumented — before every mutant.
 */
class FastestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return (await super.sort(files)).reverse();
  }
}

export default defineConfig({
  test: {
    sequence: { sequencer: FastestFirst },
    projects: [
      {
        ...node,
        test: {
          ...node.test,
          // Instrumented code on a busy machine: the property tests take several times longer.
          testTimeout: 120_000,
          include: [
            'shared/**/*.test.ts',
            'sandbox/program/**/*.test.ts',
            'sandbox/http/program-api.test.ts',
            'electron/core/**/*.test.ts',
          ],
          exclude: [
            'electron/core/companion.test.ts',
            'electron/core/demo-sandbox.test.ts',
            'electron/core/live/live-service.test.ts',
            'electron/core/live/accounts-url-setting.test.ts',
            'electron/core/payouts/payout-and-credit-requests.test.ts',
            'electron/core/session/session.test.ts',
            'electron/core/session/companion-session.test.ts',
          ],
        },
      },
    ],
  },
});
