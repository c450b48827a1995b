import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SERVER_SCRIPT = fileURLToPath(
  new URL('./sse-server.ts', import.meta.url),
);
const START_TIMEOUT_MS = 20_000;

export type RunningServer = {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  stop(): void;
};

/** Starts the SSE server in a child process and waits for its port. */
export async function startSseServer(): Promise<RunningServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', SERVER_SCRIPT], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const port = await readPort(child);
  return {
    origin: `http://127.0.0.1:${port}`,
    // Closing its stdin is the server's signal to exit.
    stop: () => child.stdin?.end(),
  };
}

function readPort(child: ChildProcess) {
  return new Promise<number>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error('The SSE server did not start in time.'));
    }, START_TIMEOUT_MS);
    child.stdout?.on('data', (data: Buffer) => {
      output += data.toString('utf8');
      const match = /listening (\d+)/.exec(output);
      if (match != null) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.on('exit', code => {
      clearTimeout(timer);
      reject(new Error(`The SSE server exited early (code ${code}).`));
    });
  });
}
