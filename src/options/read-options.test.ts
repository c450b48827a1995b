import { InvalidArgumentError, type SharedV4Warning } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import { z } from 'zod/v4';
import { openObject, reviewOptionKeys, validateOptions } from './read-options';

const schema = z.looseObject({
  provider: z
    .looseObject({
      order: z.array(z.string()).optional(),
      allow_fallbacks: z.boolean().optional(),
      sort: z
        .union([
          z.enum(['price', 'latency']),
          z.looseObject({ by: z.enum(['price', 'latency']).optional() }),
        ])
        .optional(),
    })
    .optional(),
  plugins: z
    .array(
      z.union([
        z.looseObject({
          id: z.literal('web'),
          max_results: z.number().optional(),
        }),
        // Plugins not known pass unreviewed, as in the chat options.
        openObject(
          z.looseObject({
            id: z.string().refine(id => id !== 'web', { abort: true }),
          }),
        ),
      ]),
    )
    .optional(),
  image_config: openObject(
    z.looseObject({ aspect_ratio: z.string().optional() }),
  ).optional(),
  metadata: z.record(z.string(), z.string()).optional(),
  max_tokens: z.number().optional(),
  topP: z.number().optional(),
  top_p: z.number().optional(),
});

function review(options: unknown) {
  const warnings: SharedV4Warning[] = [];
  const reviewed = reviewOptionKeys(options, schema, {
    source: 'options',
    spellings: { topP: 'top_p' },
    warnings,
  });
  return {
    reviewed,
    warnings: warnings.map(warning =>
      warning.type === 'other' ? warning.message : '',
    ),
  };
}

describe('reviewOptionKeys', () => {
  it('leaves known keys alone and returns the same object', () => {
    const options = { provider: { order: ['a'] }, max_tokens: 5 };
    const { reviewed, warnings } = review(options);

    expect(reviewed).toBe(options);
    expect(warnings).toStrictEqual([]);
  });

  it('suggests a near top-level key, and is silent for a far one', () => {
    const { reviewed, warnings } = review({ max_token: 5, new_field: 1 });

    expect(reviewed).toStrictEqual({ max_token: 5, new_field: 1 });
    expect(warnings).toStrictEqual([
      'options.max_token is not an OpenRouter option; did you mean max_tokens? It is sent as written, and OpenRouter ignores fields it does not know.',
    ]);
  });

  it('names every unknown key inside a known object, near or not', () => {
    const { warnings } = review({
      provider: { alow_fallbacks: true, region: 'eu' },
    });

    expect(warnings).toStrictEqual([
      expect.stringContaining(
        'options.provider.alow_fallbacks is not an OpenRouter option; did you mean allow_fallbacks?',
      ),
      'options.provider.region is not an option this provider knows. It is sent as written; OpenRouter ignores fields it does not know.',
    ]);
  });

  it('follows arrays and picks the union alternative by its literal fields', () => {
    const { warnings } = review({
      plugins: [
        { id: 'web', max_result: 1 },
        { id: 'other', anything: 2 },
      ],
      provider: { sort: { bye: 'price' } },
    });

    expect(warnings).toStrictEqual([
      expect.stringContaining(
        'options.provider.sort.bye is not an OpenRouter option; did you mean by?',
      ),
      expect.stringContaining(
        'options.plugins.0.max_result is not an OpenRouter option; did you mean max_results?',
      ),
    ]);
  });

  it('does not judge open objects or records', () => {
    const { warnings } = review({
      image_config: { quality: 'hd' },
      metadata: { whatever: 'x' },
    });

    expect(warnings).toStrictEqual([]);
  });

  it('respells camelCase at every known depth, copying rather than changing the input', () => {
    const options = { provider: { allowFallbacks: false }, topP: 0.5 };
    const { reviewed, warnings } = review(options);

    expect(reviewed).toStrictEqual({
      provider: { allow_fallbacks: false },
      top_p: 0.5,
    });
    expect(options).toStrictEqual({
      provider: { allowFallbacks: false },
      topP: 0.5,
    });
    expect(warnings).toStrictEqual([]);
  });

  it('does not suggest an old spelling', () => {
    const { warnings } = review({ top_q: 1 });

    expect(warnings).toStrictEqual([
      expect.stringContaining('did you mean top_p?'),
    ]);
  });

  it('names at most 20 unknown keys, then says there are more', () => {
    const provider = Object.fromEntries(
      Array.from({ length: 100_000 }, (_, index) => [`field_${index}`, index]),
    );
    const { reviewed, warnings } = review({ provider });

    expect(warnings).toHaveLength(21);
    expect(warnings[20]).toBe(
      'options.provider has more keys this provider does not know; only the first 20 are named.',
    );
    expect(reviewed).toStrictEqual({ provider });
  });

  it('looks a bounded number of top-level keys up, however many there are', () => {
    // 100 000 keys each one edit from `max_tokens`: only the first 20 are
    // named, and no lookup is made once nothing more would be said.
    const options = Object.fromEntries(
      Array.from({ length: 100_000 }, (_, index) => [
        `max_tokens${index % 10}`,
        index,
      ]),
    );
    const started = performance.now();
    const { warnings } = review(options);

    expect(warnings.length).toBeLessThanOrEqual(21);
    expect(performance.now() - started).toBeLessThan(5000);
  });
});

describe('validateOptions', () => {
  function messageOf(options: unknown) {
    try {
      validateOptions(schema, options, 'options');
    } catch (error) {
      expect(InvalidArgumentError.isInstance(error)).toBe(true);
      return (error as InvalidArgumentError).message;
    }
    throw new Error('expected the options to be refused');
  }

  it.each([
    [
      { provider: { sort: 'cheap' } },
      'Invalid options.provider.sort: must be one of "price", "latency" or an object.',
    ],
    [
      { provider: { sort: 'latncy' } },
      'Invalid options.provider.sort: must be one of "price", "latency" or an object; did you mean "latency"?',
    ],
    [
      { provider: { sort: { by: 'cheap' } } },
      'Invalid options.provider.sort.by: must be one of "price" or "latency".',
    ],
    [
      { plugins: [{ id: 'web', max_results: 'three' }] },
      'Invalid options.plugins.0.max_results: Invalid input: expected number, received string.',
    ],
    [
      { provider: { order: 'a' } },
      'Invalid options.provider.order: Invalid input: expected array, received string.',
    ],
  ])('%j', (options, message) => {
    expect(messageOf(options)).toBe(message);
  });
});
