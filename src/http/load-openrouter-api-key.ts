import { LoadAPIKeyError } from '@ai-sdk/provider';
import { loadApiKey, loadOptionalSetting } from '@ai-sdk/provider-utils';
import type { OpenRouterCredential } from './openrouter-credential';
import { assertValidHeaderValue } from './openrouter-request-headers';

/**
 * How messages name the places a provider's keys come from. The library
 * names its settings and environment variables; the CLI, which passes the
 * variables' values on as settings, names only the variables.
 */
export type KeyNames = {
  /** Where a key given as the `apiKey` setting came from: `the apiKey setting`. */
  apiKeySetting: string;
  /** Where to set an API key: `the 'apiKey' setting or OPENROUTER_API_KEY`. */
  apiKeyPlaces: string;
  /** Where a key given as the `provisioningKey` setting came from. */
  provisioningKeySetting: string;
  /** Where to set a provisioning key. */
  provisioningKeyPlaces: string;
};

/** The names the library's own messages use. */
export const SETTING_KEY_NAMES: KeyNames = {
  apiKeySetting: 'the apiKey setting',
  apiKeyPlaces: "the 'apiKey' setting or OPENROUTER_API_KEY",
  provisioningKeySetting: 'the provisioningKey setting',
  provisioningKeyPlaces:
    "the 'provisioningKey' setting or OPENROUTER_PROVISIONING_KEY",
};

/**
 * The API key from the setting or `OPENROUTER_API_KEY`, with where it came
 * from. `loadApiKey` takes an empty value as a key, which would reach
 * OpenRouter as a bare `Bearer ` and come back as a 401 that does not say
 * why; it is refused here instead. Whitespace around a key (a stray newline
 * in an env file) is dropped, and a key with a character no header can
 * carry is refused before any request.
 */
export function loadOpenRouterApiKey(
  apiKey: string | undefined,
  names: KeyNames = SETTING_KEY_NAMES,
): OpenRouterCredential {
  const key = loadApiKey({
    apiKey,
    environmentVariableName: 'OPENROUTER_API_KEY',
    description: 'OpenRouter',
  }).trim();
  if (key === '') {
    throw new LoadAPIKeyError({
      message: `OpenRouter API key is empty. Set ${names.apiKeyPlaces}.`,
    });
  }
  const origin = apiKey != null ? names.apiKeySetting : 'OPENROUTER_API_KEY';
  assertValidHeaderValue(
    key,
    'apiKey',
    `The OpenRouter API key from ${origin}`,
  );
  return { secret: key, source: `the API key from ${origin}` };
}

/**
 * The provisioning key from the setting or `OPENROUTER_PROVISIONING_KEY`,
 * trimmed like the API key; a blank one counts as none.
 */
export function loadOpenRouterProvisioningKey(
  provisioningKey: string | undefined,
  names: KeyNames = SETTING_KEY_NAMES,
): OpenRouterCredential | undefined {
  const key =
    loadOptionalSetting({
      settingValue: provisioningKey,
      environmentVariableName: 'OPENROUTER_PROVISIONING_KEY',
    })?.trim() || undefined;
  if (key == null) {
    return undefined;
  }
  const origin =
    provisioningKey != null
      ? names.provisioningKeySetting
      : 'OPENROUTER_PROVISIONING_KEY';
  assertValidHeaderValue(
    key,
    'provisioningKey',
    `The OpenRouter provisioning key from ${origin}`,
  );
  return { secret: key, source: `the provisioning key from ${origin}` };
}
