import { lazySchema, zodSchema } from '@ai-sdk/provider-utils';
import * as z from 'zod/v4';

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
              /** Spoken reply, when `modalities` includes `audio`. */
              audio: z
                .looseObject({
                  id: z.string().nullish(),
                  data: z.string().nullish(),
                  transcript: z.string().nullish(),
                  expires_at: z.number().nullish(),
                })
                .nullish(),
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
