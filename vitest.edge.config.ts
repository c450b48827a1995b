import { defineConfig } from 'vitest/config';
import { sharedConfig, sharedTestConfig } from './vitest.shared.ts';

export default defineConfig({
  ...sharedConfig,
  test: { ...sharedTestConfig, environment: 'edge-runtime' },
});
