import { LoadAPIKeyError } from '@ai-sdk/provider';
import { isCredentialHeader } from '../http/credential-headers';
import { loadOpenRouterApiKey } from '../http/load-openrouter-api-key';
import type { OpenRouterConfig } from '../http/openrouter-config';

/**
 * A model as Workflow DevKit keeps it between steps: plain JSON, and never
 * a credential. The key, headers that look like credentials, a custom
 * `fetch` and any function-valued setting do not travel. The restored model
 * reads `OPENROUTER_API_KEY` of the step's environment when it makes a
 * request, unless the original was given credentials in code: they may be
 * another account's (a user's own key, say), so then it refuses instead.
 */
export type SerializedOpenRouterModel<MODEL_ID, SETTINGS> = {
  modelId: MODEL_ID;
  settings: SETTINGS;
  config: {
    provider: string;
    baseURL: string;
    headers: Record<string, string>;
    extraBody?: Record<string, unknown> | undefined;
    credentialsGivenInCode: boolean;
  };
};

/** A model's data as its constructor takes it. */
type ModelArguments<MODEL_ID, SETTINGS> = [
  modelId: MODEL_ID,
  settings: SETTINGS,
  config: OpenRouterConfig,
];

export function serializeOpenRouterModel<MODEL_ID, SETTINGS>(
  ...[modelId, settings, config]: ModelArguments<MODEL_ID, SETTINGS>
): SerializedOpenRouterModel<MODEL_ID, SETTINGS> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(config.headers)) {
    if (value != null && !isCredentialHeader(name)) {
      headers[name] = value;
    }
  }
  return {
    modelId,
    settings,
    config: {
      provider: config.provider,
      baseURL: config.baseURL,
      headers,
      ...(config.extraBody != null ? { extraBody: config.extraBody } : {}),
      credentialsGivenInCode: config.credentialsGivenInCode,
    },
  };
}

/** The model's constructor arguments, with a config that works again. */
export function deserializeOpenRouterModel<MODEL_ID, SETTINGS>(
  serialized: SerializedOpenRouterModel<MODEL_ID, SETTINGS>,
): ModelArguments<MODEL_ID, SETTINGS> {
  const { credentialsGivenInCode } = serialized.config;
  return [
    serialized.modelId,
    serialized.settings,
    {
      ...serialized.config,
      apiKey: credentialsGivenInCode
        ? refuseKeyLeftBehind
        : () => loadOpenRouterApiKey(undefined),
    },
  ];
}

function refuseKeyLeftBehind(): never {
  throw new LoadAPIKeyError({
    message:
      "This model was given its OpenRouter API key or other credentials in code (the 'apiKey' setting, an Authorization or other credential header, or 'api_keys'), and workflow data never holds credentials. Create the provider inside the step that calls the model, or create it without them so that it reads OPENROUTER_API_KEY.",
  });
}
