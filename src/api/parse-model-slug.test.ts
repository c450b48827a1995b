import { InvalidArgumentError } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import { parseModelSlug } from './parse-model-slug';

describe('parseModelSlug', () => {
  it.each([
    ['openai/gpt-4o', 'openai', 'gpt-4o'],
    ['anthropic/claude-sonnet-4.5', 'anthropic', 'claude-sonnet-4.5'],
    [
      'meta-llama/llama-3.3-70b-instruct:free',
      'meta-llama',
      'llama-3.3-70b-instruct',
    ],
    ['openai/gpt-4o:online', 'openai', 'gpt-4o'],
    ['  x-ai/grok-4  ', 'x-ai', 'grok-4'],
    ['qwen/qwen3_coder', 'qwen', 'qwen3_coder'],
  ])('splits %j', (model, author, slug) => {
    expect(parseModelSlug(model, 'models.endpoints')).toStrictEqual({
      author,
      slug,
    });
  });

  it.each([
    'gpt-4o',
    'openai/',
    '/gpt-4o',
    'openai/gpt-4o/extra',
    'openai/:free',
    'openai/..',
    'open ai/gpt',
    '',
    null,
    undefined,
    42,
  ])('rejects %j naming the method and the expected form', model => {
    let caught: unknown;
    try {
      parseModelSlug(model, 'models.parameters');
    } catch (error) {
      caught = error;
    }

    expect(InvalidArgumentError.isInstance(caught)).toBe(true);
    expect((caught as InvalidArgumentError).argument).toBe('model');
    expect((caught as Error).message).toMatch(
      /^models\.parameters expects a model id of the form 'author\/slug'/,
    );
  });

  it('shortens a very long value in the message', () => {
    expect(() => parseModelSlug('x'.repeat(500), 'models.endpoints')).toThrow(
      /"x{80}…"/,
    );
  });
});
