/**
 * Cold start: a fresh `node` process imports `ai` and a package, makes one
 * `streamText` call and waits for its first text delta. Timed inside the
 * process from the start of the script, so Node's own start-up is left out.
 * The baseline is the same script with a hand-written model (fetch, SSE
 * split, `JSON.parse`) in place of a package: what remains over it is the
 * package's own cost on a first call (importing it, loading what the first
 * call needs, and running that code before the JIT has seen it).
 *
 * Ours is bundled from src by esbuild with the same settings as the build
 * (ESM, code splitting, dependencies external), so the figure is the
 * published code's without a `npm run build` first.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { median } from './measure.ts';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('..', import.meta.url));
// Inside node_modules, so that the bundle's imports of `ai`'s packages
// resolve from the project.
const OUR_BUILD = fileURLToPath(
  new URL('../node_modules/.cache/ai-sdk-openrouter-bench/', import.meta.url),
);
const TIMEOUT_MS = 60_000;

export type ColdStartCandidate = {
  id: 'baseline' | 'ours' | 'incumbent' | 'compatible';
  label: string;
};

export const COLD_START_CANDIDATES: ColdStartCandidate[] = [
  { id: 'baseline', label: 'baseline: a hand-written model' },
  { id: 'ours', label: 'ours' },
  { id: 'incumbent', label: 'incumbent' },
  { id: 'compatible', label: 'openai-compatible' },
];

async function buildOurs() {
  const { version } = JSON.parse(
    readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
  ) as { version: string };
  await build({
    entryPoints: {
      index: fileURLToPath(new URL('../src/index.ts', import.meta.url)),
    },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    packages: 'external',
    external: ['node:*'],
    define: { __PACKAGE_VERSION__: JSON.stringify(version) },
    outdir: OUR_BUILD,
    logLevel: 'silent',
  });
  return pathToFileURL(`${OUR_BUILD}index.js`).href;
}

/** The hand-written model: what any client must do to show a first delta. */
const BASELINE_MODEL = `{
  specificationVersion: 'v4',
  provider: 'baseline',
  modelId: MODEL_ID,
  supportedUrls: {},
  async doGenerate() {
    throw new Error('Only streaming is measured.');
  },
  async doStream(options) {
    const response = await fetch(BASE_URL + '/chat/completions', {
      method: 'POST',
      headers: { authorization: 'Bearer sk-or-bench', 'content-type': 'application/json' },
      body: JSON.stringify({ model: MODEL_ID, messages: [{ role: 'user', content: 'Hi' }], stream: true }),
      signal: options.abortSignal,
    });
    const decoder = new TextDecoder();
    let pending = '';
    const usage = {
      inputTokens: { total: undefined, noCache: undefined, cacheRead: undefined, cacheWrite: undefined },
      outputTokens: { total: undefined, text: undefined, reasoning: undefined },
    };
    return {
      stream: response.body.pipeThrough(new TransformStream({
        start(controller) {
          controller.enqueue({ type: 'stream-start', warnings: [] });
          controller.enqueue({ type: 'text-start', id: '0' });
        },
        transform(bytes, controller) {
          const lines = (pending + decoder.decode(bytes, { stream: true })).split('\\n');
          pending = lines.pop();
          for (const line of lines) {
            if (line.startsWith('data: ') && line !== 'data: [DONE]') {
              const delta = JSON.parse(line.slice(6)).choices[0]?.delta?.content;
              if (delta) controller.enqueue({ type: 'text-delta', id: '0', delta });
            }
          }
        },
        flush(controller) {
          controller.enqueue({ type: 'text-end', id: '0' });
          controller.enqueue({ type: 'finish', finishReason: { unified: 'stop', raw: 'stop' }, usage });
        },
      })),
    };
  },
}`;

function modelCode(candidate: ColdStartCandidate, ourModule: string) {
  switch (candidate.id) {
    case 'baseline':
      return BASELINE_MODEL;
    case 'ours':
      return `(await import(${JSON.stringify(ourModule)})).createOpenRouter({ apiKey: 'sk-or-bench', baseURL: BASE_URL })(MODEL_ID)`;
    case 'incumbent':
      return `(await import('@openrouter/ai-sdk-provider')).createOpenRouter({ apiKey: 'sk-or-bench', baseURL: BASE_URL }).chat(MODEL_ID)`;
    case 'compatible':
      return `(await import('@ai-sdk/openai-compatible')).createOpenAICompatible({ name: 'openrouter', apiKey: 'sk-or-bench', baseURL: BASE_URL, includeUsage: true }).chatModel(MODEL_ID)`;
  }
}

function script(
  candidate: ColdStartCandidate,
  ourModule: string,
  baseURL: string,
) {
  return `
globalThis.AI_SDK_LOG_WARNINGS = false;
const MODEL_ID = 'openai/gpt-4o-mini';
const BASE_URL = ${JSON.stringify(baseURL)};
const start = performance.now();
const cpuStart = process.cpuUsage();
const { streamText } = await import('ai');
const model = ${modelCode(candidate, ourModule)};
const result = streamText({ model, prompt: 'Hi', maxRetries: 0 });
for await (const part of result.fullStream) {
  if (part.type === 'error') throw part.error;
  if (part.type === 'text-delta') break;
}
const cpu = process.cpuUsage(cpuStart);
process.stdout.write(JSON.stringify([performance.now() - start, (cpu.user + cpu.system) / 1000]));
process.exit(0);
`;
}

type Spread = { median: number; low: number; high: number };

export type ColdStartResult = {
  candidate: ColdStartCandidate;
  /** Milliseconds to the first delta: median, and the middle half. */
  wall: Spread;
  /** CPU milliseconds of the process over the same span. */
  cpu: Spread;
};

function quartiles(values: number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (fraction: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))];
  return { median: median(sorted), low: at(0.25), high: at(0.75) };
}

/** Runs `runs` fresh processes per candidate, interleaved. */
export async function measureColdStart(
  baseURL: string,
  runs: number,
): Promise<ColdStartResult[]> {
  const ourModule = await buildOurs();
  const wall = COLD_START_CANDIDATES.map(() => [] as number[]);
  const cpu = COLD_START_CANDIDATES.map(() => [] as number[]);
  for (let round = 0; round < runs; round++) {
    for (let offset = 0; offset < COLD_START_CANDIDATES.length; offset++) {
      const index = (round + offset) % COLD_START_CANDIDATES.length;
      const { stdout } = await run(
        process.execPath,
        [
          '--input-type=module',
          '--eval',
          script(COLD_START_CANDIDATES[index], ourModule, baseURL),
        ],
        { cwd: ROOT, timeout: TIMEOUT_MS },
      );
      const [wallMilliseconds, cpuMilliseconds] = JSON.parse(stdout.trim()) as [
        number,
        number,
      ];
      if (!(wallMilliseconds > 0 && cpuMilliseconds > 0)) {
        throw new Error(
          `${COLD_START_CANDIDATES[index].label} printed "${stdout}" instead of its times.`,
        );
      }
      wall[index].push(wallMilliseconds);
      cpu[index].push(cpuMilliseconds);
    }
  }
  return COLD_START_CANDIDATES.map((candidate, index) => ({
    candidate,
    wall: quartiles(wall[index]),
    cpu: quartiles(cpu[index]),
  }));
}
