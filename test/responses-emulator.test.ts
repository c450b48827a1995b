import type { APICallError } from '@ai-sdk/provider';
import { generateText, streamText } from 'ai';
import { scripted } from 'ai-sdk-openrouter/testing';
import { describe, expect, it } from 'vitest';
import { collect } from './support/collect';
import { TEST_API_KEY, useEmulator } from './support/use-emulator';

// The emulator's `/responses` route with scripted replies and faults, read
// on the wire (the JSON and the events it sends) and through the AI SDK:
// every script is written in the Responses API's shapes, never in chat's.

const server = useEmulator();
const MODEL = 'openai/o4-mini';

type Event = Record<string, unknown> & { type: string };

async function post(body: Record<string, unknown>, path = '/responses') {
  return fetch(`${server.emulator.baseURL}${path}`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${TEST_API_KEY}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({ model: MODEL, input: 'Hi', ...body }),
  });
}

async function json(body: Record<string, unknown> = {}) {
  const response = await post(body);
  return {
    status: response.status,
    body: (await response.json()) as Record<string, unknown> & {
      output: Array<Record<string, unknown>>;
    },
  };
}

/** The events of a streamed answer, and whether it ended with [DONE]. */
async function events(body: Record<string, unknown> = {}) {
  const text = await (await post({ ...body, stream: true })).text();
  const data = text
    .split('\n\n')
    .filter(block => block.startsWith('data: '))
    .map(block => block.slice('data: '.length));
  const done = data.at(-1) === '[DONE]';
  return {
    done,
    events: data
      .filter(line => line !== '[DONE]')
      .map(line => JSON.parse(line) as Event),
  };
}

function responsesModel() {
  return server.createProvider().responses(MODEL);
}

describe('which request a scripted reply answers', () => {
  it('answers the next /responses request with a reply that names no path, in the Responses shapes', async () => {
    server.emulator.enqueue(scripted.text('Scripted hello'));
    const { body } = await json();
    expect(body).toMatchObject({
      object: 'response',
      id: 'gen-scripted-0',
      status: 'completed',
      output: [
        {
          type: 'message',
          role: 'assistant',
          content: [{ type: 'output_text', text: 'Scripted hello' }],
        },
      ],
    });
    expect(body).not.toHaveProperty('choices');
  });

  it('serves one script to each API: the next language model request takes it, whatever its path', async () => {
    server.emulator.enqueue(scripted.text('To chat'), scripted.text('To you'));
    const chat = await generateText({
      model: server.createProvider()('openai/gpt-4o-mini'),
      prompt: 'Hi',
    });
    const responses = await generateText({
      model: responsesModel(),
      prompt: 'Hi',
    });
    expect([chat.text, responses.text]).toEqual(['To chat', 'To you']);
  });

  it('records a scripted reply to /responses like one of its own, so generations.get finds its usage', async () => {
    const openrouter = server.createProvider();
    server.emulator.enqueue(
      scripted.text('Counted', {
        usage: { promptTokens: 30, completionTokens: 4, cost: 0.0042 },
      }),
    );
    const result = await generateText({
      model: openrouter.responses(MODEL),
      prompt: 'Hi',
    });
    expect(result.usage).toMatchObject({ inputTokens: 30, outputTokens: 4 });
    expect(await openrouter.generations.get(result.response.id)).toMatchObject({
      totalCost: 0.0042,
      tokensPrompt: 30,
      tokensCompletion: 4,
    });
  });

  it('keeps a reply that names /chat/completions for chat, and a catalogue request does not take a reply', async () => {
    server.emulator.enqueue(
      scripted.text('Only for chat', { path: '/chat/completions' }),
    );
    await fetch(`${server.emulator.baseURL}/models`);
    const responses = await generateText({
      model: responsesModel(),
      prompt: 'Hi',
    });
    expect(responses.text).toContain('Hello from the OpenRouter emulator');
    const chat = await generateText({
      model: server.createProvider()('openai/gpt-4o-mini'),
      prompt: 'Hi',
    });
    expect(chat.text).toBe('Only for chat');
  });
});

describe('errors in the Responses shapes', () => {
  it('writes scripted.httpError as the Responses error body: string code, metadata beside it, error_type', async () => {
    server.emulator.enqueue(
      scripted.httpError(429, 'Rate limited', {
        headers: { 'retry-after': '2' },
      }),
      scripted.httpError(400, 'Invalid Responses API request', {
        metadata: { raw: '[]' },
      }),
      scripted.httpError(502, 'Upstream down', { code: 'server_error' }),
    );
    const limited = await post({});
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('2');
    expect(await limited.json()).toEqual({
      error: { code: 'rate_limit_exceeded', message: 'Rate limited' },
      metadata: null,
      error_type: 'rate_limit_exceeded',
    });
    expect(await json()).toEqual({
      status: 400,
      body: {
        error: {
          code: 'invalid_prompt',
          message: 'Invalid Responses API request',
        },
        metadata: { raw: '[]' },
        error_type: 'invalid_request',
      },
    });
    expect(await json()).toEqual({
      status: 502,
      body: {
        error: { code: 'server_error', message: 'Upstream down' },
        metadata: null,
        error_type: 'server',
      },
    });
  });

  it("answers the emulator's own refusals of /responses in the same shape", async () => {
    const response = await fetch(`${server.emulator.baseURL}/responses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: MODEL, input: 'Hi' }),
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      error: { code: 'server_error', message: 'No auth credentials found' },
      metadata: null,
      error_type: 'authentication',
    });
    expect(await json({ model: 'nobody/no-model' })).toMatchObject({
      status: 400,
      body: {
        error: {
          code: 'invalid_prompt',
          message: 'nobody/no-model is not a valid model ID',
        },
        error_type: 'invalid_request',
      },
    });
  });

  it('ends a scripted stream error with response.failed, the last item unfinished, without [DONE]', async () => {
    server.emulator.enqueue(
      scripted.streamError(
        { code: 529, message: 'Overloaded' },
        { text: ['Partial ', 'answer'] },
      ),
    );
    const { events: sent, done } = await events();
    expect(done).toBe(false);
    const types = sent.map(event => event.type);
    expect(
      types.filter(type => type === 'response.output_text.delta'),
    ).toHaveLength(2);
    expect(types).not.toContain('response.output_item.done');
    expect(types).not.toContain('response.completed');
    expect(sent.at(-1)).toEqual({
      type: 'response.failed',
      sequence_number: sent.length - 1,
      response: expect.objectContaining({
        id: 'gen-scripted-0',
        object: 'response',
        status: 'failed',
        error: { code: 'server_error', message: 'Overloaded' },
        error_type: 'provider_overloaded',
      }),
    });
    // No chat shape anywhere.
    expect(JSON.stringify(sent)).not.toContain('choices');
  });

  it("writes the flat error event of OpenRouter's published types when asked", async () => {
    server.emulator.enqueue(
      scripted.streamError(
        { code: 'rate_limit_exceeded', message: 'Slow down', event: 'error' },
        { text: 'Partial' },
      ),
    );
    const { events: sent } = await events();
    expect(sent.at(-1)).toEqual({
      type: 'error',
      code: 'rate_limit_exceeded',
      message: 'Slow down',
      param: null,
      sequence_number: sent.length - 1,
    });
  });

  it('answers a non-streamed scripted error with the failed response, HTTP 200', async () => {
    server.emulator.enqueue(
      scripted.streamError({ code: 503, message: 'No provider' }),
    );
    expect(await json()).toEqual({
      status: 200,
      body: expect.objectContaining({
        object: 'response',
        status: 'failed',
        error: { code: 'server_error', message: 'No provider' },
        error_type: 'provider_unavailable',
        output: [],
      }),
    });
  });

  it('inserts response.failed for errorAfterEvents on /responses, naming the announced response', async () => {
    server.emulator.enqueue(
      { type: 'stream', path: '/responses', errorAfterEvents: 4 },
      {
        type: 'stream',
        path: '/responses',
        errorAfterEvents: 4,
        error: { message: 'Gone', code: 'server_error', event: 'error' },
      },
    );
    const first = await events();
    expect(first.events).toHaveLength(5);
    const created = first.events[0].response as Record<string, unknown>;
    expect(first.events[4]).toMatchObject({
      type: 'response.failed',
      sequence_number: 4,
      response: {
        id: created.id,
        model: MODEL,
        status: 'failed',
        error: { code: 'server_error', message: 'Provider disconnected' },
      },
    });
    const second = await events();
    expect(second.events[4]).toEqual({
      type: 'error',
      code: 'server_error',
      message: 'Gone',
      param: null,
      sequence_number: 4,
    });
    expect(JSON.stringify([first, second])).not.toContain('choices');
  });
});

describe('builders for what the Responses API has', () => {
  it('writes scripted.refusal as a refusal content part, and streams it as refusal events', async () => {
    server.emulator.enqueue(
      scripted.refusal(['I cannot ', 'help.']),
      scripted.refusal(['I cannot ', 'help.']),
    );
    const { body } = await json();
    expect(body.output).toEqual([
      {
        type: 'message',
        id: expect.any(String),
        role: 'assistant',
        status: 'completed',
        content: [{ type: 'refusal', refusal: 'I cannot help.' }],
      },
    ]);
    const { events: sent } = await events();
    const refusalEvents = sent.filter(event =>
      event.type.startsWith('response.refusal.'),
    );
    expect(refusalEvents).toEqual([
      expect.objectContaining({
        type: 'response.refusal.delta',
        delta: 'I cannot ',
      }),
      expect.objectContaining({
        type: 'response.refusal.delta',
        delta: 'help.',
      }),
      expect.objectContaining({
        type: 'response.refusal.done',
        refusal: 'I cannot help.',
      }),
    ]);
    expect(
      sent.find(event => event.type === 'response.content_part.added'),
    ).toMatchObject({ part: { type: 'refusal' } });
  });

  it('writes scripted.image as an image_generation_call item, streamed with its progress events', async () => {
    const data = new Uint8Array([1, 2, 3, 4]);
    server.emulator.enqueue(
      scripted.image({ data, mediaType: 'image/webp' }),
      scripted.image({ data, mediaType: 'image/webp' }),
    );
    const { body } = await json();
    expect(body.output).toEqual([
      {
        type: 'image_generation_call',
        id: expect.stringMatching(/^ig_emulator_/),
        status: 'completed',
        output_format: 'webp',
        result: 'AQIDBA==',
      },
    ]);
    const { events: sent } = await events();
    expect(sent.map(event => event.type)).toEqual([
      'response.created',
      'response.in_progress',
      'response.output_item.added',
      'response.image_generation_call.in_progress',
      'response.image_generation_call.generating',
      'response.image_generation_call.completed',
      'response.output_item.done',
      'response.completed',
    ]);
  });

  it('writes scripted.webSearch as a search item and a message citing its sources', async () => {
    const sources = [
      { url: 'https://example.com/a', title: 'A' },
      { url: 'https://example.com/b' },
    ];
    server.emulator.enqueue(
      scripted.webSearch({ query: 'news', sources }, 'Calm.'),
      scripted.webSearch(
        { query: 'news', sources, item: 'web_search_call' },
        'Calm.',
      ),
    );
    const own = await json();
    expect(own.body.output[0]).toEqual({
      type: 'openrouter:web_search',
      id: expect.stringMatching(/^ws_emulator_/),
      status: 'completed',
      action: {
        type: 'search',
        query: 'news',
        sources: [
          { type: 'url', url: 'https://example.com/a' },
          { type: 'url', url: 'https://example.com/b' },
        ],
      },
    });
    expect(own.body.output[1]).toMatchObject({
      type: 'message',
      content: [
        {
          type: 'output_text',
          text: 'Calm.',
          annotations: [
            { type: 'url_citation', url: 'https://example.com/a', title: 'A' },
            { type: 'url_citation', url: 'https://example.com/b' },
          ],
        },
      ],
    });
    const { events: sent } = await events();
    expect(sent.map(event => event.type).slice(2, 7)).toEqual([
      'response.output_item.added',
      'response.web_search_call.in_progress',
      'response.web_search_call.searching',
      'response.web_search_call.completed',
      'response.output_item.done',
    ]);
    expect(sent[6]).toMatchObject({ item: { type: 'web_search_call' } });
  });

  it('serves the same builders to the chat model in its own shapes', async () => {
    const openrouter = server.createProvider();
    server.emulator.enqueue(
      scripted.refusal('No.'),
      scripted.image({ data: new Uint8Array([9, 9]) }, { text: 'Drawn.' }),
      scripted.webSearch(
        { query: 'news', sources: [{ url: 'https://example.com/a' }] },
        'Calm.',
      ),
    );
    const model = openrouter('openai/gpt-4o-mini');
    const refused = await generateText({ model, prompt: 'Hi' });
    expect(refused.text).toBe('No.');
    expect(refused.finishReason).toBe('content-filter');
    const drawn = streamText({ model, prompt: 'Draw' });
    await collect(drawn.fullStream);
    expect((await drawn.files)[0].uint8Array).toEqual(new Uint8Array([9, 9]));
    const searched = await generateText({
      model,
      prompt: 'Search',
      tools: { web_search: openrouter.tools.webSearch({}) },
    });
    expect(searched.text).toBe('Calm.');
    expect(
      searched.toolCalls.find(call => call.providerExecuted === true),
    ).toMatchObject({ toolName: 'web_search', input: { query: 'news' } });
    expect(searched.sources).toHaveLength(1);
  });
});

describe('replayed server-tool items', () => {
  it('refuses an item without the fields its type requires, naming the field', async () => {
    const error = await generateText({
      model: responsesModel(),
      messages: [
        { role: 'user', content: 'Hi' },
        {
          role: 'assistant',
          content: [
            {
              type: 'tool-result',
              toolCallId: 'ws_1',
              toolName: 'web_search',
              output: { type: 'json', value: {} },
              providerOptions: {
                openrouter: {
                  item: { type: 'web_search_call', status: 'completed' },
                },
              },
            },
          ],
        },
        { role: 'user', content: 'More' },
      ],
      maxRetries: 0,
    }).then(
      () => {
        throw new Error('expected a refusal');
      },
      (caught: APICallError) => caught,
    );
    expect(error.statusCode).toBe(400);
    expect(error.message).toContain('input.1.id: Required');
  });
});

describe('the encrypted reasoning the emulator checks on replay', () => {
  const weatherTool = {
    type: 'function',
    name: 'weather',
    parameters: {
      type: 'object',
      properties: { city: { type: 'string' } },
      required: ['city'],
    },
  };
  const reasoningRequest = (input: unknown[]) => ({
    input,
    include: ['reasoning.encrypted_content'],
    reasoning: { effort: 'high' },
    tools: [weatherTool],
  });
  const output = (callId: unknown) => ({
    type: 'function_call_output',
    call_id: callId,
    output: '{"temperature":21}',
  });

  /** Two turns, each answered with reasoning then a call; all items. */
  async function twoTurns() {
    const firstInput: unknown[] = [
      { type: 'message', role: 'user', content: 'Use weather for Lisbon' },
    ];
    const first = await json(reasoningRequest(firstInput));
    const [firstReasoning, firstCall] = first.body.output;
    const secondInput = [
      ...firstInput,
      firstReasoning,
      firstCall,
      output(firstCall?.call_id),
      { type: 'message', role: 'user', content: 'Use weather for Porto' },
    ];
    const second = await json(reasoningRequest(secondInput));
    const [secondReasoning, secondCall] = second.body.output;
    expect(firstReasoning?.type).toBe('reasoning');
    expect(firstCall?.type).toBe('function_call');
    expect(secondReasoning?.type).toBe('reasoning');
    expect(secondCall?.type).toBe('function_call');
    return [
      ...secondInput,
      secondReasoning,
      secondCall,
      output(secondCall?.call_id),
    ];
  }

  it('accepts every turn replayed with its own reasoning', async () => {
    const input = await twoTurns();
    expect((await json(reasoningRequest(input))).status).toBe(200);
  });

  it("refuses a later turn's calls without that turn's reasoning, even when an earlier turn's came back", async () => {
    const input = (await twoTurns()).filter(
      (item, index, all) =>
        !(
          (item as { type?: string }).type === 'reasoning' &&
          all.findIndex(
            other => (other as { type?: string }).type === 'reasoning',
          ) !== index
        ),
    );
    const refused = await json(reasoningRequest(input));
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain(
      'must be passed back with its encrypted_content',
    );
  });

  it('refuses a reasoning item whose summary was changed', async () => {
    const input = (await twoTurns()).map(item =>
      (item as { type?: string }).type === 'reasoning'
        ? {
            ...(item as Record<string, unknown>),
            summary: [{ type: 'summary_text', text: 'Something else.' }],
          }
        : item,
    );
    const refused = await json(reasoningRequest(input));
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain(
      'is not the summary its encrypted_content was made with',
    );
  });
});
