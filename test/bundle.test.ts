import { fileURLToPath } from 'node:url';
import { build, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

// Strings that only the utilities' schemas and code contain: one per lazily
// loaded area, plus the key advice of the request helper they share.
const UTILITY_MARKERS = [
  'canonical_slug', // models
  'limit_remaining', // keys
  'total_credits', // credits
  'native_tokens_prompt', // generations
  'byok_usage_inference', // activity
  'code_verifier', // oauth
  'SHA-256', // pkce
  'needs a provisioning key', // the shared request helper
];

/**
 * Bundles a small app the way a user's bundler does (ESM, code splitting)
 * and returns the code the app loads at start, that is its entry chunk and
 * every chunk it imports statically, and the code it may load later.
 */
async function bundleApp(
  source: string,
  { bundleAi = false }: { bundleAi?: boolean } = {},
) {
  const result = await build({
    stdin: { contents: source, resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    splitting: true,
    format: 'esm',
    // `ai` brings dependencies written for Node.
    platform: bundleAi ? 'node' : 'neutral',
    mainFields: ['module', 'main'],
    // `ai` is the app's own dependency, not what is measured here, unless
    // the test is about what the package makes of the dependencies it
    // shares with `ai`.
    external: bundleAi ? [] : ['ai'],
    outdir: 'out',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const outputs = result.metafile.outputs;
  const textByPath = new Map(
    result.outputFiles.map(file => [
      file.path.slice(file.path.lastIndexOf('out/')),
      file.text,
    ]),
  );
  // Dynamically imported chunks count as entry points too; the app's own
  // entry is the one built from stdin.
  const entry = Object.keys(outputs).find(
    path => outputs[path].entryPoint === '<stdin>',
  );
  if (entry == null) {
    throw new Error('esbuild produced no entry chunk');
  }
  const loadedAtStart = staticClosure(outputs, entry);
  const atStart = [...loadedAtStart].map(path => textByPath.get(path) ?? '');
  const later = Object.keys(outputs)
    .filter(path => !loadedAtStart.has(path) && path.endsWith('.js'))
    .map(path => textByPath.get(path) ?? '');
  // The source modules with code in the start chunks.
  const modulesAtStart = new Set(
    [...loadedAtStart].flatMap(path =>
      Object.entries(outputs[path]?.inputs ?? {})
        .filter(([, input]) => input.bytesInOutput > 0)
        .map(([input]) => input),
    ),
  );
  return {
    atStart: atStart.join('\n'),
    later: later.join('\n'),
    modulesAtStart,
  };
}

function staticClosure(outputs: Metafile['outputs'], entry: string) {
  const seen = new Set<string>();
  const visit = (path: string) => {
    if (seen.has(path)) {
      return;
    }
    seen.add(path);
    for (const imported of outputs[path]?.imports ?? []) {
      if (imported.kind === 'import-statement' && !imported.external) {
        visit(imported.path);
      }
    }
  };
  visit(entry);
  return seen;
}

describe('bundle size: the utilities are paid for only when used', () => {
  it('keeps the utilities out of the code a chat-only app loads at start', async () => {
    const { atStart, later } = await bundleApp(`
      import { generateText } from 'ai';
      import { createOpenRouter } from './src/index.ts';
      const openrouter = createOpenRouter({ apiKey: 'sk-or-test' });
      export const run = () =>
        generateText({ model: openrouter('openai/gpt-4o-mini'), prompt: 'Hi' });
    `);

    // The chat model itself is there …
    expect(atStart).toContain('/chat/completions');
    // … the utilities are not, but they are in chunks loaded on first use.
    for (const marker of UTILITY_MARKERS) {
      expect(atStart, marker).not.toContain(marker);
      expect(later, marker).toContain(marker);
    }
  }, 60_000);

  it('loads the utilities lazily in an app that uses them', async () => {
    const { atStart, later } = await bundleApp(`
      import { createOpenRouter } from './src/index.ts';
      export const list = () => createOpenRouter().models.list();
    `);

    expect(atStart).not.toContain('canonical_slug');
    expect(later).toContain('canonical_slug');
  }, 60_000);

  it('keeps the cost helpers free of schemas and the provider', async () => {
    const { atStart, later } = await bundleApp(`
      import { estimateCost, toPerMillionTokens } from './src/index.ts';
      export const cost = estimateCost(
        { pricing: { prompt: 0.000001, completion: 0.000002 } },
        { inputTokens: 10, outputTokens: 5 },
      );
      export const perMillion = toPerMillionTokens(0.000001);
    `);

    expect(atStart).toContain('no fixed price');
    for (const marker of [...UTILITY_MARKERS, '/chat/completions']) {
      expect(atStart, marker).not.toContain(marker);
    }
    // esbuild still emits the lazy chunks it found in the module graph, but
    // nothing the app runs can load them.
    expect(atStart).not.toContain('import(');
    expect(later).toContain('canonical_slug');
  }, 60_000);
});

describe('bundle size: a streaming chat app loads only the streaming path', () => {
  // One string from each module the chat model loads on first use.
  const ON_DEMAND_MARKERS = [
    'bf16', // the option schemas
    'application/graphql', // the file converter
    'without any choices', // the non-streaming path
    'did not finish within', // the video model
    'Edge Network Timeout', // the failed-response handler
    'instead of an event stream', // an answer not labelled as a stream
    'a response this provider cannot read', // the JSON response handler
    'this runtime does not reveal', // the redirect checks
    'OpenRouter ended the stream with neither', // the stream's errors
    'rate_limit_exceeded', // OpenRouter's error codes and messages
    '[REDACTED]', // the redaction of secrets from errors
    'Examples of valid input', // the tool mapping
  ];

  it('keeps options, tools, files, doGenerate, the video model, the errors, the redaction and the redirect checks out of what it loads at start', async () => {
    const { atStart, later } = await bundleApp(`
      import { streamText } from 'ai';
      import { createOpenRouter } from './src/index.ts';
      const openrouter = createOpenRouter({ apiKey: 'sk-or-test' });
      export const run = () =>
        streamText({ model: openrouter('openai/gpt-4o-mini'), prompt: 'Hi' });
    `);

    expect(atStart).toContain('/chat/completions');
    for (const marker of ON_DEMAND_MARKERS) {
      expect(atStart, marker).not.toContain(marker);
      expect(later, marker).toContain(marker);
    }
  }, 60_000);

  it('does not pull the zod it loads on demand into the start chunks', async () => {
    // `ai` loads part of zod at start. Schemas written against the `z`
    // object (import { z }) keep every export of zod alive in the chunks
    // that load on demand, locales included, and a bundler that splits by
    // module puts those that `ai` also reaches into the chunks loaded at
    // start; a namespace import (import * as z) keeps only what is used.
    const { modulesAtStart, later } = await bundleApp(
      `
      import { streamText } from 'ai';
      import { createOpenRouter } from './src/index.ts';
      const openrouter = createOpenRouter({ apiKey: 'sk-or-test' });
      export const run = () =>
        streamText({ model: openrouter('openai/gpt-4o-mini'), prompt: 'Hi' });
    `,
      { bundleAi: true },
    );

    const localesAtStart = [...modulesAtStart].filter(
      path => path.includes('zod/v4/locales/') && !path.endsWith('/en.js'),
    );
    expect(localesAtStart).toEqual([]);
    // The app still has the schemas it loads on demand.
    expect(later).toContain('bf16');
  }, 60_000);
});
