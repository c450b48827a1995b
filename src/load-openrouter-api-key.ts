import { LoadAPIKeyError } from '@ai-sdk/provider';
import { loadApiKey } from '@ai-sdk/provider-utils';

/**
 * The API key from the setting or `OPENROUTER_API_KEY`. `loadApiKey` takes an
 * empty value as a key, which would reach OpenRouter as a bare `Bearer ` and
 * come back as a 401 that does not say why; it is refused here instead.
 * Whitespace around a key (a stray newline in an env file) is dropped.
 */
export function loadOpenRouterApiKey(apiKey: string | undefined): string {
  const key = loadApiKey({
    apiKey,
    environmentVariableName: 'OPENROUTER_API_KEY',
    description: 'OpenRouter',
  }).trim();
  if (key === '') {
    throw new LoadAPIKeyError({
      message: `OpenRouter API key is empty. Pass it using the 'apiKey' parameter or the OPENROUTER_API_KEY environment variable.`,
    });
  }
  return key;
}
