import type { APICallError } from '@ai-sdk/provider';
import {
  deleteFromApi,
  type FetchFunction,
  getFromApi,
  postFormDataToApi,
  postToApi,
  type ResponseHandler,
} from '@ai-sdk/provider-utils';
import type { SentHeaders } from './credential-headers';
import type { OpenRouterConfig } from './openrouter-config';
import {
  explainRejectedKey,
  type OpenRouterCredential,
} from './openrouter-credential';
import { resolveRequestHeaders } from './openrouter-request-headers';
import { createOriginBoundFetch } from './origin-bound-fetch';
import { stringifyRequestBody } from './request-body-json';

/**
 * What a request does when it arrives:
 * - `repeatable`: sending it again is safe (reads, deletes, and model calls,
 *   which the AI SDK's `maxRetries` is meant to repeat);
 * - `creates-a-resource`: it may create something that costs money or
 *   cannot be created twice (a video job, an API key, a charge), so once it
 *   may have arrived no error says to retry it.
 */
export type OpenRouterRequestEffect = 'repeatable' | 'creates-a-resource';

export type OpenRouterRequest<T> = {
  /** The configured API root; no request leaves its origin. */
  baseURL: string;
  fetch: FetchFunction | undefined;
  /** Complete, checked headers (see `resolveRequestHeaders`). */
  headers: Record<string, string>;
  /** The key in `headers` and where it came from, named when refused. */
  credential?: OpenRouterCredential | undefined;
} & OpenRouterRequestFields<T>;

/** What a request holds besides its origin, `fetch` and headers. */
type OpenRouterRequestFields<T> = {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  url: string;
  /**
   * A JSON body, or `FormData` for a multipart upload (`POST /files`),
   * which `fetch` encodes with its own boundary.
   */
  body?: unknown | undefined;
  successfulResponseHandler: ResponseHandler<T>;
  failedResponseHandler?: ResponseHandler<APICallError> | undefined;
  abortSignal: AbortSignal | undefined;
  effect?: OpenRouterRequestEffect | undefined;
};

/** A successful answer as the response handler read it. */
export type OpenRouterAnswer<T> = {
  value: T;
  rawValue?: unknown | undefined;
  responseHeaders?: Record<string, string> | undefined;
};

/**
 * Sends one request to OpenRouter. Every model and utility of the package
 * goes through here, so three rules hold everywhere:
 * - no credential or body follows a redirect to another origin;
 * - every secret the request carried is redacted from its errors, those
 *   that `readAnswer` throws while it maps the answer included, and the
 *   returned `sentHeaders` let errors that arrive later (in a stream) be
 *   redacted the same way (see `createRequestRedactor`);
 * - a request that may have created something is not marked retryable;
 * - a 401 names the key that was refused and where it came from.
 *
 * What does this for a failure (`request-failure.ts`, the redaction
 * machinery) loads with the first one: a call that succeeds never runs it.
 */
export async function sendOpenRouterRequest<
  T,
  RESULT extends object = OpenRouterAnswer<T>,
>({
  baseURL,
  fetch,
  method,
  url,
  headers,
  credential,
  body,
  successfulResponseHandler,
  failedResponseHandler = loadFailedResponseHandlerOnFailure,
  abortSignal,
  effect = 'repeatable',
  readAnswer,
}: OpenRouterRequest<T> & {
  /**
   * Maps the answer; what it throws (an answer without choices, say) may
   * quote the body, and is redacted like every other error.
   */
  readAnswer?: ((answer: OpenRouterAnswer<T>) => RESULT) | undefined;
}): Promise<RESULT & { sentHeaders: SentHeaders }> {
  const sentHeaders: SentHeaders = () => headers;
  const isJson =
    (method === 'POST' || method === 'PATCH') && !(body instanceof FormData);
  // provider-utils' helpers rebuild the headers they are given through a
  // `Headers` object on every request, a tenth of the CPU from a call to
  // `fetch` (`npm run bench`, "Cost per call"). These headers are complete
  // and checked already, so the helpers get none and this `fetch` sends
  // them, with the user-agent suffix the helper added. It also sets the
  // method, as provider-utils has no PATCH helper.
  const originBoundFetch = createOriginBoundFetch(baseURL, fetch);
  const requestHeaders = isJson
    ? { 'content-type': 'application/json', ...headers }
    : body instanceof FormData
      ? withoutContentType(headers)
      : headers;
  const sendWithHeaders: FetchFunction = (input, init) =>
    originBoundFetch(input, {
      ...init,
      method,
      headers: withUserAgentSuffixOf(requestHeaders, init?.headers),
    });
  try {
    const answer = await send();
    const result =
      readAnswer != null ? readAnswer(answer) : (answer as unknown as RESULT);
    return { ...result, sentHeaders };
  } catch (error) {
    // The key's name is added before redaction, so a server that echoes
    // the key still has it removed whole.
    requestFailure ??= await import('./request-failure');
    throw requestFailure.settleRequestError(
      explainRejectedKey(error, credential),
      sentHeaders,
      effect === 'creates-a-resource',
    );
  }

  function send() {
    const common = {
      url,
      headers: {},
      failedResponseHandler,
      successfulResponseHandler,
      abortSignal,
      fetch: sendWithHeaders,
    };
    if (method === 'GET') {
      // The URL is built from the developer's own baseURL, and the
      // origin-bound fetch keeps every hop on it; validating it as an
      // untrusted URL would refuse local proxies and the emulator.
      return getFromApi({ ...common, validateUrl: false });
    }
    if (body instanceof FormData) {
      return postFormDataToApi({ ...common, formData: body });
    }
    if (method === 'DELETE') {
      return deleteFromApi(common);
    }
    // `postJsonToApi` less its `JSON.stringify`: the body is written by
    // `stringifyRequestBody`, which reuses the text of tool schemas.
    return postToApi({
      ...common,
      body: {
        content: stringifyRequestBody(body ?? {}),
        values: body ?? {},
      },
    });
  }
}

/**
 * A multipart body's content type names its boundary, which only `fetch`
 * knows: one set for every request (a JSON `Content-Type` among the
 * provider's headers, say) would make the upload unreadable.
 */
function withoutContentType(headers: Record<string, string>) {
  if (headers['content-type'] == null) {
    return headers;
  }
  const { 'content-type': _contentType, ...rest } = headers;
  return rest;
}

/**
 * `headers` with the `user-agent` of the headers a provider-utils helper
 * passed to `fetch` (its own suffix, given no headers) appended.
 */
function withUserAgentSuffixOf(
  headers: Record<string, string>,
  helperHeaders: HeadersInit | undefined,
): Record<string, string> {
  const suffix = (helperHeaders as Record<string, string> | undefined)?.[
    'user-agent'
  ];
  if (suffix == null || suffix === '') {
    return headers;
  }
  const userAgent = headers['user-agent'];
  return {
    ...headers,
    'user-agent': userAgent ? `${userAgent} ${suffix}` : suffix,
  };
}

// The failure path loads with the first failure: reading an error body
// (proxy pages included) and redacting it is code a call that succeeds
// never runs. Once loaded it is kept, as a retrying agent fails often and
// each `import()` of a loaded module still costs a few microseconds.
let requestFailure: typeof import('./request-failure') | undefined;
let failedResponseHandler:
  | typeof import('./openrouter-failed-response-handler')
  | undefined;

const loadFailedResponseHandlerOnFailure: ResponseHandler<
  APICallError
> = async options => {
  failedResponseHandler ??= await import(
    './openrouter-failed-response-handler'
  );
  return failedResponseHandler.openRouterFailedResponseHandler(options);
};

/**
 * A model's request: the config gives the origin, the `fetch`, the
 * provider's headers and the key; the call adds its own headers.
 */
export function sendModelRequest<
  T,
  RESULT extends object = OpenRouterAnswer<T>,
>(
  config: OpenRouterConfig,
  {
    callHeaders,
    ...request
  }: OpenRouterRequestFields<T> & {
    callHeaders: Record<string, string | undefined> | undefined;
    readAnswer?: ((answer: OpenRouterAnswer<T>) => RESULT) | undefined;
  },
) {
  return sendOpenRouterRequest<T, RESULT>({
    ...request,
    ...resolveRequestHeaders(config, callHeaders),
    baseURL: config.baseURL,
    fetch: config.fetch,
  });
}
