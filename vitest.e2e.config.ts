import { defineConfig } from 'vitest/config';
import { sharedConfig } from './vitest.shared.ts';

/**
 * The browser end-to-end tests (`npm run test:e2e`): they build and start
 * the Next.js example and drive Chromium, so they get their own, longer
 * time limits and stay out of `npm test`.
 */
export default defineConfig({
  ...sharedConfig,
  test: {
    include: ['test/e2e/**/*.test.ts'],
    environment: 'node',
    // Each step inside has its own, shorter limit; these only cap the total.
    testTimeout: 90_000,
    hookTimeout: 600_000,
  },
});
