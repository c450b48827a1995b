import { APICallError } from '@ai-sdk/provider';
import {
  extractResponseHeaders,
  type ResponseHandler,
} from '@ai-sdk/provider-utils';
import {
  extractOpenRouterErrorData,
  formatOpenRouterErrorMessage,
  isRetryableStatusCode,
} from './openrouter-error';
import { parseJsonWithoutPrototypeKeys } from './parse-json';

const MAX_NON_JSON_BODY_EXCERPT = 200;
const MAX_PARSED_ERROR_BODY_LENGTH = 65_536;

/**
 * Handles failed HTTP responses: OpenRouter's JSON error body, an empty body,
 * an HTML page from a proxy, or a body cut off mid-JSON. Retryability follows
 * the HTTP status, which is what `retry-after` headers go with.
 *
 * Model requests load it with their first failure (see
 * `sendOpenRouterRequest`), so an app whose calls succeed never downloads
 * or parses it.
 */
export const openRouterFailedResponseHandler: ResponseHandler<
  APICallError
> = async ({ response, url, requestBodyValues }) => {
  const responseHeaders = extractResponseHeaders(response);
  const responseBody = await response.text();
  const status = describeHttpStatus(
    response.status,
    response.statusText || httpStatusText(response.status),
  );

  let message: string;
  let data: unknown;
  const trimmed = responseBody.trim();
  if (trimmed === '') {
    message = `OpenRouter returned ${status} with an empty body`;
  } else {
    let parsed: unknown;
    // OpenRouter's error bodies are small; parsing a huge one would only
    // cost time, so it is summarized as text instead.
    let isJson = trimmed.length <= MAX_PARSED_ERROR_BODY_LENGTH;
    try {
      parsed = isJson ? parseJsonWithoutPrototypeKeys(trimmed) : undefined;
    } catch {
      isJson = false;
    }
    const errorData = isJson ? extractOpenRouterErrorData(parsed) : undefined;
    if (errorData != null) {
      data = { error: errorData };
      message = formatOpenRouterErrorMessage(
        errorData,
        `OpenRouter returned ${status}`,
      );
    } else {
      const excerpt = summarizeBody(trimmed);
      const kind = isJson
        ? 'an unexpected JSON'
        : trimmed.length > MAX_PARSED_ERROR_BODY_LENGTH
          ? 'an oversized'
          : 'a non-JSON';
      message = `OpenRouter returned ${status} with ${kind} body: ${excerpt}`;
    }
  }

  return {
    responseHeaders,
    value: new APICallError({
      message,
      url,
      requestBodyValues,
      statusCode: response.status,
      responseHeaders,
      responseBody,
      data,
      isRetryable: isRetryableStatusCode(response.status),
    }),
  };
};

// Only the start of a body is summarized: the excerpt is short, and work on
// the rest of a hostile multi-megabyte page would only cost time.
const MAX_SUMMARIZED_BODY_LENGTH = 16_384;

/**
 * A short excerpt of a body that is not OpenRouter's JSON. An HTML error page
 * is mostly markup; its visible text is what helps. One pass, linear in the
 * bounded prefix, without regular expressions that could backtrack.
 */
export function summarizeBody(body: string) {
  const head =
    body.length > MAX_SUMMARIZED_BODY_LENGTH
      ? body.slice(0, MAX_SUMMARIZED_BODY_LENGTH)
      : body;
  const text = head.startsWith('<')
    ? visibleText(head)
    : collapseWhitespace(head);
  return text.length > MAX_NON_JSON_BODY_EXCERPT
    ? `${text.slice(0, MAX_NON_JSON_BODY_EXCERPT)}…`
    : text;
}

const HIDDEN_ELEMENT_END = /<\/(?:script|style)/gi;

/** The text of HTML outside its tags, scripts and styles. */
function visibleText(html: string) {
  const pieces: string[] = [];
  let length = 0;
  let position = 0;
  while (position < html.length && length <= MAX_NON_JSON_BODY_EXCERPT) {
    const tagStart = html.indexOf('<', position);
    const piece = html.slice(
      position,
      tagStart === -1 ? html.length : tagStart,
    );
    if (piece.trim() !== '') {
      pieces.push(piece);
      length += piece.length;
    }
    if (tagStart === -1) {
      break;
    }
    const tagEnd = html.indexOf('>', tagStart + 1);
    if (tagEnd === -1) {
      // An unclosed tag: the rest is markup.
      break;
    }
    position = tagEnd + 1;
    const tagName = html
      .slice(tagStart + 1, Math.min(tagEnd, tagStart + 8))
      .toLowerCase();
    if (tagName.startsWith('script') || tagName.startsWith('style')) {
      HIDDEN_ELEMENT_END.lastIndex = position;
      const hiddenEnd = HIDDEN_ELEMENT_END.exec(html);
      if (hiddenEnd == null) {
        break;
      }
      position = hiddenEnd.index;
    }
  }
  return collapseWhitespace(pieces.join(' '));
}

function collapseWhitespace(text: string) {
  return text.replace(/\s+/g, ' ').trim();
}

function describeHttpStatus(status: number, statusText: string) {
  return statusText === '' ? `HTTP ${status}` : `HTTP ${status} ${statusText}`;
}

function httpStatusText(status: number) {
  switch (status) {
    case 400:
      return 'Bad Request';
    case 401:
      return 'Unauthorized';
    case 402:
      return 'Payment Required';
    case 403:
      return 'Forbidden';
    case 404:
      return 'Not Found';
    case 408:
      return 'Request Timeout';
    case 413:
      return 'Payload Too Large';
    case 429:
      return 'Too Many Requests';
    case 500:
      return 'Internal Server Error';
    case 502:
      return 'Bad Gateway';
    case 503:
      return 'Service Unavailable';
    case 524:
      return 'Edge Network Timeout';
    case 529:
      return 'Provider Overloaded';
    default:
      return '';
  }
}
