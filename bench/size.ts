/**
 * `npm run size`: what each package adds to an app that streams with
 * `streamText`, bundled and minified with esbuild for Node and for the
 * browser and edge runtimes, gzipped, over the same app importing only
 * `ai`; then the cold import time of each package, as the median of fresh
 * `node` processes. Prints the tables and writes them to bench/results.md.
 *
 * Run after `npm run build` (the script does it): the import times load the
 * built package, as an app does.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { build, type Metafile, type Plugin } from 'esbuild';
import { median } from './measure.ts';
import { describeEnvironment, writeResultsSection } from './results-file.ts';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const { version } = JSON.parse(
  readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
) as { version: string };

const isQuick =
  process.argv.includes('--quick') || process.env.BENCH_QUICK === '1';
// Quick mode only checks that the script works: one process per package.
const IMPORT_RUNS = isQuick ? 1 : 41;
const IMPORT_TIMEOUT_MS = 30_000;

type App = {
  id: string;
  label: string;
  moduleName: string;
  source: string;
  /** Leaves the package's own dynamic `import()`s out of the bundle. */
  withoutOnDemandChunks?: boolean;
};

const STREAM_CALL = `
  const result = streamText({ model, prompt: 'Hi' });
  return await result.text;`;

/**
 * The same app when it also defines a tool with zod, as most AI SDK apps
 * do: zod is then the app's own cost, and what remains is the package's.
 */
function withZodTool(app: App): App {
  return {
    ...app,
    source: `import { z as zod } from 'zod';
      import { tool as defineTool } from 'ai';
      export const weather = defineTool({
        inputSchema: zod.object({ city: zod.string() }),
        execute: async ({ city }) => ({ city }),
      });
      ${app.source}`,
  };
}

const OURS_SOURCE = `
      import { streamText } from 'ai';
      import { createOpenRouter } from 'ai-sdk-openrouter';
      const openrouter = createOpenRouter({ apiKey: process.env.OPENROUTER_API_KEY });
      export async function run() {
        const model = openrouter('openai/gpt-4o-mini');${STREAM_CALL}
      }`;

const APPS: App[] = [
  {
    id: 'ai',
    label: '`ai` only (the baseline)',
    moduleName: 'ai',
    source: `
      import { streamText } from 'ai';
      export async function run(model) {${STREAM_CALL}
      }`,
  },
  {
    id: 'ours',
    label: 'ai-sdk-openrouter (ours)',
    moduleName: 'ai-sdk-openrouter',
    source: OURS_SOURCE,
  },
  {
    // What our start code weighs by itself. With the code we load on demand
    // in the bundle, a bundler that splits by module puts every module that
    // chunk shares with the app (zod, provider-utils) in chunks the app
    // loads at start, with the links between them; this row leaves that out.
    id: 'ours-alone',
    label: 'ai-sdk-openrouter (ours), its on-demand chunks left out',
    moduleName: 'ai-sdk-openrouter',
    source: OURS_SOURCE,
    withoutOnDemandChunks: true,
  },
  {
    id: 'incumbent',
    label: '@openrouter/ai-sdk-provider (incumbent)',
    moduleName: '@openrouter/ai-sdk-provider',
    source: `
      import { streamText } from 'ai';
      import { createOpenRouter } from '@openrouter/ai-sdk-provider';
      const openrouter = createOpenRouter({ apiKey: process.env.OPENROUTER_API_KEY });
      export async function run() {
        const model = openrouter('openai/gpt-4o-mini');${STREAM_CALL}
      }`,
  },
  {
    id: 'compatible',
    label: '@ai-sdk/openai-compatible',
    moduleName: '@ai-sdk/openai-compatible',
    source: `
      import { streamText } from 'ai';
      import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
      const openrouter = createOpenAICompatible({
        name: 'openrouter',
        baseURL: 'https://openrouter.ai/api/v1',
        apiKey: process.env.OPENROUTER_API_KEY,
      });
      export async function run() {
        const model = openrouter.chatModel('openai/gpt-4o-mini');${STREAM_CALL}
      }`,
  },
];

type Platform = { id: string; label: string; options: object };

const PLATFORMS: Platform[] = [
  { id: 'node', label: 'Node', options: { platform: 'node' } },
  {
    id: 'edge',
    label: 'browser / edge',
    options: {
      platform: 'browser',
      conditions: ['edge-light', 'worker', 'browser'],
      // Built-ins that only code for Node would load; an edge bundle leaves
      // them to the runtime.
      external: ['node:*'],
    },
  },
];

/**
 * Bundles the app as a bundler for production does (minified, ESM, code
 * splitting) and returns the gzipped size of what the app loads at start:
 * its entry chunk and every chunk that imports statically. Chunks behind a
 * dynamic `import()` (our account utilities, say) load only when used.
 */
async function bundledSize(app: App, platform: Platform) {
  const result = await build({
    stdin: { contents: app.source, resolveDir: ROOT, loader: 'js' },
    bundle: true,
    splitting: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    outdir: 'out',
    write: false,
    metafile: true,
    logLevel: 'silent',
    // The package as published is its built source; bundling the source
    // gives the same code without needing a build first.
    alias: { 'ai-sdk-openrouter': `${ROOT}src/index.ts` },
    plugins: app.withoutOnDemandChunks ? [leaveOutOnDemandChunks] : [],
    define: {
      __PACKAGE_VERSION__: JSON.stringify(version),
      'process.env.NODE_ENV': '"production"',
    },
    ...platform.options,
  });
  const outputs = result.metafile.outputs;
  const entry = Object.keys(outputs).find(
    path => outputs[path].entryPoint === '<stdin>',
  );
  if (entry == null) {
    throw new Error('esbuild produced no entry chunk');
  }
  const loaded = staticClosure(outputs, entry);
  const code = result.outputFiles
    .filter(file => loaded.has(file.path.slice(file.path.lastIndexOf('out/'))))
    .map(file => file.text)
    .join('\n');
  return {
    bytes: Buffer.byteLength(code),
    gzipBytes: gzipSync(code, { level: 9 }).length,
  };
}

/** Marks the package's own dynamic imports external, as if never bundled. */
const leaveOutOnDemandChunks: Plugin = {
  name: 'leave-out-on-demand-chunks',
  setup(build) {
    build.onResolve({ filter: /.*/ }, args =>
      args.kind === 'dynamic-import' && args.importer.startsWith(`${ROOT}src/`)
        ? { path: args.path, external: true }
        : undefined,
    );
  },
};

function staticClosure(outputs: Metafile['outputs'], entry: string) {
  const seen = new Set<string>();
  const pending = [entry];
  while (pending.length > 0) {
    const path = pending.pop() as string;
    if (seen.has(path)) {
      continue;
    }
    seen.add(path);
    for (const imported of outputs[path]?.imports ?? []) {
      if (imported.kind === 'import-statement' && !imported.external) {
        pending.push(imported.path);
      }
    }
  }
  return seen;
}

/**
 * Milliseconds a fresh `node` process takes to import the module: alone, or
 * after `ai`, as in an app, where the dependencies `ai` shares with the
 * package (provider-utils, zod) are already loaded.
 */
async function importTime(moduleName: string, afterAi: boolean) {
  const script = `${afterAi ? "await import('ai'); " : ''}const start = performance.now(); await import(${JSON.stringify(moduleName)}); console.log(performance.now() - start);`;
  const { stdout } = await run(
    process.execPath,
    ['--input-type=module', '--eval', script],
    { cwd: ROOT, timeout: IMPORT_TIMEOUT_MS },
  );
  return Number(stdout.trim());
}

const kilobytes = (bytes: number) => (bytes / 1024).toFixed(1);

async function main() {
  const sizes = new Map<string, { bytes: number; gzipBytes: number }>();
  for (const platform of PLATFORMS) {
    for (const app of APPS) {
      sizes.set(`${platform.id}/${app.id}`, await bundledSize(app, platform));
      sizes.set(
        `${platform.id}/${app.id}+zod`,
        await bundledSize(withZodTool(app), platform),
      );
    }
  }

  // Interleaved, like the bench: one process per package and way per round.
  const importSamples = new Map<string, number[]>();
  // The import time is the package's, however an app bundles it.
  const importedApps = APPS.filter(app => !app.withoutOnDemandChunks);
  for (let round = 0; round < IMPORT_RUNS; round++) {
    for (const app of importedApps) {
      for (const afterAi of app.id === 'ai' ? [false] : [false, true]) {
        const key = `${app.id}${afterAi ? '/after-ai' : ''}`;
        const samples = importSamples.get(key) ?? [];
        samples.push(await importTime(app.moduleName, afterAi));
        importSamples.set(key, samples);
      }
    }
  }
  const importMedian = (key: string) => median(importSamples.get(key) ?? []);
  // The middle half of the samples, to show how noisy a process start is.
  const importSpread = (key: string) => {
    const sorted = [...(importSamples.get(key) ?? [])].sort((a, b) => a - b);
    const at = (share: number) =>
      sorted[Math.floor(share * (sorted.length - 1))]?.toFixed(0) ?? '?';
    return `${at(0.25)}–${at(0.75)}`;
  };
  const describeImport = (key: string) =>
    `${importMedian(key).toFixed(1)} ms (${importSpread(key)})`;

  const sizeLines = [
    '| Package | Platform | Minified, over `ai` only | Gzip, over `ai` only | Gzip, over `ai` + a zod tool |',
    '| --- | --- | ---: | ---: | ---: |',
  ];
  const targets: string[] = [];
  for (const platform of PLATFORMS) {
    const baseline = sizes.get(`${platform.id}/ai`);
    if (baseline == null) {
      continue;
    }
    const over = (id: string, variant = '') => {
      const base = sizes.get(`${platform.id}/ai${variant}`) ?? baseline;
      const size = sizes.get(`${platform.id}/${id}${variant}`) ?? base;
      return {
        bytes: size.bytes - base.bytes,
        gzipBytes: size.gzipBytes - base.gzipBytes,
      };
    };
    for (const app of APPS.filter(app => app.id !== 'ai')) {
      const added = over(app.id);
      sizeLines.push(
        `| ${app.label} | ${platform.label} | ${kilobytes(added.bytes)} KB | ${kilobytes(added.gzipBytes)} KB | ${kilobytes(over(app.id, '+zod').gzipBytes)} KB |`,
      );
    }
    const zodBaseline = sizes.get(`${platform.id}/ai+zod`) ?? baseline;
    sizeLines.push(
      `| the baseline app itself | ${platform.label} | ${kilobytes(baseline.bytes)} KB | ${kilobytes(baseline.gzipBytes)} KB | ${kilobytes(zodBaseline.gzipBytes)} KB |`,
    );
    const ours = over('ours').gzipBytes;
    const compatible = over('compatible').gzipBytes;
    const incumbent = over('incumbent').gzipBytes;
    const limit = compatible + 6 * 1024;
    targets.push(
      `- ${ours <= limit ? '✅' : '❌'} ${platform.label}: ours ≤ openai-compatible + 6 KB gzip: ${kilobytes(ours)} KB vs ${kilobytes(limit)} KB`,
      `- ${ours < incumbent ? '✅' : '❌'} ${platform.label}: ours under the incumbent: ${kilobytes(ours)} KB vs ${kilobytes(incumbent)} KB (${(ours / incumbent).toFixed(2)}×)`,
    );
  }

  const importLines = [
    '| Package | Cold import, alone | Cold import, after `ai` |',
    '| --- | ---: | ---: |',
    ...importedApps.map(app =>
      app.id === 'ai'
        ? `| \`ai\` | ${describeImport('ai')} | |`
        : `| ${app.label} | ${describeImport(app.id)} | ${describeImport(`${app.id}/after-ai`)} |`,
    ),
  ];
  for (const [key, description] of [
    ['', 'alone'],
    ['/after-ai', 'after `ai`, as in an app'],
  ]) {
    const ours = importMedian(`ours${key}`);
    const incumbent = importMedian(`incumbent${key}`);
    targets.push(
      `- ${ours <= incumbent ? '✅' : '❌'} cold import ≤ the incumbent's, ${description}: ${ours.toFixed(1)} ms vs ${incumbent.toFixed(1)} ms (${(ours / incumbent).toFixed(2)}×)`,
    );
  }

  const markdown = [
    '## Weight (`npm run size`)',
    '',
    describeEnvironment(),
    '- Bundles: an app calling `streamText` with the package, bundled by esbuild (minified, ESM, code splitting); counted is the code it loads at start, gzipped at level 9, minus the same app importing only `ai`. The last column repeats it for an app that also defines a tool with zod, as most do, over the same app without the package.',
    '- esbuild splits by module: a module used both at start and by a chunk loaded later goes whole into a shared chunk loaded at start, linked by lists of names. Our option schemas, non-streaming path, file converter, other models and utilities load on demand and use zod and provider-utils, so some of their zod sits in the start chunks with those links; the row with our on-demand chunks left out shows our start code by itself.',
    `- Import: \`node --input-type=module --eval "await import('…')"\`, timed inside the process, median (and middle half) of ${IMPORT_RUNS} fresh processes per package, interleaved; alone, and after \`await import('ai')\` in the same process (an app loads \`ai\` anyway, and with it provider-utils and zod, which ours shares and the incumbent bundles its own copy of).`,
    '',
    '### Targets',
    '',
    ...targets,
    '',
    '### Bundle size',
    '',
    ...sizeLines,
    '',
    '### Cold import time',
    '',
    ...importLines,
  ].join('\n');

  process.stdout.write(`${markdown}\n`);
  if (isQuick) {
    process.stdout.write('\n(quick run: figures not written)\n');
  } else {
    writeResultsSection('size', markdown);
    process.stdout.write('\nWritten to bench/results.md\n');
  }
}

await main();
