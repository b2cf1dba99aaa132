import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  test: {
    restoreMocks: true,
    projects: [
      {
        plugins: [WxtVitest()],
        test: {
          name: 'extension',
          environment: 'happy-dom',
          include: ['lib/**/*.test.ts', 'components/**/*.test.ts', 'components/**/*.test.tsx'],
        },
      },
      {
        test: {
          name: 'server',
          environment: 'node',
          include: ['server/test/**/*.test.ts', 'server/src/**/*.test.ts'],
          // Each file opens its own databases; PostgreSQL start-up and PGlite migrations take a moment.
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
