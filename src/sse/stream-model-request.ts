import type {
  LanguageModelV4CallOptions,
  LanguageModelV4StreamPart,
  LanguageModelV4StreamResult,
  SharedV4Warning,
} from '@ai-sdk/provider';
import type { ParseResult } from '@ai-sdk/provider-utils';
import type { OpenRouterConfig } from '../http/openrouter-config';
import { openRouterEventStreamResponseHandler } from '../http/openrouter-event-stream-response-handler';
import type {
  StreamErrorContext,
  StreamFailure,
} from '../http/openrouter-stream-errors';
import { reportStreamFailures } from '../http/report-stream-failures';
import { sendModelRequest } from '../http/send-openrouter-request';
import { openSsePartStream, type SseEventProcessor } from './sse-part-stream';

/**
 * A part as a model's stream state emits it: an `error` part carries the
 * failure it stands for, and `streamModelRequest` turns that into the
 * redacted error with code that loads only once a stream fails.
 */
export type StreamStatePart =
  | Exclude<LanguageModelV4StreamPart, { type: 'error' }>
  | { type: 'error'; error: StreamFailure };

// Parts that show no content: a stream of only these is empty, which its
// state reports as a failure rather than as a reply.
const NON_CONTENT_PARTS = new Set(['raw', 'response-metadata', 'error']);

/** Whether a part is content of the reply, for a state's empty-stream rule. */
export function isContentPart(part: StreamStatePart) {
  return !NON_CONTENT_PARTS.has(part.type);
}

/** What every stream state knows of its request. */
export type StreamRequestContext = StreamErrorContext & {
  includeRawChunks: boolean;
};

/**
 * Posts a streaming request and turns its event stream into AI SDK stream
 * parts, through the model's own state machine: the chat, completion and
 * Responses models share the request, the failure reporting and the part
 * stream, and differ only in `validateChunk` and `createState`.
 */
export async function streamModelRequest<CHUNK, CONTEXT extends object>({
  config,
  url,
  body,
  warnings,
  options,
  validateChunk,
  handsOnObjects,
  context,
  createState,
}: {
  config: OpenRouterConfig;
  url: string;
  body: Record<string, unknown>;
  warnings: SharedV4Warning[];
  options: LanguageModelV4CallOptions;
  validateChunk: (value: unknown) => ParseResult<CHUNK>;
  handsOnObjects: (chunk: CHUNK) => boolean;
  /** What the model's state needs besides the request. */
  context: CONTEXT;
  createState: (
    context: CONTEXT & StreamRequestContext,
    output: (part: StreamStatePart) => void,
  ) => SseEventProcessor<CHUNK>;
}): Promise<LanguageModelV4StreamResult> {
  const {
    responseHeaders,
    value: responseBody,
    sentHeaders,
  } = await sendModelRequest(config, {
    method: 'POST',
    url,
    callHeaders: options.headers,
    body,
    successfulResponseHandler: openRouterEventStreamResponseHandler,
    abortSignal: options.abortSignal,
  });

  const requestContext = {
    ...context,
    url,
    requestBody: body,
    responseHeaders,
    includeRawChunks: options.includeRawChunks === true,
  };
  const reportFailure = reportStreamFailures(requestContext, sentHeaders);

  return {
    stream: await openSsePartStream({
      body: responseBody,
      warnings,
      validateChunk,
      handsOnObjects,
      includeRawChunks: requestContext.includeRawChunks,
      abortSignal: options.abortSignal,
      createProcessor: (emit, emitLater) =>
        createState(requestContext, part =>
          part.type === 'error'
            ? emitLater(reportFailure(part.error))
            : emit(part),
        ),
    }),
    request: { url, body },
    response: { headers: responseHeaders },
  };
}
