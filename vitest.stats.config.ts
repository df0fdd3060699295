import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/stats/**/*.test.ts'],
    reporters: ['default', './test/plain-summary-reporter.ts'],
    testTimeout: 600_000,
    hookTimeout: 600_000,
  },
});
