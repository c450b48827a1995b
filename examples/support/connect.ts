import { createOpenRouter, type OpenRouterProvider } from 'ai-sdk-openrouter';
import {
  createOpenRouterEmulator,
  type OpenRouterEmulator,
} from 'ai-sdk-openrouter/testing';

/**
 * The provider every example uses: OpenRouter itself when
 * `OPENROUTER_API_KEY` is set, otherwise a local emulator, so that each
 * example also runs offline.
 */
export async function connect(): Promise<{
  openrouter: OpenRouterProvider;
  offline: boolean;
  close: () => Promise<void>;
}> {
  if (process.env.OPENROUTER_API_KEY) {
    return {
      openrouter: createOpenRouter({
        baseURL: process.env.OPENROUTER_BASE_URL,
        appName: 'ai-sdk-openrouter examples',
      }),
      offline: false,
      close: async () => {},
    };
  }

  const emulator: OpenRouterEmulator = await createOpenRouterEmulator({
    chunkDelayMs: 25,
  });
  console.log(
    `No OPENROUTER_API_KEY set, so this runs offline against the OpenRouter emulator at ${emulator.baseURL}.`,
  );
  return {
    openrouter: createOpenRouter({
      apiKey: 'sk-or-emulator',
      // The emulator treats keys starting with sk-or-prov- as provisioning keys.
      provisioningKey: 'sk-or-prov-emulator',
      baseURL: emulator.baseURL,
    }),
    offline: true,
    close: () => emulator.close(),
  };
}
