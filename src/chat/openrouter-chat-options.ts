import {
  InvalidArgumentError,
  type SharedV4ProviderOptions,
} from '@ai-sdk/provider';

/**
 * Options for `providerOptions.openrouter` and per-model settings. Fields are
 * spelled as in OpenRouter's request body and are passed through to it.
 */
export type OpenRouterChatOptions = Record<string, unknown>;

/** Per-model settings take the same fields as `providerOptions.openrouter`. */
export type OpenRouterChatSettings = OpenRouterChatOptions;

/** Reads `providerOptions.openrouter`, rejecting anything but an object. */
export async function parseOpenRouterChatOptions(
  providerOptions: SharedV4ProviderOptions | undefined,
): Promise<OpenRouterChatOptions | undefined> {
  const options = providerOptions?.openrouter;
  if (options == null) {
    return undefined;
  }
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new InvalidArgumentError({
      argument: 'providerOptions.openrouter',
      message: 'providerOptions.openrouter must be an object.',
    });
  }
  return options;
}
