import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        // Contracts, core, browser shell, sandbox, Electron glue (with `electron` mocked), integration.
        test: {
          name: 'node',
          environment: 'node',
          include: [
            'shared/**/*.test.ts',
            'electron/**/*.test.ts',
            'sandbox/**/*.test.ts',
            'test/integration/**/*.test.ts',
            'test/desktop/**/*.test.ts',
            'scripts/**/*.test.ts',
          ],
          testTimeout: 20_000,
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'renderer',
          environment: 'happy-dom',
          include: ['renderer/src/**/*.test.{ts,tsx}'],
        },
      },
    ],
  },
});
