// The vitest run Stryker drives (stryker.config.mjs): the `node` project of vitest.config.ts only.
// The rule modules under mutation are pinned down by Node tests; the renderer's happy-dom tests
// would multiply every mutant's run time.
import { defineConfig } from 'vitest/config';
import base from './vitest.config.ts';

const node = base.test?.projects?.find(
  (project) => typeof project === 'object' && 'test' in project && project.test?.name === 'node',
);
if (!node || typeof node !== 'object') throw new Error('vitest.config.ts has no `node` project.');

export default defineConfig({ test: { projects: [node] } });
