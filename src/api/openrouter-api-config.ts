import type { FetchFunction } from '@ai-sdk/provider-utils';
import type { KeyNames } from '../http/load-openrouter-api-key';
import type { OpenRouterCredential } from '../http/openrouter-credential';

/** What the catalogue, account and OAuth utilities of one provider share. */
export type OpenRouterApiConfig = {
  /** The API root without a trailing slash, e.g. `https://openrouter.ai/api/v1`. */
  baseURL: string;
  /** Provider-level headers: attribution and the user's own headers. */
  headers: Record<string, string | undefined>;
  /** The provider's custom fetch, if any. */
  fetch?: FetchFunction | undefined;
  /**
   * Loads the inference key (`apiKey` or `OPENROUTER_API_KEY`). Called only
   * when a request needs it, so a missing key fails before anything is sent.
   */
  apiKey: () => OpenRouterCredential;
  /**
   * The provisioning key (`provisioningKey` or `OPENROUTER_PROVISIONING_KEY`),
   * or undefined when neither is set.
   */
  provisioningKey: () => OpenRouterCredential | undefined;
  /** How messages name where keys are set. */
  keyNames: KeyNames;
};

/** Options every utility method accepts as its last argument. */
export type OpenRouterRequestOptions = {
  /** Cancels the request. */
  abortSignal?: AbortSignal | undefined;
  /**
   * Extra headers for this request. They win over provider headers; an
   * `Authorization` header here replaces the configured key.
   */
  headers?: Record<string, string | undefined> | undefined;
};
