import { loadOpenRouterApiKey } from './load-openrouter-api-key';
import type { OpenRouterConfig } from './openrouter-config';

/**
 * A model as Workflow DevKit keeps it between steps: plain JSON, and never
 * the API key. The key, a custom `fetch` and any function-valued setting do
 * not travel; the restored model reads `OPENROUTER_API_KEY` of the step's
 * environment when it makes a request, like the default provider does.
 */
export type SerializedOpenRouterModel<MODEL_ID, SETTINGS> = {
  modelId: MODEL_ID;
  settings: SETTINGS;
  config: {
    provider: string;
    baseURL: string;
    headers: Record<string, string>;
    extraBody?: Record<string, unknown>;
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
    // A key given as a header is still a key.
    if (value != null && name.toLowerCase() !== 'authorization') {
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
    },
  };
}

/** The model's constructor arguments, with a config that works again. */
export function deserializeOpenRouterModel<MODEL_ID, SETTINGS>(
  serialized: SerializedOpenRouterModel<MODEL_ID, SETTINGS>,
): ModelArguments<MODEL_ID, SETTINGS> {
  return [
    serialized.modelId,
    serialized.settings,
    { ...serialized.config, apiKey: () => loadOpenRouterApiKey(undefined) },
  ];
}
