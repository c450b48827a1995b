import { createServer as createNetServer } from 'node:net';
import { APICallError, InvalidArgumentError } from '@ai-sdk/provider';
import {
  embedMany,
  experimental_generateVideo,
  generateImage,
  generateText,
  streamText,
} from 'ai';
import { createOpenRouter } from 'ai-sdk-openrouter';
import { afterEach, describe, expect, it } from 'vitest';
import { summarizeBody } from '../src/http/openrouter-failed-response-handler';
import { scanForSecret } from './reliability/scan-for-secret';
import { collect, within } from './support/collect';
import {
  type HostileServer,
  measureEventLoopBlocking,
  type SeenRequest,
  sseEvents,
  startHostileServer,
} from './support/hostile-server';

const API_KEY = 'sk-or-v1-hardening-0123456789';

const servers: HostileServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map(server => server.close()));
});

async function serve(
  handler: Parameters<typeof startHostileServer>[0],
): Promise<HostileServer> {
  const server = await startHostileServer(handler);
  servers.push(server);
  return server;
}

const chatAnswer = {
  id: 'gen-1',
  object: 'chat.completion',
  created: 1_700_000_000,
  model: 'openai/gpt-4o',
  choices: [
    {
      index: 0,
      message: { role: 'assistant', content: 'hello' },
      finish_reason: 'stop',
    },
  ],
  usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
};

function sendJson(
  response: import('node:http').ServerResponse,
  status: number,
  body: unknown,
) {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(typeof body === 'string' ? body : JSON.stringify(body));
}

/** Catches what a promise rejects with; fails if it resolves. */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

function catchSync(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

/** Unwraps the AI SDK's RetryError to the last attempt's error. */
function lastError(error: unknown): unknown {
  const errors = (error as { errors?: unknown[] }).errors;
  return Array.isArray(errors) ? errors[errors.length - 1] : error;
}

describe('redirects never carry a credential or a body to another origin', () => {
  const SECRET_HEADERS = {
    'x-api-key': 'gateway-key-abcdef123456',
    'cf-aig-authorization': 'Bearer cf-secret-abcdef123456',
    'proxy-authorization': 'Basic cHJveHk6c2VjcmV0',
    cookie: 'session=cookie-secret-abcdef',
  };

  /** A configured origin that redirects everything to a second server. */
  async function redirectingPair(status: number) {
    const elsewhere = await serve((_, response) => sendJson(response, 200, {}));
    const configured = await serve((request, response) => {
      response.writeHead(status, {
        location: `${elsewhere.origin}/stolen${request.url}?token=query-secret`,
      });
      response.end();
    });
    const openrouter = createOpenRouter({
      apiKey: API_KEY,
      baseURL: `${configured.origin}/api/v1`,
      api_keys: { anthropic: 'sk-ant-own-key-abcdef123456' },
      headers: SECRET_HEADERS,
      provisioningKey: 'provisioning-key-abcdef123456',
    });
    return { elsewhere, configured, openrouter };
  }

  function expectRefused(
    error: unknown,
    elsewhere: HostileServer,
    status: number,
  ) {
    const refusal = lastError(error);
    expect(APICallError.isInstance(refusal)).toBe(true);
    const apiCallError = refusal as APICallError;
    expect(apiCallError.isRetryable).toBe(false);
    expect(apiCallError.statusCode).toBe(status);
    expect(apiCallError.message).toContain(elsewhere.origin);
    expect(apiCallError.message).not.toContain('query-secret');
    expect(apiCallError.message).not.toContain('/stolen');
    expect(elsewhere.requests).toStrictEqual([]);
  }

  it.each([301, 302, 303, 307, 308])(
    'chat through generateText and streamText refuses a %d to another origin',
    async status => {
      const { elsewhere, configured, openrouter } =
        await redirectingPair(status);

      const generateError = await rejection(
        generateText({ model: openrouter('openai/gpt-4o'), prompt: 'secret' }),
      );
      expectRefused(generateError, elsewhere, status);
      // Not retryable, so `maxRetries` asked only once.
      expect(configured.requests).toHaveLength(1);

      const parts = await collect(
        streamText({
          model: openrouter('openai/gpt-4o'),
          prompt: 'secret',
          maxRetries: 0,
        }).fullStream,
      );
      const errorPart = parts.find(part => part.type === 'error');
      expectRefused(errorPart?.error, elsewhere, status);
    },
  );

  it('completion, embeddings, image and video submission refuse it too', async () => {
    const { elsewhere, openrouter } = await redirectingPair(307);

    const failures = [
      await rejection(
        generateText({
          model: openrouter.completion('openai/gpt-3.5-turbo-instruct'),
          prompt: 'secret',
          maxRetries: 0,
        }),
      ),
      await rejection(
        embedMany({
          model: openrouter.embeddingModel('openai/text-embedding-3-small'),
          values: ['secret'],
          maxRetries: 0,
        }),
      ),
      await rejection(
        generateImage({
          model: openrouter.imageModel('google/gemini-2.5-flash-image'),
          prompt: 'secret',
          maxRetries: 0,
        }),
      ),
      await rejection(
        experimental_generateVideo({
          model: openrouter.videoModel('google/veo-3.1'),
          prompt: 'secret',
          maxRetries: 0,
        }),
      ),
    ];
    for (const failure of failures) {
      const cause =
        (failure as { cause?: unknown }).cause != null &&
        !APICallError.isInstance(failure)
          ? (failure as { cause: unknown }).cause
          : failure;
      expectRefused(cause, elsewhere, 307);
    }
  });

  it('every utility refuses it', async () => {
    const { elsewhere, openrouter } = await redirectingPair(308);

    const calls: Array<() => Promise<unknown>> = [
      () => openrouter.models.list(),
      () => openrouter.providers.list(),
      () => openrouter.credits.get(),
      () => openrouter.keys.list(),
      () => openrouter.keys.create({ name: 'secret' }),
      () => openrouter.keys.current(),
      () => openrouter.generations.get('gen-1'),
      () =>
        openrouter.credits.createCoinbaseCharge({
          amount: 10,
          sender: '0x0000000000000000000000000000000000000001',
          chainId: 8453,
        }),
      () => openrouter.oauth.exchangeCode({ code: 'code-1' }),
    ];
    for (const call of calls) {
      expectRefused(await rejection(call()), elsewhere, 308);
    }
  });

  // As `fetch` follows them: a 307 repeats the request, key and body
  // included; a 303 asks for the answer with a GET and no body.
  it.each([
    [307, '/api/v1/moved', 'POST'],
    [303, '/api/v1/answer', 'GET'],
  ] as const)(
    'follows a same-origin %d to %s as a %s',
    async (status, location, method) => {
      const server = await serve((request, response) => {
        if (request.url === '/api/v1/chat/completions') {
          response.writeHead(status, { location });
          response.end();
          return;
        }
        sendJson(response, 200, chatAnswer);
      });
      const openrouter = createOpenRouter({
        apiKey: API_KEY,
        baseURL: `${server.origin}/api/v1`,
      });

      const result = await generateText({
        model: openrouter('openai/gpt-4o'),
        prompt: 'hi',
      });

      expect(result.text).toBe('hello');
      const [first, followed] = server.requests;
      expect([first.method, first.url]).toStrictEqual([
        'POST',
        '/api/v1/chat/completions',
      ]);
      expect([followed.method, followed.url]).toStrictEqual([method, location]);
      expect(followed.headers.authorization).toBe(`Bearer ${API_KEY}`);
      if (method === 'POST') {
        expect(JSON.parse(followed.body)).toMatchObject({
          model: 'openai/gpt-4o',
        });
      } else {
        expect(followed.body).toBe('');
      }
    },
  );

  it('stops after five redirects', async () => {
    const server = await serve((request, response) => {
      response.writeHead(302, { location: `${request.url}x` });
      response.end();
    });
    const openrouter = createOpenRouter({
      apiKey: API_KEY,
      baseURL: `${server.origin}/api/v1`,
    });

    const error = await rejection(openrouter.models.list());

    expect(APICallError.isInstance(error)).toBe(true);
    expect((error as APICallError).isRetryable).toBe(false);
    expect(server.requests).toHaveLength(6);
  });

  it('refuses the answer of a custom fetch that followed a redirect elsewhere anyway', async () => {
    const elsewhere = await serve((_, response) =>
      sendJson(response, 200, chatAnswer),
    );
    const configured = await serve((_, response) => {
      response.writeHead(302, { location: `${elsewhere.origin}/answer` });
      response.end();
    });
    const openrouter = createOpenRouter({
      apiKey: API_KEY,
      baseURL: `${configured.origin}/api/v1`,
      // Middleware that drops the provider's `redirect: 'manual'`.
      fetch: (input, init) => fetch(input, { ...init, redirect: 'follow' }),
    });

    const error = lastError(
      await rejection(
        generateText({ model: openrouter('openai/gpt-4o'), prompt: 'hi' }),
      ),
    );

    expect(APICallError.isInstance(error)).toBe(true);
    expect((error as APICallError).isRetryable).toBe(false);
    expect((error as APICallError).message).toContain(elsewhere.origin);
  });
});

describe('response bodies are read in linear time', () => {
  it.each([
    ['<'.repeat(1_000_000)],
    ['<a'.repeat(500_000)],
    [`<script>${'<'.repeat(1_000_000)}`],
    [`<html>${' \t'.repeat(500_000)}x</html>`],
  ])(
    'an HTML error page of 1 MB blocks the event loop under 50 ms (%#)',
    async page => {
      const server = await serve((_, response) => {
        response.writeHead(502, { 'content-type': 'text/html' });
        response.end(page);
      });
      const openrouter = createOpenRouter({
        apiKey: API_KEY,
        baseURL: server.origin,
      });

      const { result, longestBlockMs } = await measureEventLoopBlocking(
        () =>
          rejection(
            generateText({
              model: openrouter('openai/gpt-4o'),
              prompt: 'hi',
              maxRetries: 0,
            }),
          ),
        { runs: 5 },
      );

      expect(APICallError.isInstance(result)).toBe(true);
      expect((result as APICallError).statusCode).toBe(502);
      expect(longestBlockMs).toBeLessThan(50);
    },
  );

  it('summarizes the visible text of an HTML page, without scripts and styles', () => {
    expect(
      summarizeBody(
        '<html><head><style>p { color: red }</style><script>var a = "<b>";</script></head>' +
          '<body><h1>502</h1>\n\n<p>Bad   gateway</p></body></html>',
      ),
    ).toBe('502 Bad gateway');
  });

  it('summarizes a hostile page quickly when called directly', async () => {
    const { longestBlockMs } = await measureEventLoopBlocking(
      () => {
        summarizeBody('<a'.repeat(2_000_000));
        summarizeBody(`<style>${'<'.repeat(2_000_000)}`);
      },
      { runs: 5 },
    );
    expect(longestBlockMs).toBeLessThan(50);
  });
});

describe('bodies with prototype keys', () => {
  it('reads a 200 answer with a "__proto__" key once, without pollution', async () => {
    const server = await serve((_, response) =>
      sendJson(
        response,
        200,
        JSON.stringify(chatAnswer).replace(
          '"usage":',
          '"__proto__":{"polluted":true},"extra":{"constructor":{"prototype":{"polluted":true}}},"usage":',
        ),
      ),
    );
    const openrouter = createOpenRouter({
      apiKey: API_KEY,
      baseURL: server.origin,
    });

    const result = await generateText({
      model: openrouter('openai/gpt-4o'),
      prompt: 'hi',
      maxRetries: 2,
    });
    const direct = await openrouter('openai/gpt-4o').doGenerate({
      prompt: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }],
    });

    expect(result.text).toBe('hello');
    expect(server.requests).toHaveLength(2);
    const body = direct.response?.body as Record<string, unknown>;
    expect(Object.hasOwn(body, '__proto__')).toBe(false);
    expect(
      Object.hasOwn(body.extra as Record<string, unknown>, 'constructor'),
    ).toBe(false);
    expect(({} as { polluted?: unknown }).polluted).toBe(undefined);
  });

  it('drops "__proto__" from an error body before it reaches APICallError.data', async () => {
    const server = await serve((_, response) =>
      sendJson(
        response,
        400,
        '{"error":{"code":400,"message":"Bad","metadata":{"__proto__":{"polluted":true},"kept":1}}}',
      ),
    );
    const openrouter = createOpenRouter({
      apiKey: API_KEY,
      baseURL: server.origin,
    });

    const error = (await rejection(
      generateText({ model: openrouter('openai/gpt-4o'), prompt: 'hi' }),
    )) as APICallError;

    const metadata = (
      error.data as { error: { metadata: Record<string, unknown> } }
    ).error.metadata;
    expect(Object.hasOwn(metadata, '__proto__')).toBe(false);
    expect(metadata.kept).toBe(1);
  });
});

describe('error codes decide retries', () => {
  it.each([
    ['context_length_exceeded', 400, false],
    ['a_code_nobody_knows', undefined, false],
    ['rate_limit_exceeded', 429, true],
  ] as const)(
    'a 200 body with code %s: status %s, retryable %s',
    async (code, statusCode, isRetryable) => {
      const server = await serve((_, response) => {
        // The AI SDK honours the delay it is told, so the test need not wait.
        response.setHeader('retry-after-ms', '1');
        sendJson(response, 200, { error: { code, message: 'failed' } });
      });
      const openrouter = createOpenRouter({
        apiKey: API_KEY,
        baseURL: server.origin,
      });

      const error = lastError(
        await rejection(
          generateText({
            model: openrouter('openai/gpt-4o'),
            prompt: 'hi',
            maxRetries: 2,
          }),
        ),
      ) as APICallError;

      expect(error.statusCode).toBe(statusCode);
      expect(error.isRetryable).toBe(isRetryable);
      expect(server.requests).toHaveLength(isRetryable ? 3 : 1);
    },
  );
});

describe('calls that create something are not retried once sent', () => {
  const createCalls = {
    'keys.create': (openrouter: ReturnType<typeof createOpenRouter>) =>
      openrouter.keys.create({ name: 'ci' }),
    'credits.createCoinbaseCharge': (
      openrouter: ReturnType<typeof createOpenRouter>,
    ) =>
      openrouter.credits.createCoinbaseCharge({
        amount: 10,
        sender: '0x0000000000000000000000000000000000000001',
        chainId: 8453,
      }),
  };

  it.each(Object.keys(createCalls) as Array<keyof typeof createCalls>)(
    '%s: a 5xx, a cut-off body or a lost connection is not retryable; a 429 is',
    async name => {
      const answers = [
        (response: import('node:http').ServerResponse) =>
          sendJson(response, 500, { error: { code: 500, message: 'oops' } }),
        (response: import('node:http').ServerResponse) =>
          sendJson(response, 200, '{"data":{"hash":"abc"'),
        (response: import('node:http').ServerResponse) =>
          response.socket?.destroy(),
        (response: import('node:http').ServerResponse) =>
          sendJson(response, 429, { error: { code: 429, message: 'slow' } }),
      ];
      let next = 0;
      const server = await serve((_, response) => answers[next++](response));
      const openrouter = createOpenRouter({
        apiKey: API_KEY,
        provisioningKey: 'provisioning-key-abcdef123456',
        baseURL: server.origin,
      });

      const retryable: boolean[] = [];
      for (let attempt = 0; attempt < answers.length; attempt++) {
        const error = await rejection(createCalls[name](openrouter));
        expect(APICallError.isInstance(error)).toBe(true);
        retryable.push((error as APICallError).isRetryable);
      }

      expect(retryable).toStrictEqual([false, false, false, true]);
    },
  );
});

describe('bad header bytes fail before any request, naming the setting', () => {
  const KEY_WITH_NUL = 'sk-or-v1-secret\u0000tail-0123';

  it.each([
    ['apiKey', { apiKey: KEY_WITH_NUL }],
    ['apiKey', { apiKey: 'sk-or-v1-secret\u2028tail-0123' }],
    ['headers.x-api-key', { headers: { 'x-api-key': KEY_WITH_NUL } }],
    ['headers.x-api-key', { headers: { 'x-api-key': 'secret-€-0123' } }],
  ] as const)('%s', async (argument, settings) => {
    const server = await serve((_, response) =>
      sendJson(response, 200, chatAnswer),
    );

    const error = await rejection(
      (async () => {
        const openrouter = createOpenRouter({
          apiKey: API_KEY,
          baseURL: server.origin,
          ...settings,
        });
        await generateText({
          model: openrouter('openai/gpt-4o'),
          prompt: 'hi',
        });
      })(),
    );

    expect(InvalidArgumentError.isInstance(error)).toBe(true);
    expect((error as InvalidArgumentError).argument).toBe(argument);
    expect(scanForSecret([error], 'secret')).toStrictEqual([]);
    expect(server.requests).toHaveLength(0);
  });

  it('api_keys values are checked when the provider is created', () => {
    const error = catchSync(() =>
      createOpenRouter({ api_keys: { anthropic: 'sk-ant-secret-€-key' } }),
    );
    expect(InvalidArgumentError.isInstance(error)).toBe(true);
    expect((error as InvalidArgumentError).argument).toBe('api_keys.anthropic');
    expect((error as Error).message).not.toContain('sk-ant-secret');
  });

  it('the provisioning key and call headers are checked too', async () => {
    const server = await serve((_, response) => sendJson(response, 200, {}));
    const openrouter = createOpenRouter({
      apiKey: API_KEY,
      provisioningKey: `prov-secret${'\u0007'}-0123`,
      baseURL: server.origin,
    });

    const provisioningError = await rejection(openrouter.credits.get());
    expect((provisioningError as InvalidArgumentError).argument).toBe(
      'provisioningKey',
    );
    expect((provisioningError as Error).message).not.toContain('prov-secret');

    // Call headers given to `generateText` are checked by the AI SDK
    // itself before the provider sees them; a model called directly and
    // the utilities check their own.
    const callErrors = [
      await rejection(
        openrouter('openai/gpt-4o').doGenerate({
          prompt: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }],
          headers: { 'x-gateway-token': `gw-secret${'\u0000'}` },
        }),
      ),
      await rejection(
        openrouter.models.count({
          headers: { 'x-gateway-token': `gw-secret${'\u0000'}` },
        }),
      ),
    ];
    for (const callError of callErrors) {
      expect((callError as InvalidArgumentError).argument).toBe(
        'headers.x-gateway-token',
      );
      expect((callError as Error).message).not.toContain('gw-secret');
    }
    expect(server.requests).toHaveLength(0);
  });
});

describe('every configured secret is redacted from errors', () => {
  const SECRETS = {
    apiKey: 'gateway-style-key-9f8e7d6c5b4a',
    providerKey: 'anthropic-own-key-1a2b3c4d5e6f',
    headerKey: 'x-api-key-value-7a6b5c4d3e2f',
  };

  function echoingProvider(server: HostileServer) {
    return createOpenRouter({
      apiKey: SECRETS.apiKey,
      baseURL: server.origin,
      api_keys: { anthropic: SECRETS.providerKey },
      headers: { 'x-api-key': SECRETS.headerKey },
    });
  }

  function echo(request: SeenRequest) {
    return `Bad key ${request.headers.authorization}; provider keys ${request.headers['x-provider-api-keys']}; x-api-key ${request.headers['x-api-key']}`;
  }

  function expectNoSecret(artefacts: unknown[]) {
    for (const secret of Object.values(SECRETS)) {
      expect(scanForSecret(artefacts, secret)).toStrictEqual([]);
    }
  }

  it('from an HTTP error that echoes them, in message, body and data', async () => {
    const server = await serve((request, response) =>
      sendJson(response, 401, {
        error: {
          code: 401,
          message: echo(request),
          metadata: { raw: echo(request) },
        },
      }),
    );

    const error = await rejection(
      generateText({
        model: echoingProvider(server)('openai/gpt-4o'),
        prompt: 'hi',
      }),
    );

    expect((error as APICallError).message).toContain('Bad key');
    expectNoSecret([error]);
  });

  it('from a non-JSON error page and from a 200 error body', async () => {
    const pages = [
      (request: SeenRequest, response: import('node:http').ServerResponse) => {
        response.writeHead(403, { 'content-type': 'text/plain' });
        response.end(echo(request));
      },
      (request: SeenRequest, response: import('node:http').ServerResponse) =>
        sendJson(response, 200, {
          error: { code: 400, message: echo(request) },
        }),
    ];
    let next = 0;
    const server = await serve((request, response) =>
      pages[next++](request, response),
    );
    const openrouter = echoingProvider(server);

    const errors = [
      await rejection(
        generateText({ model: openrouter('openai/gpt-4o'), prompt: 'hi' }),
      ),
      await rejection(
        generateText({ model: openrouter('openai/gpt-4o'), prompt: 'hi' }),
      ),
    ];

    expect(errors.every(error => APICallError.isInstance(error))).toBe(true);
    expectNoSecret(errors);
  });

  it('from an error streamed in the middle of a reply', async () => {
    const server = await serve((request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.end(
        sseEvents([
          { id: 'gen-1', choices: [{ index: 0, delta: { content: 'Hel' } }] },
          { error: { code: 'server_error', message: echo(request) } },
        ]),
      );
    });

    const parts = await within(
      10_000,
      collect(
        streamText({
          model: echoingProvider(server)('openai/gpt-4o'),
          prompt: 'hi',
          maxRetries: 0,
        }).fullStream,
      ),
    );

    const errorPart = parts.find(part => part.type === 'error');
    expect(APICallError.isInstance(errorPart?.error)).toBe(true);
    expectNoSecret(parts);
  });

  it('from utility errors, for the provisioning key too', async () => {
    const server = await serve((request, response) =>
      sendJson(response, 401, { error: { code: 401, message: echo(request) } }),
    );
    const openrouter = createOpenRouter({
      apiKey: SECRETS.apiKey,
      provisioningKey: 'provisioning-secret-0a1b2c3d4e',
      baseURL: server.origin,
    });

    const errors = [
      await rejection(openrouter.models.list()),
      await rejection(openrouter.keys.list()),
    ];

    expect(scanForSecret(errors, SECRETS.apiKey)).toStrictEqual([]);
    expect(
      scanForSecret(errors, 'provisioning-secret-0a1b2c3d4e'),
    ).toStrictEqual([]);
  });
});

describe('secrets stay out of errors built after the answer arrived', () => {
  const KEY = 'gateway-style-key-9f8e7d6c5b4a';
  const HEADER_KEY = 'x-api-key-value-7a6b5c4d3e2f';

  function provider(server: HostileServer) {
    return createOpenRouter({
      apiKey: KEY,
      baseURL: server.origin,
      headers: { 'x-api-key': HEADER_KEY },
    });
  }

  function expectNoSecret(artefacts: unknown[]) {
    for (const secret of [KEY, HEADER_KEY]) {
      expect(scanForSecret(artefacts, secret)).toStrictEqual([]);
      // Nor its start, as a message cut short would leave it.
      expect(scanForSecret(artefacts, secret.slice(0, 10))).toStrictEqual([]);
    }
  }

  it('an answer without choices that echoes the request, in body and headers', async () => {
    const server = await serve((request, response) => {
      response.setHeader('x-echo', `${request.headers['x-api-key']}`);
      sendJson(response, 200, { choices: [], echo: request.headers });
    });

    const error = await rejection(
      generateText({
        model: provider(server)('openai/gpt-4o'),
        prompt: 'hi',
        maxRetries: 0,
      }),
    );

    expect(APICallError.isInstance(error)).toBe(true);
    expectNoSecret([error]);
  });

  it('embeddings whose count does not match, echoing the request', async () => {
    const server = await serve((request, response) =>
      sendJson(response, 200, {
        data: [
          { index: 0, embedding: [1] },
          { index: 0, embedding: [1] },
        ],
        echo: request.headers,
      }),
    );

    const error = await rejection(
      embedMany({
        model: provider(server).embeddingModel('openai/text-embedding-3-small'),
        values: ['a', 'b', 'c'],
        maxRetries: 0,
      }),
    );

    expectNoSecret([error]);
  });

  it('a failed video job whose message echoes the key', async () => {
    const server = await serve((request, response) => {
      if (request.method === 'POST') {
        sendJson(response, 200, { id: 'job-1', status: 'pending' });
        return;
      }
      sendJson(response, 200, {
        id: 'job-1',
        status: 'failed',
        error: `Invalid key ${request.headers.authorization}`,
      });
    });

    const error = await rejection(
      experimental_generateVideo({
        model: provider(server).videoModel('google/veo-3.1', {
          pollIntervalMs: 1,
        }),
        prompt: 'x',
        maxRetries: 0,
      }),
    );

    expect(String(error)).toContain('Invalid key');
    expectNoSecret([error]);
  });

  it.each([
    ['a non-JSON page', 'text'],
    ['metadata.raw', 'raw'],
  ] as const)(
    'a message cut short in the middle of an echoed key (%s)',
    async (_, where) => {
      const server = await serve((request, response) => {
        const key = `${request.headers['x-api-key']}`;
        if (where === 'text') {
          response.writeHead(401, { 'content-type': 'text/plain' });
          response.end(`${'y'.repeat(200 - key.length + 3)}${key}`);
          return;
        }
        sendJson(response, 502, {
          error: {
            code: 502,
            message: 'Provider returned error',
            metadata: {
              provider_name: 'Anthropic',
              raw: `${'y'.repeat(500 - key.length + 3)}${key}`,
            },
          },
        });
      });

      const error = await rejection(
        generateText({
          model: provider(server)('openai/gpt-4o'),
          prompt: 'hi',
          maxRetries: 0,
        }),
      );

      expect((error as Error).message).toContain('…');
      expectNoSecret([error]);
    },
  );

  it('a response fetch cannot parse, whose raw bytes hold the key', async () => {
    const sockets = new Set<import('node:net').Socket>();
    const rawServer = createNetServer(socket => {
      sockets.add(socket);
      socket.once('data', () => {
        socket.end(
          `HTTP/1.1 401 Unauthorized\r\nX-Echo: \u0001 Bearer ${KEY} ${HEADER_KEY}\r\nContent-Length: 0\r\n\r\n`,
        );
      });
    });
    await new Promise<void>(resolve =>
      rawServer.listen(0, '127.0.0.1', resolve),
    );
    const { port } = rawServer.address() as import('node:net').AddressInfo;
    try {
      const error = await rejection(
        generateText({
          model: createOpenRouter({
            apiKey: KEY,
            baseURL: `http://127.0.0.1:${port}`,
            headers: { 'x-api-key': HEADER_KEY },
          })('openai/gpt-4o'),
          prompt: 'hi',
          maxRetries: 0,
        }),
      );
      expect(APICallError.isInstance(error)).toBe(true);
      expectNoSecret([error]);
    } finally {
      for (const socket of sockets) {
        socket.destroy();
      }
      await new Promise(resolve => rawServer.close(resolve));
    }
  });

  it('a token under any scheme is redacted', async () => {
    const server = await serve((request, response) =>
      sendJson(response, 401, {
        error: {
          code: 401,
          message: `bad token ${request.headers.authorization?.split(' ')[1]}`,
        },
      }),
    );
    const error = await rejection(
      generateText({
        model: createOpenRouter({ baseURL: server.origin })('openai/gpt-4o'),
        prompt: 'hi',
        headers: { authorization: 'Token custom-token-0a1b2c3d4e' },
      }),
    );
    expect((error as Error).message).toContain('bad token');
    expect(scanForSecret([error], 'custom-token-0a1b2c3d4e')).toStrictEqual([]);
  });

  it('an OAuth exchange answer that cannot be read is not kept, whatever its key looks like', async () => {
    const server = await serve((_, response) =>
      sendJson(response, 200, { key: { value: 'gw-new-key-0a1b2c3d4e5f' } }),
    );
    const openrouter = createOpenRouter({ baseURL: server.origin });

    const error = await rejection(openrouter.oauth.exchangeCode({ code: 'c' }));

    expect(APICallError.isInstance(error)).toBe(true);
    expect(scanForSecret([error], 'gw-new-key-0a1b2c3d4e5f')).toStrictEqual([]);
  });
});

describe('baseURL', () => {
  it.each([
    'https://openrouter.ai/api/v1?api_key=sk-or-v1-in-the-query',
    'https://openrouter.ai/api/v1#sk-or-v1-in-the-fragment',
    'https://openrouter.ai/api/v1?',
  ])('with a query or fragment is refused without echoing it: %s', baseURL => {
    const error = catchSync(() => createOpenRouter({ baseURL }));
    expect(InvalidArgumentError.isInstance(error)).toBe(true);
    expect((error as InvalidArgumentError).argument).toBe('baseURL');
    expect((error as Error).message).not.toContain('sk-or-v1-in');
  });
});
