import { APICallError } from '@ai-sdk/provider';
import {
  createEventSourceResponseHandler,
  extractResponseHeaders,
  type FlexibleSchema,
  isAbortError,
  type ParseResult,
  type ResponseHandler,
  safeValidateTypes,
} from '@ai-sdk/provider-utils';
import {
  createOpenRouterApiCallError,
  extractOpenRouterErrorData,
} from './openrouter-error';

/**
 * A JSON response handler that knows OpenRouter can answer HTTP 200 with an
 * error body, for example when the upstream failed after routing. Such a body
 * becomes an `APICallError` whose status and retryability come from the
 * error's own code instead of the 200.
 */
export function createOpenRouterJsonResponseHandler<T>(
  schema: FlexibleSchema<T>,
): ResponseHandler<T> {
  return async ({ response, url, requestBodyValues }) => {
    const responseHeaders = extractResponseHeaders(response);
    const responseBody = await response.text();

    let rawValue: unknown;
    try {
      rawValue = JSON.parse(responseBody);
    } catch (cause) {
      // Usually a body cut off in transit, which a new attempt gets past.
      throw new APICallError({
        message: `OpenRouter returned HTTP ${response.status} with a body that is not valid JSON (it may have been cut off).`,
        url,
        requestBodyValues,
        statusCode: response.status,
        responseHeaders,
        responseBody,
        cause,
        isRetryable: true,
      });
    }

    const errorData = extractOpenRouterErrorData(rawValue);
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
      throw new APICallError({
        message: 'OpenRouter returned a response this provider cannot read.',
        url,
        requestBodyValues,
        statusCode: response.status,
        responseHeaders,
        responseBody,
        cause: validation.error,
      });
    }

    return { value: validation.value, rawValue, responseHeaders };
  };
}

/** Marks the point where the connection failed in the middle of a stream. */
export type StreamTransportFailure = {
  success: false;
  transportFailure: true;
  error: unknown;
  rawValue: undefined;
};

export type OpenRouterStreamEvent<T> = ParseResult<T> | StreamTransportFailure;

/**
 * An SSE handler whose stream never errors because of the connection: a cut
 * socket becomes one last event, so the model can still close its open
 * blocks and report usage and a finish. Aborts still error the stream, as the
 * AI SDK expects for cancellation.
 */
export function createOpenRouterEventStreamResponseHandler<T>(
  chunkSchema: FlexibleSchema<T>,
): ResponseHandler<ReadableStream<OpenRouterStreamEvent<T>>> {
  const handler = createEventSourceResponseHandler(chunkSchema);
  return async options => {
    const { value, responseHeaders } = await handler(options);
    return { value: captureTransportFailure(value), responseHeaders };
  };
}

function captureTransportFailure<T>(
  source: ReadableStream<ParseResult<T>>,
): ReadableStream<OpenRouterStreamEvent<T>> {
  const reader = source.getReader();
  return new ReadableStream<OpenRouterStreamEvent<T>>({
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) {
          controller.close();
        } else {
          controller.enqueue(value);
        }
      } catch (error) {
        if (isAbortError(error)) {
          controller.error(error);
          return;
        }
        controller.enqueue({
          success: false,
          transportFailure: true,
          error,
          rawValue: undefined,
        });
        controller.close();
      }
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
}
