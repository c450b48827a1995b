import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The repository's root, where `package.json` is. */
export const PACKAGE_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export type PackedPackage = {
  /** The tarball's name, in `destination` unless it was a dry run. */
  filename: string;
  files: Array<{ path: string; size: number }>;
  /** Bytes, compressed and unpacked. */
  size: number;
  unpackedSize: number;
};

/**
 * What `npm pack` publishes, from the built `dist/`: written to
 * `destination`, or only listed when there is none.
 */
export async function packPackage(destination?: string) {
  const { stdout } = await run(
    'npm',
    [
      'pack',
      '--json',
      '--ignore-scripts',
      ...(destination == null
        ? ['--dry-run']
        : ['--pack-destination', destination]),
    ],
    { cwd: PACKAGE_ROOT, maxBuffer: 16 * 1024 * 1024 },
  );
  return (JSON.parse(stdout) as PackedPackage[])[0] as PackedPackage;
}
