import { type APICallError, LoadAPIKeyError } from '@ai-sdk/provider';
import type { FlexibleSchema, ResponseHandler } from '@ai-sdk/provider-utils';
import { changeApiCallError } from '../http/change-api-call-error';
import { openRouterFailedResponseHandler } from '../http/openrouter-failed-response-handler';
import { resolveRequestHeaders } from '../http/openrouter-request-headers';
import { createOpenRouterJsonResponseHandler } from '../http/openrouter-response-handlers';
import {
  type OpenRouterRequestEffect,
  sendOpenRouterRequest,
} from '../http/send-openrouter-request';
import type {
  OpenRouterApiConfig,
  OpenRouterRequestOptions,
} from './openrouter-api-config';

/**
 * Which key an endpoint takes:
 * - `inference`: the ordinary API key (catalogue, `/key`, `/generation`);
 * - `provisioning`: a provisioning key, falling back to the inference key
 *   when none is configured (`/keys*`, `/credits*`, `/activity`);
 * - `none`: no key at all (the OAuth code exchange).
 */
export type OpenRouterKeyKind = 'inference' | 'provisioning' | 'none';

/** Which credentials a request actually carried, for error messages. */
type KeyUsed = 'inference' | 'provisioning' | 'header' | 'none';

export type OpenRouterApiRequest<T> = {
  config: OpenRouterApiConfig;
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Path below the API root, e.g. `/models`. Segments must be encoded. */
  path: string;
  query?: Record<string, string | undefined>;
  body?: unknown;
  keyKind: OpenRouterKeyKind;
  schema: FlexibleSchema<T>;
  requestOptions?: OpenRouterRequestOptions;
  /** `creates-a-resource` for calls that must not be repeated blindly. */
  effect?: OpenRouterRequestEffect;
};

/**
 * Sends one request to the OpenRouter API and returns the validated body.
 * Failures are `APICallError`s; a 401 or 403 also says which kind of key the
 * endpoint needs, because "User not found." alone does not tell a user that
 * they passed an inference key where a provisioning key was needed.
 */
export async function requestOpenRouterApi<T>({
  config,
  method,
  path,
  query,
  body,
  keyKind,
  schema,
  requestOptions,
  effect,
}: OpenRouterApiRequest<T>): Promise<T> {
  const url = buildUrl(config.baseURL, path, query);
  let keyUsed: KeyUsed = keyKind === 'none' ? 'none' : 'header';

  // Provider and call headers are sent to every endpoint (an explicit
  // `Authorization` among them); the configured key only where one is taken,
  // so a browser app without one can exchange an OAuth code.
  const headers = resolveRequestHeaders(
    {
      headers: config.headers,
      apiKey:
        keyKind === 'none'
          ? undefined
          : () => {
              const loaded = loadKey(config, keyKind, `${method} ${path}`);
              keyUsed = loaded.used;
              return loaded.key;
            },
    },
    requestOptions?.headers,
  );

  const failedResponseHandler = withKeyAdvice(
    openRouterFailedResponseHandler,
    () => describeKeyAdvice(keyKind, keyUsed, `${method} ${path}`),
  );
  const { value } = await sendOpenRouterRequest({
    baseURL: config.baseURL,
    fetch: config.fetch,
    method,
    url,
    headers,
    body,
    failedResponseHandler,
    successfulResponseHandler: createOpenRouterJsonResponseHandler(schema, {
      // What these calls create is often a key.
      answerHoldsNewSecret: effect === 'creates-a-resource',
    }),
    abortSignal: requestOptions?.abortSignal,
    effect,
  });
  return value;
}

function buildUrl(
  baseURL: string,
  path: string,
  query: Record<string, string | undefined> | undefined,
) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value != null) {
      search.set(name, value);
    }
  }
  const queryString = search.toString();
  return `${baseURL}${path}${queryString === '' ? '' : `?${queryString}`}`;
}

function loadKey(
  config: OpenRouterApiConfig,
  keyKind: 'inference' | 'provisioning',
  endpoint: string,
): { key: string; used: 'inference' | 'provisioning' } {
  if (keyKind === 'inference') {
    return { key: config.apiKey(), used: 'inference' };
  }
  const provisioningKey = config.provisioningKey();
  if (provisioningKey != null) {
    return { key: provisioningKey, used: 'provisioning' };
  }
  try {
    return { key: config.apiKey(), used: 'inference' };
  } catch (error) {
    if (LoadAPIKeyError.isInstance(error)) {
      throw new LoadAPIKeyError({
        message: `OpenRouter provisioning key is missing. ${endpoint} needs one: pass it using the 'provisioningKey' setting or the OPENROUTER_PROVISIONING_KEY environment variable. (Without one the inference key from 'apiKey' or OPENROUTER_API_KEY is tried, and it is missing too.)`,
      });
    }
    throw error;
  }
}

function describeKeyAdvice(
  keyKind: OpenRouterKeyKind,
  keyUsed: KeyUsed,
  endpoint: string,
): string | undefined {
  if (keyKind === 'none') {
    return undefined;
  }
  if (keyKind === 'inference') {
    const sent =
      keyUsed === 'header'
        ? ' This request used the Authorization header from the request headers.'
        : '';
    return `${endpoint} needs an OpenRouter API key (inference key): set the 'apiKey' setting or OPENROUTER_API_KEY.${sent}`;
  }
  const sent =
    keyUsed === 'inference'
      ? ' This request used the inference key (apiKey / OPENROUTER_API_KEY) because no provisioning key is set.'
      : keyUsed === 'provisioning'
        ? ' The provisioning key that was sent was refused.'
        : ' This request used the Authorization header from the request headers.';
  return `${endpoint} needs a provisioning key: set the 'provisioningKey' setting or OPENROUTER_PROVISIONING_KEY.${sent}`;
}

/**
 * Adds advice about the key to 401 and 403 errors, keeping everything else
 * (status, retryability, headers, body) as the failed-response handler set it.
 */
function withKeyAdvice(
  handler: ResponseHandler<APICallError>,
  advice: () => string | undefined,
): ResponseHandler<APICallError> {
  return async options => {
    const result = await handler(options);
    const error = result.value;
    const text = advice();
    if (
      text == null ||
      (error.statusCode !== 401 && error.statusCode !== 403)
    ) {
      return result;
    }
    const message = /[.!?]$/.test(error.message)
      ? `${error.message} ${text}`
      : `${error.message}. ${text}`;
    return {
      ...result,
      value: changeApiCallError(error, { message }),
    };
  };
}
