import { APICallError } from '@ai-sdk/provider';
import type { FetchFunction } from '@ai-sdk/provider-utils';

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 5;

/**
 * Takes over from `createOriginBoundFetch` once an answer is, or was
 * reached through, a redirect: one that stays on the allowed origin is
 * followed as `fetch` would follow it, any other is refused (see there).
 */
export async function followSameOriginRedirects({
  send,
  allowedOrigin,
  url: firstUrl,
  requestInit: firstInit,
  response: firstResponse,
}: {
  send: FetchFunction;
  allowedOrigin: string;
  url: string;
  requestInit: RequestInit;
  response: Response;
}): Promise<Response> {
  let url = firstUrl;
  let requestInit = firstInit;
  let response = firstResponse;
  for (let hop = 0; ; hop++) {
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
    response = await send(url, requestInit);
  }
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
