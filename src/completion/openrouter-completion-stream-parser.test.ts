import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openRouterChunkEnvelopeFields } from '../chat/openrouter-chat-chunk-shape';
import { compareWrittenChecks } from '../sse/chunk-shape';
import {
  openRouterCompletionChunkShape,
  validateOpenRouterCompletionChunk,
} from './openrouter-completion-stream-parser';

describe('the written chunk check', () => {
  // `UPDATE_CHUNK_CHECKS=1 npm run test:node -- src/completion/openrouter-completion-stream-parser.test.ts`
  // rewrites it after the shape changed; `npx biome check --write` then
  // formats it.
  it('matches openRouterCompletionChunkShape', () => {
    const file = new URL(
      './openrouter-completion-stream-parser.ts',
      import.meta.url,
    );
    const { upToDate, rewritten } = compareWrittenChecks(
      readFileSync(file, 'utf8'),
      [
        [
          openRouterCompletionChunkShape,
          {
            name: 'findCompletionChunkProblem',
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
  created: 1_767_225_600,
  model: 'openai/gpt-4o',
  provider: 'OpenAI',
};

describe('validateOpenRouterCompletionChunk', () => {
  it('reads a completion chunk as a chat chunk, keeping the raw chunk', () => {
    const chunk = {
      ...base,
      object: 'text_completion',
      choices: [{ index: 0, text: 'Once', finish_reason: null }],
    };

    expect(validateOpenRouterCompletionChunk(chunk)).toStrictEqual({
      success: true,
      value: {
        id: 'gen-1',
        created: 1_767_225_600,
        model: 'openai/gpt-4o',
        provider: 'OpenAI',
        usage: undefined,
        error: undefined,
        choices: [{ delta: { content: 'Once' }, finish_reason: null }],
      },
      rawValue: chunk,
    });
  });

  it('reads choice 0 wherever it is, and keeps the others for the warning', () => {
    const other = { index: 1, text: 'ONLY1', finish_reason: null };
    const result = validateOpenRouterCompletionChunk({
      ...base,
      choices: [other, { index: 0, text: 'Once', finish_reason: null }],
    });

    expect(result).toMatchObject({
      success: true,
      value: {
        choices: [other, { delta: { content: 'Once' }, finish_reason: null }],
      },
    });
  });

  it('keeps usage, errors and empty choices', () => {
    const usage = { prompt_tokens: 1, completion_tokens: 2 };
    const result = validateOpenRouterCompletionChunk({
      choices: [],
      usage,
      error: { message: 'x' },
    });

    expect(result).toMatchObject({
      success: true,
      value: { choices: [], usage, error: { message: 'x' } },
    });
  });

  it.each([
    ['a chunk that is not an object', 'x'],
    ['numeric text', { choices: [{ text: 1 }] }],
    ['a choice that is not an object', { choices: [1] }],
    ['a string token count', { usage: { total_tokens: '3' } }],
  ])('rejects %s', (_, chunk) => {
    expect(validateOpenRouterCompletionChunk(chunk).success).toBe(false);
  });

  it.each([
    [{ choices: [{ text: 1 }] }, 'choices[0].text: expected a string.'],
    [{ choices: [1] }, 'choices[0]: expected an object.'],
    [
      { usage: { total_tokens: '3' } },
      'usage.total_tokens: expected a number.',
    ],
    [{ choices: [{ delta: { content: 1 } }] }, undefined],
  ])('names the path of the problem in %j', (chunk, problem) => {
    const result = validateOpenRouterCompletionChunk(chunk);

    expect(
      result.success ? undefined : (result.error.cause as Error).message,
    ).toBe(problem);
  });
});
