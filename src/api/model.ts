import * as z from 'zod/v4';
import {
  mapPricing,
  type OpenRouterPricing,
  pricingWireSchema,
} from './pricing';

// Catalogue entries are parsed more leniently than account records: only the
// id and the prompt and completion prices are required, because one odd model
// among hundreds must not make the whole list unreadable. An entry that fails
// even this is skipped on its own and reported (see `readCatalogueList`).

export const architectureWireSchema = z.looseObject({
  // Typed as an empty object in OpenRouter's OpenAPI (a generator artifact);
  // a string in practice.
  tokenizer: z.unknown().optional(),
  instruct_type: z.string().nullish(),
  modality: z.string().nullish(),
  input_modalities: z.array(z.string()).nullish(),
  output_modalities: z.array(z.string()).nullish(),
});

export const modelWireSchema = z.looseObject({
  id: z.string(),
  canonical_slug: z.string().nullish(),
  hugging_face_id: z.string().nullish(),
  name: z.string().nullish(),
  created: z.number().nullish(),
  description: z.string().nullish(),
  pricing: pricingWireSchema,
  context_length: z.number().nullish(),
  architecture: architectureWireSchema.nullish(),
  top_provider: z
    .looseObject({
      context_length: z.number().nullish(),
      max_completion_tokens: z.number().nullish(),
      is_moderated: z.boolean().nullish(),
    })
    .nullish(),
  per_request_limits: z
    .looseObject({
      prompt_tokens: z.number().nullish(),
      completion_tokens: z.number().nullish(),
    })
    .nullish(),
  supported_parameters: z.array(z.string()).nullish(),
  default_parameters: z
    .looseObject({
      temperature: z.number().nullish(),
      top_p: z.number().nullish(),
      frequency_penalty: z.number().nullish(),
    })
    .nullish(),
});

export type ModelWire = z.infer<typeof modelWireSchema>;
export type ArchitectureWire = z.infer<typeof architectureWireSchema>;

/** An input modality; OpenRouter may add more. */
export type OpenRouterInputModality =
  | 'text'
  | 'image'
  | 'file'
  | 'audio'
  | 'video'
  | (string & {});

/** An output modality; OpenRouter may add more. */
export type OpenRouterOutputModality =
  | 'text'
  | 'image'
  | 'embeddings'
  | (string & {});

/** A request parameter a model or endpoint supports; OpenRouter may add more. */
export type OpenRouterSupportedParameter =
  | 'temperature'
  | 'top_p'
  | 'top_k'
  | 'min_p'
  | 'top_a'
  | 'frequency_penalty'
  | 'presence_penalty'
  | 'repetition_penalty'
  | 'max_tokens'
  | 'logit_bias'
  | 'logprobs'
  | 'top_logprobs'
  | 'seed'
  | 'response_format'
  | 'structured_outputs'
  | 'stop'
  | 'tools'
  | 'tool_choice'
  | 'parallel_tool_calls'
  | 'include_reasoning'
  | 'reasoning'
  | 'web_search_options'
  | 'verbosity'
  | (string & {});

/** What a model takes in and gives out. */
export type OpenRouterModelArchitecture = {
  /** The tokenizer family, e.g. `GPT` or `Claude`. */
  tokenizer: string | null;
  /** The instruct template for open models, e.g. `llama3`; null for most. */
  instructType: string | null;
  /** A summary such as `text+image->text`. */
  modality: string | null;
  /** Accepted input kinds. */
  inputModalities: OpenRouterInputModality[];
  /** Produced output kinds. */
  outputModalities: OpenRouterOutputModality[];
};

/** One model of OpenRouter's catalogue (`GET /models`). */
export type OpenRouterModel = {
  /** The id to use with the provider, e.g. `openai/gpt-4o-mini`. */
  id: string;
  /** A permanent slug that stays the same when `id` is renamed. */
  canonicalSlug: string | null;
  /** The Hugging Face repository of open-weight models. */
  huggingFaceId: string | null;
  /** The display name; the id when OpenRouter sends none. */
  name: string;
  /** When the model was added, in Unix seconds. */
  created: number | null;
  /** OpenRouter's description (Markdown). */
  description: string | null;
  /** The lowest prices across the model's endpoints, in USD per token. */
  pricing: OpenRouterPricing;
  /** The context window in tokens. */
  contextLength: number | null;
  /** Input and output modalities. */
  architecture: OpenRouterModelArchitecture;
  /** Limits of the endpoint OpenRouter ranks first. */
  topProvider: {
    /** That endpoint's context window in tokens. */
    contextLength: number | null;
    /** That endpoint's output limit in tokens. */
    maxCompletionTokens: number | null;
    /** Whether that endpoint moderates content. */
    isModerated: boolean | null;
  };
  /** Per-request token limits, when OpenRouter sets any. */
  perRequestLimits: {
    /** The most prompt tokens one request may use. */
    promptTokens: number | null;
    /** The most completion tokens one request may use. */
    completionTokens: number | null;
  } | null;
  /** Request parameters at least one endpoint supports, e.g. `tools`. */
  supportedParameters: OpenRouterSupportedParameter[];
  /** Defaults OpenRouter applies when a request leaves these unset. */
  defaultParameters: {
    /** Default `temperature`. */
    temperature: number | null;
    /** Default `top_p`. */
    topP: number | null;
    /** Default `frequency_penalty`. */
    frequencyPenalty: number | null;
  };
  /** The object exactly as OpenRouter sent it, unknown fields included. */
  raw: Record<string, unknown>;
};

export function mapArchitecture(
  architecture: ArchitectureWire | null | undefined,
): OpenRouterModelArchitecture {
  return {
    tokenizer:
      typeof architecture?.tokenizer === 'string'
        ? architecture.tokenizer
        : null,
    instructType: architecture?.instruct_type ?? null,
    modality: architecture?.modality ?? null,
    inputModalities: architecture?.input_modalities ?? [],
    outputModalities: architecture?.output_modalities ?? [],
  };
}

export function mapModel(model: ModelWire): OpenRouterModel {
  return {
    id: model.id,
    canonicalSlug: model.canonical_slug ?? null,
    huggingFaceId: emptyToNull(model.hugging_face_id),
    name: model.name ?? model.id,
    created: model.created ?? null,
    description: model.description ?? null,
    pricing: mapPricing(model.pricing),
    contextLength: model.context_length ?? null,
    architecture: mapArchitecture(model.architecture),
    topProvider: {
      contextLength: model.top_provider?.context_length ?? null,
      maxCompletionTokens: model.top_provider?.max_completion_tokens ?? null,
      isModerated: model.top_provider?.is_moderated ?? null,
    },
    perRequestLimits:
      model.per_request_limits == null
        ? null
        : {
            promptTokens: model.per_request_limits.prompt_tokens ?? null,
            completionTokens:
              model.per_request_limits.completion_tokens ?? null,
          },
    supportedParameters: model.supported_parameters ?? [],
    defaultParameters: {
      temperature: model.default_parameters?.temperature ?? null,
      topP: model.default_parameters?.top_p ?? null,
      frequencyPenalty: model.default_parameters?.frequency_penalty ?? null,
    },
    raw: model,
  };
}

// OpenRouter sends "" for models without a Hugging Face repository.
function emptyToNull(value: string | null | undefined) {
  return value == null || value === '' ? null : value;
}
