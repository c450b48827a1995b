import type { FetchFunction } from '@ai-sdk/provider-utils';

/**
 * A `fetch` that never lets a request leave the configured origin.
 *
 * `fetch` follows redirects by default and keeps every header but
 * `Authorization` on the way, and on 307/308 the body too: a `baseURL` that
 * redirects elsewhere would hand the provider keys, a gateway's credentials
 * and the whole prompt to that origin. So redirects are taken by hand
 * (`redirect: 'manual'`): one that stays on the origin of `baseURL` is
 * followed as `fetch` would follow it, and one that leaves it is refused
 * with a non-retryable `APICallError` that names the target's origin (never
 * its path or query, which may carry tokens).
 *
 * Where a runtime hides the redirect (a browser's opaque redirect), it is
 * refused too, because its target cannot be checked. A custom `fetch` that
 * ignores `redirect: 'manual'` has already sent the request when this sees
 * the answer; its response is still refused, so nothing from another origin
 * is read as OpenRouter's.
 */
export function createOriginBoundFetch(
  baseURL: string,
  fetch: FetchFunction | undefined,
): FetchFunction {
  const allowedOrigin = originOfBaseURL(baseURL);
  const send = fetch ?? globalThis.fetch;

  return async (input, init) => {
    const url = requestUrl(input);
    const requestInit: RequestInit = { ...init, redirect: 'manual' };
    const response = await send(url, requestInit);
    if (
      response.type !== 'opaqueredirect' &&
      !response.redirected &&
      (response.status < 300 || response.status > 399)
    ) {
      return response;
    }
    // Redirects are rare: what checks and follows them loads with the first.
    return (
      await import('./follow-same-origin-redirects')
    ).followSameOriginRedirects({
      send,
      allowedOrigin,
      url,
      requestInit,
      response,
    });
  };
}

// A provider sends every request to the same base URL; parsing it once
// keeps the per-request cost of the guard to a closure.
const originsByBaseURL = new Map<string, string>();

function originOfBaseURL(baseURL: string) {
  let origin = originsByBaseURL.get(baseURL);
  if (origin == null) {
    origin = new URL(baseURL).origin;
    if (originsByBaseURL.size < 64) {
      originsByBaseURL.set(baseURL, origin);
    }
  }
  return origin;
}

function requestUrl(input: Parameters<FetchFunction>[0]): string {
  if (typeof input === 'string') {
    return input;
  }
  return input instanceof URL ? input.href : input.url;
}
