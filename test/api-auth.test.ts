import { APICallError, LoadAPIKeyError } from '@ai-sdk/provider';
import {
  createOpenRouter,
  type OpenRouterProvider,
  type OpenRouterRequestOptions,
} from 'ai-sdk-openrouter';
import { describe, expect, it } from 'vitest';
import {
  INFERENCE_AUTHORIZATION,
  PROVISIONING_AUTHORIZATION,
  TEST_PROVISIONING_KEY,
  withoutKeyEnvironment,
} from './support/account-keys';
import { TEST_API_KEY, useEmulator } from './support/use-emulator';

const server = useEmulator();

const SEED_KEY_HASH =
  'f01d52606dc8f0a8303a7b5cc3fa07109c2e346cec7c0a16b40de462992ce943';

type MethodCase = {
  name: string;
  call: (
    openrouter: OpenRouterProvider,
    requestOptions?: OpenRouterRequestOptions,
  ) => Promise<unknown>;
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path: string;
  query?: Record<string, string>;
  /** `optional`: the API key when one is configured, else none. */
  key: 'inference' | 'optional' | 'provisioning';
  /** OpenRouter's answer to an inference key, when it refuses one. */
  refusesInferenceKey?: { status: number; message: string };
};

// Every utility method that talks to the API, with the request it must make.
const methods: MethodCase[] = [
  {
    name: 'models.list',
    call: (openrouter, requestOptions) =>
      openrouter.models.list(
        {
          category: 'programming',
          supportedParameters: ['tools', 'reasoning'],
        },
        requestOptions,
      ),
    method: 'GET',
    path: '/models',
    query: { category: 'programming', supported_parameters: 'tools,reasoning' },
    key: 'optional',
  },
  {
    name: 'models.count',
    call: (openrouter, requestOptions) =>
      openrouter.models.count(requestOptions),
    method: 'GET',
    path: '/models/count',
    key: 'inference',
  },
  {
    name: 'models.listForUser',
    call: (openrouter, requestOptions) =>
      openrouter.models.listForUser(requestOptions),
    method: 'GET',
    path: '/models/user',
    key: 'inference',
  },
  {
    name: 'models.listEmbeddings',
    call: (openrouter, requestOptions) =>
      openrouter.models.listEmbeddings(requestOptions),
    method: 'GET',
    path: '/models/embeddings',
    key: 'inference',
  },
  {
    name: 'models.endpoints',
    call: (openrouter, requestOptions) =>
      openrouter.models.endpoints(
        'meta-llama/llama-3.3-70b-instruct:free',
        requestOptions,
      ),
    method: 'GET',
    path: '/models/meta-llama/llama-3.3-70b-instruct/endpoints',
    key: 'optional',
  },
  {
    name: 'models.parameters',
    call: (openrouter, requestOptions) =>
      openrouter.models.parameters(
        'openai/gpt-4o-mini',
        { provider: 'Azure' },
        requestOptions,
      ),
    method: 'GET',
    path: '/parameters/openai/gpt-4o-mini',
    query: { provider: 'Azure' },
    key: 'inference',
  },
  {
    name: 'models.zdrEndpoints',
    call: (openrouter, requestOptions) =>
      openrouter.models.zdrEndpoints(requestOptions),
    method: 'GET',
    path: '/endpoints/zdr',
    key: 'inference',
  },
  {
    name: 'providers.list',
    call: (openrouter, requestOptions) =>
      openrouter.providers.list(requestOptions),
    method: 'GET',
    path: '/providers',
    key: 'inference',
  },
  {
    name: 'keys.current',
    call: (openrouter, requestOptions) =>
      openrouter.keys.current(requestOptions),
    method: 'GET',
    path: '/key',
    key: 'inference',
  },
  {
    name: 'keys.list',
    call: (openrouter, requestOptions) =>
      openrouter.keys.list(
        { includeDisabled: true, offset: 1 },
        requestOptions,
      ),
    method: 'GET',
    path: '/keys',
    query: { include_disabled: 'true', offset: '1' },
    key: 'provisioning',
    refusesInferenceKey: {
      status: 401,
      message: 'Only provisioning keys can manage API keys',
    },
  },
  {
    name: 'keys.create',
    call: (openrouter, requestOptions) =>
      openrouter.keys.create({ name: 'Nightly job' }, requestOptions),
    method: 'POST',
    path: '/keys',
    key: 'provisioning',
    refusesInferenceKey: {
      status: 401,
      message: 'Only provisioning keys can manage API keys',
    },
  },
  {
    name: 'keys.get',
    call: (openrouter, requestOptions) =>
      openrouter.keys.get(SEED_KEY_HASH, requestOptions),
    method: 'GET',
    path: `/keys/${SEED_KEY_HASH}`,
    key: 'provisioning',
    refusesInferenceKey: {
      status: 401,
      message: 'Only provisioning keys can manage API keys',
    },
  },
  {
    name: 'keys.update',
    call: (openrouter, requestOptions) =>
      openrouter.keys.update(SEED_KEY_HASH, { name: 'Prod' }, requestOptions),
    method: 'PATCH',
    path: `/keys/${SEED_KEY_HASH}`,
    key: 'provisioning',
    refusesInferenceKey: {
      status: 401,
      message: 'Only provisioning keys can manage API keys',
    },
  },
  {
    name: 'keys.delete',
    call: (openrouter, requestOptions) =>
      openrouter.keys.delete(SEED_KEY_HASH, requestOptions),
    method: 'DELETE',
    path: `/keys/${SEED_KEY_HASH}`,
    key: 'provisioning',
    refusesInferenceKey: {
      status: 401,
      message: 'Only provisioning keys can manage API keys',
    },
  },
  {
    name: 'credits.get',
    call: (openrouter, requestOptions) =>
      openrouter.credits.get(requestOptions),
    method: 'GET',
    path: '/credits',
    key: 'provisioning',
    refusesInferenceKey: {
      status: 403,
      message: 'Only provisioning keys can fetch credits',
    },
  },
  {
    name: 'credits.createCoinbaseCharge',
    call: (openrouter, requestOptions) =>
      openrouter.credits.createCoinbaseCharge(
        {
          amount: 10,
          sender: '0x9a85CB3bfd494Ea3a8C9E50aA6a3c1a7E8BACE11',
          chainId: 8453,
        },
        requestOptions,
      ),
    method: 'POST',
    path: '/credits/coinbase',
    key: 'provisioning',
  },
  {
    name: 'generations.get',
    call: (openrouter, requestOptions) =>
      openrouter.generations.get('gen-1767225600-sonnet45a', requestOptions),
    method: 'GET',
    path: '/generation',
    query: { id: 'gen-1767225600-sonnet45a' },
    key: 'inference',
  },
  {
    name: 'activity.list',
    call: (openrouter, requestOptions) =>
      openrouter.activity.list({ date: '2025-12-31' }, requestOptions),
    method: 'GET',
    path: '/activity',
    query: { date: '2025-12-31' },
    key: 'provisioning',
    refusesInferenceKey: {
      status: 403,
      message: 'Only provisioning keys can fetch activity',
    },
  },
];

function providerWithBothKeys() {
  return server.createProvider({ provisioningKey: TEST_PROVISIONING_KEY });
}

async function capture(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('Expected the call to fail.');
}

describe.each(methods)('$name', testCase => {
  it(`sends ${testCase.method} ${testCase.path} with the ${testCase.key} key`, async () => {
    await testCase.call(providerWithBothKeys());

    expect(server.emulator.requests).toHaveLength(1);
    const [request] = server.emulator.requests;
    expect(request.method).toBe(testCase.method);
    expect(request.path).toBe(testCase.path);
    expect(request.query).toStrictEqual(testCase.query ?? {});
    expect(request.headers.authorization).toBe(
      testCase.key === 'provisioning'
        ? PROVISIONING_AUTHORIZATION
        : INFERENCE_AUTHORIZATION,
    );
    expect(request.headers['user-agent']).toContain('ai-sdk-openrouter/');
  });

  it('sends call-level headers, which win over provider headers', async () => {
    const openrouter = server.createProvider({
      provisioningKey: TEST_PROVISIONING_KEY,
      headers: { 'X-Tenant': 'provider', 'X-Provider-Only': 'yes' },
      appName: 'Budget Dashboard',
    });

    await testCase.call(openrouter, { headers: { 'X-Tenant': 'call' } });

    const { headers } = server.emulator.requests[0];
    expect(headers['x-tenant']).toBe('call');
    expect(headers['x-provider-only']).toBe('yes');
    expect(headers['x-openrouter-title']).toBe('Budget Dashboard');
  });

  it('stops when the abort signal fires', async () => {
    server.emulator.enqueue({ type: 'stall', path: testCase.path });
    const controller = new AbortController();
    const pending = testCase.call(providerWithBothKeys(), {
      abortSignal: controller.signal,
    });
    // Abort once the request stalls at the server. A fixed delay could fire
    // before it was sent on a busy machine, and the request, arriving late,
    // would take the next test's scripted answer.
    void (async () => {
      for (let tries = 0; tries < 2_000; tries++) {
        if (server.emulator.requests.length > 0) {
          break;
        }
        await new Promise(resolve => setTimeout(resolve, 5));
      }
      controller.abort();
    })();

    const error = await capture(pending);

    expect((error as Error).name).toBe('AbortError');
  });

  it('explains a wrong key kind with the key the endpoint needs', async () => {
    const refusal = testCase.refusesInferenceKey;
    // Endpoints the emulator does not guard answer a scripted refusal, the
    // way OpenRouter answers a key of the wrong kind.
    if (refusal == null) {
      server.emulator.enqueue({
        type: 'error',
        path: testCase.path,
        status: 403,
        message: 'Forbidden',
      });
    }
    const openrouter =
      refusal != null || testCase.key === 'provisioning'
        ? server.createProvider()
        : providerWithBothKeys();

    const error = await capture(testCase.call(openrouter));

    expect(APICallError.isInstance(error)).toBe(true);
    const apiError = error as APICallError;
    expect(apiError.statusCode).toBe(refusal?.status ?? 403);
    expect(apiError.isRetryable).toBe(false);
    expect(apiError.message).toContain(refusal?.message ?? 'Forbidden');
    if (testCase.key === 'provisioning') {
      expect(apiError.message).toContain(
        `${testCase.method} ${testCase.path} needs a provisioning key: set the 'provisioningKey' setting or OPENROUTER_PROVISIONING_KEY.`,
      );
      // A 401 names the refused key first; a 403's advice names it.
      expect(apiError.message).toContain(
        apiError.statusCode === 401
          ? 'No provisioning key is set, so the API key was sent instead.'
          : 'This request sent the API key from the apiKey setting, because no provisioning key is set.',
      );
    } else {
      expect(apiError.message).toContain(
        `${testCase.method} ${testCase.path} needs an OpenRouter API key (inference key): set the 'apiKey' setting or OPENROUTER_API_KEY. This request sent the API key from the apiKey setting.`,
      );
    }
    if (apiError.statusCode === 401) {
      expect(apiError.message).toMatch(
        /^The API key from the apiKey setting was rejected by OpenRouter: /,
      );
    }
    const serialized = JSON.stringify({
      ...apiError,
      message: apiError.message,
    });
    expect(serialized).not.toContain(TEST_API_KEY);
    expect(serialized).not.toContain(TEST_PROVISIONING_KEY);
  });

  it.runIf(testCase.key === 'optional')(
    'goes without a key when none is configured, and asks for one on a 401',
    async () => {
      const error = await withoutKeyEnvironment(() =>
        capture(
          testCase.call(createOpenRouter({ baseURL: server.emulator.baseURL })),
        ),
      );

      expect(server.emulator.requests).toHaveLength(1);
      expect(server.emulator.requests[0].headers).not.toHaveProperty(
        'authorization',
      );
      expect(APICallError.isInstance(error)).toBe(true);
      expect((error as APICallError).statusCode).toBe(401);
      expect((error as APICallError).message).toBe(
        `No auth credentials found. ${testCase.method} ${testCase.path} was sent without an API key, as none is configured; OpenRouter asks for one here: set the 'apiKey' setting or OPENROUTER_API_KEY.`,
      );
    },
  );

  it.skipIf(testCase.key === 'optional')(
    'fails with LoadAPIKeyError naming the variables to set, and sends nothing',
    async () => {
      const error = await withoutKeyEnvironment(() =>
        capture(
          testCase.call(createOpenRouter({ baseURL: server.emulator.baseURL })),
        ),
      );

      expect(LoadAPIKeyError.isInstance(error)).toBe(true);
      const { message } = error as Error;
      expect(message).toContain('OPENROUTER_API_KEY');
      if (testCase.key === 'provisioning') {
        expect(message).toContain('OPENROUTER_PROVISIONING_KEY');
        expect(message).toContain(`${testCase.method} ${testCase.path}`);
      } else {
        expect(message).not.toContain('OPENROUTER_PROVISIONING_KEY');
      }
      expect(server.emulator.requests).toHaveLength(0);
    },
  );
});

describe('key selection', () => {
  it('reads OPENROUTER_PROVISIONING_KEY when a request is made', async () => {
    await withoutKeyEnvironment(async () => {
      const openrouter = server.createProvider();
      process.env.OPENROUTER_PROVISIONING_KEY = TEST_PROVISIONING_KEY;

      await openrouter.credits.get();
    });

    expect(server.emulator.requests[0].headers.authorization).toBe(
      PROVISIONING_AUTHORIZATION,
    );
  });

  it('falls back to the inference key for account endpoints', async () => {
    await withoutKeyEnvironment(() =>
      server.createProvider().credits.createCoinbaseCharge({
        amount: 5,
        sender: '0x9a85CB3bfd494Ea3a8C9E50aA6a3c1a7E8BACE11',
        chainId: 1,
      }),
    );

    expect(server.emulator.requests[0].headers.authorization).toBe(
      INFERENCE_AUTHORIZATION,
    );
  });

  it('works with only a provisioning key for provisioning endpoints', async () => {
    const credits = await withoutKeyEnvironment(() =>
      createOpenRouter({
        baseURL: server.emulator.baseURL,
        provisioningKey: TEST_PROVISIONING_KEY,
      }).credits.get(),
    );

    expect(credits.remaining).toBe(37.65);
  });

  it('trims a provisioning key and takes a blank one for none', async () => {
    await withoutKeyEnvironment(async () => {
      await server
        .createProvider({ provisioningKey: `${TEST_PROVISIONING_KEY}\n` })
        .credits.get();
      // OpenRouter refuses the inference key here; what matters is which
      // key was sent.
      await server
        .createProvider({ provisioningKey: '  ' })
        .credits.get()
        .catch(() => {});
    });

    expect(
      server.emulator.requests.map(request => request.headers.authorization),
    ).toStrictEqual([PROVISIONING_AUTHORIZATION, INFERENCE_AUTHORIZATION]);
  });

  it('says when a provisioning key itself was refused', async () => {
    server.emulator.enqueue({
      type: 'error',
      status: 401,
      message: 'User not found.',
    });

    const error = await capture(providerWithBothKeys().keys.list());

    expect((error as Error).message).toBe(
      'The provisioning key from the provisioningKey setting (ending …3210) was rejected by OpenRouter: User not found.',
    );
  });

  it('uses an Authorization header from the call instead of any key', async () => {
    await providerWithBothKeys().keys.list(undefined, {
      headers: { Authorization: `Bearer ${TEST_PROVISIONING_KEY}-tenant-7` },
    });

    expect(server.emulator.requests[0].headers.authorization).toBe(
      'Bearer [REDACTED …nt-7]',
    );
  });

  it('leaves other errors unchanged', async () => {
    server.emulator.enqueue({
      type: 'error',
      status: 429,
      message: 'Rate limit exceeded',
    });

    const error = await capture(providerWithBothKeys().models.list());

    expect((error as APICallError).message).toBe('Rate limit exceeded');
    expect((error as APICallError).isRetryable).toBe(true);
  });

  it('sends every utility request through a custom fetch', async () => {
    const seen: string[] = [];
    const openrouter = createOpenRouter({
      apiKey: TEST_API_KEY,
      provisioningKey: TEST_PROVISIONING_KEY,
      baseURL: server.emulator.baseURL,
      fetch: async (input, init) => {
        seen.push(`${init?.method ?? 'GET'} ${String(input)}`);
        return fetch(input, init);
      },
    });

    await openrouter.models.count();
    await openrouter.keys.update(SEED_KEY_HASH, { disabled: true });

    expect(seen).toStrictEqual([
      `GET ${server.emulator.baseURL}/models/count`,
      `PATCH ${server.emulator.baseURL}/keys/${SEED_KEY_HASH}`,
    ]);
  });
});

describe('a new key never leaks into errors', () => {
  it('keeps the one-time secret out of an error about the response', async () => {
    const secret = 'sk-or-v1-brand-new-secret-0123456789abcdef';
    server.emulator.enqueue({
      type: 'json',
      status: 201,
      path: '/keys',
      // A shape this package cannot read: `data` missing.
      body: { key: secret, unexpected: true },
    });

    const error = await server
      .createProvider({ provisioningKey: 'sk-or-prov-test-3210' })
      .keys.create({ name: 'new' })
      .catch(caught => caught);

    expect(APICallError.isInstance(error)).toBe(true);
    expect(JSON.stringify(error)).not.toContain(secret);
    expect(String(error.responseBody)).not.toContain(secret);
    expect(error.message).not.toContain(secret);
    expect(String(error.stack)).not.toContain(secret);
    expect(error.cause).toBeUndefined();
  });
});
