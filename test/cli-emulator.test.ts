import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { fileURLToPath } from 'node:url';
import { generateText } from 'ai';
import { createOpenRouter } from 'ai-sdk-openrouter';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

// The built binary, as `npx ai-sdk-openrouter emulator` runs it.
const CLI = fileURLToPath(new URL('../dist/cli/index.js', import.meta.url));

type Started = {
  child: ChildProcess;
  baseURL: string;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
};

const children: ChildProcess[] = [];

beforeAll(() => {
  if (!existsSync(CLI)) {
    throw new Error(
      `${CLI} does not exist: run \`npm run build\` before these tests (npm test does).`,
    );
  }
});

afterEach(() => {
  // A failed test must not leave an emulator running.
  for (const child of children.splice(0)) {
    if (child.exitCode == null && child.signalCode == null) {
      child.kill('SIGKILL');
    }
  }
});

/** Starts the command and waits for the line that names its base URL. */
async function startEmulatorCommand(args: string[]): Promise<Started> {
  const child = spawn(process.execPath, [CLI, 'emulator', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', text => {
    stdout += text;
  });
  child.stderr?.setEncoding('utf8').on('data', text => {
    stderr += text;
  });
  const exited = new Promise<{
    code: number | null;
    signal: NodeJS.Signals | null;
  }>(resolve => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  const baseURL = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no base URL within 15 s: ${stdout}${stderr}`)),
      15_000,
    );
    const check = () => {
      const match = /^ {2}OPENROUTER_BASE_URL=(\S+)$/m.exec(stdout);
      if (match != null && stdout.includes('Press Ctrl-C to stop.')) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', check);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`exited early: ${stdout}${stderr}`));
    });
  });
  return {
    child,
    baseURL,
    stdout: () => stdout,
    stderr: () => stderr,
    exited,
  };
}

function runCli(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise(resolve => {
    execFile(
      process.execPath,
      [CLI, ...args],
      { env: { ...process.env, ...env }, timeout: 20_000 },
      (error, stdout, stderr) => {
        const code =
          error == null ? 0 : typeof error.code === 'number' ? error.code : -1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

async function isListening(baseURL: string) {
  try {
    await fetch(`${baseURL}/models`);
    return true;
  } catch {
    return false;
  }
}

/** A port that was free a moment ago. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>(resolve => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>(resolve => probe.close(() => resolve()));
  return port;
}

describe('ai-sdk-openrouter emulator', () => {
  it('prints the base URL and the OPENROUTER_BASE_URL line, serves, and stops on SIGINT with exit code 0', async () => {
    const started = await startEmulatorCommand(['--port', '0']);

    expect(started.stdout()).toMatch(
      /^OpenRouter emulator listening at http:\/\/127\.0\.0\.1:\d+\/api\/v1\n/,
    );
    expect(started.baseURL).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1$/);
    expect(started.stdout()).toContain(`listening at ${started.baseURL}\n`);

    // The provider, pointed at it by the variable the command printed.
    const saved = process.env.OPENROUTER_BASE_URL;
    process.env.OPENROUTER_BASE_URL = started.baseURL;
    try {
      const { text } = await generateText({
        model: createOpenRouter({ apiKey: 'sk-or-emulator' })(
          'openai/gpt-4o-mini',
        ),
        prompt: 'Hi',
      });
      expect(text).toContain('You said: "Hi"');
    } finally {
      if (saved === undefined) {
        delete process.env.OPENROUTER_BASE_URL;
      } else {
        process.env.OPENROUTER_BASE_URL = saved;
      }
    }
    // And the CLI itself.
    const models = await runCli(['models', '--free'], {
      OPENROUTER_BASE_URL: started.baseURL,
      OPENROUTER_API_KEY: 'sk-or-emulator',
    });
    expect(models.code).toBe(0);
    expect(models.stdout).toContain('meta-llama/llama-3.3-70b-instruct:free');

    started.child.kill('SIGINT');
    const exit = await started.exited;

    expect(exit).toStrictEqual({ code: 0, signal: null });
    expect(started.stdout().endsWith('Emulator stopped (SIGINT).\n')).toBe(
      true,
    );
    expect(started.stderr()).toBe('');
    expect(await isListening(started.baseURL)).toBe(false);
  });

  it('stops on SIGTERM with exit code 0, closing a kept-alive connection', async () => {
    const started = await startEmulatorCommand(['--port', '0']);
    // Its keep-alive connection stays open, which a plain server.close()
    // would wait for.
    await fetch(`${started.baseURL}/models`, {
      headers: { authorization: 'Bearer sk-or-emulator' },
    });

    started.child.kill('SIGTERM');
    const exit = await started.exited;

    expect(exit).toStrictEqual({ code: 0, signal: null });
    expect(started.stdout()).toContain('Emulator stopped (SIGTERM).');
    expect(await isListening(started.baseURL)).toBe(false);
  });

  it('listens on the port --port names', async () => {
    const port = await freePort();

    const started = await startEmulatorCommand(['--port', String(port)]);

    expect(started.baseURL).toBe(`http://127.0.0.1:${port}/api/v1`);
    started.child.kill('SIGINT');
    expect((await started.exited).code).toBe(0);
  });

  it('says in one line when the port is taken', async () => {
    const taken: Server = createServer();
    await new Promise<void>(resolve => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as { port: number };
    try {
      const run = await runCli(['emulator', '--port', String(port)], {});

      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe(
        `ai-sdk-openrouter: port ${port} on 127.0.0.1 is in use. Pick another with --port <n>, or --port 0 for a free one.\n`,
      );
    } finally {
      await new Promise<void>(resolve => taken.close(() => resolve()));
    }
  });

  it.each([['abc'], ['-1'], ['65536'], ['1.5']])(
    'refuses --port %s as a usage error',
    async port => {
      const run = await runCli(['emulator', `--port=${port}`], {});

      expect(run.code).toBe(2);
      expect(run.stderr).toContain('--port must be a whole number from 0 to');
    },
  );
});
