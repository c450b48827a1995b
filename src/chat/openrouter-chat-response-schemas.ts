import { lazySchema, zodSchema } from '@ai-sdk/provider-utils';
import { z } from 'zod/v4';
import {
  array,
  boolean,
  choices,
  number,
  object,
  record,
  type ShapeOf,
  string,
  unknown,
} from '../sse/chunk-shape';

// Response schemas are deliberately small and lenient: every field is
// nullish and unknown fields are kept, so a new OpenRouter field or an
// upstream quirk never turns a good answer into a validation error.

// Built at import, unlike the others, because the embedding model composes
// it into its own schema.
export const openRouterUsageSchema = /* @__PURE__ */ z.looseObject({
  prompt_tokens: z.number().nullish(),
  completion_tokens: z.number().nullish(),
  total_tokens: z.number().nullish(),
  cost: z.number().nullish(),
  is_byok: z.boolean().nullish(),
  cost_details: z.record(z.string(), z.unknown()).nullish(),
  prompt_tokens_details: z
    .looseObject({
      cached_tokens: z.number().nullish(),
      cache_write_tokens: z.number().nullish(),
    })
    .nullish(),
  completion_tokens_details: z
    .looseObject({
      reasoning_tokens: z.number().nullish(),
    })
    .nullish(),
});

export type OpenRouterUsage = z.infer<typeof openRouterUsageSchema>;

// The rest is built on first use, not at import: a cold start (a serverless
// function, say) pays for it only when it answers a `generateText` call.

/** The fields chat and completion responses share, around their choices. */
export function responseEnvelopeFields() {
  return {
    id: z.string().nullish(),
    created: z.number().nullish(),
    model: z.string().nullish(),
    provider: z.string().nullish(),
    usage: openRouterUsageSchema.nullish(),
    error: z
      .looseObject({
        code: z.union([z.number(), z.string()]).nullish(),
        message: z.string().nullish(),
        metadata: z.record(z.string(), z.unknown()).nullish(),
      })
      .nullish(),
  };
}
function responseSchemaShape() {
  const toolCallSchema = z.looseObject({
    index: z.number().nullish(),
    id: z.string().nullish(),
    type: z.string().nullish(),
    function: z
      .looseObject({
        name: z.string().nullish(),
        arguments: z.string().nullish(),
      })
      .nullish(),
  });

  return z.looseObject({
    ...responseEnvelopeFields(),
    choices: z
      .array(
        z.looseObject({
          index: z.number().nullish(),
          finish_reason: z.string().nullish(),
          native_finish_reason: z.string().nullish(),
          logprobs: z.unknown().nullish(),
          message: z
            .looseObject({
              role: z.string().nullish(),
              content: z.string().nullish(),
              reasoning: z.string().nullish(),
              reasoning_details: z.array(z.unknown()).nullish(),
              tool_calls: z.array(toolCallSchema).nullish(),
              annotations: z.array(z.unknown()).nullish(),
              images: z.array(z.unknown()).nullish(),
              refusal: z.string().nullish(),
            })
            .nullish(),
        }),
      )
      .nullish(),
  });
}

export const openRouterChatResponseSchema = /* @__PURE__ */ lazySchema(() =>
  zodSchema(responseSchemaShape()),
);

export type OpenRouterChatResponse = z.infer<
  ReturnType<typeof responseSchemaShape>
>;

// Stream chunks are not checked with zod: one schema run per chunk costs
// more than everything else a chunk needs. Their shape is declared below,
// once: the types are read from it, and `writeChunkCheck` writes from it the
// straight-line check in `openrouter-chat-stream-parser.ts` (whose test
// fails when the two differ). It declares the fields the stream state reads;
// like the schemas above, every field is optional and nullable and unknown
// fields are kept.

/** Usage as a stream chunk carries it: the same type as `OpenRouterUsage`. */
export const openRouterUsageShape = /* @__PURE__ */ object({
  prompt_tokens: number,
  completion_tokens: number,
  total_tokens: number,
  cost: number,
  is_byok: boolean,
  cost_details: record,
  prompt_tokens_details: object({
    cached_tokens: number,
    cache_write_tokens: number,
  }),
  completion_tokens_details: object({
    reasoning_tokens: number,
  }),
});

// The usage a stream reports and the usage a response reports are one
// type: this fails to compile when the shape and the schema drift apart,
// a field added to one only included.
type Known<T> = T extends object
  ? { [K in keyof T as string extends K ? never : K]-?: Known<T[K]> }
  : T;
type SameType<A, B> = [A] extends [B]
  ? [B] extends [A]
    ? true
    : false
  : false;
type Assert<_ extends true> = never;
export type UsageShapeMatchesSchema = Assert<
  SameType<Known<ShapeOf<typeof openRouterUsageShape>>, Known<OpenRouterUsage>>
>;

/** The fields every chunk, chat or completion, may carry about the response. */
export const openRouterChunkEnvelopeFields = {
  id: string,
  created: number,
  model: string,
  provider: string,
  usage: openRouterUsageShape,
  /** Read with `extractOpenRouterErrorData`, which accepts any shape. */
  error: unknown,
};

const toolCallShape = /* @__PURE__ */ object({
  index: number,
  id: string,
  type: string,
  function: object({
    name: string,
    arguments: string,
  }),
});

/**
 * Entries are kept as received for the round trip (see
 * `OpenRouterReasoningDetail`), so only what the stream shows is checked.
 */
const reasoningDetailShape = /* @__PURE__ */ object({
  text: string,
  summary: string,
});

const deltaShape = /* @__PURE__ */ object({
  content: string,
  /** The model's refusal, streamed instead of content. */
  refusal: string,
  reasoning: string,
  reasoning_details: array(reasoningDetailShape),
  tool_calls: array(toolCallShape),
  annotations: array(unknown),
  images: array(unknown),
});

const choiceShape = /* @__PURE__ */ object({
  /**
   * 0, or missing, for the only choice this provider reads. Not checked:
   * `findFirstChoice` copes with any value.
   */
  index: unknown,
  finish_reason: string,
  delta: deltaShape,
  logprobs: unknown,
});

/** A `chat.completion.chunk`. */
export const openRouterChatChunkShape = /* @__PURE__ */ object({
  ...openRouterChunkEnvelopeFields,
  /** Only choice 0 is read: see `findFirstChoice`. */
  choices: choices(choiceShape),
});

export type OpenRouterChatChunkToolCall = ShapeOf<typeof toolCallShape>;
export type OpenRouterChatChunkDelta = ShapeOf<typeof deltaShape>;
export type OpenRouterChatChunkChoice = ShapeOf<typeof choiceShape>;
export type OpenRouterChatChunk = ShapeOf<typeof openRouterChatChunkShape>;
