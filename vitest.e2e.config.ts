import { defineConfig } from 'vitest/config';

/**
 * Browser tests (`npm run test:e2e`, which builds the page first): the `.e2e.ts` files under
 * test/e2e. The main config takes only `.test.ts` files, so `npm test` never starts a browser.
 * One at a time: each drives a real Chromium.
 */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
