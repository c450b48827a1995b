import { createOpenRouter, type OpenRouterProvider } from 'ai-sdk-openrouter';

/**
 * The provider the chat route uses.
 *
 * - With `OPENROUTER_API_KEY`: OpenRouter itself, or `OPENROUTER_BASE_URL`
 *   when set (the end-to-end test points it at an emulator it started).
 * - Without a key but with `OPENROUTER_BASE_URL`: that server.
 * - With neither: an OpenRouter emulator started inside this server process,
 *   so that `npm run dev` works offline.
 */
export function getOpenRouter(): Promise<OpenRouterProvider> {
  const apiKey = process.env.OPENROUTER_API_KEY;
  const baseURL = process.env.OPENROUTER_BASE_URL;
  if (apiKey || baseURL) {
    return Promise.resolve(
      createOpenRouter({
        // An emulator takes any key; OpenRouter itself needs the real one.
        apiKey: apiKey || 'sk-or-emulator',
        baseURL: baseURL || undefined,
        appName: 'ai-sdk-openrouter next-chat example',
      }),
    );
  }
  // One emulator per server process, started by the first request.
  offlineProvider ??= startEmulator();
  return offlineProvider;
}

let offlineProvider: Promise<OpenRouterProvider> | undefined;

async function startEmulator(): Promise<OpenRouterProvider> {
  // Loaded only offline, so a deployment with a key never starts a server.
  const { createOpenRouterEmulator } = await import(
    'ai-sdk-openrouter/testing'
  );
  // A small delay between chunks makes the streaming visible in the browser.
  const emulator = await createOpenRouterEmulator({ chunkDelayMs: 30 });
  console.log(
    `No OPENROUTER_API_KEY set: chatting with the OpenRouter emulator at ${emulator.baseURL}.`,
  );
  return createOpenRouter({
    apiKey: 'sk-or-emulator',
    baseURL: emulator.baseURL,
  });
}

/**
 * Which of OpenRouter's APIs the chat route talks to: `OPENROUTER_API`,
 * `chat` (the default) or `responses`. Anything else is refused, so a typo
 * does not quietly chat over the other API.
 */
export function openRouterApi(): 'chat' | 'responses' {
  const api = process.env.OPENROUTER_API || 'chat';
  if (api !== 'chat' && api !== 'responses') {
    throw new Error(
      `OPENROUTER_API must be "chat" or "responses", not ${JSON.stringify(api)}.`,
    );
  }
  return api;
}
