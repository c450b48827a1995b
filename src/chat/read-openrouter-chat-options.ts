import type { SharedV4ProviderOptions } from '@ai-sdk/provider';
import type {
  ParsedOpenRouterChatOptions,
  parseOpenRouterChatOptions as ParseOpenRouterChatOptions,
} from './openrouter-chat-options';

// Kept once loaded: an agent sets options on every step, and an `import()`
// of a loaded module still costs a few microseconds each time.
let loadedParser: typeof ParseOpenRouterChatOptions | undefined;

/** The model's settings and the call's options, validated. */
export type OpenRouterChatOptionLayers = {
  modelOptions: ParsedOpenRouterChatOptions | undefined;
  callOptions: ParsedOpenRouterChatOptions | undefined;
};

/**
 * Validates a model's settings and a call's `providerOptions.openrouter`.
 * The option schemas describe about a hundred fields; they live in a module
 * loaded only when there is something to validate, so an app that never
 * sets options does not ship them, and one that does loads them once.
 */
export async function readOpenRouterChatOptions(
  settings: unknown,
  providerOptions: SharedV4ProviderOptions | undefined,
): Promise<OpenRouterChatOptionLayers> {
  const callValues = providerOptions?.openrouter;
  if (!hasEntries(settings) && !hasEntries(callValues)) {
    return { modelOptions: undefined, callOptions: undefined };
  }
  loadedParser ??= (await import('./openrouter-chat-options'))
    .parseOpenRouterChatOptions;
  const parseOpenRouterChatOptions = loadedParser;
  return {
    modelOptions: parseOpenRouterChatOptions(settings, 'settings'),
    callOptions: parseOpenRouterChatOptions(
      callValues,
      'providerOptions.openrouter',
    ),
  };
}

function hasEntries(options: unknown) {
  return (
    options != null &&
    (typeof options !== 'object' || Object.keys(options).length > 0)
  );
}
