import { APICallError } from '@ai-sdk/provider';
import type { SsePartStreamEvent } from '../sse/sse-part-stream';
import type { SentHeaders } from './credential-headers';
import {
  createOpenRouterApiCallError,
  extractOpenRouterErrorData,
  type OpenRouterErrorData,
} from './openrouter-error';
import { createRequestRedactor, redactError } from './redact-secrets';

/** The request a stream answers, for the errors it ends with. */
export type StreamErrorContext = {
  url: string;
  requestBody: unknown;
  responseHeaders: Record<string, string> | undefined;
};

type FailedStreamEvent = Extract<
  SsePartStreamEvent<unknown>,
  { success: false }
>;

/**
 * Why a stream failed, as the stream state names it. The error that
 * reports it is built by `createStreamFailureReporter`, which loads with
 * the stream's first failure, so a stream that goes well never loads the
 * error messages or the redaction.
 */
export type StreamFailure =
  /** An event that did not arrive as a chunk: see `streamEventError`. */
  | { type: 'failed-event'; event: FailedStreamEvent }
  /** A chunk that is OpenRouter's error (`{ error: { code, message } }`). */
  | { type: 'error-chunk'; chunk: unknown }
  /** An error already read from an event of another shape (Responses). */
  | { type: 'error-data'; error: OpenRouterErrorData }
  /** The reply ended with neither content nor a finish reason. */
  | { type: 'empty-stream' }
  /** An error thrown while reading the chunks (a malformed tool call, say). */
  | { type: 'thrown'; error: unknown };

/**
 * Builds the error for each failure of one stream, with every secret the
 * request carried redacted: an error the server streams may echo a key.
 */
export function createStreamFailureReporter(
  context: StreamErrorContext,
  sentHeaders: SentHeaders,
): (failure: StreamFailure) => unknown {
  const redact = createRequestRedactor(sentHeaders);
  return failure => redactError(streamFailureError(context, failure), redact);
}

function streamFailureError(
  context: StreamErrorContext,
  failure: StreamFailure,
): unknown {
  switch (failure.type) {
    case 'failed-event':
      return streamEventError(context, failure.event);
    case 'error-chunk':
      // An upstream 429 or 5xx delivered after HTTP 200 keeps its status.
      return createOpenRouterApiCallError({
        error: extractOpenRouterErrorData(failure.chunk) ?? {},
        url: context.url,
        requestBodyValues: context.requestBody,
        responseHeaders: context.responseHeaders,
      });
    case 'error-data':
      return createOpenRouterApiCallError({
        error: failure.error,
        url: context.url,
        requestBodyValues: context.requestBody,
        responseHeaders: context.responseHeaders,
      });
    case 'empty-stream':
      return emptyStreamError(context);
    case 'thrown':
      return failure.error;
  }
}

/**
 * The error for an event that did not arrive as a chunk:
 * - the connection was lost: what came before it has been delivered, and a
 *   new attempt usually streams cleanly, so it is retryable;
 * - this provider failed to process the stream (a response it cannot
 *   handle): the rest is not read, and asking again would most likely meet
 *   the same problem, so it is not retryable;
 * - the event was not JSON, or not shaped like a chunk: its content is
 *   missing from the reply, and a new attempt usually streams cleanly.
 */
function streamEventError(
  context: StreamErrorContext,
  event: FailedStreamEvent,
): APICallError {
  const { error } = event;
  if ('transportFailure' in event) {
    const reason =
      error instanceof Error
        ? (APICallError.isInstance(error) && error.cause instanceof Error
            ? error.cause
            : error
          ).message
        : String(error);
    return streamError(context, {
      message: `The connection to OpenRouter was lost in the middle of the stream (${reason}). Everything received before the loss has been delivered.`,
      cause: error,
      isRetryable: true,
    });
  }
  if ('processingFailure' in event) {
    return streamError(context, {
      message: `This provider could not process OpenRouter's stream; everything before the failure has been delivered, the rest was not read (${
        error instanceof Error
          ? `${error.name}: ${error.message.slice(0, 200)}`
          : String(error).slice(0, 200)
      }).`,
      cause: error,
      isRetryable: false,
    });
  }
  return streamError(context, {
    message: `OpenRouter sent a malformed stream event; its content is missing from the reply (${
      error instanceof Error ? error.message.slice(0, 200) : String(error)
    }).`,
    cause: error,
    isRetryable: true,
  });
}

/**
 * A stream that ended with neither content nor a finish reason: a hiccup
 * upstream, retryable like a non-streamed answer without choices.
 */
function emptyStreamError(context: StreamErrorContext): APICallError {
  return streamError(context, {
    message:
      'OpenRouter ended the stream with neither content nor a finish reason.',
    statusCode: 200,
    isRetryable: true,
  });
}

function streamError(
  context: StreamErrorContext,
  fields: {
    message: string;
    cause?: unknown | undefined;
    statusCode?: number | undefined;
    isRetryable: boolean;
  },
) {
  return new APICallError({
    url: context.url,
    requestBodyValues: context.requestBody,
    responseHeaders: context.responseHeaders,
    ...fields,
  });
}
