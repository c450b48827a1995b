import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// The incumbent's documented usage, type-checked against our published
// declarations. test/types/incumbent-usage/ holds the README snippets of
// `@openrouter/ai-sdk-provider` 3.1.0 and the use of every type it exports,
// with the import changed to 'ai-sdk-openrouter'. Each file is compiled with
// the TypeScript compiler API under a strict user's settings, against
// `dist/index.d.ts` and `dist/internal/index.d.ts` (which `npm test` builds
// first) and, as a control, against the incumbent's own declarations.
//
// A line that does not compile against ours carries a `@ts-expect-error`
// that says why:
// - `GAP:` ours lacks something the incumbent has (to be closed);
// - `DIFFERENCE:` a deliberate difference, listed in the README's
//   migration section;
// - `INCUMBENT-README:` the snippet is wrong for the incumbent too.
// When a gap closes, its directive becomes unused and this test fails
// until the marker is removed. A line that fails only against the
// incumbent (its README is wrong there, ours accepts it) has an
// `INCUMBENT-README:` comment right above it.

const root = fileURLToPath(new URL('..', import.meta.url));
const snippetDir = join(root, 'test/types/incumbent-usage');
const snippets = readdirSync(snippetDir)
  .filter(name => name.endsWith('.ts'))
  .sort()
  .map(name => join(snippetDir, name));

const declarations = {
  ours: join(root, 'dist/index.d.ts'),
  incumbent: join(
    root,
    'node_modules/@openrouter/ai-sdk-provider/dist/index.d.ts',
  ),
} as const;

// The `/internal` entry, which exports the model classes as values.
const internalDeclarations = {
  ours: join(root, 'dist/internal/index.d.ts'),
  incumbent: join(
    root,
    'node_modules/@openrouter/ai-sdk-provider/dist/internal/index.d.ts',
  ),
} as const;

const resolutions = {
  nodenext: {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
  },
  bundler: {
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
  },
} as const;

type Target = keyof typeof declarations;
type Resolution = keyof typeof resolutions;

const MARKERS = ['GAP:', 'DIFFERENCE:', 'INCUMBENT-README:'] as const;

function compile(target: Target, resolution: Resolution) {
  if (!existsSync(declarations[target])) {
    throw new Error(`${declarations[target]} is missing: run npm run build`);
  }
  const options: ts.CompilerOptions = {
    ...resolutions[resolution],
    target: ts.ScriptTarget.ES2022,
    lib: ['lib.es2023.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
    types: ['node'],
    typeRoots: [join(root, 'node_modules/@types')],
    strict: true,
    exactOptionalPropertyTypes: true,
    verbatimModuleSyntax: true,
    noEmit: true,
    skipLibCheck: true,
    // The package name resolves to the declarations under test.
    paths: {
      'ai-sdk-openrouter': [declarations[target]],
      'ai-sdk-openrouter/internal': [internalDeclarations[target]],
    },
  };
  const program = ts.createProgram(snippets, options);
  return ts.getPreEmitDiagnostics(program).map(diagnostic => {
    const message = ts.flattenDiagnosticMessageText(
      diagnostic.messageText,
      '\n',
    );
    if (diagnostic.file === undefined || diagnostic.start === undefined) {
      return { file: '', line: 0, lines: [], code: diagnostic.code, message };
    }
    const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(
      diagnostic.start,
    );
    return {
      file: relative(root, diagnostic.file.fileName),
      line: line + 1,
      column: character + 1,
      lines: diagnostic.file.text.split('\n'),
      code: diagnostic.code,
      message,
    };
  });
}

type Diagnostic = ReturnType<typeof compile>[number];

function format(diagnostic: Diagnostic): string {
  return `${diagnostic.file}:${diagnostic.line} TS${diagnostic.code}: ${diagnostic.message}`;
}

/** The comment lines right above a diagnostic's line, nearest first. */
function commentsAbove(diagnostic: Diagnostic): string[] {
  const comments: string[] = [];
  for (let index = diagnostic.line - 2; index >= 0; index--) {
    const text = diagnostic.lines[index]?.trim() ?? '';
    if (!text.startsWith('//')) break;
    comments.push(text);
  }
  return comments;
}

/**
 * What the incumbent may report: a directive for a gap or difference of
 * ours is unused there (TS2578), and a snippet its own README gets wrong
 * fails there.
 */
function expectedOfIncumbent(diagnostic: Diagnostic): boolean {
  const line = diagnostic.lines[diagnostic.line - 1] ?? '';
  if (
    diagnostic.code === 2578 &&
    (line.includes('GAP:') || line.includes('DIFFERENCE:'))
  ) {
    return true;
  }
  return commentsAbove(diagnostic).some(text =>
    text.includes('INCUMBENT-README:'),
  );
}

describe.each(Object.keys(resolutions) as Resolution[])(
  'moduleResolution %s',
  resolution => {
    it('the incumbent usage compiles against our dist/index.d.ts', () => {
      expect(compile('ours', resolution).map(format)).toStrictEqual([]);
    }, 120_000);

    it('the same files compile against the incumbent (control)', () => {
      const unexpected = compile('incumbent', resolution).filter(
        diagnostic => !expectedOfIncumbent(diagnostic),
      );
      expect(unexpected.map(format)).toStrictEqual([]);
    }, 120_000);
  },
);

describe('the snippet files', () => {
  const sources = snippets.map(file => readFileSync(file, 'utf8'));

  it('give a reason for every @ts-expect-error', () => {
    const unexplained = sources.flatMap((source, index) =>
      source
        .split('\n')
        .map((line, number) => ({ line, number: number + 1 }))
        .filter(
          ({ line }) =>
            line.includes('@ts-expect-error') &&
            !MARKERS.some(marker => line.includes(marker)),
        )
        .map(
          ({ number }) => `${relative(root, snippets[index] ?? '')}:${number}`,
        ),
    );
    expect(unexplained).toStrictEqual([]);
  });

  it.each([
    ['ai-sdk-openrouter', declarations.incumbent],
    ['ai-sdk-openrouter/internal', internalDeclarations.incumbent],
  ])('import every name the incumbent exports from %s', (entry, path) => {
    const incumbent = readFileSync(path, 'utf8');
    const exported = [...incumbent.matchAll(/^export \{([^}]*)\}/gm)]
      .flatMap(match => (match[1] ?? '').split(','))
      .map(entry =>
        entry
          .trim()
          .replace(/^type\s+/, '')
          .split(/\s+as\s+/)
          .pop(),
      )
      .filter((name): name is string => name !== undefined && name !== '');
    expect(exported.length).toBeGreaterThan(15);
    const importPattern = new RegExp(
      `import(?:\\s+type)?\\s*\\{([^}]*)\\}\\s*from\\s*'${entry}'`,
      'g',
    );
    const imported = new Set(
      sources.flatMap(source =>
        [...source.matchAll(importPattern)].flatMap(match =>
          (match[1] ?? '')
            .split(',')
            .map(entry => entry.trim().replace(/^type\s+/, '')),
        ),
      ),
    );
    expect(exported.filter(name => !imported.has(name))).toStrictEqual([]);
  });
});
