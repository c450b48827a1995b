import { LoadSettingError } from '@ai-sdk/provider';

const VERSION_SUFFIX = '/v1';

/**
 * The default Decisions API root: OpenRouter serves it at `/api/alpha`,
 * beside `/api/v1`, so a `baseURL` ending in `/v1` gives the same URL with
 * `/alpha` in its place (`https://openrouter.ai/api/v1` gives
 * `https://openrouter.ai/api/alpha`), as `@openrouter/ai-sdk-provider`
 * derives it. Any other `baseURL` (a proxy path) gives none: the decisions
 * path behind a proxy cannot be guessed, so `decisionsBaseURL` must say it.
 * `baseURL` comes without its trailing slash.
 */
export function deriveDecisionsBaseURL(baseURL: string): string | undefined {
  return baseURL.endsWith(VERSION_SUFFIX)
    ? `${baseURL.slice(0, -VERSION_SUFFIX.length)}/alpha`
    : undefined;
}

/**
 * The error of `decisionModel()` when no decisions base URL could be
 * derived. It never repeats `baseURL`, which may hold a secret in its path.
 */
export function missingDecisionsBaseURLError(): LoadSettingError {
  return new LoadSettingError({
    message:
      'Cannot derive the Decisions API URL: baseURL does not end in "/v1", so "/alpha" cannot take its place. Set decisionsBaseURL in createOpenRouter() to use decisionModel() or evaluationModel().',
  });
}
