import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  delay,
  findFreePort,
  runCommand,
  stopProcessGroup,
  tail,
} from './processes';

export const APP_DIRECTORY = fileURLToPath(
  new URL('../../../examples/next-chat/', import.meta.url),
);
const NEXT_BIN = `${APP_DIRECTORY}node_modules/next/dist/bin/next`;

/**
 * The environment of the app's processes. Vitest's NODE_ENV=test would make
 * Next build and serve something other than a production app, and the
 * telemetry would try to reach the network. The app's own settings come
 * from `extra` only, never from the shell that runs the tests.
 */
function appEnvironment(extra: Record<string, string> = {}) {
  const environment: NodeJS.ProcessEnv = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: '1',
  };
  delete environment.NODE_ENV;
  delete environment.OPENROUTER_MODEL;
  delete environment.OPENROUTER_API;
  return { ...environment, ...extra };
}

/** Installs the app's dependencies on the first run after a clean clone. */
export async function installAppIfMissing() {
  if (existsSync(`${APP_DIRECTORY}node_modules/next`)) {
    return;
  }
  await runCommand(
    'npm',
    ['install', '--prefix', APP_DIRECTORY, '--no-audit', '--no-fund'],
    { cwd: APP_DIRECTORY, env: appEnvironment(), timeoutMs: 300_000 },
  );
}

/**
 * `next build`, which also type-checks the app. Next runs on this test's
 * Node (the project's Node 22), not on whatever `node` the system has.
 */
export async function buildApp() {
  await runCommand(process.execPath, [NEXT_BIN, 'build'], {
    cwd: APP_DIRECTORY,
    env: appEnvironment(),
    timeoutMs: 300_000,
  });
}

export type RunningApp = {
  url: string;
  /** Everything the server printed so far. */
  output: () => string;
  stop: () => Promise<void>;
};

/** `next start` on a free loopback port, resolved once it answers. */
export async function startApp(
  environment: Record<string, string>,
): Promise<RunningApp> {
  const port = await findFreePort();
  const child = spawn(
    process.execPath,
    [NEXT_BIN, 'start', '--port', String(port), '--hostname', '127.0.0.1'],
    {
      cwd: APP_DIRECTORY,
      env: appEnvironment(environment),
      // Its own process group, so that stopping it also ends its workers.
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', chunk => {
    output += chunk;
  });
  child.stderr?.on('data', chunk => {
    output += chunk;
  });

  const app: RunningApp = {
    url: `http://127.0.0.1:${port}`,
    output: () => output,
    stop: () => stopProcessGroup(child),
  };
  try {
    await waitUntilAnswering(app.url, () => child.exitCode != null, 60_000);
  } catch (error) {
    await app.stop();
    throw new Error(`${(error as Error).message}\n${tail(output)}`);
  }
  return app;
}

async function waitUntilAnswering(
  url: string,
  hasExited: () => boolean,
  timeoutMs: number,
) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (hasExited()) {
      throw new Error('next start exited before answering');
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) {
        return;
      }
    } catch {
      // Not listening yet.
    }
    await delay(200);
  }
  throw new Error(`next start did not answer ${url} within ${timeoutMs} ms`);
}
