import { describe, expect, it } from 'vitest';
import { validateOpenRouterCompletionChunk } from './openrouter-completion-stream-parser';

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
});
