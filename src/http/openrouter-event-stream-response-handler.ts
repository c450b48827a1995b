import { EmptyResponseBodyError } from '@ai-sdk/provider';
import {
  extractResponseHeaders,
  type ResponseHandler,
} from '@ai-sdk/provider-utils';

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
  // Loaded only for such a response: OpenRouter labels its streams.
  return (
    await import('./read-unlabelled-event-stream')
  ).readUnlabelledEventStream(options, response.body, responseHeaders);
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
