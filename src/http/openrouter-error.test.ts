import { APICallError } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import {
  createOpenRouterApiCallError,
  extractOpenRouterErrorData,
  formatOpenRouterErrorMessage,
  statusCodeFromErrorCode,
} from './openrouter-error';
import { openRouterFailedResponseHandler } from './openrouter-failed-response-handler';

const url = 'https://example.test/api/v1/chat/completions';

async function handleFailedResponse(
  body: string | null,
  init: { status: number; statusText?: string; headers?: HeadersInit },
) {
  return openRouterFailedResponseHandler({
    response: new Response(body, init),
    url,
    requestBodyValues: {},
  });
}

describe('extractOpenRouterErrorData', () => {
  it('reads a numeric code, the message and the metadata', () => {
    expect(
      extractOpenRouterErrorData({
        error: {
          code: 429,
          message: 'Rate limit exceeded',
          metadata: { provider_name: 'Anthropic' },
        },
      }),
    ).toStrictEqual({
      code: 429,
      message: 'Rate limit exceeded',
      metadata: { provider_name: 'Anthropic' },
    });
  });

  it('reads a string code', () => {
    expect(
      extractOpenRouterErrorData({
        error: { code: 'server_error', message: 'Internal error' },
      }),
    ).toStrictEqual({
      code: 'server_error',
      message: 'Internal error',
      metadata: undefined,
    });
  });

  it('drops fields of the wrong type', () => {
    expect(
      extractOpenRouterErrorData({
        error: { code: true, message: 42, metadata: ['not', 'a', 'record'] },
      }),
    ).toStrictEqual({
      code: undefined,
      message: undefined,
      metadata: undefined,
    });
  });

  it('turns an error given as a string into its message', () => {
    expect(
      extractOpenRouterErrorData({ error: 'Something went wrong' }),
    ).toStrictEqual({ message: 'Something went wrong' });
  });

  it.each([
    ['an object without error', {}],
    ['a null error', { error: null }],
    ['a numeric error', { error: 500 }],
    ['an array error', { error: ['a'] }],
    ['null', null],
    ['undefined', undefined],
    ['a string body', 'error'],
    ['an array body', [{ error: { message: 'x' } }]],
  ])('returns undefined for %s', (_, body) => {
    expect(extractOpenRouterErrorData(body)).toBe(undefined);
  });
});

describe('statusCodeFromErrorCode', () => {
  it.each([400, 401, 429, 500, 502, 599])('keeps the number %d', code => {
    expect(statusCodeFromErrorCode(code)).toBe(code);
  });

  it.each([0, 200, 399, 600, 429.5, Number.NaN])(
    'ignores the number %d',
    code => {
      expect(statusCodeFromErrorCode(code)).toBe(undefined);
    },
  );

  it.each([
    ['429', 429],
    ['502', 502],
    ['400', 400],
  ])('reads the numeric string %s as %d', (code, statusCode) => {
    expect(statusCodeFromErrorCode(code)).toBe(statusCode);
  });

  it('ignores a numeric string outside 400-599', () => {
    expect(statusCodeFromErrorCode('200')).toBe(undefined);
    expect(statusCodeFromErrorCode('600')).toBe(undefined);
  });

  it.each([
    ['server_error', 500],
    ['rate_limit_exceeded', 429],
    ['invalid_api_key', 401],
    ['insufficient_credits', 402],
    ['moderation', 403],
    ['request_timeout', 408],
    ['provider_error', 502],
    ['service_unavailable', 503],
    ['overloaded', 529],
    ['SERVER_ERROR', 500],
    ['Rate_Limit_Exceeded', 429],
  ])('maps the known code %s to %d', (code, statusCode) => {
    expect(statusCodeFromErrorCode(code)).toBe(statusCode);
  });

  it.each(['something_new', '', 'error'])(
    'returns undefined for the unknown code %j',
    code => {
      expect(statusCodeFromErrorCode(code)).toBe(undefined);
    },
  );

  it.each([null, undefined])('returns undefined for %j', code => {
    expect(statusCodeFromErrorCode(code)).toBe(undefined);
  });

  // Codes are looked up by name, so names that plain objects inherit must
  // not be mistaken for known codes.
  it.each(['constructor', '__proto__'])(
    'returns undefined for the inherited property name %j',
    code => {
      expect(statusCodeFromErrorCode(code)).toBe(undefined);
    },
  );
});

describe('formatOpenRouterErrorMessage', () => {
  it('unwraps a JSON raw body and prefixes the provider name', () => {
    expect(
      formatOpenRouterErrorMessage({
        code: 429,
        message: 'Provider returned error',
        metadata: {
          provider_name: 'Anthropic',
          raw: '{"error":{"message":"Rate limited upstream"}}',
        },
      }),
    ).toBe('[Anthropic] Rate limited upstream');
  });

  it('recognises the generic message regardless of case', () => {
    expect(
      formatOpenRouterErrorMessage({
        message: 'provider returned ERROR',
        metadata: { provider_name: 'Google', raw: 'Quota exceeded' },
      }),
    ).toBe('[Google] Quota exceeded');
  });

  it('keeps a non-generic OpenRouter message in parentheses', () => {
    expect(
      formatOpenRouterErrorMessage({
        code: 400,
        message: 'Context length exceeded',
        metadata: {
          provider_name: 'OpenAI',
          raw: '{"error":{"message":"maximum context length is 128000 tokens"}}',
        },
      }),
    ).toBe(
      '[OpenAI] maximum context length is 128000 tokens (Context length exceeded)',
    );
  });

  it('uses a plain-text raw body as it is', () => {
    expect(
      formatOpenRouterErrorMessage({
        message: 'Provider returned error',
        metadata: {
          provider_name: 'Together',
          raw: '  Service temporarily unavailable  ',
        },
      }),
    ).toBe('[Together] Service temporarily unavailable');
  });

  it('reads the message from a raw object', () => {
    expect(
      formatOpenRouterErrorMessage({
        message: 'Provider returned error',
        metadata: {
          provider_name: 'DeepInfra',
          raw: { detail: 'Model is loading' },
        },
      }),
    ).toBe('[DeepInfra] Model is loading');
  });

  it('reads a raw body whose error is a string', () => {
    expect(
      formatOpenRouterErrorMessage({
        message: 'Provider returned error',
        metadata: {
          provider_name: 'Mistral',
          raw: '{"error":"quota exceeded"}',
        },
      }),
    ).toBe('[Mistral] quota exceeded');
  });

  it('appends the upstream message when there is no provider name', () => {
    expect(
      formatOpenRouterErrorMessage({
        message: 'Bad request',
        metadata: { raw: '{"message":"unknown field: foo"}' },
      }),
    ).toBe('Bad request: unknown field: foo');
  });

  it('prefixes the provider name when there is no raw body', () => {
    expect(
      formatOpenRouterErrorMessage({
        message: 'Provider returned error',
        metadata: { provider_name: 'Google', raw: '   ' },
      }),
    ).toBe('[Google] Provider returned error');
  });

  it('ignores a raw body without a message', () => {
    expect(
      formatOpenRouterErrorMessage({
        message: 'Upstream failed',
        metadata: { raw: '{"status":500}' },
      }),
    ).toBe('Upstream failed');
  });

  it('falls back when there is no message', () => {
    expect(formatOpenRouterErrorMessage({ code: 500 })).toBe(
      'OpenRouter returned an error',
    );
    expect(formatOpenRouterErrorMessage({ message: '  ' }, 'Fallback')).toBe(
      'Fallback',
    );
  });

  it('adds moderation reasons and the flagged input', () => {
    expect(
      formatOpenRouterErrorMessage({
        code: 403,
        message: 'Input was flagged',
        metadata: {
          reasons: ['violence', 'harassment'],
          flagged_input: 'some text',
          provider_name: 'OpenAI',
          model_slug: 'openai/gpt-4o',
        },
      }),
    ).toBe(
      '[OpenAI] Input was flagged. Moderation reasons: violence, harassment. Flagged input: "some text".',
    );
  });

  it('leaves out empty moderation reasons and an empty flagged input', () => {
    expect(
      formatOpenRouterErrorMessage({
        message: 'Input was flagged',
        metadata: { reasons: [], flagged_input: '' },
      }),
    ).toBe('Input was flagged');
  });

  it('truncates a long plain-text raw body to 500 characters', () => {
    expect(
      formatOpenRouterErrorMessage({
        message: 'Provider returned error',
        metadata: { provider_name: 'Groq', raw: 'x'.repeat(600) },
      }),
    ).toBe(`[Groq] ${'x'.repeat(500)}…`);
  });

  it('truncates a long message found in a JSON raw body', () => {
    expect(
      formatOpenRouterErrorMessage({
        message: 'Provider returned error',
        metadata: {
          provider_name: 'Groq',
          raw: JSON.stringify({ error: { message: 'y'.repeat(501) } }),
        },
      }),
    ).toBe(`[Groq] ${'y'.repeat(500)}…`);
  });

  it('does not truncate a raw body of exactly 500 characters', () => {
    expect(
      formatOpenRouterErrorMessage({
        message: 'Provider returned error',
        metadata: { provider_name: 'Groq', raw: 'z'.repeat(500) },
      }),
    ).toBe(`[Groq] ${'z'.repeat(500)}`);
  });
});

describe('createOpenRouterApiCallError', () => {
  it('takes its status code from the error code', () => {
    const error = createOpenRouterApiCallError({
      error: { code: 429, message: 'Rate limited' },
      url,
      requestBodyValues: { model: 'openai/gpt-4o' },
      responseHeaders: { 'x-request-id': 'abc' },
      responseBody: '{"error":{"code":429}}',
      httpStatusCode: 200,
    });

    expect(APICallError.isInstance(error)).toBe(true);
    expect(error.statusCode).toBe(429);
    expect(error.isRetryable).toBe(true);
    expect(error.message).toBe('Rate limited');
    expect(error.url).toBe(url);
    expect(error.requestBodyValues).toStrictEqual({ model: 'openai/gpt-4o' });
    expect(error.responseHeaders).toStrictEqual({ 'x-request-id': 'abc' });
    expect(error.responseBody).toBe('{"error":{"code":429}}');
    expect(error.data).toStrictEqual({
      error: { code: 429, message: 'Rate limited' },
    });
  });

  it.each([
    [429, 429, true],
    [502, 502, true],
    [500, 500, true],
    [408, 408, true],
    [400, 400, false],
    [401, 401, false],
    [402, 402, false],
    ['server_error', 500, true],
    ['rate_limit_exceeded', 429, true],
    ['invalid_api_key', 401, false],
    ['503', 503, true],
  ] as const)(
    'maps the code %j to status %d, retryable %s',
    (code, statusCode, isRetryable) => {
      const error = createOpenRouterApiCallError({
        error: { code },
        url,
        requestBodyValues: {},
        httpStatusCode: 200,
      });

      expect(error.statusCode).toBe(statusCode);
      expect(error.isRetryable).toBe(isRetryable);
    },
  );

  // A retry is paid for: only a code or status that says it can help
  // makes an error retryable.
  it.each([
    [{ message: 'Upstream stopped' }],
    [{ code: 'something_new', message: 'New failure' }],
  ])('is not retryable when neither code nor status says so: %j', error => {
    const apiCallError = createOpenRouterApiCallError({
      error,
      url,
      requestBodyValues: {},
      httpStatusCode: 200,
    });

    expect(apiCallError.statusCode).toBe(undefined);
    expect(apiCallError.isRetryable).toBe(false);
  });

  it('maps context_length_exceeded to a 400 that is not retried', () => {
    const error = createOpenRouterApiCallError({
      error: { code: 'context_length_exceeded', message: 'Too long' },
      url,
      requestBodyValues: {},
      httpStatusCode: 200,
    });

    expect(error.statusCode).toBe(400);
    expect(error.isRetryable).toBe(false);
  });

  it('falls back to an HTTP error status when there is no code', () => {
    const error = createOpenRouterApiCallError({
      error: { message: 'Bad request' },
      url,
      requestBodyValues: {},
      httpStatusCode: 400,
    });

    expect(error.statusCode).toBe(400);
    expect(error.isRetryable).toBe(false);
  });

  it('prefers the error code over the HTTP status', () => {
    const error = createOpenRouterApiCallError({
      error: { code: 503 },
      url,
      requestBodyValues: {},
      httpStatusCode: 400,
    });

    expect(error.statusCode).toBe(503);
    expect(error.isRetryable).toBe(true);
  });

  it('formats the message from the metadata', () => {
    const error = createOpenRouterApiCallError({
      error: {
        code: 502,
        message: 'Provider returned error',
        metadata: { provider_name: 'Fireworks', raw: 'upstream timeout' },
      },
      url,
      requestBodyValues: {},
    });

    expect(error.message).toBe('[Fireworks] upstream timeout');
  });
});

describe('openRouterFailedResponseHandler', () => {
  it('reads an OpenRouter JSON error body', async () => {
    const body = JSON.stringify({
      error: {
        code: 429,
        message: 'Rate limit exceeded: free-models-per-min',
        metadata: { headers: { 'X-RateLimit-Limit': '20' } },
      },
    });

    const { value, responseHeaders } = await handleFailedResponse(body, {
      status: 429,
      statusText: 'Too Many Requests',
      headers: { 'Content-Type': 'application/json', 'Retry-After': '30' },
    });

    expect(APICallError.isInstance(value)).toBe(true);
    expect(value.message).toBe('Rate limit exceeded: free-models-per-min');
    expect(value.statusCode).toBe(429);
    expect(value.isRetryable).toBe(true);
    expect(value.url).toBe(url);
    expect(value.requestBodyValues).toStrictEqual({});
    expect(value.responseBody).toBe(body);
    expect(value.data).toStrictEqual({
      error: {
        code: 429,
        message: 'Rate limit exceeded: free-models-per-min',
        metadata: { headers: { 'X-RateLimit-Limit': '20' } },
      },
    });
    expect(responseHeaders).toStrictEqual({
      'content-type': 'application/json',
      'retry-after': '30',
    });
    expect(value.responseHeaders).toStrictEqual(responseHeaders);
  });

  it('unwraps an upstream error inside the JSON body', async () => {
    const { value } = await handleFailedResponse(
      JSON.stringify({
        error: {
          code: 502,
          message: 'Provider returned error',
          metadata: {
            provider_name: 'Anthropic',
            raw: '{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}',
          },
        },
      }),
      { status: 502, statusText: 'Bad Gateway' },
    );

    expect(value.message).toBe('[Anthropic] Overloaded');
    expect(value.statusCode).toBe(502);
    expect(value.isRetryable).toBe(true);
  });

  it('uses the HTTP status as the fallback message of a JSON error', async () => {
    const { value } = await handleFailedResponse('{"error":{"code":500}}', {
      status: 500,
    });

    expect(value.message).toBe(
      'OpenRouter returned HTTP 500 Internal Server Error',
    );
  });

  it('reads a JSON error given as a string', async () => {
    const { value } = await handleFailedResponse('{"error":"No auth"}', {
      status: 401,
      statusText: 'Unauthorized',
    });

    expect(value.message).toBe('No auth');
    expect(value.data).toStrictEqual({ error: { message: 'No auth' } });
    expect(value.isRetryable).toBe(false);
  });

  it('describes an empty body', async () => {
    const { value } = await handleFailedResponse('', {
      status: 502,
      statusText: 'Bad Gateway',
    });

    expect(value.message).toBe(
      'OpenRouter returned HTTP 502 Bad Gateway with an empty body',
    );
    expect(value.statusCode).toBe(502);
    expect(value.isRetryable).toBe(true);
    expect(value.responseBody).toBe('');
    expect(value.data).toBe(undefined);
  });

  it('treats a whitespace-only body as empty and names the status itself', async () => {
    const { value } = await handleFailedResponse('  \n ', { status: 524 });

    expect(value.message).toBe(
      'OpenRouter returned HTTP 524 Edge Network Timeout with an empty body',
    );
  });

  it('handles a null body', async () => {
    const { value } = await handleFailedResponse(null, { status: 503 });

    expect(value.message).toBe(
      'OpenRouter returned HTTP 503 Service Unavailable with an empty body',
    );
    expect(value.isRetryable).toBe(true);
  });

  // HTTP/2 responses have no reason phrase, and the built-in table does not
  // know every status.
  it('has no double space when the status text is unknown', async () => {
    const { value } = await handleFailedResponse('', { status: 422 });

    expect(value.message.includes('  ')).toBe(false);
    expect(value.message.startsWith('OpenRouter returned HTTP 422 ')).toBe(
      true,
    );
  });

  it('summarises an HTML page by its visible text', async () => {
    const html = [
      '<!DOCTYPE html>',
      '<html>',
      '<head><title>502 Bad Gateway</title>',
      '<style>body { color: red; }</style></head>',
      '<body>',
      '<h1>Bad gateway</h1>',
      '<p>The upstream server is unreachable.</p>',
      '<script type="text/javascript">var secret = 1;</script>',
      '</body>',
      '</html>',
    ].join('\n');

    const { value } = await handleFailedResponse(html, {
      status: 502,
      statusText: 'Bad Gateway',
      headers: { 'Content-Type': 'text/html' },
    });

    expect(value.message).toBe(
      'OpenRouter returned HTTP 502 Bad Gateway with a non-JSON body: 502 Bad Gateway Bad gateway The upstream server is unreachable.',
    );
    expect(value.message.includes('<')).toBe(false);
    expect(value.message.includes('color: red')).toBe(false);
    expect(value.message.includes('secret')).toBe(false);
    expect(value.responseBody).toBe(html);
    expect(value.data).toBe(undefined);
    expect(value.isRetryable).toBe(true);
  });

  it('truncates a long HTML page to 200 characters of text', async () => {
    const { value } = await handleFailedResponse(
      `<html><body><p>${'a'.repeat(300)}</p></body></html>`,
      { status: 500, statusText: 'Internal Server Error' },
    );

    expect(value.message).toBe(
      `OpenRouter returned HTTP 500 Internal Server Error with a non-JSON body: ${'a'.repeat(200)}…`,
    );
  });

  it('describes a truncated JSON body', async () => {
    const body = '{"error":{"code":429,"message":"Rate lim';

    const { value } = await handleFailedResponse(body, {
      status: 429,
      statusText: 'Too Many Requests',
    });

    expect(value.message).toBe(
      'OpenRouter returned HTTP 429 Too Many Requests with a non-JSON body: {"error":{"code":429,"message":"Rate lim',
    );
    expect(value.statusCode).toBe(429);
    expect(value.isRetryable).toBe(true);
    expect(value.responseBody).toBe(body);
    expect(value.data).toBe(undefined);
  });

  it('describes an unexpected JSON body', async () => {
    const { value } = await handleFailedResponse('{"detail":"Not found"}', {
      status: 404,
      statusText: 'Not Found',
    });

    expect(value.message).toBe(
      'OpenRouter returned HTTP 404 Not Found with an unexpected JSON body: {"detail":"Not found"}',
    );
    expect(value.statusCode).toBe(404);
    expect(value.isRetryable).toBe(false);
    expect(value.data).toBe(undefined);
  });

  it.each(['[]', 'null', '"Service down"'])(
    'describes the unexpected JSON body %s',
    async body => {
      const { value } = await handleFailedResponse(body, {
        status: 500,
        statusText: 'Internal Server Error',
      });

      expect(value.message).toBe(
        `OpenRouter returned HTTP 500 Internal Server Error with an unexpected JSON body: ${body}`,
      );
    },
  );

  it.each([
    [408, true],
    [409, true],
    [429, true],
    [500, true],
    [502, true],
    [503, true],
    [524, true],
    [529, true],
    [400, false],
    [401, false],
    [402, false],
    [403, false],
    [404, false],
    [413, false],
    [422, false],
  ])('marks HTTP %d as retryable: %s', async (status, isRetryable) => {
    const { value } = await handleFailedResponse(
      '{"error":{"message":"failed"}}',
      { status },
    );

    expect(value.statusCode).toBe(status);
    expect(value.isRetryable).toBe(isRetryable);
  });

  it('follows the HTTP status rather than the code in the body', async () => {
    const { value } = await handleFailedResponse(
      '{"error":{"code":429,"message":"Rate limited"}}',
      { status: 400, statusText: 'Bad Request' },
    );

    expect(value.statusCode).toBe(400);
    expect(value.isRetryable).toBe(false);
  });

  it('keeps the response headers of a non-JSON response', async () => {
    const { value, responseHeaders } = await handleFailedResponse(
      'Too many requests',
      {
        status: 429,
        statusText: 'Too Many Requests',
        headers: {
          'Content-Type': 'text/plain',
          'Retry-After': '12',
          'X-RateLimit-Reset': '1700000000000',
        },
      },
    );

    expect(responseHeaders).toStrictEqual({
      'content-type': 'text/plain',
      'retry-after': '12',
      'x-ratelimit-reset': '1700000000000',
    });
    expect(value.responseHeaders).toStrictEqual(responseHeaders);
    expect(value.message).toBe(
      'OpenRouter returned HTTP 429 Too Many Requests with a non-JSON body: Too many requests',
    );
  });
});
