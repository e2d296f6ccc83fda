import { defineConfig } from 'vitest/config';

// Browser tests (npm run test:e2e; also the second half of npm test): real Chromium and Firefox
// with the built extension. The global setup checks the browsers and builds production and e2e
// once. One file at a time (a browser each on a two-core machine), no retries: a flaky test is a bug.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    retry: 0,
  },
});
