import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The published declarations promise values (classes, functions, constants)
// that code imports by name; each must exist in the published JavaScript,
// or an import that type-checks fails when it loads. Reads `dist/`, which
// `npm test` builds first.

const ENTRIES = [
  ['ai-sdk-openrouter', '../dist/index.d.ts', '../dist/index.js'],
  [
    'ai-sdk-openrouter/testing',
    '../dist/testing/index.d.ts',
    '../dist/testing/index.js',
  ],
] as const;

/** The names an entry's `.d.ts` exports as values (not `type`). */
function declaredValues(declarations: string): string[] {
  const names: string[] = [];
  for (const match of declarations.matchAll(/export \{([^}]*)\};/g)) {
    for (const entry of match[1].split(',')) {
      const name = entry.trim();
      if (name !== '' && !name.startsWith('type ')) {
        names.push(name.split(/\s+as\s+/).pop() ?? name);
      }
    }
  }
  return names;
}

describe.each(ENTRIES)('%s', (_, declarationsPath, modulePath) => {
  const declarations = readFileSync(
    new URL(declarationsPath, import.meta.url),
    'utf8',
  );
  const values = declaredValues(declarations);

  it('exports at run time every value its declarations name', async () => {
    const module = (await import(
      /* @vite-ignore */ new URL(modulePath, import.meta.url).href
    )) as Record<string, unknown>;
    expect(values.length).toBeGreaterThan(0);
    expect(values.filter(name => module[name] === undefined)).toStrictEqual([]);
  });

  it('declares no class it exports as a type only', () => {
    const typeOnly = new Set(
      [...declarations.matchAll(/type (\w+)/g)].map(match => match[1]),
    );
    const classes = [...declarations.matchAll(/declare class ([\w$]+)/g)]
      .map(match => match[1])
      .filter(name => typeOnly.has(name) && !values.includes(name));
    expect(classes).toStrictEqual([]);
  });
});

describe('model classes', () => {
  // Exported as types only, as the incumbent exports none: a value export
  // would make a code-splitting bundler load the chat model in an app that
  // only uses the cost helpers (test/bundle.test.ts).
  it.each([
    'OpenRouterChatLanguageModel',
    'OpenRouterCompletionLanguageModel',
    'OpenRouterDecisionModel',
    'OpenRouterEmbeddingModel',
    'OpenRouterImageModel',
    'OpenRouterVideoModel',
  ])('%s is a type in the declarations and absent at run time', async name => {
    const declarations = readFileSync(
      new URL('../dist/index.d.ts', import.meta.url),
      'utf8',
    );
    const published = (await import(
      /* @vite-ignore */ new URL('../dist/index.js', import.meta.url).href
    )) as Record<string, unknown>;

    expect(declarations).toMatch(new RegExp(`type ${name}\\b`));
    expect(declaredValues(declarations)).not.toContain(name);
    expect(published[name]).toBeUndefined();
  });
});
