import { type APICallError, InvalidArgumentError } from '@ai-sdk/provider';
import { generateText, streamText } from 'ai';
import { createOpenRouter, estimateCost } from 'ai-sdk-openrouter';
import { describe, expect, it } from 'vitest';
import { TEST_PROVISIONING_KEY } from './support/account-keys';
import { TEST_API_KEY, useEmulator } from './support/use-emulator';

const server = useEmulator();

function createProvider() {
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

describe('keys.current', () => {
  it("returns the inference key's limits and usage", async () => {
    const key = await createProvider().keys.current();

    expect(key).toStrictEqual({
      label: 'sk-or-v1-tes...def',
      limit: 25,
      limitRemaining: 12.65,
      limitReset: 'monthly',
      includeByokInLimit: false,
      usage: 12.35,
      usageDaily: 0.42,
      usageWeekly: 3.1,
      usageMonthly: 12.35,
      byokUsage: 0,
      byokUsageDaily: 0,
      byokUsageWeekly: 0,
      byokUsageMonthly: 0,
      isFreeTier: false,
      isProvisioningKey: false,
      rateLimit: {
        requests: -1,
        interval: '10s',
        note: 'This field is deprecated and safe to ignore.',
      },
      raw: expect.objectContaining({ limit_remaining: 12.65 }),
    });
    expect(JSON.stringify(key)).not.toContain(TEST_API_KEY);
  });

  it('keeps counters an older response leaves out as null', async () => {
    server.emulator.enqueue({
      type: 'json',
      body: { data: { label: 'sk-or-v1-abc...xyz', usage: 1.5, limit: null } },
    });

    const key = await createProvider().keys.current();

    expect(key.usage).toBe(1.5);
    expect(key.usageDaily).toBeNull();
    expect(key.limit).toBeNull();
    expect(key.rateLimit).toBeNull();
  });
});

describe('key management', () => {
  it('creates a key, returning its secret once, then finds, updates and deletes it', async () => {
    const openrouter = createProvider();

    const created = await openrouter.keys.create({
      name: 'Nightly job',
      limit: 5,
      limitReset: 'weekly',
      includeByokInLimit: true,
      expiresAt: new Date('2026-07-01T00:00:00Z'),
    });

    expect(server.emulator.requests[0].body).toStrictEqual({
      name: 'Nightly job',
      limit: 5,
      limit_reset: 'weekly',
      include_byok_in_limit: true,
      expires_at: '2026-07-01T00:00:00.000Z',
    });
    expect(created.key).toMatch(/^sk-or-v1-[0-9a-f]{64}$/);
    expect(created.data).toMatchObject({
      name: 'Nightly job',
      label: `${created.key.slice(0, 12)}...${created.key.slice(-3)}`,
      disabled: false,
      limit: 5,
      limitRemaining: 5,
      limitReset: 'weekly',
      includeByokInLimit: true,
      usage: 0,
      expiresAt: '2026-07-01T00:00:00.000Z',
    });
    // The record never carries the secret; only `key` does.
    expect(JSON.stringify(created.data)).not.toContain(created.key);

    const { hash } = created.data;
    expect((await openrouter.keys.get(hash)).name).toBe('Nightly job');

    const updated = await openrouter.keys.update(hash, {
      name: 'Nightly',
      disabled: true,
      limit: null,
    });
    expect(server.emulator.requests.at(-1)?.body).toStrictEqual({
      name: 'Nightly',
      disabled: true,
      limit: null,
    });
    expect(updated).toMatchObject({
      name: 'Nightly',
      disabled: true,
      limit: null,
      limitRemaining: null,
    });
    expect(updated.updatedAt).not.toBeNull();

    const enabled = await openrouter.keys.list();
    expect(enabled.map(key => key.name)).toStrictEqual(['Production', 'CI']);
    const all = await openrouter.keys.list({ includeDisabled: true });
    expect(all.map(key => key.name)).toStrictEqual([
      'Production',
      'CI',
      'Old laptop',
      'Nightly',
    ]);

    expect(await openrouter.keys.delete(hash)).toStrictEqual({ deleted: true });
    const error = await capture(openrouter.keys.get(hash));
    expect((error as APICallError).statusCode).toBe(404);
  });

  it('lets a created key see its own limit through keys.current', async () => {
    const { key } = await createProvider().keys.create({
      name: 'Per user',
      limit: 2,
    });

    const current = await server.createProvider({ apiKey: key }).keys.current();

    expect(current.limit).toBe(2);
    expect(current.isProvisioningKey).toBe(false);
  });

  it('maps every field of a key record', async () => {
    const keys = await createProvider().keys.list({ offset: 1 });

    expect(keys[0]).toStrictEqual({
      hash: '0b9ac3f1e2d4c5b6a7980f1e2d3c4b5a69788796a5b4c3d2e1f0a9b8c7d6e5f4',
      name: 'CI',
      label: 'sk-or-v1-0b9...5f4',
      disabled: false,
      limit: 10,
      limitRemaining: 6.8,
      limitReset: 'daily',
      includeByokInLimit: true,
      usage: 3.2,
      usageDaily: 3.2,
      usageWeekly: 3.2,
      usageMonthly: 3.2,
      byokUsage: 0,
      byokUsageDaily: 0,
      byokUsageWeekly: 0,
      byokUsageMonthly: 0,
      createdAt: '2025-12-20T12:00:00.000Z',
      updatedAt: null,
      expiresAt: '2026-06-30T00:00:00.000Z',
      raw: expect.objectContaining({ name: 'CI' }),
    });
  });

  it.each([
    ['keys.create', { name: '' }, 'name'],
    ['keys.create', { name: 'x', limit: -1 }, 'limit'],
    ['keys.create', { name: 'x', limitReset: 'hourly' }, 'limitReset'],
    [
      'keys.create',
      { name: 'x', includeByokInLimit: 'yes' },
      'includeByokInLimit',
    ],
    [
      'keys.create',
      { name: 'x', expiresAt: '2026-07-01T00:00:00+02:00' },
      'expiresAt',
    ],
    ['keys.update', {}, 'patch'],
    ['keys.update', { disabled: 'true' }, 'disabled'],
    ['keys.list', { offset: -1 }, 'offset'],
    ['keys.list', { includeDisabled: 1 }, 'includeDisabled'],
  ])(
    '%s rejects %j naming %s, before sending anything',
    async (method, options, field) => {
      const { keys } = createProvider();
      const call =
        method === 'keys.create'
          ? keys.create(options as never)
          : method === 'keys.update'
            ? keys.update('abc', options as never)
            : keys.list(options as never);

      const error = await capture(call);

      expect(InvalidArgumentError.isInstance(error)).toBe(true);
      expect((error as InvalidArgumentError).argument).toBe(field);
      expect((error as Error).message).toContain(`${method}:`);
      expect(server.emulator.requests).toHaveLength(0);
    },
  );

  it('rejects an empty hash', async () => {
    const error = await capture(createProvider().keys.get(''));

    expect((error as InvalidArgumentError).argument).toBe('hash');
  });
});

describe('credits', () => {
  it('returns credits, usage and the remaining balance', async () => {
    const credits = await createProvider().credits.get();

    expect(credits).toStrictEqual({
      totalCredits: 50,
      totalUsage: 12.35,
      remaining: 37.65,
      raw: { total_credits: 50, total_usage: 12.35 },
    });
  });

  it('creates a Coinbase charge with snake_case fields and returns its call data', async () => {
    const charge = await createProvider().credits.createCoinbaseCharge({
      amount: 10,
      sender: '0x9a85CB3bfd494Ea3a8C9E50aA6a3c1a7E8BACE11',
      chainId: 8453,
    });

    expect(server.emulator.requests[0].body).toStrictEqual({
      amount: 10,
      sender: '0x9a85CB3bfd494Ea3a8C9E50aA6a3c1a7E8BACE11',
      chain_id: 8453,
    });
    expect(charge.id).toMatch(/^charge-/);
    expect(charge.transferIntent?.metadata).toStrictEqual({
      contractAddress: '0x03059433bcdb6144624cc2443159d9445c32b7a8',
      chainId: 8453,
      sender: '0x9a85CB3bfd494Ea3a8C9E50aA6a3c1a7E8BACE11',
    });
    expect(charge.transferIntent?.callData).toMatchObject({
      recipientAmount: '10000000',
      feeAmount: '50000',
      refundDestination: '0x9a85CB3bfd494Ea3a8C9E50aA6a3c1a7E8BACE11',
    });
  });

  it('rejects a charge without a chain id before sending anything', async () => {
    const error = await capture(
      createProvider().credits.createCoinbaseCharge({
        amount: 10,
        sender: '0xabc',
      } as never),
    );

    expect((error as InvalidArgumentError).argument).toBe('chainId');
    expect(server.emulator.requests).toHaveLength(0);
  });
});

describe('generations.get', () => {
  it('returns the generation with camelCased fields', async () => {
    const generation = await createProvider().generations.get(
      'gen-1767225600-sonnet45a',
    );

    expect(generation).toMatchObject({
      id: 'gen-1767225600-sonnet45a',
      totalCost: 0.0078,
      cacheDiscount: 0.0027,
      upstreamInferenceCost: null,
      model: 'anthropic/claude-sonnet-4.5',
      providerName: 'Anthropic',
      finishReason: 'stop',
      nativeFinishReason: 'end_turn',
      nativeTokensPrompt: 1500,
      nativeTokensCached: 1000,
      nativeTokensCompletion: 400,
      streamed: true,
      isByok: false,
      externalUser: 'user-42',
      usage: 0.0078,
      apiType: 'completions',
    });
  });

  it('finds what the emulator served, with the cost the call reported', async () => {
    const provider = createProvider();
    const generated = await generateText({
      model: provider('openai/gpt-4o-mini'),
      prompt: 'Hi',
      providerOptions: { openrouter: { user: 'user-7' } },
    });
    const streamed = streamText({
      model: provider.completion('openai/gpt-3.5-turbo-instruct'),
      prompt: 'Once upon a time',
    });
    await streamed.consumeStream();

    const chat = await provider.generations.get(generated.response.id);
    const completion = await provider.generations.get(
      (await streamed.response).id,
    );

    const reported = generated.providerMetadata?.openrouter?.usage as {
      cost: number;
    };
    expect(chat).toMatchObject({
      id: generated.response.id,
      model: 'openai/gpt-4o-mini',
      totalCost: reported.cost,
      tokensPrompt: generated.usage.inputTokens,
      tokensCompletion: generated.usage.outputTokens,
      finishReason: 'stop',
      streamed: false,
      externalUser: 'user-7',
    });
    expect(chat.totalCost).toBeGreaterThan(0);
    expect(completion).toMatchObject({
      model: 'openai/gpt-3.5-turbo-instruct',
      streamed: true,
      tokensCompletion: (await streamed.usage).outputTokens,
    });
  });

  it('keeps no record of a scripted reply, even one built from the default model', async () => {
    server.emulator.enqueue({ type: 'stream', errorAfterEvents: 1 });
    const provider = createProvider();
    const result = streamText({
      model: provider('openai/gpt-4o-mini'),
      prompt: 'Hi',
    });
    await result.consumeStream({ onError: () => {} });

    const error = await capture(provider.generations.get('gen-emulator-0'));

    expect((error as APICallError).statusCode).toBe(404);
  });

  it('forgets served generations on reset', async () => {
    const provider = createProvider();
    const { response } = await generateText({
      model: provider('openai/gpt-4o-mini'),
      prompt: 'Hi',
    });
    server.emulator.reset();

    const error = await capture(provider.generations.get(response.id));

    expect((error as APICallError).statusCode).toBe(404);
  });

  it('passes on 404 for an unknown generation', async () => {
    const error = await capture(
      createProvider().generations.get('gen-does-not-exist'),
    );

    expect((error as APICallError).statusCode).toBe(404);
  });

  it('rejects an empty id before sending anything', async () => {
    const error = await capture(createProvider().generations.get(''));

    expect((error as InvalidArgumentError).argument).toBe('id');
    expect(server.emulator.requests).toHaveLength(0);
  });
});

describe('estimateCost against the costs OpenRouter reports', () => {
  it.each([
    'gen-1767225600-sonnet45a',
    'gen-1767225660-flash25b',
    'gen-1767225720-mini4oc',
    'gen-1767225780-llamafrd',
  ])('matches the total cost of %s', async id => {
    const openrouter = createProvider();
    const generation = await openrouter.generations.get(id);
    const models = await openrouter.models.list();
    const model = models.find(candidate => candidate.id === generation.model);

    const estimate = estimateCost(model!, {
      inputTokens: generation.nativeTokensPrompt ?? 0,
      inputTokenDetails: {
        cacheReadTokens: generation.nativeTokensCached ?? 0,
      },
      outputTokens: generation.nativeTokensCompletion ?? 0,
      outputTokenDetails: {
        reasoningTokens: generation.nativeTokensReasoning ?? 0,
      },
    });

    expect(estimate).toBe(generation.totalCost);
  });
});

describe('activity.list', () => {
  it('returns the activity of one day', async () => {
    const items = await createProvider().activity.list({
      date: new Date('2025-12-30T18:00:00Z'),
    });

    expect(server.emulator.requests[0].query).toStrictEqual({
      date: '2025-12-30',
    });
    expect(items).toHaveLength(2);
    expect(items[0]).toStrictEqual({
      date: '2025-12-30',
      model: 'anthropic/claude-sonnet-4.5',
      modelPermaslug: 'anthropic/claude-sonnet-4.5',
      endpointId: 'anthropic/anthropic/claude-sonnet-4.5',
      providerName: 'Anthropic',
      usage: 1.284,
      byokUsageInference: 0,
      requests: 164,
      promptTokens: 247_000,
      completionTokens: 36_200,
      reasoningTokens: 0,
      raw: expect.objectContaining({
        model_permaslug: 'anthropic/claude-sonnet-4.5',
      }),
    });
  });

  it('returns every day without a date', async () => {
    const items = await createProvider().activity.list();

    expect(items.map(item => item.date)).toStrictEqual([
      '2025-12-30',
      '2025-12-30',
      '2025-12-31',
    ]);
  });

  it.each(['30/12/2025', '2025-13-01', '2025-12-3'])(
    'rejects the date %s before sending anything',
    async date => {
      const error = await capture(createProvider().activity.list({ date }));

      expect((error as InvalidArgumentError).argument).toBe('date');
      expect((error as Error).message).toContain("'YYYY-MM-DD'");
      expect(server.emulator.requests).toHaveLength(0);
    },
  );
});

describe('responses without a key in them', () => {
  it('never includes the configured keys in results', async () => {
    const openrouter = createOpenRouter({
      apiKey: TEST_API_KEY,
      provisioningKey: TEST_PROVISIONING_KEY,
      baseURL: server.emulator.baseURL,
    });

    const results = await Promise.all([
      openrouter.keys.current(),
      openrouter.keys.list({ includeDisabled: true }),
      openrouter.credits.get(),
      openrouter.activity.list(),
      openrouter.generations.get('gen-1767225600-sonnet45a'),
    ]);

    const serialized = JSON.stringify(results);
    expect(serialized).not.toContain(TEST_API_KEY);
    expect(serialized).not.toContain(TEST_PROVISIONING_KEY);
  });
});

describe('the request path shared by every method', () => {
  it('sends the same headers with GET, POST, PATCH and DELETE, the JSON content type with a JSON body, and the AI SDK user agent suffix', async () => {
    const openrouter = server.createProvider({
      provisioningKey: TEST_PROVISIONING_KEY,
      headers: { 'X-Trace': 'trace-1' },
    });
    const created = await openrouter.keys.create({ name: 'Headers' });
    await openrouter.keys.get(created.data.hash);
    await openrouter.keys.update(created.data.hash, { name: 'Renamed' });
    await openrouter.keys.delete(created.data.hash);

    const requests = server.emulator.requests.map(request => ({
      method: request.method,
      contentType: request.headers['content-type'],
      trace: request.headers['x-trace'],
      userAgent: request.headers['user-agent'],
    }));
    expect(requests.map(request => request.method)).toStrictEqual([
      'POST',
      'GET',
      'PATCH',
      'DELETE',
    ]);
    for (const request of requests) {
      expect(request.trace).toBe('trace-1');
      // The package's own agent first, then provider-utils' suffix and the
      // runtime, as the AI SDK's other providers send them.
      expect(request.userAgent).toMatch(
        /^ai-sdk-openrouter\/\S+ ai-sdk-provider-utils\/\S+ node\.js\/\S+$/,
      );
      expect(request.contentType).toBe(
        request.method === 'POST' || request.method === 'PATCH'
          ? 'application/json'
          : undefined,
      );
    }
  });
});
