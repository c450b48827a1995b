import { APICallError } from '@ai-sdk/provider';
import type { FetchFunction } from '@ai-sdk/provider-utils';

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 5;

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
    let url = requestUrl(input);
    let requestInit: RequestInit = { ...init, redirect: 'manual' };

    for (let hop = 0; ; hop++) {
      const response = await send(url, requestInit);

      if (response.type === 'opaqueredirect') {
        throw refusedRedirect({
          url,
          response,
          message: `OpenRouter's response to ${describeOrigin(url)} was a redirect whose target this runtime does not reveal, so it was not followed.`,
        });
      }

      if (response.redirected && response.url !== '') {
        const finalOrigin = originOf(response.url);
        if (finalOrigin !== allowedOrigin) {
          throw refusedRedirect({
            url,
            response,
            message: `The custom fetch followed a redirect from ${allowedOrigin} to another origin, ${finalOrigin ?? 'an unknown origin'}; its answer was not read. Pass redirect: 'manual' on to the underlying fetch so that this provider can refuse such redirects before anything is sent.`,
          });
        }
      }

      const location = response.headers.get('location');
      if (!REDIRECT_STATUSES.has(response.status) || location == null) {
        return response;
      }

      let target: URL;
      try {
        target = new URL(location, url);
      } catch {
        throw refusedRedirect({
          url,
          response,
          message: `OpenRouter answered ${describeOrigin(url)} with a redirect (HTTP ${response.status}) to a location that is not a URL; it was not followed.`,
        });
      }
      if (target.origin !== allowedOrigin) {
        throw refusedRedirect({
          url,
          response,
          message: `OpenRouter answered with a redirect (HTTP ${response.status}) from ${allowedOrigin} to another origin, ${target.origin}. It was not followed, so no key, credential header or request body left ${allowedOrigin}. If the API moved, set baseURL to its new address.`,
        });
      }
      if (hop === MAX_REDIRECTS) {
        throw refusedRedirect({
          url,
          response,
          message: `OpenRouter redirected the request more than ${MAX_REDIRECTS} times; the last redirect was not followed.`,
        });
      }

      discardBody(response);
      url = target.href;
      requestInit = redirectedInit(requestInit, response.status);
    }
  };
}

/**
 * The request a redirect asks for, as the fetch standard has it: 303 (and
 * 301/302 after a POST) becomes a GET without a body; 307 and 308 repeat the
 * request as it was.
 */
function redirectedInit(init: RequestInit, status: number): RequestInit {
  const method = (init.method ?? 'GET').toUpperCase();
  if (
    status === 303
      ? method !== 'GET' && method !== 'HEAD'
      : (status === 301 || status === 302) && method === 'POST'
  ) {
    const headers = new Headers(init.headers);
    headers.delete('content-type');
    headers.delete('content-length');
    return { ...init, method: 'GET', body: undefined, headers };
  }
  return init;
}

function refusedRedirect({
  url,
  response,
  message,
}: {
  url: string;
  response: Response;
  message: string;
}) {
  discardBody(response);
  return new APICallError({
    message,
    url,
    requestBodyValues: undefined,
    statusCode: response.status === 0 ? undefined : response.status,
    // Asking again reaches the same redirect.
    isRetryable: false,
  });
}

function discardBody(response: Response) {
  response.body?.cancel().catch(() => {});
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

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

function describeOrigin(url: string) {
  return originOf(url) ?? 'the configured origin';
}
