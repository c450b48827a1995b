/** Turns measured medians into the tables, ratios and target checks. */
import type { Candidate, PackageName } from './candidates.ts';
import type { Scenario } from './scenarios.ts';

export type CandidateResult = {
  candidate: Candidate;
  cpuPerChunk: number;
  wallPerChunk: number;
  note?: string;
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
) {
  return (
    result.results.find(
      entry =>
        entry.candidate.kind === kind &&
        entry.candidate.packageName === packageName,
    )?.cpuPerChunk ?? Number.NaN
  );
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
        `| ${result.scenario.name} | ${result.chunkCount} | ${entry.candidate.label} | ${format(entry.cpuPerChunk)} | ${format(entry.wallPerChunk)} |`,
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
