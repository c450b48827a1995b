import { APICallError, EmptyResponseBodyError } from '@ai-sdk/provider';
import {
  extractResponseHeaders,
  type FlexibleSchema,
  jsonSchema,
  type ParseResult,
  type ResponseHandler,
  safeValidateTypes,
  secureJsonParse,
} from '@ai-sdk/provider-utils';
import {
  createOpenRouterApiCallError,
  extractOpenRouterErrorData,
} from './openrouter-error';

/**
 * A JSON response handler that knows OpenRouter can answer HTTP 200 with an
 * error body, for example when the upstream failed after routing. Such a body
 * becomes an `APICallError` whose status and retryability come from the
 * error's own code instead of the 200. Bodies whose `error` field is their
 * own (a video job's status) turn that off with `errorBody: 'part-of-answer'`.
 */
export function createOpenRouterJsonResponseHandler<T>(
  schema: FlexibleSchema<T>,
  {
    errorBody = 'in-band-error',
  }: {
    errorBody?: 'in-band-error' | 'part-of-answer';
  } = {},
): ResponseHandler<T> {
  return async ({ response, url, requestBodyValues }) => {
    const responseHeaders = extractResponseHeaders(response);
    const responseBody = await response.text();

    let rawValue: unknown;
    try {
      // Like the AI SDK's own handlers, refuse `__proto__` keys outright.
      rawValue = secureJsonParse(responseBody);
    } catch {
      // Usually a body cut off in transit, which a new attempt gets past.
      throw new APICallError({
        message: `OpenRouter returned HTTP ${response.status} with a body that is not valid JSON (it may have been cut off).`,
        url,
        requestBodyValues,
        statusCode: response.status,
        responseHeaders,
        responseBody: redactSecrets(responseBody),
        // The parse error quotes the body, so it is not kept as the cause.
        isRetryable: true,
      });
    }

    const errorData =
      errorBody === 'in-band-error'
        ? extractOpenRouterErrorData(rawValue)
        : undefined;
    if (errorData != null) {
      throw createOpenRouterApiCallError({
        error: errorData,
        url,
        requestBodyValues,
        responseHeaders,
        responseBody,
        httpStatusCode: response.status,
      });
    }

    const validation = await safeValidateTypes({ value: rawValue, schema });
    if (!validation.success) {
      // The body may hold a secret shown only once (a new API key from
      // `POST /keys` or an OAuth exchange), so the error keeps no copy of
      // it: neither the body nor a validation error quoting the value.
      throw new APICallError({
        message: `OpenRouter returned a response this provider cannot read: ${redactSecrets(
          validationSummary(validation.error),
        )}`,
        url,
        requestBodyValues,
        statusCode: response.status,
        responseHeaders,
        responseBody: redactSecrets(responseBody),
      });
    }

    return { value: validation.value, rawValue, responseHeaders };
  };
}

const SECRET_KEY = /sk-or-[A-Za-z0-9_-]+/g;

/** The text with every OpenRouter key in it replaced. */
export function redactSecrets(text: string) {
  return text.replace(SECRET_KEY, 'sk-or-[REDACTED]');
}

/** What failed validation, without the value that was validated. */
function validationSummary(error: Error) {
  const cause = (error as { cause?: unknown }).cause;
  const issues = (
    cause as { issues?: Array<{ path?: unknown[]; message?: string }> }
  )?.issues;
  if (Array.isArray(issues) && issues.length > 0) {
    return issues
      .slice(0, 3)
      .map(
        issue =>
          `${(issue.path ?? []).join('.') || 'response'}: ${issue.message}`,
      )
      .join('; ');
  }
  return 'unexpected shape';
}

/** Marks the point where the connection failed in the middle of a stream. */
export type StreamTransportFailure = {
  success: false;
  transportFailure: true;
  error: unknown;
  rawValue: undefined;
};

/**
 * One event of an OpenRouter stream as the stream state receives it: a
 * checked chunk, a chunk that could not be parsed or checked, or the loss of
 * the connection.
 */
export type OpenRouterStreamEvent<T> = ParseResult<T> | StreamTransportFailure;

/**
 * Hands over the body of a successful streaming response as bytes, with the
 * response headers. Everything after that, from splitting the events to the
 * stream parts, happens in one stage: see `createSsePartStream`.
 */
export const openRouterEventStreamResponseHandler: ResponseHandler<
  ReadableStream<Uint8Array>
> = async options => {
  const { response } = options;
  const responseHeaders = extractResponseHeaders(response);
  if (response.body == null) {
    throw new EmptyResponseBodyError({});
  }
  // A stream request answered with something that is not a stream: an
  // error body, or a proxy's page. Read as such it would look like an empty
  // reply; read as a JSON answer it becomes a clear, typed error.
  const contentType = response.headers.get('content-type') ?? '';
  if (!contentType.includes('text/event-stream')) {
    await notAStreamResponseHandler(options);
  }
  return { responseHeaders, value: response.body };
};

/** Throws the error a non-stream answer to a stream request stands for. */
const notAStreamResponseHandler: ResponseHandler<never> = async options => {
  const { response, url, requestBodyValues } = options;
  const contentType = response.headers.get('content-type') ?? 'no content type';
  // An OpenRouter error body becomes its typed error here; anything else is
  // a proxy's answer, which a new attempt usually gets past.
  await createOpenRouterJsonResponseHandler(notAStreamSchema)(options);
  throw new APICallError({
    message: `OpenRouter answered a streaming request with ${contentType} instead of an event stream.`,
    url,
    requestBodyValues,
    statusCode: response.status,
    responseHeaders: extractResponseHeaders(response),
    isRetryable: true,
  });
};

const notAStreamSchema: FlexibleSchema<unknown> = jsonSchema({});
