import { z } from 'zod/v4';
import {
  type ClosedType,
  getProviderRoutingSchema,
  validateOptions,
} from '../chat/openrouter-chat-options';

// Built on first use, like the chat options, to keep imports cheap.
function buildEmbeddingOptionsSchema() {
  return z.looseObject({
    /** Size of the returned vectors, for models that can shorten them. */
    dimensions: z.number().int().positive().optional(),
    /**
     * `'base64'` makes the response smaller; vectors are decoded either way.
     * @default 'float'
     */
    encoding_format: z.enum(['float', 'base64']).optional(),
    /**
     * What the text is, for models that embed queries and documents apart,
     * e.g. `'search_query'`.
     */
    input_type: z.string().optional(),
    /** Provider routing preferences. */
    provider: getProviderRoutingSchema().optional(),
    /** Your end user's id. */
    user: z.string().optional(),
  });
}

let embeddingOptionsSchema:
  | ReturnType<typeof buildEmbeddingOptionsSchema>
  | undefined;

/**
 * `providerOptions.openrouter` for embedding models, and their settings.
 * Unknown fields pass through to the request body.
 */
export type OpenRouterEmbeddingOptions = ClosedType<
  z.input<ReturnType<typeof buildEmbeddingOptionsSchema>>
>;

/** Embedding model settings take the same fields as its provider options. */
export type OpenRouterEmbeddingSettings = OpenRouterEmbeddingOptions;

export function parseOpenRouterEmbeddingOptions(
  options: unknown,
  source: string,
): Record<string, unknown> | undefined {
  if (options == null) {
    return undefined;
  }
  embeddingOptionsSchema ??= buildEmbeddingOptionsSchema();
  return validateOptions(embeddingOptionsSchema, options, source) as Record<
    string,
    unknown
  >;
}
