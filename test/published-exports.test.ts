import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// The published declarations promise values (classes, functions, constants)
// that code imports by name; each must exist in the published JavaScript,
// or an import that type-checks fails when it loads. Reads `dist/`, which
// `npm test` builds first.

const ENTRIES = [
  ['ai-sdk-openrouter', '../dist/index.d.ts', '../dist/index.js'],
  [
    'ai-sdk-openrouter/internal',
    '../dist/internal/index.d.ts',
    '../dist/internal/index.js',
  ],
  [
    'ai-sdk-openrouter/testing',
    '../dist/testing/index.d.ts',
    '../dist/testing/index.js',
  ],
] as const;

const MODEL_CLASSES = [
  'OpenRouterChatLanguageModel',
  'OpenRouterCompletionLanguageModel',
  'OpenRouterDecisionModel',
  'OpenRouterEmbeddingModel',
  'OpenRouterImageModel',
  'OpenRouterVideoModel',
] as const;

type ListEntry = { local: string; exported: string; isType: boolean };

/** The entries of an `import { … }` or `export { … }` list. */
function parseList(list: string): ListEntry[] {
  return list
    .split(',')
    .map(entry => entry.trim())
    .filter(entry => entry !== '')
    .map(entry => {
      const isType = entry.startsWith('type ');
      const [local, exported = local] = entry
        .replace(/^type\s+/, '')
        .split(/\s+as\s+/);
      return { local, exported, isType };
    });
}

const escapeName = (name: string) => name.replace(/\$/g, '\\$');

function declaresValue(text: string, name: string) {
  return new RegExp(
    `^declare (?:abstract )?(?:class|function|const|let|var|enum) ${escapeName(name)}\\b`,
    'm',
  ).test(text);
}

function declaresType(text: string, name: string) {
  return new RegExp(
    `^(?:declare )?(?:type|interface) ${escapeName(name)}\\b`,
    'm',
  ).test(text);
}

/**
 * What an entry's declarations export, each name marked as a value or a
 * type, and the classes it exports as types only. Declarations that
 * several entries share sit in a chunk (`index-<hash>.d.ts`) the entry
 * imports from and re-exports, so a name takes the kind the chunk gives
 * it. A name re-exported from another package is a value when that
 * package exports it at run time.
 */
async function readDeclarations(path: URL) {
  const text = readFileSync(path, 'utf8');

  const chunkKinds = new Map<string, Map<string, boolean>>();
  const isValueIn = async (specifier: string, name: string) => {
    if (!specifier.startsWith('.')) {
      const module = (await import(specifier)) as Record<string, unknown>;
      return module[name] !== undefined;
    }
    let kinds = chunkKinds.get(specifier);
    if (kinds === undefined) {
      const chunk = readFileSync(
        new URL(specifier.replace(/\.js$/, '.d.ts'), path),
        'utf8',
      );
      kinds = new Map();
      for (const match of chunk.matchAll(/^export \{([^}]*)\};/gm)) {
        for (const entry of parseList(match[1])) {
          kinds.set(
            entry.exported,
            !entry.isType && declaresValue(chunk, entry.local),
          );
        }
      }
      chunkKinds.set(specifier, kinds);
    }
    const kind = kinds.get(name);
    if (kind === undefined) {
      throw new Error(`${specifier} does not export ${name}`);
    }
    return kind;
  };

  // Local names bound by imports, each true when it is a value.
  const imported = new Map<string, boolean>();
  for (const match of text.matchAll(/^import \{([^}]*)\} from '([^']+)';/gm)) {
    for (const entry of parseList(match[1])) {
      imported.set(
        entry.exported,
        !entry.isType && (await isValueIn(match[2], entry.local)),
      );
    }
  }

  const exports = new Map<string, boolean>();
  const classesExportedAsTypes: string[] = [];
  for (const match of text.matchAll(
    /^export (type )?\{([^}]*)\}(?: from '([^']+)')?;/gm,
  )) {
    const from = match[3];
    // `export type { … }` (as rollup-plugin-dts writes) makes every name
    // in the list a type.
    const listIsTypes = match[1] !== undefined;
    for (const parsed of parseList(match[2])) {
      const entry = { ...parsed, isType: parsed.isType || listIsTypes };
      if (from !== undefined) {
        exports.set(
          entry.exported,
          !entry.isType && (await isValueIn(from, entry.local)),
        );
        continue;
      }
      const isClassOrValue =
        imported.get(entry.local) ??
        (declaresValue(text, entry.local) || !declaresType(text, entry.local));
      exports.set(entry.exported, !entry.isType && isClassOrValue);
      if (entry.isType && isClassOrValue) {
        classesExportedAsTypes.push(entry.exported);
      }
    }
  }
  return { exports, classesExportedAsTypes };
}

const valuesOf = (exports: Map<string, boolean>) =>
  [...exports].filter(([, isValue]) => isValue).map(([name]) => name);

async function load(modulePath: string) {
  return (await import(
    /* @vite-ignore */ new URL(modulePath, import.meta.url).href
  )) as Record<string, unknown>;
}

describe.each(ENTRIES)('%s', (_, declarationsPath, modulePath) => {
  const declarationsUrl = new URL(declarationsPath, import.meta.url);

  it('exports at run time every value its declarations name', async () => {
    const { exports } = await readDeclarations(declarationsUrl);
    const values = valuesOf(exports);
    const module = await load(modulePath);

    expect(values.length).toBeGreaterThan(0);
    expect(values.filter(name => module[name] === undefined)).toStrictEqual([]);
  });

  it('declares no class it exports as a type only', async () => {
    const { classesExportedAsTypes } = await readDeclarations(declarationsUrl);
    expect(classesExportedAsTypes).toStrictEqual([]);
  });
});

describe('model classes', () => {
  // The main entry exports them as types only, as the incumbent's main entry
  // does: a value export would make a code-splitting bundler load the chat
  // model in an app that only uses the cost helpers (test/bundle.test.ts).
  it.each(MODEL_CLASSES)(
    '%s is a type in the main declarations and absent at run time',
    async name => {
      const main = new URL('../dist/index.d.ts', import.meta.url);
      const { exports } = await readDeclarations(main);
      const published = await load('../dist/index.js');

      expect(readFileSync(main, 'utf8')).toMatch(new RegExp(`type ${name}\\b`));
      expect(exports.get(name)).toBe(false);
      expect(published[name]).toBeUndefined();
    },
  );

  // `/internal` exports them as values, as `@openrouter/ai-sdk-provider/internal`
  // does, with the incumbent's name for the decision model.
  it.each([...MODEL_CLASSES, 'OpenRouterEvaluationModel'])(
    '%s is a value of ai-sdk-openrouter/internal',
    async name => {
      const { exports } = await readDeclarations(
        new URL('../dist/internal/index.d.ts', import.meta.url),
      );
      const internal = await load('../dist/internal/index.js');

      expect(exports.get(name)).toBe(true);
      expect(internal[name]).toBeTypeOf('function');
    },
  );

  it('are, in ai-sdk-openrouter/internal, the classes of the models the published provider builds', async () => {
    const internal = await load('../dist/internal/index.js');
    const { createOpenRouter } = (await load('../dist/index.js')) as {
      createOpenRouter: typeof import('ai-sdk-openrouter').createOpenRouter;
    };
    const provider = createOpenRouter({ apiKey: 'sk-or-v1-test' });
    const models: Record<string, unknown> = {
      OpenRouterChatLanguageModel: provider('openai/gpt-4o'),
      OpenRouterCompletionLanguageModel: provider.completion(
        'openai/gpt-3.5-turbo-instruct',
      ),
      OpenRouterDecisionModel: provider.decisionModel('typesafe/jev-1.13'),
      OpenRouterEmbeddingModel: provider.embeddingModel(
        'openai/text-embedding-3-small',
      ),
      OpenRouterImageModel: provider.imageModel(
        'google/gemini-2.5-flash-image',
      ),
      OpenRouterVideoModel: provider.videoModel('google/veo-3.1'),
    };

    for (const name of MODEL_CLASSES) {
      expect(models[name], name).toBeInstanceOf(
        internal[name] as abstract new (
          ...args: never[]
        ) => unknown,
      );
    }
    expect(models.OpenRouterDecisionModel).toBeInstanceOf(
      internal.OpenRouterEvaluationModel as abstract new (
        ...args: never[]
      ) => unknown,
    );
  });
});

describe('optional properties', () => {
  // Under exactOptionalPropertyTypes (which `tsc --init` turns on), `foo?: T`
  // refuses `foo: undefined`, so `createOpenRouter({ apiKey:
  // process.env.KEY })` would not compile: every optional property of the
  // published declarations accepts `undefined` too.
  it.each(ENTRIES)(
    '%s: every optional property accepts undefined',
    (_, path) => {
      const file = fileURLToPath(new URL(path, import.meta.url));
      const source = ts.createSourceFile(
        file,
        readFileSync(file, 'utf8'),
        ts.ScriptTarget.Latest,
        true,
      );
      const refusing: string[] = [];
      const visit = (node: ts.Node) => {
        if (
          (ts.isPropertySignature(node) || ts.isPropertyDeclaration(node)) &&
          node.questionToken != null &&
          node.type != null &&
          !acceptsUndefined(node.type)
        ) {
          const { line } = source.getLineAndCharacterOfPosition(
            node.getStart(),
          );
          refusing.push(`${path}:${line + 1} ${node.name.getText()}`);
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
      expect(refusing).toStrictEqual([]);
    },
  );
});

function acceptsUndefined(type: ts.TypeNode): boolean {
  return (
    type.kind === ts.SyntaxKind.AnyKeyword ||
    type.kind === ts.SyntaxKind.UnknownKeyword ||
    type.kind === ts.SyntaxKind.UndefinedKeyword ||
    (ts.isUnionTypeNode(type) && type.types.some(acceptsUndefined))
  );
}
