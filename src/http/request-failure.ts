import { APICallError } from '@ai-sdk/provider';
import { changeApiCallError } from './change-api-call-error';
import type { SentHeaders } from './credential-headers';
import { createRequestRedactor, redactError } from './redact-secrets';

/**
 * The error a request leaves with (see `sendOpenRouterRequest`): every
 * secret it carried redacted, and not retryable when the request may have
 * created something. Loaded with a request's first failure.
 */
export function settleRequestError(
  error: unknown,
  sentHeaders: SentHeaders,
  createsAResource: boolean,
): unknown {
  const redacted = redactError(error, createRequestRedactor(sentHeaders));
  return createsAResource && !wasRefused(redacted)
    ? withoutRetry(redacted)
    : redacted;
}

/**
 * Whether the server refused the request, so that it did not take effect: a
 * 4xx other than a timeout or a conflict. A 429 is such a refusal, and stays
 * as retryable as its status makes it.
 */
function wasRefused(error: unknown) {
  const statusCode = APICallError.isInstance(error)
    ? error.statusCode
    : undefined;
  return (
    statusCode != null &&
    statusCode >= 400 &&
    statusCode < 500 &&
    statusCode !== 408 &&
    statusCode !== 409
  );
}

function withoutRetry(error: unknown) {
  if (!APICallError.isInstance(error) || !error.isRetryable) {
    return error;
  }
  return changeApiCallError(error, { cause: error, isRetryable: false });
}
