/**
 * Cost per call for agents: the CPU time from a call to `doStream` (or
 * `doGenerate`) to the moment the package calls `fetch`, with the agent
 * history of agent-history.ts at several lengths. The `fetch` handed to each
 * package notes the time and throws, so nothing after the request is
 * prepared is counted.
 */
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import type { LanguageModelV4, LanguageModelV4Prompt } from '@ai-sdk/provider';
import { createOpenRouter as createIncumbentOpenRouter } from '@openrouter/ai-sdk-provider';
import { createOpenRouter } from '../src/index.ts';
import { AGENT_TOOLS, buildAgentHistory } from './agent-history.ts';
import type { PackageName } from './candidates.ts';

/** The chat models compared; the Responses models have no drop-in rival. */
type ChatPackageName = Extract<
  PackageName,
  'ours' | 'incumbent' | 'compatible'
>;

import { median } from './measure.ts';

const MODEL_ID = 'anthropic/claude-sonnet-4.5';
const API_KEY = 'sk-or-bench';
const BASE_URL = 'http://127.0.0.1:9/api/v1';

/**
 * History lengths measured. Two messages (the system prompt and a user turn
 * with a screenshot) give the fixed cost of a call; the others the growth.
 */
export const CALL_COST_SIZES = [2, 10, 100, 1_000];

type Method = 'doStream' | 'doGenerate';

export type CallCostCandidate = {
  id: string;
  label: string;
  packageName?: ChatPackageName;
  method?: Method;
};

export const CALL_COST_CANDIDATES: CallCostCandidate[] = [
  { id: 'floor', label: 'floor: JSON.stringify of the ready body' },
  ...(['doStream', 'doGenerate'] as const).flatMap(method =>
    (
      [
        ['ours', 'ours'],
        ['incumbent', 'incumbent'],
        ['compatible', 'openai-compatible'],
      ] as const
    ).map(([packageName, name]) => ({
      id: `${packageName}-${method}`,
      label: `${name}: ${method}`,
      packageName,
      method,
    })),
  ),
];

class ReachedFetch extends Error {}

/** A `fetch` that stops the clock started by `start`, then throws. */
function createProbe() {
  let started: NodeJS.CpuUsage | undefined;
  let micros = 0;
  let calls = 0;
  const fetch = async (): Promise<Response> => {
    if (started != null) {
      const used = process.cpuUsage(started);
      micros += used.user + used.system;
      calls++;
      started = undefined;
    }
    throw new ReachedFetch('reached fetch');
  };
  return {
    fetch: fetch as unknown as typeof globalThis.fetch,
    start() {
      started = process.cpuUsage();
    },
    take() {
      const result = { micros, calls };
      micros = 0;
      calls = 0;
      return result;
    },
  };
}

function createModel(
  packageName: ChatPackageName,
  fetch: typeof globalThis.fetch,
): LanguageModelV4 {
  switch (packageName) {
    case 'ours':
      return createOpenRouter({ apiKey: API_KEY, baseURL: BASE_URL, fetch })(
        MODEL_ID,
      );
    case 'incumbent':
      return createIncumbentOpenRouter({
        apiKey: API_KEY,
        baseURL: BASE_URL,
        fetch,
      }).chat(MODEL_ID) as unknown as LanguageModelV4;
    case 'compatible':
      return createOpenAICompatible({
        name: 'openrouter',
        apiKey: API_KEY,
        baseURL: BASE_URL,
        includeUsage: true,
        fetch,
      }).chatModel(MODEL_ID) as unknown as LanguageModelV4;
  }
}

/**
 * The floor: what every package must do at the least, serialise a body that
 * is already in OpenRouter's shape (ours, converted once beforehand).
 */
async function readyBody(prompt: LanguageModelV4Prompt) {
  let body: string | undefined;
  const model = createOpenRouter({
    apiKey: API_KEY,
    baseURL: BASE_URL,
    fetch: (async (_url: string, init: RequestInit) => {
      body = String(init.body);
      throw new ReachedFetch('reached fetch');
    }) as unknown as typeof globalThis.fetch,
  })(MODEL_ID);
  await model
    .doStream({ prompt, tools: AGENT_TOOLS, toolChoice: { type: 'auto' } })
    .catch(() => undefined);
  if (body == null) {
    throw new Error('Our model did not reach fetch.');
  }
  return JSON.parse(body) as unknown;
}

export type CallCostRun = {
  candidate: CallCostCandidate;
  /** Runs `calls` calls; returns the CPU micros per call to `fetch`. */
  run(calls: number): Promise<number>;
};

export async function prepareCallCost(
  candidate: CallCostCandidate,
  prompt: LanguageModelV4Prompt,
): Promise<CallCostRun> {
  if (candidate.packageName == null || candidate.method == null) {
    const body = await readyBody(prompt);
    return {
      candidate,
      async run(calls) {
        const before = process.cpuUsage();
        for (let call = 0; call < calls; call++) {
          JSON.stringify(body);
        }
        const used = process.cpuUsage(before);
        return (used.user + used.system) / calls;
      },
    };
  }
  const probe = createProbe();
  const model = createModel(candidate.packageName, probe.fetch);
  const method = candidate.method;
  const options = {
    prompt,
    tools: AGENT_TOOLS,
    toolChoice: { type: 'auto' as const },
  };
  return {
    candidate,
    async run(calls) {
      for (let call = 0; call < calls; call++) {
        probe.start();
        try {
          await model[method](options);
        } catch (error) {
          if (!isReachedFetch(error)) {
            throw error;
          }
        }
      }
      const { micros, calls: reached } = probe.take();
      if (reached !== calls) {
        throw new Error(
          `${candidate.label} reached fetch in ${reached} of ${calls} calls.`,
        );
      }
      return micros / calls;
    },
  };
}

/** Packages wrap the error `fetch` threw; it is found through `cause`. */
function isReachedFetch(error: unknown): boolean {
  for (let current = error, depth = 0; depth < 5; depth++) {
    if (current instanceof ReachedFetch) {
      return true;
    }
    if (typeof current !== 'object' || current == null) {
      return false;
    }
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

export type CallCostResult = {
  candidate: CallCostCandidate;
  /** Median CPU micros per call, by history length. */
  microsBySize: Map<number, number>;
};

/**
 * Measures every candidate at every size, interleaved as the stream bench
 * is; each sample makes `callsPerSample(size)` calls.
 */
export async function measureCallCost({
  sizes,
  rounds,
  warmups,
  callsPerSample,
}: {
  sizes: number[];
  rounds: number;
  warmups: number;
  callsPerSample: (size: number) => number;
}): Promise<CallCostResult[]> {
  const results = CALL_COST_CANDIDATES.map(candidate => ({
    candidate,
    microsBySize: new Map<number, number>(),
  }));
  for (const size of sizes) {
    const prompt = buildAgentHistory(size);
    const runs = await Promise.all(
      CALL_COST_CANDIDATES.map(candidate => prepareCallCost(candidate, prompt)),
    );
    const calls = callsPerSample(size);
    const samples = runs.map(() => [] as number[]);
    for (let round = 0; round < warmups + rounds; round++) {
      for (let offset = 0; offset < runs.length; offset++) {
        const index = (round + offset) % runs.length;
        const micros = await runs[index].run(calls);
        if (round >= warmups) {
          samples[index].push(micros);
        }
      }
    }
    for (const [index, result] of results.entries()) {
      result.microsBySize.set(size, median(samples[index]));
    }
    process.stderr.write(`measured call cost at ${size} messages\n`);
  }
  return results;
}
