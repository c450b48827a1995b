import { readFileSync, writeFileSync } from 'node:fs';
import { TypeValidationError } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import { compareWrittenChecks, object } from '../sse/chunk-shape';
import {
  openRouterChatChunkShape,
  openRouterChunkEnvelopeFields,
} from './openrouter-chat-chunk-shape';
import {
  handsOnOpenRouterChunkObjects,
  validateOpenRouterChatChunk,
} from './openrouter-chat-stream-parser';

describe('the written chunk checks', () => {
  // `UPDATE_CHUNK_CHECKS=1 npm run test:node -- src/chat/openrouter-chat-stream-parser.test.ts`
  // rewrites them after a shape changed; `npx biome check --write` then
  // formats them.
  it('match the shapes in openrouter-chat-response-schemas.ts', () => {
    const file = new URL('./openrouter-chat-stream-parser.ts', import.meta.url);
    const { upToDate, rewritten } = compareWrittenChecks(
      readFileSync(file, 'utf8'),
      [
        [
          object(openRouterChunkEnvelopeFields),
          {
            name: 'findChunkEnvelopeProblem',
            notAnObject: 'NOT_AN_OBJECT',
            exported: true,
          },
        ],
        [
          openRouterChatChunkShape,
          {
            name: 'findChatChunkProblem',
            notAnObject: 'NOT_AN_OBJECT',
            shared: {
              name: 'findChunkEnvelopeProblem',
              fields: openRouterChunkEnvelopeFields,
            },
          },
        ],
      ],
    );
    if (!upToDate && globalThis.process?.env?.UPDATE_CHUNK_CHECKS === '1') {
      writeFileSync(file, rewritten);
      return;
    }
    expect(upToDate).toBe(true);
  });
});

const base = {
  id: 'gen-1',
  object: 'chat.completion.chunk',
  created: 1_767_225_600,
  model: 'openai/gpt-4o',
  provider: 'OpenAI',
  system_fingerprint: 'fp_1',
};

function withDelta(delta: unknown, choice: Record<string, unknown> = {}) {
  return {
    ...base,
    choices: [
      {
        index: 0,
        delta,
        finish_reason: null,
        native_finish_reason: null,
        logprobs: null,
        ...choice,
      },
    ],
  };
}

describe('validateOpenRouterChatChunk', () => {
  it.each([
    ['a text chunk', withDelta({ role: 'assistant', content: 'Hi' })],
    [
      'a reasoning chunk',
      withDelta({
        content: '',
        reasoning: 'Think',
        reasoning_details: [
          { type: 'reasoning.text', text: 'Think', index: 0 },
          { type: 'reasoning.encrypted', data: 'abc', index: 1 },
        ],
      }),
    ],
    [
      'a tool call chunk',
      withDelta({
        content: null,
        tool_calls: [
          {
            index: 0,
            id: 'call_1',
            type: 'function',
            function: { name: 'weather', arguments: '{"ci' },
          },
        ],
      }),
    ],
    [
      'a usage-only chunk',
      {
        ...base,
        choices: [],
        usage: {
          prompt_tokens: 10,
          completion_tokens: 4,
          total_tokens: 14,
          cost: 0.00002,
          is_byok: false,
          cost_details: { upstream_inference_cost: null },
          prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
          completion_tokens_details: { reasoning_tokens: 0 },
        },
      },
    ],
    [
      'an error chunk with a string code',
      {
        ...withDelta({ content: '' }, { finish_reason: 'error' }),
        error: { code: 'server_error', message: 'Provider disconnected' },
      },
    ],
    ['an error given as a string', { error: 'Upstream failed' }],
    [
      'nulls everywhere',
      {
        id: null,
        created: null,
        model: null,
        provider: null,
        usage: null,
        choices: [
          {
            delta: {
              content: null,
              reasoning: null,
              reasoning_details: null,
              tool_calls: null,
              annotations: null,
              images: null,
            },
            finish_reason: null,
          },
        ],
      },
    ],
    ['an empty object', {}],
    ['a null choice', { choices: [null] }],
    ['a null delta', withDelta(null)],
    [
      'unknown fields anywhere',
      withDelta({ content: 'x', future: { nested: [1] } }, { extra: true }),
    ],
    [
      'only the first choice is read',
      { choices: [{ delta: { content: 'x' } }, { delta: { content: 5 } }] },
    ],
  ])('accepts %s, as the very same object', (_, chunk) => {
    const result = validateOpenRouterChatChunk(chunk);

    expect(result).toStrictEqual({
      success: true,
      value: chunk,
      rawValue: chunk,
    });
    expect(result.success && result.value).toBe(chunk);
  });

  it.each([
    ['a chunk that is not an object', ['a']],
    ['null', null],
    ['a numeric id', { id: 5 }],
    ['a string created', { created: 'today' }],
    ['choices that are not an array', { choices: {} }],
    ['a choice that is not an object', { choices: ['x'] }],
    ['a numeric finish reason', withDelta({}, { finish_reason: 1 })],
    ['a delta that is not an object', withDelta('Hi')],
    ['numeric content', withDelta({ content: 5 })],
    ['numeric reasoning', withDelta({ reasoning: 5 })],
    [
      'reasoning details that are not an array',
      withDelta({ reasoning_details: {} }),
    ],
    ['a null reasoning detail', withDelta({ reasoning_details: [null] })],
    [
      'a reasoning detail with numeric text',
      withDelta({ reasoning_details: [{ type: 'reasoning.text', text: 1 }] }),
    ],
    ['tool calls that are not an array', withDelta({ tool_calls: {} })],
    ['a tool call that is not an object', withDelta({ tool_calls: ['x'] })],
    [
      'a tool call with a string index',
      withDelta({ tool_calls: [{ index: '0', function: {} }] }),
    ],
    [
      'a tool call with a numeric name',
      withDelta({ tool_calls: [{ index: 0, function: { name: 7 } }] }),
    ],
    [
      'tool call arguments that are an object',
      withDelta({ tool_calls: [{ index: 0, function: { arguments: {} } }] }),
    ],
    ['annotations that are not an array', withDelta({ annotations: {} })],
    ['images that are not an array', withDelta({ images: 'x' })],
    ['usage that is not an object', { usage: 3 }],
    ['a string token count', { usage: { prompt_tokens: '3' } }],
    ['a string is_byok', { usage: { is_byok: 'no' } }],
    ['cost details that are an array', { usage: { cost_details: [] } }],
    [
      'a string cached token count',
      { usage: { prompt_tokens_details: { cached_tokens: '1' } } },
    ],
    [
      'a string reasoning token count',
      { usage: { completion_tokens_details: { reasoning_tokens: '1' } } },
    ],
  ])('rejects %s with a type validation error', (_, chunk) => {
    const result = validateOpenRouterChatChunk(chunk);

    expect(result.success).toBe(false);
    expect(result.rawValue).toBe(chunk);
    expect(
      !result.success && TypeValidationError.isInstance(result.error),
    ).toBe(true);
  });

  it.each([
    [['a'], 'The chunk is not a JSON object.'],
    [{ id: 5 }, 'id: expected a string.'],
    [{ choices: {} }, 'choices: expected an array.'],
    [{ choices: ['x'] }, 'choices[0]: expected an object.'],
    [withDelta({ content: 5 }), 'choices[0].delta.content: expected a string.'],
    [
      withDelta({ reasoning_details: [null] }),
      'choices[0].delta.reasoning_details[]: expected an object.',
    ],
    [
      withDelta({ tool_calls: [{ index: 0, function: { name: 7 } }] }),
      'choices[0].delta.tool_calls[].function.name: expected a string.',
    ],
    [
      { usage: { prompt_tokens_details: { cached_tokens: '1' } } },
      'usage.prompt_tokens_details.cached_tokens: expected a number.',
    ],
    [
      {
        choices: [
          { index: 1, delta: { content: 5 } },
          { index: 0, delta: { images: 'x' } },
        ],
      },
      'choices[0].delta.images: expected an array.',
    ],
  ])('names the path of the problem in %j', (chunk, problem) => {
    const result = validateOpenRouterChatChunk(chunk);

    expect(!result.success && (result.error.cause as Error).message).toBe(
      problem,
    );
  });

  it.each([
    ['a string choice index', { choices: [{ index: '0', delta: {} }] }],
    ['an odd error', { error: 42 }],
    ['odd logprobs', withDelta({}, { logprobs: 'x' })],
    [
      'odd fields in a reasoning detail',
      withDelta({ reasoning_details: [{ type: 5, index: 'x', data: 1 }] }),
    ],
    [
      'odd annotations and images',
      withDelta({ annotations: [1], images: [2] }),
    ],
  ])('does not look at %s', (_, chunk) => {
    expect(validateOpenRouterChatChunk(chunk).success).toBe(true);
  });
});

describe('handsOnOpenRouterChunkObjects', () => {
  it.each([
    [{ usage: {} }, true],
    [{ error: 'x' }, true],
    [{ choices: [{ delta: { reasoning_details: [] } }] }, true],
    [{ choices: [{ delta: { annotations: [] } }] }, true],
    [{ choices: [{ delta: { content: 'x', tool_calls: [] } }] }, false],
    [{ choices: [{ delta: { images: [] } }] }, false],
    [{ choices: [null] }, false],
    [{}, false],
  ])('%j: %s', (chunk, expected) => {
    expect(handsOnOpenRouterChunkObjects(chunk)).toBe(expected);
  });
});
