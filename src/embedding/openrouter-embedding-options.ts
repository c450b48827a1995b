import type { SharedV4Warning } from '@ai-sdk/provider';
import * as z from 'zod/v4';
import {
  createRoutedOptionsReader,
  getProviderRoutingSchema,
  type OpenRouterProviderRouting,
} from '../chat/openrouter-chat-options';
import { requestBodyOf } from '../options/read-options';

/**
 * `providerOptions.openrouter` for embedding models, and their settings.
 * Unknown fields pass through to the request body.
 */
export type OpenRouterEmbeddingOptions = {
  /** Size of the returned vectors, for models that can shorten them. */
  dimensions?: number | undefined;
  /**
   * `'base64'` makes the response smaller; vectors are decoded either way.
   * @default 'float'
   */
  encoding_format?: 'float' | 'base64' | undefined;
  /**
   * What the text is, for models that embed queries and documents apart,
   * e.g. `'search_query'`.
   */
  input_type?: string | undefined;
  /** Provider routing preferences. */
  provider?: OpenRouterProviderRouting | undefined;
  /** Your end user's id. */
  user?: string | undefined;
  /** Extra body fields, underneath the typed ones. */
  extraBody?: Record<string, unknown> | undefined;
};

// Built on first use, like the chat options, to keep imports cheap. The
// documentation is on the type above.
export function buildEmbeddingOptionsSchema() {
  return z.looseObject({
    dimensions: z.number().int().positive().optional(),
    encoding_format: z.enum(['float', 'base64']).optional(),
    input_type: z.string().optional(),
    provider: getProviderRoutingSchema().optional(),
    user: z.string().optional(),
    extraBody: z.record(z.string(), z.unknown()).optional(),
  });
}

const readEmbeddingOptions = /* @__PURE__ */ createRoutedOptionsReader(
  buildEmbeddingOptionsSchema,
);

/** Embedding model settings take the same fields as its provider options. */
export type OpenRouterEmbeddingSettings = OpenRouterEmbeddingOptions;

/**
 * Validates embedding options from `source`; camelCase keys are handled as
 * for chat options, with any warning added to `warnings`.
 */
export function parseOpenRouterEmbeddingOptions(
  options: unknown,
  source: string,
  warnings: SharedV4Warning[],
): Record<string, unknown> | undefined {
  const parsed = readEmbeddingOptions(options, source, warnings);
  return parsed && requestBodyOf(parsed, EMBEDDING_CONTROL_KEYS);
}

// `extraBody` is merged underneath, not sent as a field of its own.
const EMBEDDING_CONTROL_KEYS = new Set(['extraBody']);

/** Embedding models on OpenRouter, e.g. `openai/text-embedding-3-small`. */
export type OpenRouterEmbeddingModelId =
  | 'openai/text-embedding-3-small'
  | 'openai/text-embedding-3-large'
  | 'openai/text-embedding-ada-002'
  | 'mistralai/mistral-embed'
  | 'qwen/qwen3-embedding-8b'
  | (string & {});
