import { InvalidArgumentError } from '@ai-sdk/provider';
import { lazySchema, zodSchema } from '@ai-sdk/provider-utils';
import * as z from 'zod/v4';
import type {
  OpenRouterApiConfig,
  OpenRouterRequestOptions,
} from './openrouter-api-config';
import { requestOpenRouterApi } from './openrouter-api-request';
import { optionsObject } from './validate-options';

/** Options for `activity.list`. */
export type OpenRouterActivityOptions = {
  /**
   * One UTC day among the last 30 completed ones, as `YYYY-MM-DD` or a Date
   * (its UTC day is used). Without it, all 30 days.
   */
  date?: string | Date | undefined;
};

/** Usage of one model endpoint on one UTC day (`GET /activity`). */
export type OpenRouterActivityItem = {
  /** The UTC day, `YYYY-MM-DD`. */
  date: string;
  /** The model id. */
  model: string | null;
  /** The model's permanent slug. */
  modelPermaslug: string | null;
  /** The endpoint's id. */
  endpointId: string | null;
  /** The provider that served the requests. */
  providerName: string | null;
  /** USD spent. */
  usage: number;
  /** USD of BYOK inference. */
  byokUsageInference: number | null;
  /** Number of requests. */
  requests: number;
  /** Prompt tokens. */
  promptTokens: number | null;
  /** Completion tokens. */
  completionTokens: number | null;
  /** Reasoning tokens. */
  reasoningTokens: number | null;
  /** The object exactly as OpenRouter sent it, unknown fields included. */
  raw: Record<string, unknown>;
};

const activitySchema = lazySchema(() =>
  zodSchema(
    z.looseObject({
      data: z.array(
        z.looseObject({
          date: z.string(),
          model: z.string().nullish(),
          model_permaslug: z.string().nullish(),
          endpoint_id: z.string().nullish(),
          provider_name: z.string().nullish(),
          usage: z.number(),
          byok_usage_inference: z.number().nullish(),
          requests: z.number(),
          prompt_tokens: z.number().nullish(),
          completion_tokens: z.number().nullish(),
          reasoning_tokens: z.number().nullish(),
        }),
      ),
    }),
  ),
);

export async function listActivity(
  config: OpenRouterApiConfig,
  options?: OpenRouterActivityOptions,
  requestOptions?: OpenRouterRequestOptions,
): Promise<OpenRouterActivityItem[]> {
  optionsObject(options, 'activity.list');
  const { data } = await requestOpenRouterApi({
    config,
    method: 'GET',
    path: '/activity',
    query: { date: toUtcDay(options?.date) },
    keyKind: 'provisioning',
    schema: activitySchema,
    requestOptions,
  });
  return data.map(item => ({
    date: item.date,
    model: item.model ?? null,
    modelPermaslug: item.model_permaslug ?? null,
    endpointId: item.endpoint_id ?? null,
    providerName: item.provider_name ?? null,
    usage: item.usage,
    byokUsageInference: item.byok_usage_inference ?? null,
    requests: item.requests,
    promptTokens: item.prompt_tokens ?? null,
    completionTokens: item.completion_tokens ?? null,
    reasoningTokens: item.reasoning_tokens ?? null,
    raw: item,
  }));
}

// Only the format is checked here; whether the day is within the last 30 is
// OpenRouter's call (it answers 400), since the window moves with its clock.
function toUtcDay(value: unknown): string | undefined {
  if (value == null) {
    return undefined;
  }
  if (value instanceof Date && !Number.isNaN(value.getTime())) {
    return value.toISOString().slice(0, 10);
  }
  if (
    typeof value === 'string' &&
    /^\d{4}-\d{2}-\d{2}$/.test(value) &&
    !Number.isNaN(Date.parse(`${value}T00:00:00Z`))
  ) {
    return value;
  }
  throw new InvalidArgumentError({
    argument: 'date',
    message: `activity.list: date must be a UTC day as 'YYYY-MM-DD' or a valid Date, got ${typeof value === 'string' ? JSON.stringify(value) : typeof value}.`,
  });
}
