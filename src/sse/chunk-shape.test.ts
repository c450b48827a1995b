import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  array,
  boolean,
  choices,
  compareWrittenChecks,
  findFirstChoice,
  number,
  object,
  record,
  type ShapeOf,
  string,
  unknown,
  writeChunkCheck,
} from './chunk-shape';

const envelope = { id: string, usage: object({ cost: number }) };
const shape = object({
  ...envelope,
  /** Only choice 0. */
  choices: choices(
    object({
      index: unknown,
      delta: object({
        content: string,
        parts: array(object({ function: object({ name: string }) })),
        images: array(unknown),
      }),
    }),
  ),
  'odd-key': boolean,
  details: record,
});

describe('ShapeOf', () => {
  it('makes every field optional and nullable and keeps unknown fields', () => {
    type Chunk = ShapeOf<typeof shape>;
    expectTypeOf<Chunk['id']>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf<Chunk['odd-key']>().toEqualTypeOf<
      boolean | null | undefined
    >();
    expectTypeOf<Chunk['details']>().toEqualTypeOf<
      Record<string, unknown> | null | undefined
    >();
    expectTypeOf<Chunk['anything']>().toEqualTypeOf<unknown>();
    type Choice = NonNullable<NonNullable<Chunk['choices']>[number]>;
    expectTypeOf<Choice['index']>().toEqualTypeOf<unknown>();
    type Delta = NonNullable<Choice['delta']>;
    expectTypeOf<NonNullable<Delta['images']>>().toEqualTypeOf<unknown[]>();
    type Part = NonNullable<Delta['parts']>[number];
    expectTypeOf<NonNullable<Part['function']>['name']>().toEqualTypeOf<
      string | null | undefined
    >();
    expectTypeOf<{ choices: [null] }>().toMatchTypeOf<Chunk>();
  });
});

describe('writeChunkCheck', () => {
  const source = writeChunkCheck(shape, {
    name: 'findProblem',
    notAnObject: 'NOT_AN_OBJECT',
    shared: { name: 'findEnvelopeProblem', fields: envelope },
  });

  it('writes straight-line checks with path-based messages', () => {
    expect(source).toMatchInlineSnapshot(`
      "function findProblem(chunk: unknown): string | undefined {
        if (!isRecord(chunk)) {
          return NOT_AN_OBJECT;
        }
        const sharedProblem = findEnvelopeProblem(chunk);
        if (sharedProblem !== undefined) {
          return sharedProblem;
        }
        const choices = chunk.choices;
        if (choices != null) {
          if (!Array.isArray(choices)) {
            return 'choices: expected an array.';
          }
          const choice: unknown = findFirstChoice(choices);
          if (choice != null) {
            if (!isRecord(choice)) {
              return 'choices[0]: expected an object.';
            }
            const delta = choice.delta;
            if (delta != null) {
              if (!isRecord(delta)) {
                return 'choices[0].delta: expected an object.';
              }
              if (delta.content != null && typeof delta.content !== 'string') {
                return 'choices[0].delta.content: expected a string.';
              }
              const parts = delta.parts;
              if (parts != null) {
                if (!Array.isArray(parts)) {
                  return 'choices[0].delta.parts: expected an array.';
                }
                for (const part of parts) {
                  if (!isRecord(part)) {
                    return 'choices[0].delta.parts[]: expected an object.';
                  }
                  const functionValue = part.function;
                  if (functionValue != null) {
                    if (!isRecord(functionValue)) {
                      return 'choices[0].delta.parts[].function: expected an object.';
                    }
                    if (functionValue.name != null && typeof functionValue.name !== 'string') {
                      return 'choices[0].delta.parts[].function.name: expected a string.';
                    }
                  }
                }
              }
              if (delta.images != null && !Array.isArray(delta.images)) {
                return 'choices[0].delta.images: expected an array.';
              }
            }
          }
        }
        if (chunk['odd-key'] != null && typeof chunk['odd-key'] !== 'boolean') {
          return 'odd-key: expected a boolean.';
        }
        if (chunk.details != null && !isRecord(chunk.details)) {
          return 'details: expected an object.';
        }
        return undefined;
      }"
    `);
  });

  it('writes source that checks what the shape declares', async () => {
    // The written source, run: its types stripped, its helpers passed in.
    const javascript = source
      .replace('(chunk: unknown): string | undefined', '(chunk)')
      .replace('const choice: unknown', 'const choice');
    const findProblem = new Function(
      'isRecord',
      'findFirstChoice',
      'NOT_AN_OBJECT',
      'findEnvelopeProblem',
      `${javascript}\nreturn findProblem;`,
    )(
      (value: unknown) =>
        value != null && typeof value === 'object' && !Array.isArray(value),
      findFirstChoice,
      'not an object',
      () => undefined,
    ) as (chunk: unknown) => string | undefined;

    expect(findProblem([])).toBe('not an object');
    expect(findProblem({ choices: [{ delta: { content: 'x' } }] })).toBe(
      undefined,
    );
    expect(findProblem({ choices: [{ delta: { parts: [null] } }] })).toBe(
      'choices[0].delta.parts[]: expected an object.',
    );
    expect(
      findProblem({ choices: [{ index: 2 }, { delta: { images: {} } }] }),
    ).toBe('choices[0].delta.images: expected an array.');
    expect(findProblem({ choices: [{ index: 'x', delta: null }] })).toBe(
      undefined,
    );
    expect(findProblem({ 'odd-key': 1 })).toBe('odd-key: expected a boolean.');
  });
});

describe('compareWrittenChecks', () => {
  const check: Parameters<typeof writeChunkCheck> = [
    object({ id: string }),
    { name: 'findProblem', notAnObject: 'NOT_AN_OBJECT', exported: true },
  ];
  const start =
    '// Written by `writeChunkCheck` from the shapes; see the tests. Do not edit.';
  const end = '// End of the written check.';

  it('accepts the checks however they are laid out, and rewrites them', () => {
    const written = writeChunkCheck(...check)
      .replace(/\n\s*/g, ' ')
      .replace('isRecord(chunk)', 'isRecord(\n  chunk,\n)');
    const text = `before\n${start}\n${written}\n${end}\nafter`;

    expect(compareWrittenChecks(text, [check]).upToDate).toBe(true);
    const stale = text.replace('string', 'number');
    const { upToDate, rewritten } = compareWrittenChecks(stale, [check]);
    expect(upToDate).toBe(false);
    expect(rewritten).toBe(
      `before\n${start}\n${writeChunkCheck(...check)}\n${end}\nafter`,
    );
  });

  it('needs its markers', () => {
    expect(() => compareWrittenChecks('text', [check])).toThrow(
      'The markers of the written check are missing.',
    );
  });
});
