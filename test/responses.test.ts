import { APICallError, InvalidArgumentError } from '@ai-sdk/provider';
import { generateText, isStepCount, Output, streamText, tool } from 'ai';
import { openRouterMetadata } from 'ai-sdk-openrouter';
import { scripted } from 'ai-sdk-openrouter/testing';
import { describe, expect, it } from 'vitest';
import { z } from 'zod/v4';
import { collect } from './support/collect';
import { TEST_API_KEY, useEmulator } from './support/use-emulator';

// The Responses model (`openrouter.responses(modelId)`) over real sockets,
// against the emulator's `/responses` route, through the AI SDK's own
// functions.

const server = useEmulator();
const MODEL = 'openai/o4-mini';

function responsesModel(settings = {}) {
  return server.createProvider().responses(MODEL, settings);
}

type Body = Record<string, unknown> & {
  input: Array<Record<string, unknown>>;
};

function requestBody(index: number) {
  const request = server.emulator.requests[index];
  expect(request.path).toBe('/responses');
  return request.body as unknown as Body;
}

const weather = tool({
  description: 'The weather in a city',
  inputSchema: z.object({ city: z.string() }),
  execute: async ({ city }) => ({ city, temperature: 21 }),
});

describe('generateText with openrouter.responses()', () => {
  it('sends the prompt as instructions and input items and reads the answer, usage and cost', async () => {
    const result = await generateText({
      model: responsesModel(),
      system: 'Be brief.',
      prompt: 'Hello there',
      maxOutputTokens: 200,
      temperature: 0.3,
    });

    expect(result.text).toContain('You said: "Hello there"');
    expect(result.finishReason).toBe('stop');
    const body = requestBody(0);
    expect(body).toMatchObject({
      model: MODEL,
      instructions: 'Be brief.',
      store: false,
      max_output_tokens: 200,
      temperature: 0.3,
      input: [
        {
          type: 'message',
          role: 'user',
          content: [{ type: 'input_text', text: 'Hello there' }],
        },
      ],
    });
    expect(body.stream).toBeUndefined();
    // No reasoning asked for: no encrypted reasoning either.
    expect(body.include).toBeUndefined();

    expect(result.usage.inputTokens).toBeGreaterThan(0);
    expect(result.usage.outputTokens).toBeGreaterThan(0);
    const metadata = openRouterMetadata(result);
    expect(metadata?.generationId).toMatch(/^gen-emulator-/);
    expect(metadata?.model).toBe(MODEL);
    expect(metadata?.provider).toBe('OpenAI');
    expect(metadata?.usage?.cost).toBeGreaterThan(0);
    expect(metadata?.usage?.promptTokens).toBe(result.usage.inputTokens);
    expect(metadata?.usage?.costDetails?.upstreamInferencePromptCost).toBe(
      (result.usage.raw as { cost_details: Record<string, number> })
        .cost_details.upstream_inference_input_cost,
    );
  });

  it('warns about stop sequences and seeds, which the Responses API lacks', async () => {
    const result = await generateText({
      model: responsesModel(),
      prompt: 'Hi',
      stopSequences: ['END'],
      seed: 7,
    });
    expect(result.warnings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          type: 'unsupported',
          feature: 'stopSequences',
        }),
        expect.objectContaining({ type: 'unsupported', feature: 'seed' }),
      ]),
    );
    const body = requestBody(0);
    expect(body.stop).toBeUndefined();
    expect(body.seed).toBeUndefined();
  });

  it('produces structured output through text.format', async () => {
    const result = await generateText({
      model: responsesModel(),
      prompt: 'Describe Lisbon',
      output: Output.object({
        schema: z.object({ city: z.string(), sunny: z.boolean() }),
      }),
    });
    expect(result.output).toEqual({
      city: expect.any(String),
      sunny: expect.any(Boolean),
    });
    expect(requestBody(0).text).toMatchObject({
      format: { type: 'json_schema', name: 'response', strict: true },
    });
  });

  it('asks for JSON without a schema as json_object, and for text with no format', async () => {
    await generateText({
      model: responsesModel(),
      prompt: 'Describe Lisbon',
      output: Output.json(),
    });
    await generateText({ model: responsesModel(), prompt: 'Describe Lisbon' });
    expect(requestBody(0).text).toMatchObject({
      format: { type: 'json_object' },
    });
    expect(
      (requestBody(1).text as { format?: unknown } | undefined)?.format,
    ).toBeUndefined();
  });

  it('runs a three-step tool loop with reasoning, replaying the encrypted reasoning intact at every step', async () => {
    const result = await generateText({
      model: responsesModel(),
      prompt: 'Use weather for Lisbon, then weather for Porto',
      reasoning: 'high',
      tools: { weather },
      stopWhen: isStepCount(3),
      // The default model answers once it has tool results; the second
      // step is scripted to call the tool again, thinking first.
      prepareStep: ({ stepNumber }) => {
        if (stepNumber === 1) {
          server.emulator.enqueue(
            scripted.toolCalls(
              [{ name: 'weather', input: { city: 'Porto' } }],
              { reasoning: { text: 'Now Porto.' }, path: '/responses' },
            ),
          );
        }
        return {};
      },
    });

    expect(result.steps).toHaveLength(3);
    expect(result.steps[0].toolCalls[0].toolName).toBe('weather');
    expect(result.steps[1].toolCalls[0].toolName).toBe('weather');
    expect(result.steps[2].text).toContain('weather tool returned');
    expect(server.emulator.requests).toHaveLength(3);
    for (let step = 0; step < 3; step++) {
      const body = requestBody(step);
      expect(body.include).toEqual(['reasoning.encrypted_content']);
      expect(body.reasoning).toEqual({ effort: 'high' });
      const reasoningItems = body.input.filter(
        item => item.type === 'reasoning',
      );
      // Every earlier step's reasoning comes back, with its encrypted
      // content; the emulator refuses a tampered or missing one.
      expect(reasoningItems).toHaveLength(step);
      for (const item of reasoningItems) {
        expect(item.id).toMatch(/^rs_emulator_/);
        expect(item.encrypted_content).toMatch(/^emu-rs-/);
      }
    }
    const lastInput = requestBody(2).input;
    expect(lastInput.map(item => item.type)).toEqual([
      'message',
      'reasoning',
      'function_call',
      'function_call_output',
      'reasoning',
      'function_call',
      'function_call_output',
    ]);
    expect(lastInput[3].call_id).toBe(lastInput[2].call_id);
    expect(JSON.parse(String(lastInput[3].output))).toMatchObject({
      temperature: 21,
    });
    expect(lastInput[5]).toMatchObject({
      name: 'weather',
      arguments: JSON.stringify({ city: 'Porto' }),
    });
  });

  it('is refused by the emulator when the encrypted reasoning is tampered with', async () => {
    const first = await generateText({
      model: responsesModel(),
      prompt: 'Use weather for Lisbon',
      reasoning: 'high',
      tools: { weather },
    });
    const messages = first.response.messages.map(message =>
      message.role !== 'assistant' || typeof message.content === 'string'
        ? message
        : {
            ...message,
            content: message.content.map(part =>
              part.type === 'reasoning'
                ? {
                    ...part,
                    providerOptions: {
                      openrouter: {
                        ...part.providerOptions?.openrouter,
                        reasoningEncryptedContent:
                          'emu-rs-AAAA.emu-sig-00000000',
                      },
                    },
                  }
                : part,
            ),
          },
    );
    const error = await generateText({
      model: responsesModel(),
      messages: [
        { role: 'user', content: 'Use weather for Lisbon' },
        ...messages,
      ],
      reasoning: 'high',
      tools: { weather },
      maxRetries: 0,
    }).catch(caught => caught);
    expect(APICallError.isInstance(error)).toBe(true);
    expect(error.statusCode).toBe(400);
    expect(error.isRetryable).toBe(false);
    expect(error.message).toContain('could not be verified');
  });

  it('refuses previous_response_id before sending anything', async () => {
    const error = await generateText({
      model: responsesModel(),
      prompt: 'Hi',
      providerOptions: { openrouter: { previous_response_id: 'resp_1' } },
    }).catch(caught => caught);
    expect(InvalidArgumentError.isInstance(error)).toBe(true);
    expect(error.message).toContain('previous_response_id');
    expect(server.emulator.requests).toHaveLength(0);
  });
});

describe('streamText with openrouter.responses()', () => {
  it('streams text, reasoning with its encrypted content, usage and cost', async () => {
    const result = streamText({
      model: responsesModel(),
      prompt: 'Hello stream',
      reasoning: 'low',
    });
    const parts = await collect(result.fullStream);
    expect(await result.text).toContain('You said: "Hello stream"');
    expect(await result.reasoningText).toContain('The user said');
    const types = parts.map(part => part.type);
    expect(types.indexOf('reasoning-end')).toBeLessThan(
      types.indexOf('text-start'),
    );
    const reasoningEnd = parts.find(part => part.type === 'reasoning-end');
    expect(reasoningEnd?.providerMetadata?.openrouter).toMatchObject({
      itemId: expect.stringMatching(/^rs_emulator_/),
      reasoningEncryptedContent: expect.stringMatching(/^emu-rs-/),
    });
    expect(await result.finishReason).toBe('stop');
    const metadata = openRouterMetadata({
      providerMetadata: await result.providerMetadata,
    });
    expect(metadata?.usage?.cost).toBeGreaterThan(0);
    expect((await result.usage).outputTokens).toBeGreaterThan(0);
    expect(requestBody(0)).toMatchObject({
      stream: true,
      include: ['reasoning.encrypted_content'],
    });
  });

  it('streams a tool call as tool input parts and a tool call', async () => {
    const result = streamText({
      model: responsesModel(),
      prompt: 'Use weather for Lisbon',
      tools: { weather },
    });
    const parts = await collect(result.fullStream);
    const types = parts.map(part => part.type);
    expect(types).toEqual(
      expect.arrayContaining([
        'tool-input-start',
        'tool-input-delta',
        'tool-input-end',
        'tool-call',
        'tool-result',
      ]),
    );
    const call = parts.find(part => part.type === 'tool-call');
    expect(call).toMatchObject({
      toolName: 'weather',
      input: { city: expect.any(String) },
    });
    expect(await result.finishReason).toBe('tool-calls');
    expect(requestBody(0).tools).toEqual([
      {
        type: 'function',
        name: 'weather',
        description: 'The weather in a city',
        parameters: expect.objectContaining({ type: 'object' }),
      },
    ]);
  });

  it('keeps text that arrived before an in-band error event, and reports a typed, retryable error', async () => {
    server.emulator.enqueue(
      scripted.streamError(
        { code: 'server_error', message: 'Upstream went away' },
        { text: 'Partial answer', path: '/responses' },
      ),
    );
    const errors: unknown[] = [];
    const result = streamText({
      model: responsesModel(),
      prompt: 'Hi',
      onError: ({ error }) => {
        errors.push(error);
      },
    });
    const parts = await collect(result.fullStream);
    expect(await result.text).toBe('Partial answer');
    const types = parts.map(part => part.type);
    expect(types.indexOf('text-end')).toBeLessThan(types.indexOf('error'));
    expect(await result.finishReason).toBe('error');
    const error = parts.find(part => part.type === 'error')?.error;
    expect(APICallError.isInstance(error)).toBe(true);
    expect((error as APICallError).statusCode).toBe(500);
    expect((error as APICallError).isRetryable).toBe(true);
    expect((error as APICallError).message).toContain('Upstream went away');
  });

  it('passes HTTP errors through the typed error path with the right retryability', async () => {
    server.emulator.enqueue(
      scripted.httpError(429, 'Rate limited', { path: '/responses' }),
      scripted.httpError(400, 'Bad input', { path: '/responses' }),
    );
    const limited = await generateText({
      model: responsesModel(),
      prompt: 'Hi',
      maxRetries: 0,
    }).catch(caught => caught);
    expect(APICallError.isInstance(limited)).toBe(true);
    expect(limited.statusCode).toBe(429);
    expect(limited.isRetryable).toBe(true);
    const invalid = await generateText({
      model: responsesModel(),
      prompt: 'Hi',
      maxRetries: 0,
    }).catch(caught => caught);
    expect(invalid.statusCode).toBe(400);
    expect(invalid.isRetryable).toBe(false);
    expect(JSON.stringify(invalid)).not.toContain(TEST_API_KEY);
  });
});

describe('what only the Responses API has, through generateText and streamText', () => {
  const refusal = "I can't help with that.";

  it('gives a refusal as text, finish content-filter, and sends it back as a refusal next turn', async () => {
    server.emulator.enqueue(scripted.refusal(refusal));
    const first = await generateText({ model: responsesModel(), prompt: 'Hi' });
    expect(first.text).toBe(refusal);
    expect(first.finishReason).toBe('content-filter');
    expect(openRouterMetadata(first)?.refusal).toBe(refusal);

    await generateText({
      model: responsesModel(),
      messages: [
        { role: 'user', content: 'Hi' },
        ...first.response.messages,
        { role: 'user', content: 'Please?' },
      ],
    });
    expect(requestBody(1).input[1]).toEqual({
      type: 'message',
      role: 'assistant',
      id: expect.stringMatching(/^msg_emulator_/),
      status: 'completed',
      content: [{ type: 'refusal', refusal }],
    });
  });

  it('streams a refusal from refusal.delta events as text, and sends it back as a refusal next turn', async () => {
    server.emulator.enqueue(
      scripted.refusal(['I can', "'t help", ' with that.']),
    );
    const result = streamText({ model: responsesModel(), prompt: 'Hi' });
    const parts = await collect(result.fullStream);
    expect(parts.filter(part => part.type === 'text-delta')).toHaveLength(3);
    expect(await result.text).toBe(refusal);
    expect(await result.finishReason).toBe('content-filter');
    expect(
      openRouterMetadata({ providerMetadata: await result.providerMetadata })
        ?.refusal,
    ).toBe(refusal);

    const { messages } = await result.response;
    await generateText({
      model: responsesModel(),
      messages: [
        { role: 'user', content: 'Hi' },
        ...messages,
        { role: 'user', content: 'Please?' },
      ],
    });
    expect(requestBody(1).input[1]).toMatchObject({
      type: 'message',
      role: 'assistant',
      content: [{ type: 'refusal', refusal }],
    });
  });

  const pngBytes = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10, 1, 2, 3]);

  it('gives an image_generation_call item as a file, and sends the item back next turn without a warning', async () => {
    server.emulator.enqueue(
      scripted.image({ data: pngBytes }, { text: 'Here it is.' }),
    );
    const first = await generateText({
      model: responsesModel(),
      prompt: 'Draw a cat',
    });
    expect(first.text).toBe('Here it is.');
    expect(first.files).toHaveLength(1);
    expect(first.files[0].mediaType).toBe('image/png');
    expect(first.files[0].uint8Array).toEqual(pngBytes);

    const second = await generateText({
      model: responsesModel(),
      messages: [
        { role: 'user', content: 'Draw a cat' },
        ...first.response.messages,
        { role: 'user', content: 'Another one' },
      ],
    });
    // The item as it came, which the emulator checks is unaltered.
    expect(requestBody(1).input[1]).toEqual({
      type: 'image_generation_call',
      id: expect.stringMatching(/^ig_emulator_/),
      status: 'completed',
      output_format: 'png',
      result: Buffer.from(pngBytes).toString('base64'),
    });
    expect(second.warnings).toEqual([]);
  });

  it("gives the image of OpenRouter's image generation tool as a file beside the provider-executed call, and sends its item back once", async () => {
    const openrouter = server.createProvider();
    const tools = { image_generation: openrouter.tools.imageGeneration({}) };
    const first = await generateText({
      model: openrouter.responses(MODEL),
      prompt: 'Use image generation to draw a cat',
      tools,
    });
    expect(first.files).toHaveLength(1);
    expect(first.files[0].mediaType).toBe('image/png');
    expect(first.files[0].uint8Array.slice(0, 4)).toEqual(
      new Uint8Array([137, 80, 78, 71]),
    );
    expect(first.toolResults).toEqual([
      expect.objectContaining({
        toolName: 'image_generation',
        providerExecuted: true,
      }),
    ]);

    const second = await generateText({
      model: openrouter.responses(MODEL),
      messages: [
        { role: 'user', content: 'Use image generation to draw a cat' },
        ...first.response.messages,
        { role: 'user', content: 'Thanks' },
      ],
      tools,
    });
    const replayed = requestBody(1).input.filter(
      item => item.type === 'openrouter:image_generation',
    );
    expect(replayed).toHaveLength(1);
    expect(second.warnings).toEqual([]);
  });

  it('streams an image_generation_call item as a file part', async () => {
    server.emulator.enqueue(scripted.image({ data: pngBytes }));
    const result = streamText({ model: responsesModel(), prompt: 'Draw' });
    const parts = await collect(result.fullStream);
    const files = parts.filter(part => part.type === 'file');
    expect(files).toHaveLength(1);
    expect((await result.files)[0].uint8Array).toEqual(pngBytes);
    expect(await result.finishReason).toBe('stop');
  });

  const sources = [
    { url: 'https://example.com/lisbon', title: 'Lisbon today' },
    { url: 'https://example.com/weather', title: 'Weather' },
  ];

  for (const streamed of [false, true]) {
    it(`reports a web_search_call item as a provider-executed call and result, and replays it in the next step of a tool loop (${streamed ? 'streamText' : 'generateText'})`, async () => {
      const openrouter = server.createProvider();
      server.emulator.enqueue(
        scripted.webSearch(
          { query: 'Lisbon news', sources, item: 'web_search_call' },
          '',
          { toolCalls: [{ name: 'weather', input: { city: 'Lisbon' } }] },
        ),
        scripted.text('Sunny, and the news is calm.', { sources }),
      );
      const settings = {
        model: openrouter.responses(MODEL),
        prompt: 'Search the news about Lisbon and check the weather',
        tools: { web_search: openrouter.tools.webSearch({}), weather },
        stopWhen: isStepCount(3),
      };
      const result = streamed
        ? streamText(settings)
        : await generateText(settings);
      expect(await result.text).toBe('Sunny, and the news is calm.');
      const [first] = await result.steps;
      const call = first.content.find(
        part => part.type === 'tool-call' && part.providerExecuted === true,
      );
      expect(call).toMatchObject({
        toolName: 'web_search',
        input: { type: 'search', query: 'Lisbon news' },
      });
      const searchResult = first.content.find(
        part => part.type === 'tool-result' && part.providerExecuted === true,
      );
      expect(searchResult).toMatchObject({
        toolName: 'web_search',
        output: { action: { query: 'Lisbon news' } },
      });
      expect(
        first.sources.map(source =>
          source.sourceType === 'url' ? source.url : source.title,
        ),
      ).toEqual(sources.map(source => source.url));
      expect(
        first.toolCalls
          .filter(part => part.providerExecuted !== true)
          .map(part => part.toolName),
      ).toEqual(['weather']);

      // The next step sends the search item back as it came (the emulator
      // refuses an altered one), before the call it preceded.
      const input = requestBody(1).input;
      expect(input.map(item => item.type)).toEqual([
        'message',
        'web_search_call',
        'function_call',
        'function_call_output',
      ]);
      expect(input[1]).toEqual({
        type: 'web_search_call',
        id: expect.stringMatching(/^ws_emulator_/),
        status: 'completed',
        action: {
          type: 'search',
          query: 'Lisbon news',
          sources: sources.map(source => ({ type: 'url', url: source.url })),
        },
      });
      expect((await result.steps)[1].warnings).toEqual([]);
    });
  }

  it('refuses, in the emulator, a replayed web search item that was altered', async () => {
    const openrouter = server.createProvider();
    server.emulator.enqueue(
      scripted.webSearch(
        { query: 'Lisbon news', sources, item: 'web_search_call' },
        'Calm.',
      ),
    );
    const first = await generateText({
      model: openrouter.responses(MODEL),
      prompt: 'Search the news about Lisbon',
      tools: { web_search: openrouter.tools.webSearch({}) },
    });
    const altered = first.response.messages.map(message =>
      message.role !== 'assistant' || typeof message.content === 'string'
        ? message
        : {
            ...message,
            content: message.content.map(part => {
              const item =
                part.type === 'tool-result'
                  ? part.providerOptions?.openrouter?.item
                  : undefined;
              return part.type === 'tool-result' &&
                item != null &&
                typeof item === 'object'
                ? {
                    ...part,
                    providerOptions: {
                      openrouter: {
                        item: {
                          ...item,
                          action: { type: 'search', query: 'Porto news' },
                        },
                      },
                    },
                  }
                : part;
            }),
          },
    );
    const error = await generateText({
      model: openrouter.responses(MODEL),
      messages: [
        { role: 'user', content: 'Search the news about Lisbon' },
        ...altered,
        { role: 'user', content: 'More?' },
      ],
      tools: { web_search: openrouter.tools.webSearch({}) },
      maxRetries: 0,
    }).catch(caught => caught);
    expect(APICallError.isInstance(error)).toBe(true);
    expect(error.statusCode).toBe(400);
    expect(error.message).toContain('it was altered');
  });
});

describe('in-stream errors after text, through streamText', () => {
  for (const event of ['response.failed', 'error'] as const) {
    it(`delivers the text, then an error part and finish error (${event})`, async () => {
      server.emulator.enqueue(
        scripted.streamError(
          { code: 429, message: 'Slow down', event },
          { text: ['Partial ', 'answer'] },
        ),
      );
      const result = streamText({
        model: responsesModel(),
        prompt: 'Hi',
        onError: () => {},
      });
      const parts = await collect(result.fullStream);
      expect(await result.text).toBe('Partial answer');
      const types = parts.map(part => part.type);
      expect(types.filter(type => type === 'text-delta')).toHaveLength(2);
      expect(types.indexOf('text-end')).toBeLessThan(types.indexOf('error'));
      expect(types.indexOf('error')).toBeLessThan(types.indexOf('finish'));
      expect(await result.finishReason).toBe('error');
      const error = parts.find(part => part.type === 'error')?.error;
      expect(APICallError.isInstance(error)).toBe(true);
      expect((error as APICallError).statusCode).toBe(429);
      expect((error as APICallError).isRetryable).toBe(true);
      expect((error as APICallError).message).toContain('Slow down');
    });
  }

  it('delivers the text of the default reply before an error inserted with errorAfterEvents', async () => {
    server.emulator.enqueue({
      type: 'stream',
      path: '/responses',
      errorAfterEvents: 7,
      error: { code: 'server_error', message: 'Upstream went away' },
    });
    const result = streamText({
      model: responsesModel(),
      prompt: 'Hello there',
      onError: () => {},
    });
    const parts = await collect(result.fullStream);
    expect((await result.text).length).toBeGreaterThan(0);
    expect(parts.at(-1)).toMatchObject({
      type: 'finish',
      finishReason: 'error',
    });
    const error = parts.find(part => part.type === 'error')?.error;
    expect((error as APICallError).statusCode).toBe(500);
    expect((error as APICallError).message).toContain('Upstream went away');
  });

  it('fails a non-streamed call whose response failed, with the status of its error type', async () => {
    server.emulator.enqueue(
      scripted.streamError({ code: 529, message: 'Overloaded' }),
    );
    const error = await generateText({
      model: responsesModel(),
      prompt: 'Hi',
      maxRetries: 0,
    }).catch(caught => caught);
    expect(APICallError.isInstance(error)).toBe(true);
    expect(error.statusCode).toBe(529);
    expect(error.isRetryable).toBe(true);
    expect(error.message).toContain('Overloaded');
  });
});
