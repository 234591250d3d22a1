import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Two cores here: keep the pool small so end-to-end servers are not starved.
    maxWorkers: 2,
    testTimeout: 20_000,
  },
});
