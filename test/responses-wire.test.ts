import { APICallError, InvalidArgumentError } from '@ai-sdk/provider';
import { generateText, streamText, tool } from 'ai';
import { createOpenRouter, openRouterMetadata } from 'ai-sdk-openrouter';
import { describe, expect, it } from 'vitest';
import { z } from 'zod/v4';
import { collect } from './support/collect';
import { useEmulator } from './support/use-emulator';

// The Responses model against the wire shapes the emulator cannot make by
// itself: the seeds' event spelling, failures, cuts and aborts, the error
// bodies OpenRouter's Responses API really sends; and the request side:
// prompt parts, options and server tools.

const server = useEmulator();
const MODEL = 'openai/o4-mini';

function responsesModel(settings = {}) {
  return server.createProvider().responses(MODEL, settings);
}

function requestBody(index = 0) {
  return server.emulator.requests[index].body as unknown as Record<
    string,
    unknown
  > & { input: Array<Record<string, unknown>> };
}

function streamOf(events: unknown[], options: Record<string, unknown> = {}) {
  return { type: 'stream' as const, path: '/responses', events, ...options };
}

describe('the event spellings', () => {
  it("reads the seeds' stream: response.content_part.delta and response.done, with chat-named usage", async () => {
    server.emulator.enqueue(
      streamOf([
        {
          type: 'response.created',
          response: { id: 'resp_seed', model: MODEL, status: 'in_progress' },
        },
        {
          type: 'response.output_item.added',
          response_id: 'resp_seed',
          output_index: 0,
          item: { type: 'message', id: 'msg_seed', role: 'assistant' },
        },
        {
          type: 'response.content_part.delta',
          response_id: 'resp_seed',
          output_index: 0,
          content_index: 0,
          delta: 'Hello ',
        },
        {
          type: 'response.content_part.delta',
          response_id: 'resp_seed',
          output_index: 0,
          content_index: 0,
          delta: 'seed',
        },
        {
          type: 'response.done',
          response: {
            id: 'resp_seed',
            status: 'completed',
            usage: { prompt_tokens: 11, completion_tokens: 3, cost: 0.002 },
          },
        },
      ]),
    );
    const result = streamText({ model: responsesModel(), prompt: 'Hi' });
    const parts = await collect(result.fullStream);
    expect(await result.text).toBe('Hello seed');
    expect(parts.filter(part => part.type === 'text-start')).toHaveLength(1);
    expect(await result.finishReason).toBe('stop');
    const usage = await result.usage;
    expect(usage.inputTokens).toBe(11);
    expect(usage.outputTokens).toBe(3);
    const metadata = openRouterMetadata({
      providerMetadata: await result.providerMetadata,
    });
    expect(metadata?.usage?.cost).toBe(0.002);
    expect(metadata?.generationId).toBe('resp_seed');
  });

  it("reads the seeds' nested error event after text, keeping the text", async () => {
    server.emulator.enqueue(
      streamOf(
        [
          {
            type: 'response.output_text.delta',
            item_id: 'msg_1',
            output_index: 0,
            content_index: 0,
            delta: 'Before the error',
          },
          {
            type: 'error',
            error: { code: 'rate_limit_exceeded', message: 'Slow down' },
          },
        ],
        { done: false },
      ),
    );
    const result = streamText({
      model: responsesModel(),
      prompt: 'Hi',
      onError: () => {},
    });
    const parts = await collect(result.fullStream);
    expect(await result.text).toBe('Before the error');
    const error = parts.find(part => part.type === 'error')?.error;
    expect(APICallError.isInstance(error)).toBe(true);
    expect((error as APICallError).statusCode).toBe(429);
    expect((error as APICallError).isRetryable).toBe(true);
    expect(await result.finishReason).toBe('error');
  });

  it('maps response.failed with an error_type to a typed error with its status', async () => {
    server.emulator.enqueue(
      streamOf([
        {
          type: 'response.output_text.delta',
          item_id: 'msg_1',
          output_index: 0,
          content_index: 0,
          delta: 'Partial',
        },
        {
          type: 'response.failed',
          response: {
            id: 'resp_failed',
            status: 'failed',
            error: { code: 'server_error', message: 'Provider overloaded' },
            error_type: 'provider_overloaded',
          },
        },
      ]),
    );
    const result = streamText({
      model: responsesModel(),
      prompt: 'Hi',
      onError: () => {},
    });
    const parts = await collect(result.fullStream);
    expect(await result.text).toBe('Partial');
    const error = parts.find(part => part.type === 'error')?.error;
    expect((error as APICallError).statusCode).toBe(529);
    expect((error as APICallError).isRetryable).toBe(true);
  });

  it('reports an incomplete response cut by max_output_tokens as length', async () => {
    server.emulator.enqueue(
      streamOf([
        {
          type: 'response.output_text.delta',
          item_id: 'msg_1',
          output_index: 0,
          content_index: 0,
          delta: 'Cut',
        },
        {
          type: 'response.incomplete',
          response: {
            status: 'incomplete',
            incomplete_details: { reason: 'max_output_tokens' },
          },
        },
      ]),
    );
    const result = streamText({ model: responsesModel(), prompt: 'Hi' });
    await collect(result.fullStream);
    expect(await result.finishReason).toBe('length');
  });
});

describe('faults', () => {
  it('delivers the text before a cut connection, then a retryable error', async () => {
    // The default reply streamed, cut after the text deltas began.
    server.emulator.enqueue({
      type: 'stream',
      path: '/responses',
      cutAfterEvents: 6,
    });
    const result = streamText({
      model: responsesModel(),
      prompt: 'Hello cut',
      onError: () => {},
    });
    const parts = await collect(result.fullStream);
    expect((await result.text).length).toBeGreaterThan(0);
    const types = parts.map(part => part.type);
    expect(types.filter(type => type === 'text-start')).toHaveLength(
      types.filter(type => type === 'text-end').length,
    );
    const error = parts.find(part => part.type === 'error')?.error;
    expect(APICallError.isInstance(error)).toBe(true);
    expect((error as APICallError).isRetryable).toBe(true);
  });

  it('stops reading when the call is aborted', async () => {
    server.emulator.enqueue({
      type: 'stream',
      path: '/responses',
      stallAfterEvents: 6,
    });
    const controller = new AbortController();
    const result = streamText({
      model: responsesModel(),
      prompt: 'Hello abort',
      abortSignal: controller.signal,
      onError: () => {},
    });
    const seen: string[] = [];
    const reading = (async () => {
      for await (const part of result.fullStream) {
        seen.push(part.type);
        if (part.type === 'text-delta') {
          controller.abort();
        }
      }
    })();
    await reading.catch(() => {});
    expect(seen).toContain('text-delta');
    expect(seen).toContain('abort');
  });

  it("summarises the validator's issues of a real 400 body, with metadata beside error", async () => {
    server.emulator.enqueue({
      type: 'json',
      path: '/responses',
      status: 400,
      body: {
        error: {
          code: 'invalid_prompt',
          message: 'Invalid Responses API request',
        },
        metadata: {
          raw: JSON.stringify([
            {
              code: 'invalid_value',
              path: ['input', 1, 'id'],
              message: 'Required',
            },
          ]),
        },
      },
    });
    const error = await generateText({
      model: responsesModel(),
      prompt: 'Hi',
      maxRetries: 0,
    }).catch(caught => caught);
    expect(APICallError.isInstance(error)).toBe(true);
    expect(error.statusCode).toBe(400);
    expect(error.isRetryable).toBe(false);
    expect(error.message).toBe(
      'Invalid Responses API request: input.1.id: Required',
    );
  });

  it('turns an in-band error body of a 200 into a typed error', async () => {
    server.emulator.enqueue({
      type: 'json',
      path: '/responses',
      body: {
        error: { code: 'server_error', message: 'Upstream failed' },
        error_type: 'provider_unavailable',
        metadata: null,
      },
    });
    const error = await generateText({
      model: responsesModel(),
      prompt: 'Hi',
      maxRetries: 0,
    }).catch(caught => caught);
    expect(error.statusCode).toBe(503);
    expect(error.isRetryable).toBe(true);
  });
});

describe('prompt conversion', () => {
  it('sends every kind of part as its Responses item, and warns about what cannot go', async () => {
    await generateText({
      model: responsesModel(),
      system: 'First instructions',
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Look' },
            {
              type: 'file',
              mediaType: 'image/png',
              data: new URL('https://example.com/cat.png'),
              providerOptions: { openrouter: { imageDetail: 'high' } },
            },
            {
              type: 'file',
              mediaType: 'application/pdf',
              data: new Uint8Array([37, 80, 68, 70]),
              filename: 'paper.pdf',
            },
            {
              type: 'file',
              mediaType: 'audio/wav',
              data: new Uint8Array([1, 2, 3]),
            },
            {
              type: 'file',
              mediaType: 'text/plain',
              data: new TextEncoder().encode('plain words'),
              filename: 'notes.txt',
            },
          ],
        },
        {
          role: 'assistant',
          content: [
            { type: 'reasoning', text: 'chat reasoning without an item id' },
            {
              type: 'text',
              text: 'Earlier answer',
              providerOptions: { openrouter: { itemId: 'msg_earlier' } },
            },
          ],
        },
        { role: 'user', content: 'And now?' },
      ],
    });
    const body = requestBody();
    expect(body.instructions).toBe('First instructions');
    expect(body.input).toEqual([
      {
        type: 'message',
        role: 'user',
        content: [
          { type: 'input_text', text: 'Look' },
          {
            type: 'input_image',
            image_url: 'https://example.com/cat.png',
            detail: 'high',
          },
          {
            type: 'input_file',
            filename: 'paper.pdf',
            file_data: 'data:application/pdf;base64,JVBERg==',
          },
          {
            type: 'input_audio',
            input_audio: { data: 'AQID', format: 'wav' },
          },
          { type: 'input_text', text: 'notes.txt:\nplain words' },
        ],
      },
      {
        type: 'message',
        role: 'assistant',
        id: 'msg_earlier',
        status: 'completed',
        content: [
          { type: 'output_text', text: 'Earlier answer', annotations: [] },
        ],
      },
      {
        type: 'message',
        role: 'user',
        content: [{ type: 'input_text', text: 'And now?' }],
      },
    ]);
  });

  it('warns, in the result, about reasoning that has no item to replay', async () => {
    const result = await generateText({
      model: responsesModel(),
      messages: [
        { role: 'user', content: 'Hi' },
        {
          role: 'assistant',
          content: [
            { type: 'reasoning', text: 'no item id' },
            { type: 'text', text: 'Hello' },
          ],
        },
        { role: 'user', content: 'Again' },
      ],
    });
    expect(result.warnings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          type: 'other',
          message: expect.stringContaining(
            'Reasoning without a Responses item id',
          ),
        }),
      ]),
    );
    // Without an item id, assistant text goes in the easy form.
    expect(requestBody().input[1]).toEqual({
      type: 'message',
      role: 'assistant',
      content: 'Hello',
    });
  });
});

describe('options', () => {
  it("sends the routing options with the chat model's precedence: call options over model settings", async () => {
    await generateText({
      model: responsesModel({
        provider: { order: ['openai'] },
        user: 'from-settings',
        models: ['openai/gpt-4o-mini'],
      }),
      prompt: 'Hi',
      providerOptions: {
        openrouter: {
          user: 'from-call',
          sessionId: 'session-1',
          trace: { trace_id: 'trace-1' },
          service_tier: 'flex',
          verbosity: 'low',
          parallel_tool_calls: false,
          max_tool_calls: 3,
          prompt_cache_key: 'cache-1',
          reasoning: { effort: 'max', summary: 'auto' },
        },
      },
    });
    expect(requestBody()).toMatchObject({
      provider: { order: ['openai'] },
      user: 'from-call',
      session_id: 'session-1',
      models: ['openai/gpt-4o-mini'],
      trace: { trace_id: 'trace-1' },
      service_tier: 'flex',
      text: { verbosity: 'low' },
      parallel_tool_calls: false,
      max_tool_calls: 3,
      prompt_cache_key: 'cache-1',
      reasoning: { effort: 'max', summary: 'auto' },
      include: ['reasoning.encrypted_content'],
    });
  });

  it('names an invalid option before sending, and suggests the likely spelling of a misspelt one', async () => {
    const error = await generateText({
      model: responsesModel(),
      prompt: 'Hi',
      providerOptions: { openrouter: { service_tier: 'fastest' } },
    }).catch(caught => caught);
    expect(InvalidArgumentError.isInstance(error)).toBe(true);
    expect(error.message).toContain('service_tier');
    expect(server.emulator.requests).toHaveLength(0);

    const result = await generateText({
      model: responsesModel(),
      prompt: 'Hi',
      providerOptions: { openrouter: { sesion_id: 'x' } },
    });
    expect(JSON.stringify(result.warnings)).toContain('session_id');
  });

  it('sends a server tool and reports its call and result as provider-executed, with sources', async () => {
    const openrouter = server.createProvider();
    const result = await generateText({
      model: openrouter.responses(MODEL),
      prompt: 'web_search the news about Lisbon',
      tools: {
        web_search: openrouter.tools.webSearch({ maxResults: 2 }),
        weather: tool({
          inputSchema: z.object({ city: z.string() }),
          execute: async () => 'sunny',
        }),
      },
      toolChoice: { type: 'tool', toolName: 'web_search' },
    });
    const body = requestBody();
    expect(body.tools).toEqual(
      expect.arrayContaining([
        { type: 'openrouter:web_search', parameters: { max_results: 2 } },
      ]),
    );
    expect(body.tool_choice).toEqual({
      type: 'allowed_tools',
      mode: 'required',
      tools: [{ type: 'openrouter:web_search' }],
    });
    const call = result.content.find(part => part.type === 'tool-call');
    expect(call).toMatchObject({
      toolName: 'web_search',
      providerExecuted: true,
    });
    expect(result.content.some(part => part.type === 'tool-result')).toBe(true);
    expect(result.sources.length).toBeGreaterThan(0);
    expect(result.finishReason).toBe('stop');
  });
});

describe('the provider', () => {
  it('creates the model lazily, named openrouter.responses', () => {
    const model = createOpenRouter({ apiKey: 'sk-or-v1-x' }).responses(MODEL);
    expect(model.provider).toBe('openrouter.responses');
    expect(model.modelId).toBe(MODEL);
    expect(model.specificationVersion).toBe('v4');
  });
});
