import { APICallError } from '@ai-sdk/provider';
import {
  extractResponseHeaders,
  type FlexibleSchema,
  jsonSchema,
  type ResponseHandler,
} from '@ai-sdk/provider-utils';
import { createOpenRouterJsonResponseHandler } from './openrouter-response-handlers';

/**
 * Reads a successful answer to a streaming request that is not labelled as
 * an event stream: it is read as a stream when its first non-whitespace
 * bytes are `data:` or a `:` comment, and becomes a typed error otherwise.
 * See `openRouterEventStreamResponseHandler`.
 */
export async function readUnlabelledEventStream(
  options: Parameters<ResponseHandler<ReadableStream<Uint8Array>>>[0],
  body: ReadableStream<Uint8Array>,
  responseHeaders: Record<string, string>,
): Promise<{
  value: ReadableStream<Uint8Array>;
  responseHeaders?: Record<string, string> | undefined;
}> {
  const { response } = options;
  const sniffed = await sniffEventStream(body);
  if (sniffed.isEventStream) {
    return { responseHeaders, value: sniffed.body };
  }
  return notAStreamResponseHandler({
    ...options,
    response: new Response(sniffed.body, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    }),
  });
}

/**
 * Throws the error a non-stream answer to a stream request stands for. Read
 * as a stream it would look like an empty reply; read as a JSON answer it
 * becomes a clear, typed error.
 */
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

const DATA_FIELD = [0x64, 0x61, 0x74, 0x61, 0x3a]; // `data:`
const COLON = 0x3a;
const BYTE_ORDER_MARK = [0xef, 0xbb, 0xbf];
/** Leading whitespace read before giving up on finding the first byte. */
const SNIFF_LIMIT = 64 * 1024;

function isWhitespace(byte: number) {
  return byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d;
}

/**
 * Reads the start of a body, up to its first few non-whitespace bytes, and
 * tells whether it is an event stream. The returned body gives the bytes
 * read, then the rest, as if nothing had been read.
 */
async function sniffEventStream(body: ReadableStream<Uint8Array>): Promise<{
  isEventStream: boolean;
  body: ReadableStream<Uint8Array>;
}> {
  const reader = body.getReader();
  const readChunks: Uint8Array[] = [];
  const head: number[] = [];
  let bytesRead = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) {
      break;
    }
    readChunks.push(value);
    for (
      let offset = 0;
      offset < value.length && head.length < DATA_FIELD.length;
      offset++
    ) {
      const byte = value[offset];
      const position = bytesRead + offset;
      const isLeadingByteOrderMark =
        position < BYTE_ORDER_MARK.length && byte === BYTE_ORDER_MARK[position];
      if (head.length === 0 && (isWhitespace(byte) || isLeadingByteOrderMark)) {
        continue;
      }
      head.push(byte);
    }
    bytesRead += value.length;
    if (
      head.length === DATA_FIELD.length ||
      (head.length > 0 && head[0] !== DATA_FIELD[0]) ||
      bytesRead > SNIFF_LIMIT
    ) {
      break;
    }
  }

  let next = 0;
  const replay = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (next < readChunks.length) {
        controller.enqueue(readChunks[next]);
        readChunks[next++] = EMPTY;
        return;
      }
      const { done, value } = await reader.read();
      if (done) {
        controller.close();
      } else {
        controller.enqueue(value);
      }
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
  return {
    isEventStream:
      head[0] === COLON ||
      (head.length === DATA_FIELD.length &&
        head.every((byte, index) => byte === DATA_FIELD[index])),
    body: replay,
  };
}

const EMPTY = new Uint8Array(0);

const notAStreamSchema: FlexibleSchema<unknown> = jsonSchema({});
