import { APICallError, EmptyResponseBodyError } from '@ai-sdk/provider';
import {
  extractResponseHeaders,
  type FlexibleSchema,
  jsonSchema,
  type ResponseHandler,
  safeValidateTypes,
} from '@ai-sdk/provider-utils';
import {
  createOpenRouterApiCallError,
  extractOpenRouterErrorData,
} from './openrouter-error';
import { parseJsonWithoutPrototypeKeys } from './parse-json';
import { redactOpenRouterKeys } from './redact-secrets';

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
    answerHoldsNewSecret = false,
  }: {
    errorBody?: 'in-band-error' | 'part-of-answer';
    /**
     * The answer may hold a secret shown only once (a new API key from
     * `POST /keys` or an OAuth exchange), in any shape: an answer that
     * cannot be read is then kept out of the error entirely.
     */
    answerHoldsNewSecret?: boolean;
  } = {},
): ResponseHandler<T> {
  const keptBody = (body: string) =>
    answerHoldsNewSecret ? undefined : redactOpenRouterKeys(body);
  return async ({ response, url, requestBodyValues }) => {
    const responseHeaders = extractResponseHeaders(response);
    const responseBody = await response.text();

    let rawValue: unknown;
    try {
      // A `__proto__` key is dropped, not taken for a cut-off body: that
      // would retry, and pay for, an answer that arrived whole.
      rawValue = parseJsonWithoutPrototypeKeys(responseBody);
    } catch {
      // Usually a body cut off in transit, which a new attempt gets past.
      throw new APICallError({
        message: `OpenRouter returned HTTP ${response.status} with a body that is not valid JSON (it may have been cut off).`,
        url,
        requestBodyValues,
        statusCode: response.status,
        responseHeaders,
        responseBody: keptBody(responseBody),
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
      // A validation error quotes the value, which may be a new key, so
      // only the paths and messages of its issues are kept.
      throw new APICallError({
        message: `OpenRouter returned a response this provider cannot read: ${redactOpenRouterKeys(
          validationSummary(validation.error),
        )}`,
        url,
        requestBodyValues,
        statusCode: response.status,
        responseHeaders,
        responseBody: keptBody(responseBody),
      });
    }

    return { value: validation.value, rawValue, responseHeaders };
  };
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

/**
 * Hands over the body of a successful streaming response as bytes, with the
 * response headers. Everything after that, from splitting the events to the
 * stream parts, happens in one stage: see `createSsePartStream`.
 *
 * The media type is compared as the standard has it: case-insensitively,
 * with any parameters (`Text/Event-Stream; charset=UTF-8`). A body with no
 * content type or another one (some gateways and proxies drop or rewrite
 * it) is read as a stream when it plainly is one: its first non-whitespace
 * bytes are `data:` or a `:` comment. Anything else is an error body or a
 * proxy's page, and becomes a typed error.
 */
export const openRouterEventStreamResponseHandler: ResponseHandler<
  ReadableStream<Uint8Array>
> = async options => {
  const { response } = options;
  const responseHeaders = extractResponseHeaders(response);
  if (response.body == null) {
    throw new EmptyResponseBodyError({});
  }
  if (isEventStreamMediaType(response.headers.get('content-type'))) {
    return { responseHeaders, value: response.body };
  }
  const sniffed = await sniffEventStream(response.body);
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
};

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

function isEventStreamMediaType(contentType: string | null) {
  if (contentType == null) {
    return false;
  }
  const end = contentType.indexOf(';');
  return (
    (end === -1 ? contentType : contentType.slice(0, end))
      .trim()
      .toLowerCase() === 'text/event-stream'
  );
}

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
