import { defineConfig } from 'vitest/config';
import { sharedConfig, sharedTestConfig } from './vitest.shared.ts';

export default defineConfig({
  ...sharedConfig,
  test: {
    ...sharedTestConfig,
    environment: 'edge-runtime',
    // These spawn Node processes (examples, the CLI, the soak) or measure
    // load; there is nothing edge-specific in them to test.
    exclude: [
      'test/examples.test.ts',
      'test/cli*.test.ts',
      'test/bench.test.ts',
      'test/reliability/load.test.ts',
      'test/e2e/**',
      'node_modules/**',
    ],
  },
});
