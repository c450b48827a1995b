import type {
  SharedV4ProviderMetadata,
  SharedV4Warning,
} from '@ai-sdk/provider';
import type { OpenRouterTokenLogprob } from '../chat/map-openrouter-annotations';
import type { OpenRouterUsageAccounting } from '../chat/openrouter-provider-metadata';
import type { OpenRouterReasoningDetail } from '../chat/openrouter-reasoning-details';

/**
 * `providerMetadata.openrouter` of a chat or completion call: on
 * `generateText` results, on `streamText`'s `providerMetadata` and `finish`
 * part, and on each step. The keys are those of `@openrouter/ai-sdk-provider`.
 */
export type OpenRouterProviderMetadata = {
  /** The upstream provider that served the call, such as `Anthropic`. */
  provider?: string | undefined;
  /** The model that answered, after fallbacks or `openrouter/auto`. */
  model?: string | undefined;
  /** The generation's id, for `openrouter.generations.get(id)`. */
  generationId?: string | undefined;
  /** OpenRouter's usage, camelCased, with `cost` in USD. */
  usage?: OpenRouterUsageAccounting | undefined;
  /** The raw reasoning details, kept losslessly for the next turn. */
  reasoning_details?: OpenRouterReasoningDetail[] | undefined;
  /** The raw annotations (`url_citation`, `file`, …). */
  annotations?: Array<Record<string, unknown>> | undefined;
  /** Token log probabilities, when `logprobs` was requested. */
  logprobs?: OpenRouterTokenLogprob[] | undefined;
  /** The model's refusal text, when it refused. */
  refusal?: string | undefined;
  /** Warnings found while a stream was read, after its start. */
  warnings?: SharedV4Warning[] | undefined;
};

/** `providerMetadata.openrouter` of an `embed`/`embedMany` call. */
export type OpenRouterEmbeddingProviderMetadata = Pick<
  OpenRouterProviderMetadata,
  'provider' | 'model' | 'generationId'
> & {
  /** Input tokens and cost; an embedding has no output tokens. */
  usage?:
    | {
        promptTokens: number;
        totalTokens: number;
        cost?: number | undefined;
      }
    | undefined;
};

/**
 * `providerMetadata.openrouter` of one image call (read it from
 * `generateImage`'s `calls`, which keep each call's cost).
 */
export type OpenRouterImageProviderMetadata = {
  /** One entry per image, in order. */
  images?:
    | Array<{
        mediaType?: string | undefined;
        /** Set when the image came from a chat completion. */
        generationId?: string | undefined;
        provider?: string | undefined;
        cost?: number | undefined;
      }>
    | undefined;
  /** What the call cost, in USD. */
  cost?: number | undefined;
  usage?: OpenRouterUsageAccounting | undefined;
};

/** `providerMetadata.openrouter` of a video job. */
export type OpenRouterVideoProviderMetadata = {
  /** Set on `doStart`'s result, before the job ends. */
  jobId?: string | undefined;
  generationId?: string | undefined;
  /** What the job cost, in USD. */
  cost?: number | undefined;
  /** One entry per job. */
  videos?:
    | Array<{
        jobId: string;
        generationId?: string | undefined;
        cost?: number | undefined;
      }>
    | undefined;
};

/** `providerMetadata.openrouter` of an `experimental_decide` call. */
export type OpenRouterDecisionProviderMetadata = Pick<
  OpenRouterProviderMetadata,
  'provider' | 'model' | 'generationId' | 'usage'
> & {
  /** Per question: the answer's `confidence` and the score `legend`. */
  answers?: Record<string, Record<string, unknown>> | undefined;
};

/** `providerMetadata.openrouter` of an `experimental_transcribe` call. */
export type OpenRouterTranscriptionProviderMetadata = {
  /** The generation's id, when OpenRouter sends it. */
  generationId?: string | undefined;
  /** What the call cost, in USD. */
  cost?: number | undefined;
  /**
   * OpenRouter's usage, camelCased: the seconds of audio billed or a token
   * count, depending on how the provider prices it, and the cost.
   */
  usage?:
    | {
        seconds?: number | undefined;
        inputTokens?: number | undefined;
        outputTokens?: number | undefined;
        totalTokens?: number | undefined;
        cost?: number | undefined;
      }
    | undefined;
  /** The provider's confidence in the whole transcript, from 0 to 1. */
  confidence?: number | undefined;
};

/** `providerMetadata.openrouter` of an `experimental_generateSpeech` call. */
export type OpenRouterSpeechProviderMetadata = {
  /**
   * The generation's id: its cost is on the generation record
   * (`openrouter.generations.get(generationId)`), as the answer is the audio.
   */
  generationId?: string | undefined;
  /** The media type OpenRouter sent, with its parameters (`audio/pcm;rate=24000;channels=1`). */
  mediaType?: string | undefined;
};

/** `providerMetadata.openrouter` of a `rerank` call. */
export type OpenRouterRerankingProviderMetadata = Pick<
  OpenRouterProviderMetadata,
  'provider' | 'model' | 'generationId'
> & {
  /** What the call cost, in USD. */
  cost?: number | undefined;
  /** Search units (Cohere's billing) or tokens, and the cost. */
  usage?:
    | {
        searchUnits?: number | undefined;
        totalTokens?: number | undefined;
        cost?: number | undefined;
      }
    | undefined;
};

/** The metadata `openRouterMetadata` reads, by the kind of call. */
export type OpenRouterMetadataByKind = {
  language: OpenRouterProviderMetadata;
  embedding: OpenRouterEmbeddingProviderMetadata;
  image: OpenRouterImageProviderMetadata;
  video: OpenRouterVideoProviderMetadata;
  decision: OpenRouterDecisionProviderMetadata;
  transcription: OpenRouterTranscriptionProviderMetadata;
  speech: OpenRouterSpeechProviderMetadata;
  reranking: OpenRouterRerankingProviderMetadata;
};

/**
 * What `openRouterMetadata` accepts: a result (or step, stream part, image
 * call) that has `providerMetadata`, or the `providerMetadata` itself.
 */
export type OpenRouterMetadataSource =
  | {
      // A record, not `unknown`, so that passing `streamText`'s result
      // (whose `providerMetadata` is a promise) is a type error: await
      // `result.providerMetadata` and pass that.
      readonly providerMetadata?: Record<string, unknown> | undefined;
    }
  | SharedV4ProviderMetadata
  | null
  | undefined;

/**
 * `providerMetadata.openrouter`, typed and checked. The AI SDK types provider
 * metadata as JSON, so reading `cost` would otherwise take a cast. Fields
 * whose value does not have the documented type are left out, so what the
 * result holds is what its type says; `undefined` when there is no OpenRouter
 * metadata.
 *
 * @example
 * const result = await generateText({ model: openrouter('openai/gpt-4o'), prompt });
 * openRouterMetadata(result)?.usage?.cost; // number | undefined
 * openRouterMetadata(imageResult.calls[0], 'image')?.cost;
 */
export function openRouterMetadata<
  KIND extends keyof OpenRouterMetadataByKind = 'language',
>(
  source: OpenRouterMetadataSource,
  kind?: KIND,
): OpenRouterMetadataByKind[KIND] | undefined {
  const metadata = findOpenRouterMetadata(source);
  if (metadata == null) {
    return undefined;
  }
  const fields = FIELDS_BY_KIND[kind ?? 'language'];
  const checked: Record<string, unknown> = {};
  for (const [name, isValid] of Object.entries(fields)) {
    const value = metadata[name];
    if (value !== undefined && isValid(value)) {
      checked[name] = value;
    }
  }
  return checked as OpenRouterMetadataByKind[KIND];
}

function findOpenRouterMetadata(
  source: OpenRouterMetadataSource,
): Record<string, unknown> | undefined {
  if (!isObject(source)) {
    return undefined;
  }
  const providerMetadata: unknown =
    'providerMetadata' in source ? source.providerMetadata : source;
  if (!isObject(providerMetadata)) {
    return undefined;
  }
  const openrouter = providerMetadata.openrouter;
  return isObject(openrouter) ? openrouter : undefined;
}

type Check = (value: unknown) => boolean;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isString: Check = value => typeof value === 'string';
const isNumber: Check = value =>
  typeof value === 'number' && Number.isFinite(value);
const isArrayOfObjects: Check = value =>
  Array.isArray(value) && value.every(isObject);

/** An embedding's usage: input and total tokens, and the cost when set. */
const isInputUsage: Check = value =>
  isObject(value) &&
  isNumber(value.promptTokens) &&
  isNumber(value.totalTokens) &&
  (value.cost === undefined || isNumber(value.cost));

/** A generation's usage, which also counts output tokens. */
const isUsage: Check = value =>
  isInputUsage(value) &&
  isNumber((value as Record<string, unknown>).completionTokens);

const CALL_FIELDS = {
  provider: isString,
  model: isString,
  generationId: isString,
  usage: isUsage,
};

const FIELDS_BY_KIND: Record<
  keyof OpenRouterMetadataByKind,
  Record<string, Check>
> = {
  language: {
    ...CALL_FIELDS,
    reasoning_details: isArrayOfObjects,
    annotations: isArrayOfObjects,
    logprobs: isArrayOfObjects,
    refusal: isString,
    warnings: isArrayOfObjects,
  },
  embedding: { ...CALL_FIELDS, usage: isInputUsage },
  image: { images: isArrayOfObjects, cost: isNumber, usage: isUsage },
  video: {
    jobId: isString,
    generationId: isString,
    cost: isNumber,
    videos: value =>
      isArrayOfObjects(value) &&
      (value as Array<Record<string, unknown>>).every(video =>
        isString(video.jobId),
      ),
  },
  decision: { ...CALL_FIELDS, answers: isObject },
  transcription: {
    generationId: isString,
    cost: isNumber,
    usage: value => isObjectOf(value, isNumber),
    confidence: isNumber,
  },
  speech: { generationId: isString, mediaType: isString },
  reranking: {
    provider: isString,
    model: isString,
    generationId: isString,
    cost: isNumber,
    usage: value => isObjectOf(value, isNumber),
  },
};

/** An object whose every field passes `isValid`. */
function isObjectOf(value: unknown, isValid: Check) {
  return isObject(value) && Object.values(value).every(isValid);
}
