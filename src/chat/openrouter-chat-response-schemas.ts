import { lazySchema, zodSchema } from '@ai-sdk/provider-utils';
import { z } from 'zod/v4';
import type { OpenRouterReasoningDetail } from './openrouter-reasoning-details';

// Response schemas are deliberately small and lenient: every field is
// nullish and unknown fields are kept, so a new OpenRouter field or an
// upstream quirk never turns a good answer into a validation error.

// Built at import, unlike the others, because the embedding model composes
// it into its own schema.
export const openRouterUsageSchema = z.looseObject({
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

export const openRouterChatResponseSchema = lazySchema(() =>
  zodSchema(responseSchemaShape()),
);

export type OpenRouterChatResponse = z.infer<
  ReturnType<typeof responseSchemaShape>
>;

// Stream chunks are not checked with zod: one schema run per chunk costs
// more than everything else a chunk needs. `openrouter-chat-stream-parser.ts`
// checks, by hand, the fields below, which are the ones the stream state
// reads; like the schemas above, every field is optional and nullable and
// unknown fields are kept.

export type OpenRouterChatChunkToolCall = {
  index?: number | null;
  id?: string | null;
  type?: string | null;
  function?: {
    name?: string | null;
    arguments?: string | null;
    [key: string]: unknown;
  } | null;
  [key: string]: unknown;
};

export type OpenRouterChatChunkDelta = {
  content?: string | null;
  /** The model's refusal, streamed instead of content. */
  refusal?: string | null;
  reasoning?: string | null;
  reasoning_details?: OpenRouterReasoningDetail[] | null;
  tool_calls?: OpenRouterChatChunkToolCall[] | null;
  annotations?: unknown[] | null;
  images?: unknown[] | null;
  [key: string]: unknown;
};

export type OpenRouterChatChunkChoice = {
  /** 0, or missing, for the only choice this provider reads. */
  index?: number | null;
  delta?: OpenRouterChatChunkDelta | null;
  finish_reason?: string | null;
  logprobs?: unknown;
  [key: string]: unknown;
};

export type OpenRouterChatChunk = {
  id?: string | null;
  created?: number | null;
  model?: string | null;
  provider?: string | null;
  usage?: OpenRouterUsage | null;
  /** Read with `extractOpenRouterErrorData`, which accepts any shape. */
  error?: unknown;
  /** Only choice 0 is read: see `findFirstChoice`. */
  choices?: (OpenRouterChatChunkChoice | null)[] | null;
  [key: string]: unknown;
};
