import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { INCUMBENT_SPELLINGS } from '../src/options/option-spellings';

// INCUMBENT_SPELLINGS is the one declaration of the incumbent's option
// names. What cannot be generated from it (JSDoc that reaches editors, the
// README's prose) is checked against it here.

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const chatOptions = readFileSync(
  new URL('../src/chat/openrouter-chat-options.ts', import.meta.url),
  'utf8',
);

describe('the incumbent spellings', () => {
  it('are exactly the renames the README lists', () => {
    const line = readme
      .split('\n')
      .find(text => text.includes("`@openrouter/ai-sdk-provider`'s spellings"));
    const listed = Object.fromEntries(
      [...(line ?? '').matchAll(/`(\w+)` → `(\w+)`/g)].map(match => [
        match[1],
        match[2],
      ]),
    );
    expect(listed).toStrictEqual(INCUMBENT_SPELLINGS);
  });

  it.each(Object.entries(INCUMBENT_SPELLINGS))(
    '%s is typed @deprecated, pointing to %s',
    (spelling, field) => {
      expect(chatOptions).toContain(
        `/** @deprecated Use \`${field}\`. */\n  ${spelling}?:`,
      );
    },
  );
});
