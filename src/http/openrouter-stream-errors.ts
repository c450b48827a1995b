import { APICallError } from '@ai-sdk/provider';
import type { SsePartStreamEvent } from '../sse/sse-part-stream';

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
 * The error for an event that did not arrive as a chunk:
 * - the connection was lost: what came before it has been delivered, and a
 *   new attempt usually streams cleanly, so it is retryable;
 * - this provider failed to process the stream (a response it cannot
 *   handle): the rest is not read, and asking again would most likely meet
 *   the same problem, so it is not retryable;
 * - the event was not JSON, or not shaped like a chunk: its content is
 *   missing from the reply, and a new attempt usually streams cleanly.
 */
export function streamEventError(
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
export function emptyStreamError(context: StreamErrorContext): APICallError {
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
    cause?: unknown;
    statusCode?: number;
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
