import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// What an editor shows a user of the published package: the option types
// with their documentation, no internals, and declaration maps that take
// go-to-definition to the source in `src/`. Reads `dist/`, which `npm test`
// builds first.

const DIST = new URL('../dist/', import.meta.url);
const declarations = readFileSync(new URL('index.d.ts', DIST), 'utf8');
const declarationFile = ts.createSourceFile(
  'index.d.ts',
  declarations,
  ts.ScriptTarget.Latest,
  true,
);

/** Top-level type aliases and interfaces of the declarations, by name. */
const declared = new Map<string, ts.Node>();
for (const statement of declarationFile.statements) {
  if (
    ts.isTypeAliasDeclaration(statement) ||
    ts.isInterfaceDeclaration(statement)
  ) {
    declared.set(statement.name.text, statement);
  }
}

/** The property `name` of a declared type, and its JSDoc. */
function propertyOf(typeName: string, name: string) {
  const declaration = declared.get(typeName);
  let found: ts.PropertySignature | ts.MethodSignature | undefined;
  declaration?.forEachChild(function visit(node) {
    if (
      found == null &&
      (ts.isPropertySignature(node) || ts.isMethodSignature(node)) &&
      node.name.getText() === name
    ) {
      found = node;
    }
    if (found == null && !ts.isTypeReferenceNode(node)) {
      node.forEachChild(visit);
    }
  });
  if (found == null) {
    throw new Error(`${typeName}.${name} is not in dist/index.d.ts`);
  }
  const docs = ts
    .getJSDocCommentsAndTags(found)
    .map(doc => doc.getText())
    .join('\n');
  return { node: found, docs };
}

describe('the option types in dist/index.d.ts', () => {
  it.each([
    ['OpenRouterProviderRouting', 'order', 'Provider slugs to try in order'],
    ['OpenRouterProviderRouting', 'data_collection', "'deny'"],
    ['OpenRouterChatOptions', 'plugins', 'Plugins: web search'],
    ['OpenRouterReasoningOptions', 'effort', 'How hard the model thinks'],
    ['OpenRouterWebPlugin', 'max_results', 'Number of results'],
    ['OpenRouterEmbeddingOptions', 'encoding_format', "'base64'"],
    ['OpenRouterImageOptions', 'aspect_ratio', 'Aspect ratio'],
    ['OpenRouterVideoSettings', 'duration', 'Length of the video'],
    ['OpenRouterDecisionSettings', 'session_id', 'Groups related requests'],
  ])('%s.%s carries its documentation', (typeName, property, text) => {
    expect(propertyOf(typeName, property).docs).toContain(text);
  });

  it('marks the settings carried over from the incumbent @deprecated', () => {
    expect(propertyOf('OpenRouterChatOptions', 'usage').docs).toContain(
      '@deprecated',
    );
    expect(propertyOf('OpenRouterChatOptions', 'maxTokens').docs).toContain(
      '@deprecated Use `max_tokens`',
    );
    expect(
      propertyOf('OpenRouterProviderSettings', 'compatibility').docs,
    ).toContain('@deprecated');
    expect(
      propertyOf('OpenRouterProvider', 'textEmbeddingModel').docs,
    ).toContain('@deprecated Use `embeddingModel`');
  });

  it('make editors strike the settings kept for drop-in use through', () => {
    // What an editor asks TypeScript for: suggestion diagnostics report a
    // deprecated name where it is used (drawn struck through), and
    // completions mark a deprecated property so (the list shows it struck
    // through). `|` marks where completions are asked for.
    const file = fileURLToPath(new URL('../test/uses-deprecated.ts', DIST));
    const marked = [
      "import { createOpenRouter, OpenRouter } from 'ai-sdk-openrouter';",
      'const provider = createOpenRouter({ | });',
      "provider.textEmbeddingModel('openai/text-embedding-3-small');",
      "provider.embedding('openai/text-embedding-3-small');",
      "new OpenRouter().textEmbeddingModel('openai/text-embedding-3-small');",
      "provider('openai/gpt-4o', { usage: { | } });",
      "provider('openai/gpt-4o', { | });",
    ].join('\n');
    const positions = [...marked.matchAll(/\|/g)].map(
      (match, index) => (match.index ?? 0) - index,
    );
    const code = marked.replaceAll('|', '');
    const service = languageServiceFor(file, code);

    const struck = service
      .getSuggestionDiagnostics(file)
      .filter(diagnostic => diagnostic.reportsDeprecated)
      .map(diagnostic =>
        code.slice(
          diagnostic.start,
          (diagnostic.start ?? 0) + (diagnostic.length ?? 0),
        ),
      );
    const deprecatedCompletions = positions.flatMap(position =>
      (service.getCompletionsAtPosition(file, position, {})?.entries ?? [])
        .filter(entry => entry.kindModifiers?.includes('deprecated'))
        .map(entry => entry.name)
        .sort(),
    );

    expect(service.getSemanticDiagnostics(file)).toStrictEqual([]);
    expect(struck).toStrictEqual([
      'textEmbeddingModel',
      'embedding',
      'textEmbeddingModel',
    ]);
    expect(deprecatedCompletions).toStrictEqual([
      // createOpenRouter({ … })
      'baseUrl',
      'compatibility',
      // usage: { … }
      'include',
      // the chat settings: the incumbent's spellings, and usage
      'frequencyPenalty',
      'includeReasoning',
      'logitBias',
      'maxTokens',
      'parallelToolCalls',
      'presencePenalty',
      'topK',
      'topP',
      'usage',
    ]);
  });

  it('types every optional property of the option types `?: T | undefined`', () => {
    const optionTypes = [
      'OpenRouterChatOptions',
      'OpenRouterEmbeddingOptions',
      'OpenRouterImageOptions',
      'OpenRouterImageApiSettings',
      'OpenRouterVideoSettings',
      'OpenRouterDecisionSettings',
    ];
    const seen = new Set<string>();
    const withoutUndefined: string[] = [];
    const visit = (node: ts.Node, where: string) => {
      if (ts.isTypeReferenceNode(node)) {
        const name = node.typeName.getText();
        const target = declared.get(name);
        if (target != null && !seen.has(name)) {
          seen.add(name);
          visit(target, name);
        }
      }
      if (ts.isPropertySignature(node) && node.questionToken != null) {
        const type = node.type;
        const allowsUndefined =
          type != null &&
          ts.isUnionTypeNode(type) &&
          type.types.some(
            member => member.kind === ts.SyntaxKind.UndefinedKeyword,
          );
        if (!allowsUndefined) {
          withoutUndefined.push(`${where}.${node.name.getText()}`);
        }
      }
      node.forEachChild(child => visit(child, where));
    };
    for (const name of optionTypes) {
      seen.add(name);
      visit(declared.get(name) as ts.Node, name);
    }

    expect(seen.size).toBeGreaterThan(15);
    expect(withoutUndefined).toStrictEqual([]);
  });

  it('leaves the internals out', () => {
    for (const internal of [
      'buildSchemas',
      'LazyOpenRouterModel',
      'credentialsGivenInCode',
      'OpenRouterConfig',
      'WORKFLOW_SERIALIZE',
      'loadImplementation',
      'ZodObject',
    ]) {
      expect(declarations, internal).not.toContain(internal);
    }
  });

  it('declares the models by what they are to a user', () => {
    const chatModel = declared.get('OpenRouterChatLanguageModel$1');
    expect(chatModel != null && ts.isInterfaceDeclaration(chatModel)).toBe(
      true,
    );
    expect(propertyOf('OpenRouterChatLanguageModel$1', 'settings').docs).toBe(
      '/** The settings the model was created with. */',
    );
  });
});

describe('the declaration maps', () => {
  it.each([
    ['index.d.ts', 'index.d.ts.map'],
    ['testing/index.d.ts', 'testing/index.d.ts.map'],
  ])(
    '%s names its map, whose sources all ship in the package',
    (file, mapFile) => {
      const text = readFileSync(new URL(file, DIST), 'utf8');
      expect(text.trimEnd().split('\n').at(-1)).toBe(
        `//# sourceMappingURL=${mapFile.split('/').at(-1)}`,
      );
      const map = readSourceMap(mapFile);
      expect(map.sources.length).toBeGreaterThan(0);
      for (const source of map.sources) {
        const path = new URL(source, new URL(mapFile, DIST));
        expect(fileURLToPath(path)).toMatch(/\/src\/.+\.ts$/);
        expect(existsSync(path), source).toBe(true);
      }
      const { files } = JSON.parse(
        readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
      ) as { files: string[] };
      expect(files).toContain('src');
    },
  );

  // An editor maps a definition through the map with TypeScript's own
  // reader, used here as tsserver uses it (`createDocumentPositionMapper`
  // is internal to TypeScript, but it is what go-to-definition runs).
  it.each([
    ['OpenRouterProviderRouting', 'order', /^\s*order\?: string\[\]/],
    ['OpenRouterProviderRouting', 'by', /^\s*by\?: OpenRouterProviderSort/],
    ['OpenRouterReasoningOptions', 'effort', /^\s*effort\?:/],
    ['OpenRouterEmbeddingOptions', 'input_type', /^\s*input_type\?:/],
    ['OpenRouterChatLanguageModel$1', 'settings', /^\s*readonly settings:/],
    ['OpenRouterProvider', 'embeddingModel', /^\s*embeddingModel\(/],
  ])(
    'take go-to-definition of %s.%s to its line in src/',
    (typeName, name, line) => {
      const { node } = propertyOf(typeName, name);
      const source = sourceLineOf('index.d.ts', node.name.getStart());

      expect(source.fileName).toMatch(/\/src\/.+\.ts$/);
      expect(source.line).toMatch(line);
    },
  );

  it.each(['index.d.ts', 'testing/index.d.ts'])(
    'take every declared name in %s to a line of src/ that holds it',
    file => {
      const text = readFileSync(new URL(file, DIST), 'utf8');
      const declarationsOfFile = ts.createSourceFile(
        file,
        text,
        ts.ScriptTarget.Latest,
        true,
      );
      const names: ts.Node[] = [];
      declarationsOfFile.forEachChild(function visit(node) {
        if (
          (ts.isPropertySignature(node) ||
            ts.isMethodSignature(node) ||
            ts.isTypeAliasDeclaration(node) ||
            ts.isInterfaceDeclaration(node) ||
            ts.isFunctionDeclaration(node)) &&
          node.name != null
        ) {
          names.push(node.name);
        }
        node.forEachChild(visit);
      });

      const misplaced = names
        .map(name => ({
          // A name the bundler made unique (`Model$1`) is `Model` in src/.
          text: name.getText().replace(/\$\d+$/, ''),
          source: sourceLineOf(file, name.getStart()),
        }))
        .filter(({ text, source }) => !source.line.includes(text))
        .map(({ text, source }) => `${text} → ${source.line.trim()}`);

      expect(names.length).toBeGreaterThan(50);
      expect(misplaced).toStrictEqual([]);
    },
  );
});

const mappers = new Map<string, DocumentPositionMapper>();
const sourceTexts = new Map<string, string>();

/** The source line an editor's go-to-definition opens for a position. */
function sourceLineOf(file: string, position: number) {
  let mapper = mappers.get(file);
  if (mapper == null) {
    mapper = positionMapper(file);
    mappers.set(file, mapper);
  }
  const source = mapper.getSourcePosition({
    fileName: fileURLToPath(new URL(file, DIST)),
    pos: position,
  });
  let text = sourceTexts.get(source.fileName);
  if (text == null) {
    text = readFileSync(source.fileName, 'utf8');
    sourceTexts.set(source.fileName, text);
  }
  const start = text.lastIndexOf('\n', source.pos - 1) + 1;
  const end = text.indexOf('\n', source.pos);
  return {
    fileName: source.fileName,
    line: text.slice(start, end === -1 ? undefined : end),
  };
}

/** A language service over one file that imports the built package. */
function languageServiceFor(file: string, code: string) {
  const options: ts.CompilerOptions = {
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    target: ts.ScriptTarget.ES2022,
    strict: true,
    exactOptionalPropertyTypes: true,
    skipLibCheck: true,
    types: [],
    paths: {
      'ai-sdk-openrouter': [fileURLToPath(new URL('index.d.ts', DIST))],
    },
  };
  return ts.createLanguageService({
    getCompilationSettings: () => options,
    getScriptFileNames: () => [file],
    getScriptVersion: () => '1',
    getScriptSnapshot: name => {
      const text = name === file ? code : ts.sys.readFile(name);
      return text != null ? ts.ScriptSnapshot.fromString(text) : undefined;
    },
    getCurrentDirectory: () => fileURLToPath(new URL('..', DIST)),
    getDefaultLibFileName: settings => ts.getDefaultLibFilePath(settings),
    fileExists: name => name === file || ts.sys.fileExists(name),
    readFile: name => (name === file ? code : ts.sys.readFile(name)),
  });
}

type SourceMap = { sources: string[]; mappings: string };

function readSourceMap(file: string): SourceMap {
  return JSON.parse(readFileSync(new URL(file, DIST), 'utf8')) as SourceMap;
}

type DocumentPositionMapper = {
  getSourcePosition(position: { fileName: string; pos: number }): {
    fileName: string;
    pos: number;
  };
};

function positionMapper(file: string): DocumentPositionMapper {
  const { createDocumentPositionMapper } = ts as unknown as {
    createDocumentPositionMapper(
      host: {
        getSourceFileLike(fileName: string): { text: string } | undefined;
        getCanonicalFileName(fileName: string): string;
        log(text: string): void;
      },
      map: SourceMap,
      mapPath: string,
    ): DocumentPositionMapper;
  };
  return createDocumentPositionMapper(
    {
      getSourceFileLike: fileName =>
        existsSync(fileName)
          ? { text: readFileSync(fileName, 'utf8') }
          : undefined,
      getCanonicalFileName: fileName => fileName,
      log: () => {},
    },
    readSourceMap(`${file}.map`),
    fileURLToPath(new URL(`${file}.map`, DIST)),
  );
}
