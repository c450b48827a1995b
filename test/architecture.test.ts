import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The layout's promises (README, "Developing this package"), checked on the
// source: no import cycle of any kind, type-only imports included; a root
// that holds only the entry and the provider; utilities, CLI and emulator
// that stand apart from the models.

const SOURCE = resolve(dirname(fileURLToPath(import.meta.url)), '../src');
const MODEL_FOLDERS = [
  'chat',
  'completion',
  'decision',
  'embedding',
  'image',
  'responses',
  'video',
];
const IMPORT = /(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g;

function sourceFiles(folder = SOURCE): string[] {
  return readdirSync(folder).flatMap(name => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) {
      return sourceFiles(path);
    }
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(IMPORT)].map(match => {
    const target = resolve(dirname(file), match[1]);
    return target.endsWith('.ts') ? target : `${target}.ts`;
  });
}

const graph = new Map(sourceFiles().map(file => [file, importsOf(file)]));
const name = (file: string) => relative(SOURCE, file);

describe('the source layout', () => {
  it('has no import cycle, type-only imports included', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'visiting' | 'done'>();
    const path: string[] = [];
    const visit = (file: string) => {
      state.set(file, 'visiting');
      path.push(file);
      for (const target of graph.get(file) ?? []) {
        if (state.get(target) === 'visiting') {
          cycles.push(
            [...path.slice(path.indexOf(target)), target].map(name).join(' → '),
          );
        } else if (!state.has(target)) {
          visit(target);
        }
      }
      path.pop();
      state.set(file, 'done');
    };
    for (const file of graph.keys()) {
      if (!state.has(file)) {
        visit(file);
      }
    }
    expect(cycles).toStrictEqual([]);
  });

  it('keeps at most three files at the root of src/', () => {
    const rootFiles = readdirSync(SOURCE).filter(entry =>
      statSync(join(SOURCE, entry)).isFile(),
    );
    expect(rootFiles.length).toBeLessThanOrEqual(3);
  });

  it.each(['api', 'cli', 'testing', 'http', 'sse', 'options'])(
    'keeps %s/ independent of the model folders',
    folder => {
      const reachesModels = [...graph.entries()]
        .filter(([file]) => name(file).startsWith(`${folder}/`))
        .flatMap(([file, targets]) =>
          targets
            .filter(target =>
              MODEL_FOLDERS.some(model => name(target).startsWith(`${model}/`)),
            )
            .map(target => `${name(file)} → ${name(target)}`),
        );
      expect(reachesModels).toStrictEqual([]);
    },
  );

  it('resolves every relative import to a file', () => {
    const missing = [...graph.entries()].flatMap(([file, targets]) =>
      targets
        .filter(target => {
          try {
            return !statSync(target).isFile();
          } catch {
            return true;
          }
        })
        .map(target => `${name(file)} → ${name(target)}`),
    );
    expect(missing).toStrictEqual([]);
  });
});
