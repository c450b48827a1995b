import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type PackedPackage,
  packPackage,
  PACKAGE_ROOT as ROOT,
} from './support/pack-package';

// What npm publishes: the tarball's files, its metadata, and a README whose
// links work on the npm page, where only the tarball's files exist. Reads
// `dist/`, which `npm test` builds first.

// A first-party AI SDK provider unpacks to about 0.6 MB with its sources;
// this package also ships the emulator, the CLI and the account utilities
// (1.9 MB with the Responses, files, transcription, speech and reranking
// models: it was 2.3 MB with far fewer when JavaScript maps copied `src/`).
// A new model kind may raise this; a copy of the sources must not.
const MAX_UNPACKED_BYTES = 2_050_000;

let packed: PackedPackage;
let paths: Set<string>;

beforeAll(async () => {
  packed = await packPackage();
  paths = new Set(packed.files.map(file => file.path));
}, 60_000);

describe('the published tarball', () => {
  it('has the license the package names, and links to its repository', async () => {
    expect(paths.has('LICENSE')).toBe(true);
    const license = await readFile(join(ROOT, 'LICENSE'), 'utf8');
    expect(license).toContain('Apache License');
    expect(license).toContain('Version 2.0');

    const manifest = JSON.parse(
      await readFile(join(ROOT, 'package.json'), 'utf8'),
    ) as Record<string, unknown>;
    expect(manifest.license).toBe('Apache-2.0');
    expect(manifest.repository).toMatchObject({
      type: 'git',
      url: expect.stringMatching(/^git\+https:\/\/github\.com\/.+\.git$/),
    });
    expect(manifest.homepage).toMatch(/^https:\/\//);
    expect(manifest.bugs).toMatchObject({
      url: expect.stringMatching(/^https:\/\/.+\/issues$/),
    });
  });

  it('holds the built code and the library sources, and nothing else', () => {
    const unexpected = [...paths].filter(
      path =>
        !(
          path === 'package.json' ||
          path === 'README.md' ||
          path === 'LICENSE' ||
          path.startsWith('dist/') ||
          path.startsWith('src/')
        ),
    );
    expect(unexpected).toStrictEqual([]);
    expect([...paths].filter(path => /\.test(-d)?\.ts$/.test(path))).toEqual(
      [],
    );
    // The CLI is run from `dist/` and has no declarations to map; its
    // sources would only add to the download.
    expect([...paths].filter(path => path.startsWith('src/cli/'))).toEqual([]);
    expect(packed.unpackedSize).toBeLessThan(MAX_UNPACKED_BYTES);
  });

  it('ships declaration maps into src/, and no copy of the sources', async () => {
    // The built JavaScript is readable as it is; what an editor needs to
    // reach `src/` is the declaration maps.
    expect([...paths].filter(path => path.endsWith('.js.map'))).toEqual([]);
    const maps = [...paths].filter(path => path.endsWith('.d.ts.map'));
    expect(maps.length).toBeGreaterThan(0);
    for (const path of maps) {
      const map = JSON.parse(await readFile(join(ROOT, path), 'utf8')) as {
        sources: string[];
        sourcesContent?: unknown;
      };
      expect(map.sourcesContent, path).toBeUndefined();
      const missing = map.sources
        .map(source => join(path, '..', source))
        .filter(source => !paths.has(source));
      expect(missing, path).toEqual([]);
    }
  });

  it('has a README whose every link works on the npm page', async () => {
    const readme = await readFile(join(ROOT, 'README.md'), 'utf8');
    const targets = [...readme.matchAll(/\]\(([^)\s]+)\)/g)].map(
      match => match[1],
    );
    expect(targets.length).toBeGreaterThan(10);
    const broken = targets.filter(
      target =>
        !/^https?:\/\//.test(target) &&
        !target.startsWith('#') &&
        !paths.has(target.replace(/^\.\//, '').split('#')[0]),
    );
    expect(broken).toStrictEqual([]);
  });
});
