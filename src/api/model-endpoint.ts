import * as z from 'zod/v4';
import {
  emptyCatalogueList,
  type OpenRouterCatalogueList,
  readCatalogueList,
} from './catalogue-list';
import {
  architectureWireSchema,
  mapArchitecture,
  type OpenRouterModelArchitecture,
  type OpenRouterSupportedParameter,
} from './model';
import {
  mapPricing,
  type OpenRouterPricing,
  pricingWireSchema,
} from './pricing';

/** `PublicEndpoint`: one provider serving one model. */
export const modelEndpointWireSchema = z.looseObject({
  name: z.string().nullish(),
  model_name: z.string().nullish(),
  context_length: z.number().nullish(),
  pricing: pricingWireSchema,
  provider_name: z.string(),
  tag: z.string().nullish(),
  // Typed as an empty object in the OpenAPI (a generator artifact); a string
  // such as "fp8" in practice.
  quantization: z.unknown().optional(),
  max_completion_tokens: z.number().nullish(),
  max_prompt_tokens: z.number().nullish(),
  supported_parameters: z.array(z.string()).nullish(),
  // Documented as the strings '0', '-1', …; numbers are accepted too.
  status: z.union([z.number(), z.string()]).nullish(),
  uptime_last_30m: z.number().nullish(),
  supports_implicit_caching: z.boolean().nullish(),
});

export type ModelEndpointWire = z.infer<typeof modelEndpointWireSchema>;

/** One provider endpoint serving a model. */
export type OpenRouterModelEndpoint = {
  /** E.g. `Anthropic | anthropic/claude-sonnet-4.5`. */
  name: string | null;
  /** The model's display name. */
  modelName: string | null;
  /** This endpoint's context window in tokens. */
  contextLength: number | null;
  /** This endpoint's prices in USD per token. */
  pricing: OpenRouterPricing;
  /** The provider's display name, e.g. `Amazon Bedrock`. */
  providerName: string;
  /** The endpoint's routing tag, e.g. `deepinfra/fp8`. */
  tag: string | null;
  /** Weight precision, e.g. `fp8`; null or `unknown` when not disclosed. */
  quantization: string | null;
  /** This endpoint's output limit in tokens. */
  maxCompletionTokens: number | null;
  /** This endpoint's prompt limit in tokens. */
  maxPromptTokens: number | null;
  /** Request parameters this endpoint supports. */
  supportedParameters: OpenRouterSupportedParameter[];
  /**
   * OpenRouter's health code: `0` is healthy, negative values are degraded
   * or down states (their exact meanings are not documented).
   */
  status: number | null;
  /** Uptime over the last 30 minutes as OpenRouter reports it (a percentage). */
  uptimeLast30m: number | null;
  /** Whether the provider caches prompts without `cache_control`. */
  supportsImplicitCaching: boolean | null;
  /** The object exactly as OpenRouter sent it, unknown fields included. */
  raw: Record<string, unknown>;
};

/** A model and every endpoint serving it (`GET /models/{author}/{slug}/endpoints`). */
export type OpenRouterModelEndpoints = {
  /** The model id, without a variant suffix. */
  id: string;
  /** The display name. */
  name: string | null;
  /** When the model was added, in Unix seconds. */
  created: number | null;
  /** OpenRouter's description. */
  description: string | null;
  /** Input and output modalities. */
  architecture: OpenRouterModelArchitecture;
  /**
   * Every endpoint serving the model. A malformed endpoint is left out and
   * described in `endpoints.skipped`.
   */
  endpoints: OpenRouterCatalogueList<OpenRouterModelEndpoint>;
  /** The object exactly as OpenRouter sent it, unknown fields included. */
  raw: Record<string, unknown>;
};

export const modelEndpointsWireSchema = z.looseObject({
  id: z.string(),
  name: z.string().nullish(),
  created: z.number().nullish(),
  description: z.string().nullish(),
  architecture: architectureWireSchema.nullish(),
  // Checked entry by entry, so one malformed endpoint is skipped alone.
  endpoints: z.array(z.unknown()).nullish(),
});

export function mapModelEndpoint(
  endpoint: ModelEndpointWire,
): OpenRouterModelEndpoint {
  const status =
    endpoint.status == null || endpoint.status === ''
      ? null
      : Number(endpoint.status);
  return {
    name: endpoint.name ?? null,
    modelName: endpoint.model_name ?? null,
    contextLength: endpoint.context_length ?? null,
    pricing: mapPricing(endpoint.pricing),
    providerName: endpoint.provider_name,
    tag: endpoint.tag ?? null,
    quantization:
      typeof endpoint.quantization === 'string' ? endpoint.quantization : null,
    maxCompletionTokens: endpoint.max_completion_tokens ?? null,
    maxPromptTokens: endpoint.max_prompt_tokens ?? null,
    supportedParameters: endpoint.supported_parameters ?? [],
    status: status != null && Number.isFinite(status) ? status : null,
    uptimeLast30m: endpoint.uptime_last_30m ?? null,
    supportsImplicitCaching: endpoint.supports_implicit_caching ?? null,
    raw: endpoint,
  };
}

export function mapModelEndpoints(
  model: z.infer<typeof modelEndpointsWireSchema>,
): OpenRouterModelEndpoints {
  return {
    id: model.id,
    name: model.name ?? null,
    created: model.created ?? null,
    description: model.description ?? null,
    architecture: mapArchitecture(model.architecture),
    endpoints:
      model.endpoints == null
        ? emptyCatalogueList()
        : readCatalogueList(
            model.endpoints,
            modelEndpointWireSchema,
            mapModelEndpoint,
            'provider_name',
          ),
    raw: model,
  };
}
