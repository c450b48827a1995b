import { type ChildProcess, execFile, spawn } from 'node:child_process';
import {
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rm,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packPackage, PACKAGE_ROOT as ROOT } from './support/pack-package';

// A new user's first hour: the package as npm publishes it, installed into
// a fresh app, with every `ts` block of the README pasted into it and
// type-checked as `tsc --init` sets a project up (strict,
// exactOptionalPropertyTypes, verbatimModuleSyntax), with both `bundler`
// and `nodenext` resolution. So is a file that imports every public name.
//
// Every block is complete: it imports what it uses, so a reader can paste
// it as it is.

const run = promisify(execFile);

type Block = { line: number; code: string };

/** The README's \`ts\` blocks, with the line each starts on. */
function extractTypeScriptBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  const lines = markdown.split('\n');
  let current: { line: number; code: string[] } | undefined;
  for (const [index, line] of lines.entries()) {
    if (current == null) {
      if (/^```(ts|typescript)\s*$/.test(line)) {
        current = { line: index + 1, code: [] };
      }
    } else if (/^```\s*$/.test(line)) {
      blocks.push({ line: current.line, code: current.code.join('\n') });
      current = undefined;
    } else {
      current.code.push(line);
    }
  }
  return blocks;
}

/** The names an entry's `.d.ts` exports, split into values and types. */
function declaredNames(declarations: string) {
  const values: string[] = [];
  const types: string[] = [];
  for (const match of declarations.matchAll(/export (type )?\{([^}]*)\};/g)) {
    for (const entry of match[2].split(',')) {
      const name = `${match[1] ?? ''}${entry.trim()}`;
      if (name === '' || name === 'type ') {
        continue;
      }
      const exported = (name.split(/\s+as\s+/).pop() as string).replace(
        /^type\s+/,
        '',
      );
      if (name.startsWith('type ')) {
        types.push(exported);
      } else {
        values.push(exported);
      }
    }
  }
  return { values, types };
}

let app: string;
let blocks: Block[];

beforeAll(async () => {
  app = await mkdtemp(join(tmpdir(), 'ai-sdk-openrouter-first-hour-'));
  const modules = join(app, 'node_modules');
  await mkdir(join(modules, 'ai-sdk-openrouter'), { recursive: true });

  // The tarball npm would publish, unpacked where npm would put it.
  const { filename } = await packPackage(app);
  await run('tar', [
    '-xzf',
    join(app, filename),
    '-C',
    join(modules, 'ai-sdk-openrouter'),
    '--strip-components=1',
  ]);
  // Its dependencies and the app's (`ai`, `zod`, TypeScript's Node types)
  // are the ones this repository installed.
  for (const entry of await readdir(join(ROOT, 'node_modules'))) {
    if (!entry.startsWith('.') && entry !== 'ai-sdk-openrouter') {
      await symlink(join(ROOT, 'node_modules', entry), join(modules, entry));
    }
  }
  await writeFile(
    join(app, 'package.json'),
    JSON.stringify({ name: 'first-hour', private: true, type: 'module' }),
  );

  blocks = extractTypeScriptBlocks(
    await readFile(join(ROOT, 'README.md'), 'utf8'),
  );
  const sources = join(app, 'src');
  await mkdir(sources);
  for (const block of blocks) {
    // `export {}` keeps a block without imports a module, as a pasted file
    // in a project of modules is.
    await writeFile(
      join(sources, `readme-line-${block.line}.ts`),
      `${block.code}\nexport {};\n`,
    );
  }

  const everyName: string[] = [];
  for (const [specifier, declarations] of [
    ['ai-sdk-openrouter', 'dist/index.d.ts'],
    ['ai-sdk-openrouter/testing', 'dist/testing/index.d.ts'],
  ] as const) {
    const { values, types } = declaredNames(
      await readFile(join(modules, 'ai-sdk-openrouter', declarations), 'utf8'),
    );
    const alias = (name: string) =>
      `${name} as ${specifier.includes('testing') ? 'testing' : 'main'}_${name}`;
    everyName.push(
      `import { ${[
        ...values.map(alias),
        ...types.map(name => `type ${alias(name)}`),
      ].join(', ')} } from '${specifier}';`,
    );
  }
  await writeFile(
    join(sources, 'every-public-name.ts'),
    `${everyName.join('\n')}\nexport {};\n`,
  );
}, 120_000);

afterAll(async () => {
  if (app != null) {
    await rm(app, { recursive: true, force: true });
  }
});

const RESOLUTIONS = {
  bundler: {
    module: ts.ModuleKind.Preserve,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
  },
  nodenext: {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
  },
} as const;

async function typeCheck(resolution: keyof typeof RESOLUTIONS) {
  const sources = join(app, 'src');
  const files = (await readdir(sources)).map(name => join(sources, name));
  const program = ts.createProgram(files, {
    ...RESOLUTIONS[resolution],
    target: ts.ScriptTarget.ESNext,
    lib: ['lib.esnext.d.ts', 'lib.dom.d.ts'],
    types: ['node'],
    typeRoots: [join(app, 'node_modules/@types')],
    strict: true,
    exactOptionalPropertyTypes: true,
    verbatimModuleSyntax: true,
    noUncheckedIndexedAccess: true,
    isolatedModules: true,
    noEmit: true,
    // As \`tsc --init\` sets it: \`ai\`'s own declarations do not compile
    // under exactOptionalPropertyTypes.
    skipLibCheck: true,
  });
  return ts.getPreEmitDiagnostics(program).map(diagnostic => {
    const message = ts.flattenDiagnosticMessageText(
      diagnostic.messageText,
      '\n',
    );
    if (diagnostic.file == null || diagnostic.start == null) {
      return message;
    }
    const { line } = diagnostic.file.getLineAndCharacterOfPosition(
      diagnostic.start,
    );
    const name = diagnostic.file.fileName.replace(`${app}/`, '');
    return `${name}:${line + 1}: ${message}`;
  });
}

describe('the README, pasted into a fresh app', () => {
  it('has TypeScript blocks to check', () => {
    expect(blocks.length).toBeGreaterThan(15);
  });

  it.each(Object.keys(RESOLUTIONS) as Array<keyof typeof RESOLUTIONS>)(
    'type-checks every block and every public name with %s resolution',
    async resolution => {
      expect(await typeCheck(resolution)).toStrictEqual([]);
    },
    120_000,
  );
});

/**
 * Blocks a user can run as they are against the emulator: they use the
 * default `openrouter` instance and call it at the top level, and reach
 * nothing but OpenRouter (no download from the web, no video, which the AI
 * SDK downloads from the emulator's own address and refuses to).
 */
function isRunnableOffline(code: string) {
  return (
    /import \{[^}]*\bopenrouter\b[^}]*\} from 'ai-sdk-openrouter';/.test(
      code,
    ) &&
    /^const .* = await /m.test(code) &&
    !code.includes('https://') &&
    !code.includes('generateVideo')
  );
}

describe('README blocks, run against `npx ai-sdk-openrouter emulator`', () => {
  let emulator: ChildProcess | undefined;
  let baseURL: string;

  beforeAll(async () => {
    // The emulator as the README starts it: the package's own CLI.
    const cli = join(app, 'node_modules/ai-sdk-openrouter/dist/cli/index.js');
    const started = spawn(process.execPath, [cli, 'emulator', '--port', '0'], {
      cwd: app,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    emulator = started;
    baseURL = await new Promise<string>((resolve, reject) => {
      let output = '';
      started.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const line = /^ {2}OPENROUTER_BASE_URL=(\S+)$/m.exec(output);
        if (line?.[1] != null && output.includes('Press Ctrl-C')) {
          resolve(line[1]);
        }
      });
      started.once('exit', code =>
        reject(new Error(`the emulator command exited with ${code}`)),
      );
    });
  }, 60_000);

  afterAll(() => {
    emulator?.kill('SIGINT');
  });

  it('runs every block that needs only OpenRouter, as it is', async () => {
    const runnable = blocks.filter(block => isRunnableOffline(block.code));
    expect(runnable.length).toBeGreaterThanOrEqual(5);
    const failures: string[] = [];
    for (const block of runnable) {
      // Node runs TypeScript by stripping its types, as `node file.ts`.
      const file = join(app, 'src', `readme-line-${block.line}.ts`);
      try {
        await run(process.execPath, [file], {
          cwd: app,
          timeout: 30_000,
          env: {
            ...process.env,
            OPENROUTER_BASE_URL: baseURL,
            OPENROUTER_API_KEY: 'sk-or-v1-readme-0123456789abcdef0123456789',
          },
        });
      } catch (error) {
        failures.push(
          `README line ${block.line}: ${(error as { stderr?: string }).stderr ?? String(error)}`,
        );
      }
    }
    expect(failures).toStrictEqual([]);
  }, 240_000);
});

describe('the package, installed', () => {
  it('loads with require() from CommonJS, as the README says', async () => {
    const script = join(app, 'load.cjs');
    await writeFile(
      script,
      `const { createOpenRouter } = require('ai-sdk-openrouter');
       const { createOpenRouterEmulator } = require('ai-sdk-openrouter/testing');
       console.log(typeof createOpenRouter, typeof createOpenRouterEmulator);`,
    );
    // The Node that runs the tests is the project's own Node 22.
    const { stdout } = await run(process.execPath, [script], { cwd: app });
    expect(stdout.trim()).toBe('function function');
  });
});

describe('extractTypeScriptBlocks', () => {
  it('finds ts and typescript blocks with their first line, and nothing else', () => {
    const markdown = [
      '# Title',
      '```ts',
      "const a = 'x';",
      '```',
      '```sh',
      'npm test',
      '```',
      '```typescript',
      'let b = 1;',
      'b++;',
      '```',
    ].join('\n');
    expect(extractTypeScriptBlocks(markdown)).toStrictEqual([
      { line: 2, code: "const a = 'x';" },
      { line: 8, code: 'let b = 1;\nb++;' },
    ]);
  });
});
