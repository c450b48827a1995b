import { APICallError } from '@ai-sdk/provider';
import {
  extractResponseHeaders,
  type FlexibleSchema,
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
    errorBody?: 'in-band-error' | 'part-of-answer' | undefined;
    /**
     * The answer may hold a secret shown only once (a new API key from
     * `POST /keys` or an OAuth exchange), in any shape: an answer that
     * cannot be read is then kept out of the error entirely.
     */
    answerHoldsNewSecret?: boolean | undefined;
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
