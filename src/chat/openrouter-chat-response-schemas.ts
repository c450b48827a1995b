import { lazySchema, zodSchema } from '@ai-sdk/provider-utils';
import { z } from 'zod/v4';

// Response schemas are deliberately small and lenient: every field is
// nullish and unknown fields are kept, so a new OpenRouter field or an
// upstream quirk never turns a good answer into a validation error.

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

const errorSchema = z.looseObject({
  code: z.union([z.number(), z.string()]).nullish(),
  message: z.string().nullish(),
  metadata: z.record(z.string(), z.unknown()).nullish(),
});

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

const messageFields = {
  role: z.string().nullish(),
  content: z.string().nullish(),
  reasoning: z.string().nullish(),
  reasoning_details: z.array(z.unknown()).nullish(),
  tool_calls: z.array(toolCallSchema).nullish(),
  annotations: z.array(z.unknown()).nullish(),
  images: z.array(z.unknown()).nullish(),
  refusal: z.string().nullish(),
};

const responseFields = {
  id: z.string().nullish(),
  created: z.number().nullish(),
  model: z.string().nullish(),
  provider: z.string().nullish(),
  usage: openRouterUsageSchema.nullish(),
  error: errorSchema.nullish(),
};

const choiceFields = {
  index: z.number().nullish(),
  finish_reason: z.string().nullish(),
  native_finish_reason: z.string().nullish(),
  logprobs: z.unknown().nullish(),
};

function responseSchemaShape() {
  return z.looseObject({
    ...responseFields,
    choices: z
      .array(
        z.looseObject({
          ...choiceFields,
          message: z.looseObject(messageFields).nullish(),
        }),
      )
      .nullish(),
  });
}

function chunkSchemaShape() {
  return z.looseObject({
    ...responseFields,
    choices: z
      .array(
        z.looseObject({
          ...choiceFields,
          delta: z.looseObject(messageFields).nullish(),
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

export const openRouterChatChunkSchema = lazySchema(() =>
  zodSchema(chunkSchemaShape()),
);

export type OpenRouterChatChunk = z.infer<ReturnType<typeof chunkSchemaShape>>;
