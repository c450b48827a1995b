import { LoadAPIKeyError } from '@ai-sdk/provider';
import { generateText } from 'ai';
import { createOpenRouter, VERSION } from 'ai-sdk-openrouter';
import { afterEach, describe, expect, it } from 'vitest';
import { TEST_API_KEY, useEmulator } from './support/use-emulator';

const server = useEmulator();

const scriptedCompletion = {
  id: 'gen-1767225600-abc',
  object: 'chat.completion',
  created: 1_767_225_600,
  model: 'anthropic/claude-sonnet-4.5',
  provider: 'Amazon Bedrock',
  choices: [
    {
      index: 0,
      finish_reason: 'stop',
      native_finish_reason: 'end_turn',
      message: { role: 'assistant', content: 'Paris is the capital.' },
    },
  ],
  usage: {
    prompt_tokens: 120,
    completion_tokens: 30,
    total_tokens: 150,
    cost: 0.00081,
    is_byok: false,
    prompt_tokens_details: { cached_tokens: 100, cache_write_tokens: 5 },
    completion_tokens_details: { reasoning_tokens: 12 },
    cost_details: { upstream_inference_cost: null },
  },
};

describe('generateText', () => {
  it('sends the exact request body for a prompt with every standard setting', async () => {
    const openrouter = server.createProvider();

    await generateText({
      model: openrouter('openai/gpt-4o-mini'),
      system: 'Be brief.',
      messages: [
        { role: 'user', content: 'Hi' },
        { role: 'assistant', content: 'Hello!' },
        {
          role: 'user',
          content: [
            { type: 'text', text: 'First part. ' },
            { type: 'text', text: 'Second part.' },
          ],
        },
      ],
      maxOutputTokens: 100,
      temperature: 0.3,
      topP: 0.9,
      topK: 40,
      frequencyPenalty: 0.1,
      presencePenalty: 0.2,
      stopSequences: ['END'],
      seed: 7,
    });

    expect(server.emulator.requests).toHaveLength(1);
    const [request] = server.emulator.requests;
    expect(request.method).toBe('POST');
    expect(request.path).toBe('/chat/completions');
    expect(request.body).toStrictEqual({
      model: 'openai/gpt-4o-mini',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Hi' },
        { role: 'assistant', content: 'Hello!' },
        {
          role: 'user',
          content: [
            { type: 'text', text: 'First part. ' },
            { type: 'text', text: 'Second part.' },
          ],
        },
      ],
      max_tokens: 100,
      temperature: 0.3,
      top_p: 0.9,
      top_k: 40,
      frequency_penalty: 0.1,
      presence_penalty: 0.2,
      stop: ['END'],
      seed: 7,
    });
  });

  it('sends only the model and messages when no setting is given', async () => {
    const openrouter = server.createProvider();

    await generateText({ model: openrouter('openai/gpt-4o'), prompt: 'Hi' });

    expect(server.emulator.requests[0].body).toStrictEqual({
      model: 'openai/gpt-4o',
      messages: [{ role: 'user', content: 'Hi' }],
    });
  });

  it('returns exactly the text of the answer the server sent', async () => {
    const openrouter = server.createProvider();

    const result = await generateText({
      model: openrouter('openai/gpt-4o'),
      prompt: 'Hi',
      include: { responseBody: true },
    });

    const sent = result.response.body as {
      choices: Array<{ message: { content: string } }>;
    };
    expect(sent.choices[0].message.content).toContain('Hi');
    expect(result.text).toBe(sent.choices[0].message.content);
    expect(result.finishReason).toBe('stop');
    expect(result.response.id).toBe('gen-emulator-0');
    expect(result.response.modelId).toBe('openai/gpt-4o');
  });

  it('maps text, usage, finish reason, response metadata and cost', async () => {
    server.emulator.enqueue({ type: 'json', body: scriptedCompletion });
    const openrouter = server.createProvider();

    const result = await generateText({
      model: openrouter('anthropic/claude-sonnet-4.5'),
      prompt: 'What is the capital of France?',
    });

    expect(result.text).toBe('Paris is the capital.');
    expect(result.finishReason).toBe('stop');
    expect(result.rawFinishReason).toBe('stop');
    expect(result.usage).toStrictEqual({
      inputTokens: 120,
      inputTokenDetails: {
        noCacheTokens: 15,
        cacheReadTokens: 100,
        cacheWriteTokens: 5,
      },
      outputTokens: 30,
      outputTokenDetails: { textTokens: 18, reasoningTokens: 12 },
      totalTokens: 150,
      raw: scriptedCompletion.usage,
    });
    expect(result.response.id).toBe('gen-1767225600-abc');
    expect(result.response.modelId).toBe('anthropic/claude-sonnet-4.5');
    expect(result.response.timestamp).toStrictEqual(
      new Date('2026-01-01T00:00:00.000Z'),
    );
    expect(result.providerMetadata).toStrictEqual({
      openrouter: {
        provider: 'Amazon Bedrock',
        model: 'anthropic/claude-sonnet-4.5',
        generationId: 'gen-1767225600-abc',
        usage: {
          promptTokens: 120,
          completionTokens: 30,
          totalTokens: 150,
          cost: 0.00081,
          isByok: false,
          promptTokensDetails: { cachedTokens: 100, cacheWriteTokens: 5 },
          completionTokensDetails: { reasoningTokens: 12 },
        },
      },
    });
  });

  it('reports the response headers and, when asked, the bodies', async () => {
    server.emulator.enqueue({
      type: 'json',
      body: scriptedCompletion,
      headers: { 'x-generation-id': 'gen-1767225600-abc' },
    });
    const openrouter = server.createProvider();

    const result = await generateText({
      model: openrouter('anthropic/claude-sonnet-4.5'),
      prompt: 'Hi',
      include: { requestBody: true, responseBody: true },
    });

    expect(result.response.headers?.['x-generation-id']).toBe(
      'gen-1767225600-abc',
    );
    expect(result.response.body).toStrictEqual(scriptedCompletion);
    expect(result.request.body).toStrictEqual({
      model: 'anthropic/claude-sonnet-4.5',
      messages: [{ role: 'user', content: 'Hi' }],
    });
  });

  it('reports a length finish when maxOutputTokens cuts the reply', async () => {
    const openrouter = server.createProvider();

    const result = await generateText({
      model: openrouter('openai/gpt-4o'),
      prompt: 'Hi',
      maxOutputTokens: 3,
    });

    expect(result.text).toBe('Hello from the ');
    expect(result.finishReason).toBe('length');
    expect(result.usage.outputTokens).toBe(3);
  });

  it('applies extraBody, model settings, call settings and providerOptions in that order', async () => {
    const openrouter = server.createProvider({
      extraBody: { temperature: 0.1, user: 'from-extra-body', transforms: [] },
    });

    await generateText({
      model: openrouter('openai/gpt-4o', {
        temperature: 0.2,
        user: 'from-model-settings',
        session_id: 'session-1',
      }),
      prompt: 'Hi',
      temperature: 0.3,
      providerOptions: { openrouter: { user: 'from-provider-options' } },
    });

    expect(server.emulator.requests[0].body).toStrictEqual({
      model: 'openai/gpt-4o',
      messages: [{ role: 'user', content: 'Hi' }],
      temperature: 0.3,
      user: 'from-provider-options',
      transforms: [],
      session_id: 'session-1',
    });
  });

  it('keeps model and messages out of reach of options, with a warning', async () => {
    const openrouter = server.createProvider({
      extraBody: { model: 'evil/model' },
    });

    const result = await generateText({
      model: openrouter('openai/gpt-4o'),
      prompt: 'Hi',
      providerOptions: { openrouter: { messages: [], stream: true } },
    });

    expect(server.emulator.requests[0].body).toStrictEqual({
      model: 'openai/gpt-4o',
      messages: [{ role: 'user', content: 'Hi' }],
    });
    const warnings = result.warnings ?? [];
    expect(warnings.map(warning => warning.type)).toStrictEqual([
      'other',
      'other',
      'other',
    ]);
    const messages = warnings.map(warning =>
      warning.type === 'other' ? warning.message : '',
    );
    expect(messages[0]).toContain('extraBody sets "model"');
    expect(messages[1]).toContain('providerOptions.openrouter sets "messages"');
    expect(messages[2]).toContain('providerOptions.openrouter sets "stream"');
  });

  it('passes model-id suffixes through untouched', async () => {
    const openrouter = server.createProvider();

    await generateText({
      model: openrouter('meta-llama/llama-3.3-70b-instruct:free'),
      prompt: 'Hi',
    });

    expect((server.emulator.requests[0].body as { model: string }).model).toBe(
      'meta-llama/llama-3.3-70b-instruct:free',
    );
  });
});

describe('headers', () => {
  it('sends attribution headers, the key and a user agent naming the package', async () => {
    const openrouter = server.createProvider({
      appName: 'My App',
      appUrl: 'https://my-app.example',
      headers: { 'X-Custom': 'custom-value' },
    });

    await generateText({ model: openrouter('openai/gpt-4o'), prompt: 'Hi' });

    const { headers } = server.emulator.requests[0];
    expect(headers['x-openrouter-title']).toBe('My App');
    expect(headers).not.toHaveProperty('x-title');
    expect(headers['http-referer']).toBe('https://my-app.example');
    expect(headers['x-custom']).toBe('custom-value');
    expect(headers.authorization).toBe(
      `Bearer [REDACTED …${TEST_API_KEY.slice(-4)}]`,
    );
    expect(headers['user-agent']).toContain(`ai-sdk-openrouter/${VERSION}`);
    expect(headers['user-agent']).toMatch(/^ai\/7\./);
  });

  it('sends app categories comma-separated', async () => {
    const openrouter = server.createProvider({
      appCategories: ['cli-agent', 'cloud-agent'],
    });

    await generateText({ model: openrouter('openai/gpt-4o'), prompt: 'Hi' });

    expect(server.emulator.requests[0].headers['x-openrouter-categories']).toBe(
      'cli-agent,cloud-agent',
    );
  });

  it.each([
    ['X-Title', 'x-title'],
    ['X-OpenRouter-Title', 'x-openrouter-title'],
  ])(
    'sends one title when a header %s is given beside appName',
    async (given, recorded) => {
      const openrouter = server.createProvider({
        appName: 'From appName',
        headers: { [given]: 'From headers' },
      });

      await generateText({ model: openrouter('openai/gpt-4o'), prompt: 'Hi' });

      const { headers } = server.emulator.requests[0];
      const titles = ['x-title', 'x-openrouter-title'].filter(
        name => headers[name] != null,
      );
      expect(titles).toStrictEqual([recorded]);
      expect(headers[recorded]).toBe('From headers');
    },
  );

  it('lets a call bring its own Authorization header', async () => {
    const emulator = server.emulator;
    const openrouter = createOpenRouter({ baseURL: emulator.baseURL });
    const previous = process.env.OPENROUTER_API_KEY;
    delete process.env.OPENROUTER_API_KEY;
    try {
      const result = await generateText({
        model: openrouter('openai/gpt-4o'),
        prompt: 'Hi',
        headers: { Authorization: 'Bearer sk-or-v1-tenant-key' },
      });
      expect(result.text).toContain('You said: "Hi"');
      expect(emulator.requests).toHaveLength(1);
    } finally {
      restoreEnv(previous);
    }
  });

  it('rejects a provider header value containing a line break when the provider is created', () => {
    expect(() =>
      server.createProvider({
        headers: { 'X-Trace': 'a\r\nX-Injected: yes' },
      }),
    ).toThrow(/Header "x-trace" contains a character that is not allowed/);
    expect(server.emulator.requests).toHaveLength(0);
  });

  it('never sends a call header value containing a line break', async () => {
    const openrouter = server.createProvider();

    await expect(
      generateText({
        model: openrouter('openai/gpt-4o'),
        prompt: 'Hi',
        headers: { 'X-Trace': 'a\r\nX-Injected: yes' },
        maxRetries: 0,
      }),
    ).rejects.toThrow(/invalid header value|carriage return/);
    expect(server.emulator.requests).toHaveLength(0);
  });
});

describe('API key', () => {
  const previous = process.env.OPENROUTER_API_KEY;
  afterEach(() => restoreEnv(previous));

  it('fails with LoadAPIKeyError naming OPENROUTER_API_KEY and sends nothing', async () => {
    delete process.env.OPENROUTER_API_KEY;
    const openrouter = createOpenRouter({ baseURL: server.emulator.baseURL });

    const error = await generateText({
      model: openrouter('openai/gpt-4o'),
      prompt: 'Hi',
    }).catch(caught => caught);

    expect(LoadAPIKeyError.isInstance(error)).toBe(true);
    expect(error.message).toContain('OPENROUTER_API_KEY');
    expect(server.emulator.requests).toHaveLength(0);
  });

  it.each([
    [
      'an empty OPENROUTER_API_KEY',
      () => {
        process.env.OPENROUTER_API_KEY = '';
        return {};
      },
    ],
    ['a blank apiKey setting', () => ({ apiKey: '  \n' })],
  ])('refuses %s with LoadAPIKeyError and sends nothing', async (_, setUp) => {
    const openrouter = createOpenRouter({
      baseURL: server.emulator.baseURL,
      ...setUp(),
    });

    const error = await generateText({
      model: openrouter('openai/gpt-4o'),
      prompt: 'Hi',
      maxRetries: 0,
    }).catch(caught => caught);

    expect(LoadAPIKeyError.isInstance(error)).toBe(true);
    expect(error.message).toContain('API key is empty');
    expect(server.emulator.requests).toHaveLength(0);
  });

  it('drops whitespace around a key', async () => {
    const openrouter = createOpenRouter({
      baseURL: server.emulator.baseURL,
      apiKey: `${TEST_API_KEY}\n`,
    });

    const result = await generateText({
      model: openrouter('openai/gpt-4o'),
      prompt: 'Hi',
    });

    expect(result.text).toContain('You said: "Hi"');
  });

  it('reads OPENROUTER_API_KEY when the request is made, not when the provider is created', async () => {
    delete process.env.OPENROUTER_API_KEY;
    const openrouter = createOpenRouter({ baseURL: server.emulator.baseURL });
    process.env.OPENROUTER_API_KEY = TEST_API_KEY;

    const result = await generateText({
      model: openrouter('openai/gpt-4o'),
      prompt: 'Hi',
    });

    expect(result.text).toContain('You said: "Hi"');
  });

  it('never lets the key reach a recorded request', async () => {
    const openrouter = server.createProvider();

    await generateText({ model: openrouter('openai/gpt-4o'), prompt: 'Hi' });

    expect(JSON.stringify(server.emulator.requests)).not.toContain(
      TEST_API_KEY,
    );
  });
});

function restoreEnv(previous: string | undefined) {
  if (previous === undefined) {
    delete process.env.OPENROUTER_API_KEY;
  } else {
    process.env.OPENROUTER_API_KEY = previous;
  }
}
