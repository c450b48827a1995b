import { APICallError } from '@ai-sdk/provider';

/**
 * A copy of an `APICallError` with some fields changed. Its fields are
 * read-only, so a better message or another retry decision means a new one.
 */
export function changeApiCallError(
  error: APICallError,
  changes: Partial<
    Pick<
      APICallError,
      | 'message'
      | 'isRetryable'
      | 'url'
      | 'responseBody'
      | 'responseHeaders'
      | 'data'
    > & { cause: unknown }
  >,
): APICallError {
  return new APICallError({
    message: error.message,
    url: error.url,
    requestBodyValues: error.requestBodyValues,
    statusCode: error.statusCode,
    responseHeaders: error.responseHeaders,
    responseBody: error.responseBody,
    cause: error.cause,
    isRetryable: error.isRetryable,
    data: error.data,
    ...changes,
  });
}
