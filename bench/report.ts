/** Turns measured medians into the tables, ratios and target checks. */
import type { CallCostResult } from './call-cost.ts';
import type { Candidate, PackageName } from './candidates.ts';
import type { ColdStartResult } from './cold-start.ts';
import type { Scenario } from './scenarios.ts';

export type CandidateResult = {
  candidate: Candidate;
  /** Per event of the stream the candidate read. */
  cpuPerChunk: number;
  wallPerChunk: number;
  /** The CPU of reading one whole stream. */
  cpuPerStream: number;
  /** Events in the stream the candidate read. */
  chunkCount: number;
  note?: string | undefined;
};

export type ScenarioResult = {
  scenario: Scenario;
  chunkCount: number;
  results: CandidateResult[];
};

export type MemoryResult = {
  chunkCount: number;
  textBytes: number;
  retainedBytes: number;
  peakBytes: number;
};

export type Target = {
  description: string;
  measured: string;
  met: boolean;
};

const format = (value: number) =>
  Number.isFinite(value) ? value.toFixed(2) : 'n/a';

function cpuOf(
  result: ScenarioResult,
  kind: Candidate['kind'],
  packageName?: PackageName,
  per: 'cpuPerChunk' | 'cpuPerStream' = 'cpuPerChunk',
) {
  return (
    result.results.find(
      entry =>
        entry.candidate.kind === kind &&
        entry.candidate.packageName === packageName,
    )?.[per] ?? Number.NaN
  );
}

/** The Responses model over the floor, open-responses and our chat model. */
export function responsesRatiosOf(result: ScenarioResult) {
  const doStream = cpuOf(result, 'doStream', 'ours-responses');
  const streamText = cpuOf(result, 'streamText', 'ours-responses');
  const perStream = (kind: Candidate['kind'], packageName: PackageName) =>
    cpuOf(result, kind, packageName, 'cpuPerStream');
  return {
    overFloor: doStream / cpuOf(result, 'floor'),
    overOpenResponses: doStream / cpuOf(result, 'doStream', 'open-responses'),
    streamTextOverOpenResponses:
      streamText / cpuOf(result, 'streamText', 'open-responses'),
    overChat:
      perStream('doStream', 'ours-responses') / perStream('doStream', 'ours'),
    streamTextOverChat:
      perStream('streamText', 'ours-responses') /
      perStream('streamText', 'ours'),
  };
}

export function formatResponsesRatioTable(results: ScenarioResult[]) {
  const lines = [
    '| Scenario | doStream Responses/floor | doStream Responses/open-responses | streamText Responses/open-responses | doStream Responses/chat, same content | streamText Responses/chat, same content |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const result of results) {
    const ratios = responsesRatiosOf(result);
    lines.push(
      `| ${result.scenario.name} | ${format(ratios.overFloor)} | ${format(ratios.overOpenResponses)} | ${format(ratios.streamTextOverOpenResponses)} | ${format(ratios.overChat)} | ${format(ratios.streamTextOverChat)} |`,
    );
  }
  return lines.join('\n');
}

/**
 * The Responses model against the AI SDK's generic Open Responses model.
 * streamText is compared on plain text only: open-responses streams no tool
 * input (it sends each call whole, at its end), so `ai` has less to do with
 * its tool-call stream, and the ratio would not compare like with like.
 */
export function evaluateResponsesTargets(results: ScenarioResult[]): Target[] {
  return results.flatMap(result => {
    const name = result.scenario.name;
    const ratios = responsesRatiosOf(result);
    const targets: Target[] = [
      {
        description: `Responses ${name}: doStream CPU ≤ 1.0× open-responses`,
        measured: format(ratios.overOpenResponses),
        met: ratios.overOpenResponses <= 1,
      },
    ];
    if (result.scenario.isPlainText) {
      targets.push({
        description: `Responses ${name}: streamText CPU ≤ 1.0× open-responses`,
        measured: format(ratios.streamTextOverOpenResponses),
        met: ratios.streamTextOverOpenResponses <= 1,
      });
    }
    return targets;
  });
}

/** Ours divided by another package's CPU per chunk, or by the floor. */
export function ratiosOf(result: ScenarioResult) {
  const ours = cpuOf(result, 'doStream', 'ours');
  const oursStreamText = cpuOf(result, 'streamText', 'ours');
  return {
    oursOverFloor: ours / cpuOf(result, 'floor'),
    oursOverIncumbent: ours / cpuOf(result, 'doStream', 'incumbent'),
    oursOverCompatible: ours / cpuOf(result, 'doStream', 'compatible'),
    streamTextOursOverIncumbent:
      oursStreamText / cpuOf(result, 'streamText', 'incumbent'),
    streamTextOursOverCompatible:
      oursStreamText / cpuOf(result, 'streamText', 'compatible'),
  };
}

export function formatTimingTable(results: ScenarioResult[]) {
  const lines = [
    '| Scenario | Chunks | Candidate | CPU µs/chunk | Wall µs/chunk |',
    '| --- | ---: | --- | ---: | ---: |',
  ];
  for (const result of results) {
    for (const entry of result.results) {
      lines.push(
        `| ${result.scenario.name} | ${entry.chunkCount} | ${entry.candidate.label} | ${format(entry.cpuPerChunk)} | ${format(entry.wallPerChunk)} |`,
      );
    }
  }
  return lines.join('\n');
}

export function formatRatioTable(results: ScenarioResult[]) {
  const lines = [
    '| Scenario | doStream ours/floor | doStream ours/incumbent | doStream ours/compatible | streamText ours/incumbent | streamText ours/compatible |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const result of results) {
    const ratios = ratiosOf(result);
    lines.push(
      `| ${result.scenario.name} | ${format(ratios.oursOverFloor)} | ${format(ratios.oursOverIncumbent)} | ${format(ratios.oursOverCompatible)} | ${format(ratios.streamTextOursOverIncumbent)} | ${format(ratios.streamTextOursOverCompatible)} |`,
    );
  }
  return lines.join('\n');
}

/** The targets of issue 10 that the speed and memory figures decide. */
export function evaluateTargets(
  results: ScenarioResult[],
  memory: MemoryResult | undefined,
): Target[] {
  const targets: Target[] = [];
  const check = (description: string, value: number, limit: number) =>
    targets.push({
      description,
      measured: format(value),
      met: value <= limit,
    });
  for (const result of results) {
    const name = result.scenario.name;
    const ratios = ratiosOf(result);
    if (result.scenario.isPlainText) {
      check(`${name}: doStream CPU ≤ 1.3× floor`, ratios.oursOverFloor, 1.3);
      check(
        `${name}: doStream CPU ≤ 0.5× incumbent`,
        ratios.oursOverIncumbent,
        0.5,
      );
      check(
        `${name}: streamText CPU ≤ 1.0× openai-compatible`,
        ratios.streamTextOursOverCompatible,
        1,
      );
    } else if (name === 'reasoning' || name === 'tool-calls') {
      check(
        `${name}: doStream CPU ≤ 1.0× incumbent`,
        ratios.oursOverIncumbent,
        1,
      );
      check(
        `${name}: streamText CPU ≤ 1.0× incumbent`,
        ratios.streamTextOursOverIncumbent,
        1,
      );
    }
  }
  if (memory != null) {
    const ratio = memory.retainedBytes / memory.textBytes;
    targets.push({
      description: `memory: heap growth over a ${memory.chunkCount}-chunk doStream < 2× its text`,
      measured: `${format(ratio)}× (${Math.round(memory.retainedBytes / 1024)} KiB kept for ${Math.round(memory.textBytes / 1024)} KiB of text)`,
      met: ratio < 2,
    });
  }
  return targets;
}

export function formatTargets(targets: Target[]) {
  return targets
    .map(
      target =>
        `- ${target.met ? '✅' : '❌'} ${target.description}: ${target.measured}`,
    )
    .join('\n');
}

/** The cost-per-call figures: by history length, and derived. */
export function formatCallCostTables(results: CallCostResult[]) {
  const sizes = [...(results[0]?.microsBySize.keys() ?? [])].sort(
    (a, b) => a - b,
  );
  const count = (size: number) => size.toLocaleString('en-US');
  const timing = [
    `| Candidate | ${sizes.map(size => `${count(size)} messages`).join(' | ')} | µs per message (${count(sizes.at(-2) ?? 0)}→${count(sizes.at(-1) ?? 0)}) |`,
    `| --- | ${sizes.map(() => '---:').join(' | ')} | ---: |`,
    ...results.map(result => {
      const summary = summarizeCallCost(result.microsBySize);
      return `| ${result.candidate.label} | ${sizes.map(size => format(result.microsBySize.get(size) ?? Number.NaN)).join(' | ')} | ${format(summary.perMessage)} |`;
    }),
  ];
  const ratioRows = callCostRatios(results);
  const ratios = [
    `| Ratio of ours over | ${sizes.map(size => `${count(size)} messages`).join(' | ')} | per message (${count(sizes.at(-2) ?? 0)}→${count(sizes.at(-1) ?? 0)}) |`,
    `| --- | ${sizes.map(() => '---:').join(' | ')} | ---: |`,
    ...ratioRows.map(
      row =>
        `| ${row.label} | ${row.bySize.map(format).join(' | ')} | ${format(row.perMessage)} |`,
    ),
  ];
  return { timing: timing.join('\n'), ratios: ratios.join('\n') };
}

function callCostRatios(results: CallCostResult[]) {
  const find = (id: string) =>
    results.find(result => result.candidate.id === id);
  const rows: {
    label: string;
    method: string;
    other: string;
    bySize: number[];
    perMessage: number;
  }[] = [];
  for (const method of ['doStream', 'doGenerate']) {
    const ours = find(`ours-${method}`);
    for (const [otherId, otherLabel] of [
      [`incumbent-${method}`, `the incumbent, ${method}`],
      [`compatible-${method}`, `openai-compatible, ${method}`],
      ['floor', `the floor (serialising the body), ${method}`],
    ]) {
      const other = find(otherId);
      if (ours == null || other == null) {
        continue;
      }
      const sizes = [...ours.microsBySize.keys()].sort((a, b) => a - b);
      rows.push({
        label: otherLabel,
        method,
        other: otherId,
        bySize: sizes.map(
          size =>
            (ours.microsBySize.get(size) ?? Number.NaN) /
            (other.microsBySize.get(size) ?? Number.NaN),
        ),
        perMessage:
          summarizeCallCost(ours.microsBySize).perMessage /
          summarizeCallCost(other.microsBySize).perMessage,
      });
    }
  }
  return rows;
}

/** The targets of issue 16 for the cost per call. */
export function evaluateCallCostTargets(results: CallCostResult[]): Target[] {
  const targets: Target[] = [];
  for (const row of callCostRatios(results)) {
    if (!row.other.startsWith('incumbent')) {
      continue;
    }
    targets.push({
      description: `cost per call, ${row.method}: fixed cost (shortest call) ≤ 0.6× incumbent`,
      measured: format(row.bySize[0]),
      met: row.bySize[0] <= 0.6,
    });
    targets.push({
      description: `cost per call, ${row.method}: cost per message up to 1,000 messages ≤ 0.85× incumbent`,
      measured: format(row.perMessage),
      met: row.perMessage <= 0.85,
    });
  }
  for (const result of results) {
    if (result.candidate.packageName !== 'ours') {
      continue;
    }
    const sizes = [...result.microsBySize.keys()].sort((a, b) => a - b);
    const last = sizes.at(-1) ?? Number.NaN;
    const previous = sizes.at(-2) ?? Number.NaN;
    const growth =
      (result.microsBySize.get(last) ?? Number.NaN) /
      (result.microsBySize.get(previous) ?? Number.NaN);
    const linearLimit = (1.25 * last) / previous;
    targets.push({
      description: `cost per call, ${result.candidate.method}: growth linear, ${last.toLocaleString('en-US')} messages cost ≤ 1.25 × ${format(last / previous)} × ${previous.toLocaleString('en-US')} messages`,
      measured: `${format(growth)}×`,
      met: growth <= linearLimit,
    });
  }
  return targets;
}

/** Cold start to the first delta, each over the hand-written baseline. */
export function formatColdStartTable(results: ColdStartResult[]) {
  const baseline = results.find(result => result.candidate.id === 'baseline');
  const over = (value: number, base: number | undefined) =>
    base == null ? 'n/a' : `${(value - base).toFixed(1)} ms`;
  const lines = [
    '| Candidate | Wall to first delta, median (middle half) | Over the baseline | CPU, median (middle half) | CPU over the baseline |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...results.map(
      result =>
        `| ${result.candidate.label} | ${result.wall.median.toFixed(1)} ms (${result.wall.low.toFixed(0)}–${result.wall.high.toFixed(0)}) | ${result.candidate.id === 'baseline' ? '' : over(result.wall.median, baseline?.wall.median)} | ${result.cpu.median.toFixed(1)} ms (${result.cpu.low.toFixed(0)}–${result.cpu.high.toFixed(0)}) | ${result.candidate.id === 'baseline' ? '' : over(result.cpu.median, baseline?.cpu.median)} |`,
    ),
  ];
  return lines.join('\n');
}

/** Ours over the baseline no more than openai-compatible over it. */
export function evaluateColdStartTargets(results: ColdStartResult[]): Target[] {
  const find = (id: string) =>
    results.find(result => result.candidate.id === id);
  const baseline = find('baseline');
  const ours = find('ours');
  const compatible = find('compatible');
  if (baseline == null || ours == null || compatible == null) {
    return [];
  }
  const oursOver = ours.wall.median - baseline.wall.median;
  const compatibleOver = compatible.wall.median - baseline.wall.median;
  return [
    {
      description:
        'cold start: first delta over the baseline ≤ openai-compatible’s',
      measured: `${oursOver.toFixed(1)} ms vs ${compatibleOver.toFixed(1)} ms (CPU: ${(ours.cpu.median - baseline.cpu.median).toFixed(1)} ms vs ${(compatible.cpu.median - baseline.cpu.median).toFixed(1)} ms)`,
      met: oursOver <= compatibleOver,
    },
  ];
}

/**
 * What the figures say: the fixed cost is the cost of the shortest call; the
 * cost per message is the growth between two sizes, per added message.
 */
export function summarizeCallCost(microsBySize: Map<number, number>) {
  const sizes = [...microsBySize.keys()].sort((a, b) => a - b);
  const at = (size: number) => microsBySize.get(size) ?? Number.NaN;
  const perMessage = (from: number, to: number) =>
    (at(to) - at(from)) / (to - from);
  const last = sizes.at(-1) ?? Number.NaN;
  const beforeLast = sizes.at(-2) ?? Number.NaN;
  const beforeThat = sizes.at(-3) ?? Number.NaN;
  return {
    fixed: at(sizes[0]),
    /** Per added message up to the longest history. */
    perMessage: perMessage(beforeLast, last),
    /** Per added message one step earlier, to see whether growth is linear. */
    perMessageBefore: perMessage(beforeThat, beforeLast),
    last,
  };
}
