import type { OpenRouterProviderRouting } from '../chat/openrouter-chat-options';

/**
 * Reranking models on OpenRouter, e.g. `cohere/rerank-v3.5`.
 * `GET /models?output_modalities=rerank` lists them.
 */
export type OpenRouterRerankingModelId =
  | 'cohere/rerank-v3.5'
  | 'cohere/rerank-5-pro'
  | 'cohere/rerank-5-fast'
  | (string & {});

/**
 * `providerOptions.openrouter` of a `rerank` call, and the settings of a
 * reranking model (the call's options win). Fields not listed here pass
 * through to `POST /rerank` as written.
 */
export type OpenRouterRerankingOptions = {
  /** Provider routing preferences, as for chat models. */
  provider?: OpenRouterProviderRouting | undefined;
  /** Your end user's id, for OpenRouter's logs; not sent to the provider. */
  user?: string | undefined;
  /** Groups related requests in OpenRouter's logs (at most 256 characters). */
  session_id?: string | undefined;
  /** Extra body fields, underneath the typed ones. */
  extraBody?: Record<string, unknown> | undefined;
};

/** Reranking model settings take the same fields as its call options. */
export type OpenRouterRerankingSettings = OpenRouterRerankingOptions;
