import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';

export const RESULTS_PATH = fileURLToPath(
  new URL('./results.md', import.meta.url),
);

const HEADER = `# Benchmark results

Written by \`npm run bench\` (speed and memory) and \`npm run size\` (weight).
Each command replaces only its own section; see the README's "Performance"
section for what is measured and how.
`;

/** Node version, machine and date, for the head of a section. */
export function describeEnvironment() {
  const processors = cpus();
  return [
    `- Date: ${new Date().toISOString()}`,
    `- Node: ${process.version} (${process.platform}/${process.arch})`,
    `- Machine: ${processors.length} CPUs (nproc), ${processors[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(totalmem() / 1024 ** 3)} GiB of memory`,
  ].join('\n');
}

/**
 * Replaces the section between `<!-- name:start -->` and `<!-- name:end -->`
 * in bench/results.md, appending it when absent, so that the bench and the
 * size report can each refresh their own figures.
 */
export function writeResultsSection(name: string, markdown: string) {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const section = `${start}\n${markdown.trim()}\n${end}`;
  const current = existsSync(RESULTS_PATH)
    ? readFileSync(RESULTS_PATH, 'utf8')
    : HEADER;
  const startIndex = current.indexOf(start);
  const endIndex = current.indexOf(end);
  const next =
    startIndex !== -1 && endIndex > startIndex
      ? current.slice(0, startIndex) +
        section +
        current.slice(endIndex + end.length)
      : `${current.trimEnd()}\n\n${section}\n`;
  writeFileSync(RESULTS_PATH, next);
}
