/**
 * `npm run bench`: streams OpenRouter chunks from an SSE server in a child
 * process and measures, interleaved, the client CPU time and wall time per
 * chunk of the floor, of each package's `doStream` and of each package under
 * `streamText`. Prints the tables and writes them to bench/results.md.
 *
 * `npm run bench -- --quick` (or BENCH_QUICK=1) runs every scenario once with
 * 50 chunks and writes nothing: CI uses it to check that the bench works.
 * BENCH_CHUNKS, BENCH_ROUNDS and BENCH_WARMUPS override the sizes; a run
 * with other chunk counts writes nothing either.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { CALL_COST_SIZES, measureCallCost } from './call-cost.ts';
import {
  CANDIDATES,
  type Candidate,
  type Output,
  RESPONSES_CANDIDATES,
} from './candidates.ts';
import { measureColdStart } from './cold-start.ts';
import { measure, median, type Sample } from './measure.ts';
import {
  type CandidateResult,
  evaluateCallCostTargets,
  evaluateColdStartTargets,
  evaluateResponsesTargets,
  evaluateTargets,
  formatCallCostTables,
  formatColdStartTable,
  formatRatioTable,
  formatResponsesRatioTable,
  formatTargets,
  formatTimingTable,
  type MemoryResult,
  type ScenarioResult,
} from './report.ts';
import { describeEnvironment, writeResultsSection } from './results-file.ts';
import {
  buildResponsesStream,
  buildStream,
  type ExpectedOutput,
  RESPONSES_SCENARIOS,
  SCENARIOS,
  type Scenario,
} from './scenarios.ts';
import { startSseServer } from './start-sse-server.ts';

const run = promisify(execFile);

const isQuick =
  process.argv.includes('--quick') || process.env.BENCH_QUICK === '1';
const chunkOverride = positiveInteger(process.env.BENCH_CHUNKS);
const rounds = positiveInteger(process.env.BENCH_ROUNDS) ?? (isQuick ? 1 : 9);
const warmups =
  positiveInteger(process.env.BENCH_WARMUPS, true) ?? (isQuick ? 0 : 2);
const memoryChunkCount = isQuick ? 2_000 : 100_000;
// Each sample drains the stream enough times to carry about this many
// chunks, so that a short stream's sample is not decided by whether a
// collection of an earlier candidate's garbage happened to land in it.
const CHUNKS_PER_SAMPLE = 20_000;
const MEMORY_CHECK_TIMEOUT_MS = 300_000;
// Cost per call: each sample makes about this many calls at two messages,
// fewer as the history grows, so that every sample runs some milliseconds.
const callsPerSample = (size: number) =>
  isQuick ? 1 : Math.max(2, Math.ceil(6_000 / (size + 40)));
// Cold start: fresh processes per candidate.
const coldStartRuns = isQuick ? 1 : 31;

function positiveInteger(value: string | undefined, allowZero = false) {
  if (value == null || value === '') {
    return undefined;
  }
  const number = Number(value);
  if (!Number.isInteger(number) || number < (allowZero ? 0 : 1)) {
    throw new Error(`Expected a positive integer, got "${value}".`);
  }
  return number;
}

/** Differences between what a candidate delivered and the scenario. */
function describeMismatch(
  candidate: Candidate,
  output: Output,
  expected: ExpectedOutput,
  eventCount: number,
) {
  if (candidate.kind === 'floor') {
    return output.eventCount === eventCount
      ? undefined
      : `parsed ${output.eventCount} of ${eventCount} events`;
  }
  const problems: string[] = [];
  if (output.text !== expected.text) {
    problems.push(
      `text has ${output.text.length} of ${expected.text.length} characters`,
    );
  }
  if (output.reasoning !== expected.reasoning) {
    problems.push(
      `reasoning has ${output.reasoning.length} of ${expected.reasoning.length} characters`,
    );
  }
  if (output.toolInputs.join('\n') !== expected.toolInputs.join('\n')) {
    problems.push(
      `tool inputs differ (${output.toolInputs.length} of ${expected.toolInputs.length} calls)`,
    );
  }
  return problems.length > 0 ? problems.join('; ') : undefined;
}

async function runMemoryCheck(origin: string): Promise<MemoryResult> {
  const script = fileURLToPath(new URL('./memory-check.ts', import.meta.url));
  const { stdout } = await run(
    process.execPath,
    [
      '--expose-gc',
      '--import',
      'tsx',
      script,
      origin,
      String(memoryChunkCount),
    ],
    { timeout: MEMORY_CHECK_TIMEOUT_MS },
  );
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as MemoryResult;
}

/**
 * Measures every candidate on one scenario, interleaved. Each candidate's
 * CPU per chunk is per event of the stream it reads (chat chunks or
 * Responses events); `cpuPerStream` compares the two APIs on the same
 * content.
 */
async function measureScenario(
  origin: string,
  scenario: Scenario,
  candidates: Candidate[],
): Promise<ScenarioResult> {
  const chunkCount = chunkOverride ?? (isQuick ? 50 : scenario.chunkCount);
  const builtByApi = {
    chat: buildStream(scenario.name, chunkCount),
    responses: candidates.some(candidate => candidate.api === 'responses')
      ? buildResponsesStream(scenario.name, chunkCount)
      : undefined,
  };
  const builtFor = (candidate: Candidate) => {
    const built = builtByApi[candidate.api];
    if (built == null) {
      throw new Error(`${scenario.name} has no ${candidate.api} stream.`);
    }
    return built;
  };
  const baseURL = `${origin}/${scenario.name}/${chunkCount}`;
  const streamsPerSample = isQuick
    ? 1
    : Math.max(
        1,
        Math.round(
          CHUNKS_PER_SAMPLE /
            (builtByApi.responses ?? builtByApi.chat).eventCount,
        ),
      );
  const runs = candidates.map(candidate => ({
    candidate,
    built: builtFor(candidate),
    run: candidate.prepare(baseURL, scenario.name),
    samples: [] as Sample[],
    note: undefined as string | undefined,
  }));

  // The first run of each candidate checks its output, so that no figure
  // comes from a client that did not actually read the stream.
  for (const entry of runs) {
    const output = await entry.run();
    const mismatch = describeMismatch(
      entry.candidate,
      output,
      entry.built.expected,
      entry.built.eventCount,
    );
    if (mismatch != null && entry.candidate.packageName?.startsWith('ours')) {
      throw new Error(
        `${entry.candidate.label} misread ${scenario.name}: ${mismatch}`,
      );
    }
    entry.note = mismatch;
  }

  // Interleaved: every round runs every candidate once, starting with a
  // different one each time, so drift hits all of them alike.
  for (let round = 0; round < warmups + rounds; round++) {
    for (let offset = 0; offset < runs.length; offset++) {
      const entry = runs[(round + offset) % runs.length];
      const { sample } = await measure(async () => {
        for (let stream = 0; stream < streamsPerSample; stream++) {
          await entry.run();
        }
      });
      if (round >= warmups) {
        entry.samples.push(sample);
      }
    }
  }

  const results: CandidateResult[] = runs.map(entry => {
    const cpuPerStream =
      median(entry.samples.map(sample => sample.cpuMicros)) / streamsPerSample;
    return {
      candidate: entry.candidate,
      cpuPerChunk: cpuPerStream / entry.built.eventCount,
      wallPerChunk:
        median(entry.samples.map(sample => sample.wallMicros)) /
        (entry.built.eventCount * streamsPerSample),
      cpuPerStream,
      chunkCount: entry.built.eventCount,
      note: entry.note,
    };
  });
  process.stderr.write(
    `measured ${scenario.name}${candidates === RESPONSES_CANDIDATES ? ' (Responses)' : ''}\n`,
  );
  return { scenario, chunkCount, results };
}

async function main() {
  const server = await startSseServer();
  try {
    const scenarioResults: ScenarioResult[] = [];
    for (const scenario of SCENARIOS) {
      scenarioResults.push(
        await measureScenario(server.origin, scenario, CANDIDATES),
      );
    }
    const responsesResults: ScenarioResult[] = [];
    for (const scenario of SCENARIOS) {
      if (RESPONSES_SCENARIOS.includes(scenario.name)) {
        responsesResults.push(
          await measureScenario(server.origin, scenario, RESPONSES_CANDIDATES),
        );
      }
    }

    const memory = await runMemoryCheck(server.origin);
    const callCost = await measureCallCost({
      sizes: isQuick ? CALL_COST_SIZES.slice(0, 3) : CALL_COST_SIZES,
      rounds,
      warmups,
      callsPerSample,
    });
    const callCostTables = formatCallCostTables(callCost);
    const coldStart = await measureColdStart(
      `${server.origin}/text-2k/50`,
      coldStartRuns,
    );
    process.stderr.write('measured cold start\n');
    const targets = [
      ...evaluateTargets(scenarioResults, memory),
      ...evaluateResponsesTargets(responsesResults),
      ...evaluateCallCostTargets(callCost),
      ...evaluateColdStartTargets(coldStart),
    ];
    const notes = [...scenarioResults, ...responsesResults].flatMap(result =>
      result.results
        .filter(entry => entry.note != null)
        .map(
          entry =>
            `- ${result.scenario.name}, ${entry.candidate.label}: ${entry.note}`,
        ),
    );

    const markdown = [
      '## Speed and memory (`npm run bench`)',
      '',
      describeEnvironment(),
      `- Runs: ${rounds} measured rounds after ${warmups} warm-up rounds, candidates interleaved (each round starts with the next one); each sample drains a scenario's stream enough times to carry about ${CHUNKS_PER_SAMPLE.toLocaleString('en-US')} chunks; medians. CPU is the client process's user + system time (\`process.cpuUsage\`); the SSE server runs in a child process.`,
      '',
      '### Ratios of CPU time per chunk',
      '',
      formatRatioTable(scenarioResults),
      '',
      '### Targets',
      '',
      formatTargets(targets),
      '',
      '### Per chunk',
      '',
      formatTimingTable(scenarioResults),
      '',
      '### The Responses model beside the chat model',
      '',
      "The plain-text and tool-call scenarios again, as OpenRouter Responses API streams with the same text and tool inputs (every lifecycle event included: `response.created`, `output_item.added`, the deltas, the `.done` events that repeat the whole text, `response.completed`), read by our Responses model, by `@ai-sdk/open-responses` (the AI SDK's generic Open Responses model) and by the floor, interleaved with our chat model reading the chat stream. Per chunk is per event of the stream read; the same-content ratios divide the CPU of a whole stream.",
      '',
      formatResponsesRatioTable(responsesResults),
      '',
      formatTimingTable(responsesResults),
      '',
      '### Cost per call for agents',
      '',
      `CPU µs from the call to \`fetch\` (the \`fetch\` given to each package notes the time and throws), with 10 function tools and a history that cycles through a user turn (a 2 KB PNG screenshot as base64 every fourth time), an Anthropic turn (thinking with a 400-character signature, text, a tool call), its JSON tool result, an OpenAI turn (1,600 characters of encrypted reasoning, a tool call) and a tool result with text and, every other time, a 2 KB screenshot as bytes, after a system prompt. ${isQuick ? 'One call per sample.' : 'Each sample makes several calls (more for short histories); medians over the rounds.'} The shortest call (system prompt and one user turn with a screenshot) is the fixed cost.`,
      '',
      callCostTables.ratios,
      '',
      callCostTables.timing,
      '',
      '### Cold start',
      '',
      `A fresh \`node\` process imports \`ai\` and the package and makes one \`streamText\` call; timed from the start of its script to the first text delta, ${coldStartRuns} process(es) per candidate, interleaved. The baseline is the same script with a hand-written model (fetch, SSE split, \`JSON.parse\`). Ours is bundled from src by esbuild as the build does.`,
      '',
      formatColdStartTable(coldStart),
      ...(notes.length > 0
        ? [
            '',
            '### Outputs that differ from the scenario (not ours)',
            '',
            ...notes,
          ]
        : []),
    ].join('\n');

    process.stdout.write(`${markdown}\n`);
    if (isQuick || chunkOverride != null) {
      process.stdout.write(
        '\n(quick or resized run: figures not written to bench/results.md)\n',
      );
    } else {
      writeResultsSection('bench', markdown);
      process.stdout.write('\nWritten to bench/results.md\n');
    }
  } finally {
    server.stop();
  }
}

await main();
