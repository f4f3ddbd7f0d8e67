import { defineConfig } from 'vitest/config';

// Secrets are fixed for tests so that nothing is written to the real data directory.
const env = { AUTH_SECRET: 'test-auth-secret', DATA_KEY: 'test-data-key', ONEWINDOW_MODE: 'demo', TZ: 'UTC' };

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], env } },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          env,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          env,
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          // A page refreshed after an action can take seconds on a loaded CI machine; vitest's
          // default of 1 s for expect.poll made a passing step fail there.
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
