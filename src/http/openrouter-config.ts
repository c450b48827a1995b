import type { FetchFunction } from '@ai-sdk/provider-utils';
import type { OpenRouterCredential } from './openrouter-credential';

/** What every model and utility of one provider instance shares. */
export type OpenRouterConfig = {
  /** `openrouter.<model type>`, following the AI SDK convention. */
  provider: string;
  /** The API root without a trailing slash; paths such as `/chat/completions` follow it. */
  baseURL: string;
  /** Provider-level headers: attribution and the user's own headers. */
  headers: Record<string, string | undefined>;
  /**
   * Loads the API key. It is a function so that the key is read when a
   * request is made (and only when the call does not bring its own
   * `Authorization` header), never at import time. It comes with where it
   * was found, which an error names when OpenRouter refuses it.
   */
  apiKey: () => OpenRouterCredential;
  /**
   * Whether credentials were given in code: the `apiKey` setting, or a
   * header that carries one (`Authorization`, `api_keys`' header, a
   * gateway's key), rather than only `OPENROUTER_API_KEY`.
   */
  credentialsGivenInCode: boolean;
  fetch?: FetchFunction | undefined;
  /** Merged into every request body underneath all other settings. */
  extraBody?: Record<string, unknown> | undefined;
};
