import type { LanguageModelV4StreamPart } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import { OpenRouterResponsesStreamState } from './openrouter-responses-stream-state';
import { validateResponsesEvent } from './responses-stream-event';

function run(events: unknown[], serverTools = new Map<string, string>()) {
  const parts: LanguageModelV4StreamPart[] = [];
  const state = new OpenRouterResponsesStreamState(
    {
      url: 'http://127.0.0.1/api/v1/responses',
      requestBody: {},
      responseHeaders: undefined,
      includeRawChunks: false,
      previousToolCallIds: new Set(),
      serverTools,
    },
    part => parts.push(part),
  );
  for (const event of events) {
    state.processEvent(validateResponsesEvent(event));
  }
  state.finish();
  return parts;
}

const compact = (parts: LanguageModelV4StreamPart[]) =>
  parts.map(part =>
    'delta' in part
      ? `${part.type}:${part.id}:${part.delta}`
      : 'id' in part && typeof part.id === 'string'
        ? `${part.type}:${part.id}`
        : part.type,
  );

describe('OpenRouterResponsesStreamState', () => {
  it('keeps each summary part of a reasoning item apart, and puts the encrypted content of the done item on the last', () => {
    const item = { type: 'reasoning', id: 'rs_1', summary: [] };
    const parts = run([
      { type: 'response.output_item.added', output_index: 0, item },
      {
        type: 'response.reasoning_summary_part.added',
        item_id: 'rs_1',
        summary_index: 0,
      },
      {
        type: 'response.reasoning_summary_text.delta',
        item_id: 'rs_1',
        summary_index: 0,
        delta: 'Think',
      },
      {
        type: 'response.reasoning_summary_part.added',
        item_id: 'rs_1',
        summary_index: 1,
      },
      {
        type: 'response.reasoning_summary_text.delta',
        item_id: 'rs_1',
        summary_index: 1,
        delta: 'More',
      },
      {
        type: 'response.output_item.done',
        output_index: 0,
        item: {
          ...item,
          summary: [
            { type: 'summary_text', text: 'Think' },
            { type: 'summary_text', text: 'More' },
          ],
          encrypted_content: 'enc',
        },
      },
      { type: 'response.completed', response: { status: 'completed' } },
    ]);
    expect(compact(parts)).toEqual([
      'reasoning-start:rs_1:s0',
      'reasoning-delta:rs_1:s0:Think',
      'reasoning-end:rs_1:s0',
      'reasoning-start:rs_1:s1',
      'reasoning-delta:rs_1:s1:More',
      'reasoning-end:rs_1:s1',
      'finish',
    ]);
    const last = parts.filter(part => part.type === 'reasoning-end').at(-1);
    expect(last?.providerMetadata?.openrouter).toMatchObject({
      itemId: 'rs_1',
      reasoningEncryptedContent: 'enc',
    });
  });

  it('takes the arguments of a call that streamed none from its done events, and fills in text from the done item', () => {
    const parts = run([
      {
        type: 'response.output_item.added',
        output_index: 0,
        item: { type: 'message', id: 'msg_1' },
      },
      {
        type: 'response.output_item.done',
        output_index: 0,
        item: {
          type: 'message',
          id: 'msg_1',
          content: [{ type: 'output_text', text: 'Whole', annotations: [] }],
        },
      },
      {
        type: 'response.output_item.added',
        output_index: 1,
        item: { type: 'function_call', name: 'lookup' },
      },
      // The seeds' arguments.done names no item.
      { type: 'response.function_call_arguments.done', arguments: '{"q":1}' },
      {
        type: 'response.output_item.done',
        output_index: 1,
        item: { type: 'function_call', name: 'lookup', call_id: 'call_9' },
      },
      { type: 'response.completed', response: { status: 'completed' } },
    ]);
    const types = compact(parts);
    expect(types.slice(0, 3)).toEqual([
      'text-start:msg_1:0',
      'text-delta:msg_1:0:Whole',
      'text-end:msg_1:0',
    ]);
    const call = parts.find(part => part.type === 'tool-call');
    expect(call).toMatchObject({ toolName: 'lookup', input: '{"q":1}' });
    const inputDeltas = parts.filter(part => part.type === 'tool-input-delta');
    expect(inputDeltas).toEqual([
      expect.objectContaining({ delta: '{"q":1}' }),
    ]);
    expect(parts.at(-1)).toMatchObject({
      type: 'finish',
      finishReason: { unified: 'tool-calls', raw: 'completed' },
    });
  });

  it('closes open blocks before the error part of a flat error event, and finishes with error', () => {
    const parts = run([
      {
        type: 'response.output_text.delta',
        item_id: 'msg_1',
        content_index: 0,
        delta: 'Hi',
      },
      { type: 'error', code: 'server_error', message: 'boom', param: null },
    ]);
    expect(compact(parts)).toEqual([
      'text-start:msg_1:0',
      'text-delta:msg_1:0:Hi',
      'text-end:msg_1:0',
      'error',
      'finish',
    ]);
    expect(parts.at(-1)).toMatchObject({ finishReason: { unified: 'error' } });
  });

  it('reports an empty stream as a failure, which the stream makes a retryable error', () => {
    const parts = run([]);
    const error = parts.find(part => part.type === 'error');
    // The state names the failure; the error is built (and redacted) by
    // code that loads with the first failure.
    expect(error).toMatchObject({ error: { type: 'empty-stream' } });
  });

  it('maps a server-tool item of an offered tool to provider-executed parts, and warns about one it does not know', () => {
    const parts = run(
      [
        {
          type: 'response.output_item.done',
          output_index: 0,
          item: {
            type: 'openrouter:web_search',
            id: 'ws_1',
            status: 'completed',
            action: {
              type: 'search',
              query: 'lisbon',
              sources: [{ type: 'url', url: 'https://example.com/a' }],
            },
          },
        },
        {
          type: 'response.output_item.done',
          output_index: 1,
          item: { type: 'computer_call', id: 'cc_1' },
        },
        { type: 'response.completed', response: { status: 'completed' } },
      ],
      new Map([['openrouter:web_search', 'search']]),
    );
    expect(parts.map(part => part.type)).toEqual([
      'tool-call',
      'tool-result',
      'source',
      'finish',
    ]);
    expect(parts[0]).toMatchObject({
      toolName: 'search',
      providerExecuted: true,
      input: '{"type":"search","query":"lisbon"}',
    });
    const finish = parts.at(-1);
    expect(JSON.stringify(finish)).toContain('computer_call');
    // Server tools ask nothing of the caller.
    expect(finish).toMatchObject({ finishReason: { unified: 'stop' } });
  });

  it('ends a refusal block with its text as refusal, also when only refusal.done carried it', () => {
    const refusalPart = { type: 'refusal', refusal: '' };
    const events = (deltas: string[]) => [
      {
        type: 'response.output_item.added',
        output_index: 0,
        item: { type: 'message', id: 'msg_1', content: [] },
      },
      {
        type: 'response.content_part.added',
        item_id: 'msg_1',
        output_index: 0,
        content_index: 0,
        part: refusalPart,
      },
      ...deltas.map(delta => ({
        type: 'response.refusal.delta',
        item_id: 'msg_1',
        output_index: 0,
        content_index: 0,
        delta,
      })),
      {
        type: 'response.refusal.done',
        item_id: 'msg_1',
        output_index: 0,
        content_index: 0,
        refusal: 'No way.',
      },
      {
        type: 'response.output_item.done',
        output_index: 0,
        item: {
          type: 'message',
          id: 'msg_1',
          content: [{ type: 'refusal', refusal: 'No way.' }],
        },
      },
      { type: 'response.completed', response: { status: 'completed' } },
    ];
    for (const deltas of [['No ', 'way.'], []]) {
      const parts = run(events(deltas));
      expect(
        parts
          .filter(part => part.type === 'text-delta')
          .map(part => part.delta)
          .join(''),
      ).toBe('No way.');
      expect(parts.find(part => part.type === 'text-end')).toMatchObject({
        providerMetadata: {
          openrouter: { itemId: 'msg_1', refusal: 'No way.' },
        },
      });
      expect(parts.at(-1)).toMatchObject({
        finishReason: { unified: 'content-filter' },
        providerMetadata: { openrouter: { refusal: 'No way.' } },
      });
    }
  });

  it('gives an image generation item as a file that carries the item, for the next turn', () => {
    const item = {
      type: 'image_generation_call',
      id: 'ig_1',
      status: 'completed',
      result: 'iVBORw0K',
    };
    const parts = run([
      {
        type: 'response.output_item.added',
        output_index: 0,
        item: { type: 'image_generation_call', id: 'ig_1' },
      },
      { type: 'response.image_generation_call.generating', item_id: 'ig_1' },
      { type: 'response.output_item.done', output_index: 0, item },
      { type: 'response.completed', response: { status: 'completed' } },
    ]);
    expect(parts.map(part => part.type)).toEqual(['file', 'finish']);
    expect(parts[0]).toEqual({
      type: 'file',
      mediaType: 'image/png',
      data: { type: 'data', data: 'iVBORw0K' },
      providerMetadata: { openrouter: { item } },
    });
  });
});
