import type { LanguageModelV4StreamPart } from '@ai-sdk/provider';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OpenRouterChatChunk } from './openrouter-chat-chunk-shape';
import { OpenRouterChatStreamState } from './openrouter-chat-stream-state';

function run(chunks: OpenRouterChatChunk[]) {
  const parts: LanguageModelV4StreamPart[] = [];
  const state = new OpenRouterChatStreamState(
    {
      url: 'http://127.0.0.1/api/v1/chat/completions',
      requestBody: {},
      responseHeaders: {},
      includeRawChunks: false,
    },
    part => parts.push(part),
  );
  for (const chunk of chunks) {
    state.processEvent({ success: true, value: chunk, rawValue: chunk });
  }
  state.finish();
  return parts;
}

function toolDelta(
  index: number,
  delta: { id?: string; name?: string; arguments: string },
): OpenRouterChatChunk {
  return {
    id: 'gen-1',
    model: 'openai/gpt-4o',
    choices: [
      {
        index: 0,
        delta: {
          tool_calls: [
            {
              index,
              ...(delta.id != null ? { id: delta.id, type: 'function' } : {}),
              function: {
                ...(delta.name != null ? { name: delta.name } : {}),
                arguments: delta.arguments,
              },
            },
          ],
        },
      },
    ],
  };
}

const finishChunk: OpenRouterChatChunk = {
  choices: [{ index: 0, delta: {}, finish_reason: 'tool_calls' }],
};

/** Splits text at the given cut points (sorted, deduplicated). */
function splitAt(text: string, cuts: number[]) {
  const points = [...new Set(cuts.map(cut => cut % (text.length + 1)))].sort(
    (a, b) => a - b,
  );
  const pieces: string[] = [];
  let start = 0;
  for (const point of points) {
    pieces.push(text.slice(start, point));
    start = point;
  }
  pieces.push(text.slice(start));
  return pieces;
}

const argumentsArbitrary = fc
  .dictionary(
    fc.string({ minLength: 1, maxLength: 8 }),
    fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.integer(),
      fc.boolean(),
      fc.array(fc.string({ maxLength: 4 }), { maxLength: 3 }),
    ),
    { maxKeys: 5 },
  )
  .map(value => JSON.stringify(value));

describe('OpenRouterChatStreamState tool calls (property)', () => {
  it('assembles every call exactly once, whatever the splits and interleaving', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            arguments: argumentsArbitrary,
            cuts: fc.array(fc.nat(200), { maxLength: 12 }),
          }),
          { minLength: 1, maxLength: 4 },
        ),
        fc.array(fc.nat(), { maxLength: 80 }),
        (calls, schedule) => {
          // One queue of deltas per call; the first delta names the call.
          const queues = calls.map((call, index) =>
            splitAt(call.arguments, call.cuts).map((piece, position) =>
              toolDelta(
                index,
                position === 0
                  ? {
                      id: `call_${index}`,
                      name: `tool_${index}`,
                      arguments: piece,
                    }
                  : { arguments: piece },
              ),
            ),
          );
          // Interleave the queues in an order driven by the schedule.
          const chunks: OpenRouterChatChunk[] = [];
          let step = 0;
          while (queues.some(queue => queue.length > 0)) {
            const open = queues.filter(queue => queue.length > 0);
            const pick =
              open[
                (schedule[step++ % (schedule.length || 1)] ?? 0) % open.length
              ];
            chunks.push(pick.shift()!);
          }
          chunks.push(finishChunk);

          const parts = run(chunks);

          const toolCallParts = parts.filter(part => part.type === 'tool-call');
          expect(
            toolCallParts.map(part => [
              part.toolCallId,
              part.toolName,
              part.input,
            ]),
          ).toStrictEqual(
            calls.map((call, index) => [
              `call_${index}`,
              `tool_${index}`,
              call.arguments,
            ]),
          );

          for (const [index, call] of calls.entries()) {
            const id = `call_${index}`;
            const own = parts.filter(part => 'id' in part && part.id === id);
            expect(own[0].type).toBe('tool-input-start');
            expect(own.at(-1)?.type).toBe('tool-input-end');
            expect(
              own.filter(part => part.type === 'tool-input-start'),
            ).toHaveLength(1);
            expect(
              own.filter(part => part.type === 'tool-input-end'),
            ).toHaveLength(1);
            const deltas = own
              .map(part => (part.type === 'tool-input-delta' ? part.delta : ''))
              .join('');
            expect(deltas).toBe(call.arguments);
          }

          expect(parts.at(-1)).toMatchObject({
            type: 'finish',
            finishReason: { unified: 'tool-calls' },
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('OpenRouterChatStreamState', () => {
  it('keeps one block open at a time and numbers blocks uniquely', () => {
    const parts = run([
      { id: 'gen-1', choices: [{ index: 0, delta: { content: 'A' } }] },
      toolDelta(0, { id: 'call_0', name: 'tool', arguments: '{}' }),
      { choices: [{ index: 0, delta: { content: 'B' } }] },
      finishChunk,
    ]);

    expect(
      parts
        .filter(part => part.type.startsWith('text-'))
        .map(part => [part.type, 'id' in part ? part.id : undefined]),
    ).toStrictEqual([
      ['text-start', 'txt-0'],
      ['text-delta', 'txt-0'],
      ['text-end', 'txt-0'],
      ['text-start', 'txt-1'],
      ['text-delta', 'txt-1'],
      ['text-end', 'txt-1'],
    ]);
  });

  it('does not let a finish reason after an error hide the error', () => {
    const parts = run([
      { choices: [{ index: 0, delta: { content: 'A' } }] },
      {
        error: { code: 502, message: 'Upstream failed' },
        choices: [{ index: 0, delta: {}, finish_reason: 'error' }],
      },
      { choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] },
    ]);

    expect(parts.at(-1)).toMatchObject({
      type: 'finish',
      finishReason: { unified: 'error' },
    });
  });

  it('holds tool call deltas back until the function name arrives', () => {
    const parts = run([
      toolDelta(0, { id: 'call_0', arguments: '{"a":' }),
      toolDelta(0, { arguments: '1' }),
      toolDelta(0, { name: 'tool', arguments: '}' }),
      finishChunk,
    ]).filter(part => part.type !== 'response-metadata');

    expect(parts.map(part => part.type)).toStrictEqual([
      'tool-input-start',
      'tool-input-delta',
      'tool-input-end',
      'tool-call',
      'finish',
    ]);
    expect(parts[3]).toMatchObject({
      toolCallId: 'call_0',
      toolName: 'tool',
      input: '{"a":1}',
    });
  });

  it('reports a tool call whose name never arrives as an error at the end, after the rest', () => {
    const parts = run([
      {
        choices: [
          {
            index: 0,
            delta: {
              tool_calls: [{ index: 0, function: { arguments: '{}' } }],
            },
          },
        ],
      },
      { choices: [{ index: 0, delta: { content: 'still here' } }] },
      { choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] },
    ]);

    expect(parts.map(part => part.type)).toStrictEqual([
      'text-start',
      'text-delta',
      'text-end',
      'error',
      'finish',
    ]);
    expect(parts.at(-1)).toMatchObject({ finishReason: { unified: 'error' } });
  });
});
