import { APICallError, UnsupportedFunctionalityError } from '@ai-sdk/provider';
import { generateText, streamText, tool } from 'ai';
import { describe, expect, it } from 'vitest';
import { z } from 'zod/v4';
import { collect } from './support/collect';
import { useEmulator } from './support/use-emulator';

const server = useEmulator();

const MODEL = 'openai/gpt-3.5-turbo-instruct';
const CONTINUATION = (promptLength: number) =>
  ` and so the story goes on, one word after another (the prompt had ${promptLength} characters).`;

describe('completion model', () => {
  it('generates text from a single prompt with usage, finish and metadata', async () => {
    const openrouter = server.createProvider();

    const result = await generateText({
      model: openrouter.completion(MODEL),
      prompt: 'Once upon a time',
      maxOutputTokens: 50,
      temperature: 0.7,
      providerOptions: {
        openrouter: {
          provider: { sort: 'price' },
          models: ['openai/gpt-4o-mini'],
          user: 'u',
        },
      },
    });

    expect(result.text).toBe(CONTINUATION(16));
    expect(result.finishReason).toBe('stop');
    expect(result.usage.inputTokens).toBe(4);
    expect(result.usage.outputTokens).toBe(
      CONTINUATION(16).trim().split(' ').length,
    );
    expect(result.response.id).toBe('gen-cmpl-emulator-0');
    expect(result.providerMetadata?.openrouter).toMatchObject({
      provider: 'OpenAI',
      model: MODEL,
      usage: { cost: expect.any(Number) },
    });
    expect(server.emulator.requests[0].path).toBe('/completions');
    expect(server.emulator.requests[0].body).toStrictEqual({
      model: MODEL,
      prompt: 'Once upon a time',
      max_tokens: 50,
      temperature: 0.7,
      provider: { sort: 'price' },
      models: ['openai/gpt-4o-mini'],
      user: 'u',
    });
  });

  it('streams text as one text block', async () => {
    const result = streamText({
      model: server.createProvider().completion(MODEL),
      prompt: 'Once upon a time',
    });
    const parts = await collect(result.fullStream);

    const types = parts.map(part => part.type);
    expect(types.slice(0, 3)).toStrictEqual([
      'start',
      'start-step',
      'text-start',
    ]);
    expect(types.slice(-3)).toStrictEqual([
      'text-end',
      'finish-step',
      'finish',
    ]);
    expect(
      new Set(parts.flatMap(part => ('id' in part ? [part.id] : []))),
    ).toStrictEqual(new Set(['txt-0']));
    expect(await result.text).toBe(CONTINUATION(16));
    expect(await result.finishReason).toBe('stop');
    expect((await result.totalUsage).inputTokens).toBe(4);
    expect(server.emulator.requests[0].body).toMatchObject({
      stream: true,
      stream_options: { include_usage: true },
    });
  });

  it('turns a conversation into a labelled transcript that the assistant continues', async () => {
    await generateText({
      model: server.createProvider().completion(MODEL),
      system: 'You write stories.',
      messages: [
        { role: 'user', content: 'Start a story.' },
        { role: 'assistant', content: 'Once upon a time' },
        { role: 'user', content: 'Go on.' },
      ],
      stopSequences: ['THE END'],
    });

    expect(server.emulator.requests[0].body).toMatchObject({
      prompt:
        'You write stories.\n\nUser: Start a story.\n\nAssistant: Once upon a time\n\nUser: Go on.\n\nAssistant:',
      stop: ['THE END', '\nUser:'],
    });
  });

  it('works with the toolChoice auto that ai always passes, and warns about real tools', async () => {
    const result = await generateText({
      model: server.createProvider().completion(MODEL),
      prompt: 'Hi',
      tools: {
        weather: tool({ inputSchema: z.object({ city: z.string() }) }),
      },
    });

    expect(result.text).toBe(CONTINUATION(2));
    expect(result.warnings).toContainEqual(
      expect.objectContaining({ type: 'unsupported', feature: 'tools' }),
    );
    expect(server.emulator.requests[0].body).not.toHaveProperty('tools');
  });

  it('gives a clear error for files and tool history, before sending', async () => {
    const model = server.createProvider().completion(MODEL);

    const fileError = await generateText({
      model,
      messages: [
        {
          role: 'user',
          content: [
            { type: 'file', mediaType: 'image/png', data: new Uint8Array([1]) },
          ],
        },
      ],
    }).catch(caught => caught);
    const toolError = await generateText({
      model,
      messages: [
        {
          role: 'assistant',
          content: [
            { type: 'tool-call', toolCallId: 'c', toolName: 't', input: {} },
          ],
        },
        {
          role: 'tool',
          content: [
            {
              type: 'tool-result',
              toolCallId: 'c',
              toolName: 't',
              output: { type: 'text', value: 'x' },
            },
          ],
        },
      ],
    }).catch(caught => caught);

    expect(UnsupportedFunctionalityError.isInstance(fileError)).toBe(true);
    expect(fileError.message).toContain('file parts');
    expect(UnsupportedFunctionalityError.isInstance(toolError)).toBe(true);
    expect(toolError.message).toContain('use a chat model');
    expect(server.emulator.requests).toHaveLength(0);
  });

  it('maps errors like the chat model, including an error chunk mid-stream', async () => {
    server.emulator.enqueue(
      {
        type: 'error',
        status: 429,
        message: 'Slow down',
        path: '/completions',
      },
      {
        type: 'stream',
        path: '/completions',
        events: [
          {
            id: 'g',
            choices: [{ index: 0, text: 'Hello', finish_reason: null }],
          },
          {
            id: 'g',
            error: { code: 502, message: 'Upstream died' },
            choices: [{ index: 0, text: '', finish_reason: 'error' }],
          },
        ],
      },
    );
    const model = server.createProvider().completion(MODEL);

    const httpError = await generateText({
      model,
      prompt: 'Hi',
      maxRetries: 0,
    }).catch(caught => caught);
    const { stream } = await model.doStream({
      prompt: [{ role: 'user', content: [{ type: 'text', text: 'Hi' }] }],
    });
    const parts = await collect(stream);

    expect(APICallError.isInstance(httpError)).toBe(true);
    expect(httpError.isRetryable).toBe(true);
    expect(parts.map(part => part.type)).toStrictEqual([
      'stream-start',
      'response-metadata',
      'text-start',
      'text-delta',
      'error',
      'text-end',
      'finish',
    ]);
    const errorPart = parts.find(part => part.type === 'error') as {
      error: APICallError;
    };
    expect(errorPart.error.statusCode).toBe(502);
  });
});
