import { APICallError } from '@ai-sdk/provider';
import { isRecord } from '@ai-sdk/provider-utils';
import { parseJsonWithoutPrototypeKeys } from './parse-json';

/**
 * OpenRouter's error body: `{ error: { code, message, metadata } }`. The code is
 * an HTTP status number in HTTP errors and sometimes a string (for example
 * `"server_error"`) in errors that arrive inside a stream.
 */
export type OpenRouterErrorData = {
  code?: number | string | null | undefined;
  message?: string | null | undefined;
  metadata?: Record<string, unknown> | null | undefined;
  /**
   * OpenRouter's canonical error type (`rate_limit_exceeded`,
   * `provider_overloaded`, …), which the Responses API puts beside `error`.
   */
  errorType?: string | undefined;
};

/** Reads `{ error: {...} }` without trusting its shape; undefined if absent. */
export function extractOpenRouterErrorData(
  body: unknown,
): OpenRouterErrorData | undefined {
  if (!isRecord(body)) {
    return undefined;
  }
  const error = body.error;
  if (isRecord(error)) {
    // The Responses API sends `metadata` (and `error_type`) beside `error`
    // rather than inside it: `{ error: { code: 'invalid_prompt', … },
    // metadata: { raw: '[…]' } }`.
    const metadata = isRecord(error.metadata)
      ? error.metadata
      : isRecord(body.metadata)
        ? body.metadata
        : undefined;
    const errorType =
      typeof body.error_type === 'string' ? body.error_type : undefined;
    return {
      code:
        typeof error.code === 'number' || typeof error.code === 'string'
          ? error.code
          : undefined,
      message: typeof error.message === 'string' ? error.message : undefined,
      metadata,
      ...(errorType != null ? { errorType } : {}),
    };
  }
  if (typeof error === 'string') {
    return { message: error };
  }
  return undefined;
}

const stringCodeToStatusCode = new Map<string, number>(
  Object.entries({
    bad_request: 400,
    invalid_request_error: 400,
    unauthorized: 401,
    invalid_api_key: 401,
    insufficient_credits: 402,
    payment_required: 402,
    forbidden: 403,
    moderation: 403,
    not_found: 404,
    timeout: 408,
    request_timeout: 408,
    rate_limit_exceeded: 429,
    rate_limited: 429,
    rate_limit_error: 429,
    server_error: 500,
    internal_error: 500,
    internal_server_error: 500,
    provider_error: 502,
    bad_gateway: 502,
    service_unavailable: 503,
    overloaded: 529,
    overloaded_error: 529,
    // OpenAI-style codes that upstreams pass through.
    context_length_exceeded: 400,
    invalid_prompt: 400,
    missing_parameter: 400,
    invalid_request: 400,
    model_not_found: 404,
    insufficient_quota: 402,
    too_many_requests: 429,
    upstream_error: 502,
    gateway_timeout: 504,
    // Codes of the Responses API's error field and `error_type`.
    invalid_image: 400,
    invalid_image_format: 400,
    invalid_base64_image: 400,
    invalid_image_url: 400,
    image_too_large: 400,
    image_too_small: 400,
    image_parse_error: 400,
    image_content_policy_violation: 400,
    invalid_image_mode: 400,
    image_file_too_large: 400,
    unsupported_image_media_type: 400,
    unsupported_image_format: 400,
    empty_image_file: 400,
    failed_to_download_image: 400,
    image_file_not_found: 400,
    image_download_failed: 400,
    image_not_found: 404,
    max_tokens_exceeded: 400,
    token_limit_exceeded: 400,
    string_too_long: 400,
    refusal: 400,
    content_policy_violation: 400,
    bio_policy: 400,
    cyber_policy: 400,
    misalignment_policy_violation: 400,
    data_residency_mismatch: 400,
    authentication: 401,
    permission_denied: 403,
    precondition_failed: 412,
    payload_too_large: 413,
    unprocessable: 422,
    vector_store_timeout: 408,
    server: 500,
    unmapped: 500,
    provider_unavailable: 503,
    provider_overloaded: 529,
  }),
);

/** The HTTP status an error code stands for, when it stands for one. */
export function statusCodeFromErrorCode(
  code: number | string | null | undefined,
): number | undefined {
  if (typeof code === 'number') {
    return Number.isInteger(code) && code >= 400 && code <= 599
      ? code
      : undefined;
  }
  if (typeof code === 'string') {
    const numeric = Number(code);
    if (Number.isInteger(numeric) && numeric >= 400 && numeric <= 599) {
      return numeric;
    }
    return stringCodeToStatusCode.get(code.toLowerCase());
  }
  return undefined;
}

/** The AI SDK's retry rule: timeouts, conflicts, rate limits and 5xx. */
export function isRetryableStatusCode(statusCode: number | undefined) {
  return (
    statusCode != null &&
    (statusCode === 408 ||
      statusCode === 409 ||
      statusCode === 429 ||
      statusCode >= 500)
  );
}

const MAX_UPSTREAM_MESSAGE_LENGTH = 500;
const MAX_LISTED_REASONS = 10;

/**
 * Builds a message that says what happened and who said it. OpenRouter wraps
 * upstream failures as "Provider returned error" and hides the useful part in
 * `metadata.raw`, so that is unwrapped and prefixed with the provider name.
 */
export function formatOpenRouterErrorMessage(
  error: OpenRouterErrorData,
  fallback = 'OpenRouter returned an error',
): string {
  const metadata = error.metadata ?? undefined;
  const providerName = stringField(metadata, 'provider_name');
  const upstreamMessage = extractUpstreamMessage(metadata?.raw);
  const openRouterMessage = truncate(error.message?.trim() || fallback);

  let message: string;
  if (providerName != null && upstreamMessage != null) {
    message = `[${providerName}] ${upstreamMessage}`;
    if (!isGenericProviderMessage(openRouterMessage)) {
      message += ` (${openRouterMessage})`;
    }
  } else if (providerName != null) {
    message = `[${providerName}] ${openRouterMessage}`;
  } else if (upstreamMessage != null) {
    message = `${openRouterMessage}: ${upstreamMessage}`;
  } else {
    message = openRouterMessage;
  }

  const details: string[] = [];
  const reasons = metadata?.reasons;
  if (Array.isArray(reasons) && reasons.length > 0) {
    const named = reasons
      .slice(0, MAX_LISTED_REASONS)
      .map(reason => truncate(String(reason)));
    const more =
      reasons.length > MAX_LISTED_REASONS
        ? ` and ${reasons.length - MAX_LISTED_REASONS} more`
        : '';
    details.push(`Moderation reasons: ${named.join(', ')}${more}.`);
  }
  const flaggedInput = stringField(metadata, 'flagged_input');
  if (flaggedInput != null) {
    details.push(`Flagged input: "${truncate(flaggedInput)}".`);
  }
  if (details.length === 0) {
    return message;
  }
  return `${/[.!?]$/.test(message) ? message : `${message}.`} ${details.join(' ')}`;
}

function isGenericProviderMessage(message: string) {
  return /^provider returned error$/i.test(message);
}

function extractUpstreamMessage(raw: unknown): string | undefined {
  if (raw == null) {
    return undefined;
  }
  let value: unknown = raw;
  if (typeof raw === 'string') {
    const trimmed = raw.trim();
    if (trimmed === '') {
      return undefined;
    }
    try {
      value = parseJsonWithoutPrototypeKeys(trimmed);
    } catch {
      return truncate(trimmed);
    }
  }
  if (Array.isArray(value)) {
    return summarizeValidationIssues(value);
  }
  const found = findMessage(value, 0);
  return found == null ? undefined : truncate(found);
}

const MAX_LISTED_ISSUES = 3;

/**
 * The Responses API answers an invalid request with its validator's issues
 * as `metadata.raw`, a JSON list of `{ path, message }`: the first few, as
 * `input.3.id: Required`.
 */
function summarizeValidationIssues(issues: unknown[]): string | undefined {
  const described = issues.flatMap(issue => {
    if (!isRecord(issue) || typeof issue.message !== 'string') {
      return [];
    }
    const path = Array.isArray(issue.path) ? issue.path.join('.') : '';
    return [
      truncate(path === '' ? issue.message : `${path}: ${issue.message}`),
    ];
  });
  if (described.length === 0) {
    return undefined;
  }
  const more =
    described.length > MAX_LISTED_ISSUES
      ? ` and ${described.length - MAX_LISTED_ISSUES} more`
      : '';
  return `${described.slice(0, MAX_LISTED_ISSUES).join('; ')}${more}`;
}

// Upstream bodies nest their message differently: `{error: {message}}`,
// `{message}`, `{error: "..."}`, `{detail: "..."}` or a bare string.
function findMessage(value: unknown, depth: number): string | undefined {
  if (typeof value === 'string') {
    return value.trim() === '' ? undefined : value;
  }
  if (!isRecord(value) || depth > 3) {
    return undefined;
  }
  for (const key of ['message', 'error', 'detail', 'error_message']) {
    const found = findMessage(value[key], depth + 1);
    if (found != null) {
      return found;
    }
  }
  return undefined;
}

function truncate(text: string) {
  return text.length > MAX_UPSTREAM_MESSAGE_LENGTH
    ? `${text.slice(0, MAX_UPSTREAM_MESSAGE_LENGTH)}…`
    : text;
}

function stringField(
  record: Record<string, unknown> | undefined,
  key: string,
): string | undefined {
  const value = record?.[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * Turns an error body that arrived with HTTP 200 (or inside a stream) into an
 * `APICallError`. Its status comes from the error's own code, so an upstream
 * 429 or 502 delivered after the response started is still retryable.
 */
export function createOpenRouterApiCallError({
  error,
  url,
  requestBodyValues,
  responseHeaders,
  responseBody,
  httpStatusCode,
}: {
  error: OpenRouterErrorData;
  url: string;
  requestBodyValues: unknown;
  responseHeaders?: Record<string, string> | undefined;
  responseBody?: string | undefined;
  httpStatusCode?: number | undefined;
}): APICallError {
  const statusCode =
    // The canonical type is more precise than a code such as `server_error`.
    statusCodeFromErrorCode(error.errorType) ??
    statusCodeFromErrorCode(error.code) ??
    (httpStatusCode != null && httpStatusCode >= 400
      ? httpStatusCode
      : undefined);
  return new APICallError({
    message: formatOpenRouterErrorMessage(error),
    url,
    requestBodyValues,
    statusCode,
    responseHeaders,
    responseBody,
    data: { error },
    // Only a code or status that says so makes a retry worth paying for:
    // an unknown code (`context_length_exceeded`, say) fails again.
    isRetryable: isRetryableStatusCode(statusCode),
  });
}
