import { LoadAPIKeyError } from '@ai-sdk/provider';
import { loadApiKey, loadOptionalSetting } from '@ai-sdk/provider-utils';
import { assertValidHeaderValue } from './openrouter-request-headers';

/**
 * The API key from the setting or `OPENROUTER_API_KEY`. `loadApiKey` takes an
 * empty value as a key, which would reach OpenRouter as a bare `Bearer ` and
 * come back as a 401 that does not say why; it is refused here instead.
 * Whitespace around a key (a stray newline in an env file) is dropped, and a
 * key with a character no header can carry is refused before any request.
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
  assertValidHeaderValue(
    key,
    'apiKey',
    apiKey != null
      ? 'The OpenRouter API key from the apiKey setting'
      : 'The OpenRouter API key from OPENROUTER_API_KEY',
  );
  return key;
}

/**
 * The provisioning key from the setting or `OPENROUTER_PROVISIONING_KEY`,
 * trimmed like the API key; a blank one counts as none.
 */
export function loadOpenRouterProvisioningKey(
  provisioningKey: string | undefined,
): string | undefined {
  const key =
    loadOptionalSetting({
      settingValue: provisioningKey,
      environmentVariableName: 'OPENROUTER_PROVISIONING_KEY',
    })?.trim() || undefined;
  if (key != null) {
    assertValidHeaderValue(
      key,
      'provisioningKey',
      provisioningKey != null
        ? 'The OpenRouter provisioning key from the provisioningKey setting'
        : 'The OpenRouter provisioning key from OPENROUTER_PROVISIONING_KEY',
    );
  }
  return key;
}
