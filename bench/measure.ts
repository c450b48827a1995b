/** CPU and wall time of one run, and the median of many. */

export type Sample = { cpuMicros: number; wallMicros: number };

// No forced collection between runs: a full collection throws away the
// young generation's sizing and makes the next run look slower than any
// real stream; interleaving spreads the collector's work over all candidates.
export async function measure<T>(
  run: () => Promise<T>,
): Promise<{ sample: Sample; result: T }> {
  const cpuBefore = process.cpuUsage();
  const wallBefore = performance.now();
  const result = await run();
  const wallMicros = (performance.now() - wallBefore) * 1000;
  const cpu = process.cpuUsage(cpuBefore);
  return { sample: { cpuMicros: cpu.user + cpu.system, wallMicros }, result };
}

export function median(values: number[]) {
  if (values.length === 0) {
    return Number.NaN;
  }
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? sorted[middle]
    : (sorted[middle - 1] + sorted[middle]) / 2;
}
