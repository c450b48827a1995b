import { type ChildProcess, execFile } from 'node:child_process';
import { createServer } from 'node:net';

/** Runs a command to completion, failing with its output after `timeoutMs`. */
export function runCommand(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs: number },
) {
  return new Promise<void>((resolve, reject) => {
    execFile(
      command,
      args,
      {
        cwd: options.cwd,
        env: options.env,
        timeout: options.timeoutMs,
        killSignal: 'SIGKILL',
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        if (error == null) {
          resolve();
          return;
        }
        reject(
          new Error(
            `${command} ${args.join(' ')} failed (${error.message}):\n${tail(`${stdout}\n${stderr}`)}`,
          ),
        );
      },
    );
  });
}

/** A port on 127.0.0.1 that was free a moment ago. */
export function findFreePort() {
  return new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Ends a child started with `detached: true` together with everything it
 * started (its process group): SIGTERM first, SIGKILL if it is still there
 * after `graceMs`.
 */
export async function stopProcessGroup(child: ChildProcess, graceMs = 5_000) {
  if (child.pid == null || child.exitCode != null || child.signalCode != null) {
    return;
  }
  const exited = new Promise<void>(resolve =>
    child.once('exit', () => resolve()),
  );
  signalGroup(child.pid, 'SIGTERM');
  const stoppedInTime = await Promise.race([
    exited.then(() => true),
    delay(graceMs).then(() => false),
  ]);
  // Next's workers may outlive the main process, so the group is always
  // killed, also when the leader exited in time.
  signalGroup(child.pid, 'SIGKILL');
  if (!stoppedInTime) {
    await Promise.race([exited, delay(graceMs)]);
  }
}

function signalGroup(pid: number, signal: NodeJS.Signals) {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone.
  }
}

export function delay(ms: number) {
  return new Promise<void>(resolve => setTimeout(resolve, ms));
}

/** The end of a long output, enough to see why something failed. */
export function tail(text: string, characters = 4_000) {
  return text.length > characters ? `…${text.slice(-characters)}` : text;
}
