import {
  createOpenRouter,
  type OpenRouterProviderSettings,
} from 'ai-sdk-openrouter';
import {
  createOpenRouterEmulator,
  type OpenRouterEmulator,
  type OpenRouterEmulatorOptions,
} from 'ai-sdk-openrouter/testing';
import { afterAll, beforeAll, beforeEach } from 'vitest';

/** A fake key; tests scan errors and recordings to prove it never leaks. */
export const TEST_API_KEY = 'sk-or-v1-test-0123456789abcdef';

/**
 * Starts one emulator for the test file, clears it before every test, and
 * builds providers pointed at it.
 */
export function useEmulator(options?: OpenRouterEmulatorOptions) {
  let emulator: OpenRouterEmulator;

  beforeAll(async () => {
    emulator = await createOpenRouterEmulator(options);
  });
  afterAll(async () => {
    await emulator.close();
  });
  beforeEach(() => {
    emulator.reset();
  });

  return {
    get emulator() {
      return emulator;
    },
    createProvider(settings: OpenRouterProviderSettings = {}) {
      return createOpenRouter({
        apiKey: TEST_API_KEY,
        baseURL: emulator.baseURL,
        ...settings,
      });
    },
  };
}
