import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';

const { version } = JSON.parse(
  readFileSync(new URL('./package.json', import.meta.url), 'utf8'),
) as { version: string };

/** Settings shared by the node and edge-runtime test configs. */
export const sharedConfig = {
  define: { __PACKAGE_VERSION__: JSON.stringify(version) },
  resolve: {
    // Tests import the package by its public name, exactly as users do.
    alias: {
      'ai-sdk-openrouter/testing': fileURLToPath(
        new URL('./src/testing/index.ts', import.meta.url),
      ),
      'ai-sdk-openrouter/internal': fileURLToPath(
        new URL('./src/internal/index.ts', import.meta.url),
      ),
      'ai-sdk-openrouter': fileURLToPath(
        new URL('./src/index.ts', import.meta.url),
      ),
    },
  },
};

export const sharedTestConfig = {
  include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
  // The browser tests run on their own: `npm run test:e2e`.
  exclude: ['node_modules/**', 'test/e2e/**'],
  testTimeout: 20_000,
  hookTimeout: 20_000,
  // Vitest's default, one worker fewer than CPUs, runs the files one by one
  // on a 2-CPU machine, while the longest ones mostly wait on the processes
  // they start. No test depends on the machine being idle.
  maxWorkers: Math.max(2, availableParallelism() - 1),
};
