import { type APICallError, LoadAPIKeyError } from '@ai-sdk/provider';
import type { FlexibleSchema, ResponseHandler } from '@ai-sdk/provider-utils';
import { changeApiCallError } from '../http/change-api-call-error';
import type { KeyNames } from '../http/load-openrouter-api-key';
import {
  describeCredential,
  type OpenRouterCredential,
} from '../http/openrouter-credential';
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
 * - `inference`: the ordinary API key (`/key`, `/generation`, most of the
 *   catalogue);
 * - `optional`: the API key when one is configured, else none, for the
 *   public catalogue OpenRouter serves without a key (`/models` and a
 *   model's endpoints): a key-less request is tried, and a 401 then asks
 *   for a key;
 * - `provisioning`: a provisioning key, falling back to the inference key
 *   when none is configured (`/keys*`, `/credits*`, `/activity`);
 * - `none`: no key at all (the OAuth code exchange).
 */
export type OpenRouterKeyKind =
  | 'inference'
  | 'optional'
  | 'provisioning'
  | 'none';

/** Which credentials a request actually carried, for error messages. */
type KeyUsed = 'inference' | 'provisioning' | 'header' | 'none';

export type OpenRouterApiRequest<T> = {
  config: OpenRouterApiConfig;
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Path below the API root, e.g. `/models`. Segments must be encoded. */
  path: string;
  query?: Record<string, string | undefined>;
  body?: unknown | undefined;
  keyKind: OpenRouterKeyKind;
  schema: FlexibleSchema<T>;
  requestOptions?: OpenRouterRequestOptions | undefined;
  /** `creates-a-resource` for calls that must not be repeated blindly. */
  effect?: OpenRouterRequestEffect | undefined;
};

/**
 * Sends one request to the OpenRouter API and returns the validated body.
 * Failures are `APICallError`s; a 401 or 403 also says which key was sent
 * and which kind of key the endpoint needs, because "User not found." alone
 * does not tell a user that they passed an inference key where a
 * provisioning key was needed.
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
  const endpoint = `${method} ${path}`;
  let keyUsed: KeyUsed = 'none';

  // Provider and call headers are sent to every endpoint (an explicit
  // `Authorization` among them); the configured key only where one is taken,
  // so a browser app without one can exchange an OAuth code.
  const { headers, credential } = resolveRequestHeaders(
    {
      headers: config.headers,
      apiKey:
        keyKind === 'none'
          ? undefined
          : () => {
              const loaded = loadKey(config, keyKind, endpoint);
              keyUsed = loaded.used;
              return loaded.credential;
            },
    },
    requestOptions?.headers,
  );
  if (credential != null && keyUsed === 'none') {
    keyUsed = 'header';
  }

  const failedResponseHandler = withKeyAdvice(
    openRouterFailedResponseHandler,
    statusCode =>
      describeKeyAdvice({
        keyKind,
        keyUsed,
        credential,
        endpoint,
        names: config.keyNames,
        statusCode,
      }),
  );
  const { value } = await sendOpenRouterRequest({
    baseURL: config.baseURL,
    fetch: config.fetch,
    method,
    url,
    headers,
    credential,
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
  keyKind: 'inference' | 'optional' | 'provisioning',
  endpoint: string,
): {
  credential: OpenRouterCredential | undefined;
  used: 'inference' | 'provisioning' | 'none';
} {
  if (keyKind === 'inference') {
    return { credential: config.apiKey(), used: 'inference' };
  }
  if (keyKind === 'optional') {
    try {
      return { credential: config.apiKey(), used: 'inference' };
    } catch (error) {
      // Missing or blank: the request goes without one. A key that cannot
      // be sent (a control character in it) still fails here.
      if (LoadAPIKeyError.isInstance(error)) {
        return { credential: undefined, used: 'none' };
      }
      throw error;
    }
  }
  const provisioningKey = config.provisioningKey();
  if (provisioningKey != null) {
    return { credential: provisioningKey, used: 'provisioning' };
  }
  try {
    return { credential: config.apiKey(), used: 'inference' };
  } catch (error) {
    if (LoadAPIKeyError.isInstance(error)) {
      const { provisioningKeyPlaces, apiKeyPlaces } = config.keyNames;
      throw new LoadAPIKeyError({
        message: `OpenRouter provisioning key is missing. ${endpoint} needs one: set ${provisioningKeyPlaces}. (Without one the API key from ${apiKeyPlaces} is tried, and it is missing too.)`,
      });
    }
    throw error;
  }
}

/**
 * What to add to a 401 or 403 about the key. A 401's message already names
 * the key that was sent (see `explainRejectedKey`), so only a 403's advice
 * repeats it.
 */
function describeKeyAdvice({
  keyKind,
  keyUsed,
  credential,
  endpoint,
  names,
  statusCode,
}: {
  keyKind: OpenRouterKeyKind;
  keyUsed: KeyUsed;
  credential: OpenRouterCredential | undefined;
  endpoint: string;
  names: KeyNames;
  statusCode: number | undefined;
}): string | undefined {
  if (keyKind === 'none') {
    return undefined;
  }
  if (credential == null) {
    return `${endpoint} was sent without an API key, as none is configured; OpenRouter asks for one here: set ${names.apiKeyPlaces}.`;
  }
  const sent =
    statusCode === 401
      ? ''
      : ` This request sent ${describeCredential(credential)}.`;
  if (keyKind !== 'provisioning') {
    return `${endpoint} needs an OpenRouter API key (inference key): set ${names.apiKeyPlaces}.${sent}`;
  }
  const needs = `${endpoint} needs a provisioning key: set ${names.provisioningKeyPlaces}.`;
  switch (keyUsed) {
    case 'provisioning':
      return sent === '' ? undefined : sent.trimStart();
    case 'inference':
      return statusCode === 401
        ? `${needs} No provisioning key is set, so the API key was sent instead.`
        : `${needs} This request sent ${describeCredential(credential)}, because no provisioning key is set.`;
    default:
      return `${needs}${sent}`;
  }
}

/**
 * Adds advice about the key to 401 and 403 errors, keeping everything else
 * (status, retryability, headers, body) as the failed-response handler set it.
 */
function withKeyAdvice(
  handler: ResponseHandler<APICallError>,
  advice: (statusCode: number | undefined) => string | undefined,
): ResponseHandler<APICallError> {
  return async options => {
    const result = await handler(options);
    const error = result.value;
    const text = advice(error.statusCode);
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
