import type { LanguageModelV4StreamPart } from '@ai-sdk/provider';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collect } from '../support/collect';
import { useEmulator } from '../support/use-emulator';

const server = useEmulator();

const base = {
  id: 'gen-sse',
  created: 1_767_225_600,
  model: 'openai/gpt-4o',
  provider: 'OpenAI',
};
const delta = (
  value: Record<string, unknown>,
  finishReason: string | null = null,
) => ({
  ...base,
  choices: [{ index: 0, delta: value, finish_reason: finishReason }],
});
const usage = {
  ...base,
  choices: [],
  usage: {
    prompt_tokens: 9,
    completion_tokens: 7,
    total_tokens: 16,
    cost: 0.0001,
  },
};

function sse(events: unknown[], lineEnding: '\n' | '\r\n') {
  const body = events
    .map(event =>
      typeof event === 'string'
        ? event
        : `data: ${JSON.stringify(event)}${lineEnding}${lineEnding}`,
    )
    .join('');
  return `${body}data: [DONE]${lineEnding}${lineEnding}`;
}

// Recorded-style streams: multi-byte text, reasoning with details, parallel
// tool calls, keep-alive comments, CRLF line endings.
const recordedStreams = {
  'multi-byte text': sse(
    [
      delta({ role: 'assistant', content: '' }),
      delta({ content: 'Grüße aus Zürich 🇨🇭 ' }),
      delta({ content: '日本語のテキスト、' }),
      delta({ content: 'emoji 👩🏽‍🚀 done.' }),
      delta({ content: '' }, 'stop'),
      usage,
    ],
    '\n',
  ),
  'reasoning and tool calls with CRLF': sse(
    [
      ': OPENROUTER PROCESSING\r\n\r\n',
      delta({
        reasoning: 'Denke nach… ',
        reasoning_details: [
          { type: 'reasoning.text', text: 'Denke nach… ', index: 0 },
        ],
      }),
      delta({
        reasoning_details: [
          { type: 'reasoning.text', text: '', signature: 'sig-ü', index: 0 },
        ],
      }),
      delta({
        tool_calls: [
          {
            index: 0,
            id: 'call_a',
            type: 'function',
            function: { name: 'weather', arguments: '{"city":' },
          },
          {
            index: 1,
            id: 'call_b',
            type: 'function',
            function: { name: 'time', arguments: '{"city":"Köln"}' },
          },
        ],
      }),
      ': OPENROUTER PROCESSING\r\n\r\n',
      delta({
        tool_calls: [{ index: 0, function: { arguments: '"Zürich"}' } }],
      }),
      delta({}, 'tool_calls'),
      usage,
    ],
    '\r\n',
  ),
};

async function partsFor(
  chunks: Uint8Array[],
): Promise<LanguageModelV4StreamPart[]> {
  server.emulator.enqueue({ type: 'stream', rawChunks: chunks });
  const model = server.createProvider()('openai/gpt-4o');
  const { stream } = await model.doStream({
    prompt: [{ role: 'user', content: [{ type: 'text', text: 'Hi' }] }],
  });
  return collect(stream);
}

function splitAt(bytes: Uint8Array, cuts: number[]) {
  const points = [...new Set(cuts.map(cut => cut % bytes.length))]
    .filter(point => point > 0)
    .sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let start = 0;
  for (const point of points) {
    chunks.push(bytes.slice(start, point));
    start = point;
  }
  chunks.push(bytes.slice(start));
  return chunks;
}

describe.each(Object.entries(recordedStreams))('SSE framing: %s', (_, text) => {
  const bytes = new TextEncoder().encode(text);

  it('gives the same parts whatever the chunk boundaries', async () => {
    const expected = await partsFor([bytes]);
    expect(expected.at(-1)?.type).toBe('finish');
    expect(expected.some(part => part.type === 'error')).toBe(false);

    // Every boundary: one byte a chunk, which splits every multi-byte
    // character and every \r\n.
    expect(
      await partsFor(splitAt(bytes, Array.from(bytes.keys()))),
    ).toStrictEqual(expected);

    // Random boundaries.
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.nat(bytes.length * 2), { minLength: 1, maxLength: 40 }),
        async cuts => {
          expect(await partsFor(splitAt(bytes, cuts))).toStrictEqual(expected);
        },
      ),
      { numRuns: 25 },
    );
  }, 60_000);
});
