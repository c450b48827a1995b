import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TIMEOUT_MS = 120_000;

/**
 * Runs a bench script in quick mode, as `npm run bench -- --quick` does.
 * Only that the scripts work is checked, never their timings: a timed test
 * would fail on a busy machine. Quick mode writes no results.
 */
async function runQuick(script: string) {
  const { stdout } = await run(
    process.execPath,
    ['--import', 'tsx', script, '--quick'],
    { cwd: ROOT, timeout: TIMEOUT_MS },
  );
  return stdout;
}

describe('benchmarks (quick mode)', () => {
  it(
    'npm run bench measures every candidate on every scenario and prints the tables',
    async () => {
      const output = await runQuick('bench/run.ts');

      expect(output).toContain('### Ratios of CPU time per chunk');
      expect(output).toContain('| Scenario | Chunks | Candidate |');
      for (const scenario of [
        'text-2k',
        'text-20k',
        'reasoning',
        'tool-calls',
        'usage-final',
      ]) {
        expect(output).toMatch(
          new RegExp(`\\| ${scenario} \\| \\d+ \\| ours: doStream \\|`),
        );
      }
      expect(output).toContain('memory: heap growth');
      // Every candidate read every stream correctly.
      expect(output).not.toContain('Outputs that differ');
      expect(output).toContain('figures not written');
    },
    TIMEOUT_MS,
  );

  it(
    'npm run size bundles each app and times each import',
    async () => {
      const output = await runQuick('bench/size.ts');

      expect(output).toContain('### Bundle size');
      expect(output).toMatch(
        /\| ai-sdk-openrouter \(ours\) \| Node \| [\d.]+ KB/,
      );
      expect(output).toMatch(
        /\| ai-sdk-openrouter \(ours\) \| [\d.]+ ms \(.+\) \| [\d.]+ ms \(.+\) \|/,
      );
      expect(output).toContain('figures not written');
    },
    TIMEOUT_MS,
  );
});
