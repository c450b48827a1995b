import {
  createServer,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { Socket } from 'node:net';
import process from 'node:process';

/** One request as a hostile server saw it. */
export type SeenRequest = {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
};

export type HostileServer = {
  /** `http://127.0.0.1:PORT`, without a trailing slash. */
  origin: string;
  /** Every request received so far, body included. */
  requests: SeenRequest[];
  /** Sockets that are still open. */
  openSockets(): number;
  close(): Promise<void>;
};

/**
 * A raw `node:http` server on loopback that answers however the test says,
 * misbehaving on purpose: wrong redirects, hostile bodies, streams that never
 * end. The handler sees the whole request body. `close` destroys every socket
 * that is still open, so a test that leaves a response hanging cannot hang
 * the run.
 */
export async function startHostileServer(
  handler: (
    request: SeenRequest,
    response: ServerResponse,
    socket: Socket,
  ) => void | Promise<void>,
): Promise<HostileServer> {
  const requests: SeenRequest[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((request, response) => {
    const pieces: Buffer[] = [];
    request.on('data', piece => pieces.push(piece));
    request.on('end', () => {
      const seen: SeenRequest = {
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(pieces).toString('utf8'),
      };
      requests.push(seen);
      Promise.resolve(handler(seen, response, request.socket)).catch(error => {
        response.destroy(error);
      });
    });
  });
  server.on('connection', socket => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address == null || typeof address === 'string') {
    throw new Error('the server has no port');
  }
  return {
    origin: `http://127.0.0.1:${address.port}`,
    requests,
    openSockets: () => sockets.size,
    close: () =>
      new Promise<void>(resolve => {
        for (const socket of sockets) {
          socket.destroy();
        }
        server.close(() => resolve());
      }),
  };
}

/** This thread's CPU time in ms; the process's where Node cannot tell. */
function cpuMs() {
  const usage =
    typeof process.threadCpuUsage === 'function'
      ? process.threadCpuUsage()
      : process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

/** One measured run: see `measureEventLoopBlocking`. */
async function measureOnce<T>(
  task: () => Promise<T> | T,
): Promise<{ result: T; longestBlockMs: number }> {
  let longestBlockMs = 0;
  let last = cpuMs();
  const timer = setInterval(() => {
    const now = cpuMs();
    longestBlockMs = Math.max(longestBlockMs, now - last);
    last = now;
  }, 1);
  try {
    // Let the timer start before the task runs.
    await new Promise(resolve => setTimeout(resolve, 5));
    last = cpuMs();
    const result = await task();
    // A task that blocked until its end shows in the last gap.
    longestBlockMs = Math.max(longestBlockMs, cpuMs() - last);
    return { result, longestBlockMs };
  } finally {
    clearInterval(timer);
  }
}

/**
 * Runs `task` while a 1 ms interval timer watches the event loop, and returns
 * the longest gap between two of its ticks: how long the loop was blocked.
 *
 * A gap is measured in the CPU time this thread spent in it, not in wall
 * time: another process competing for the CPU stretches the wall time of a
 * block but not the work in it, while a super-linear pattern costs CPU time
 * wherever it runs. With `runs` above 1, the task runs that many times and
 * the run that blocked least counts, so that a stray collection or a cold
 * first run (lazy imports, JIT) does not decide the figure; a quadratic
 * blow-up blocks every run.
 */
export async function measureEventLoopBlocking<T>(
  task: () => Promise<T> | T,
  { runs = 1 }: { runs?: number } = {},
): Promise<{ result: T; longestBlockMs: number }> {
  let least = await measureOnce(task);
  for (let run = 1; run < runs; run++) {
    const measured = await measureOnce(task);
    if (measured.longestBlockMs < least.longestBlockMs) {
      least = measured;
    }
  }
  return least;
}

/** Writes an SSE body: each entry is one `data:` event, or a raw string. */
export function sseEvents(events: Array<unknown>): string {
  return events
    .map(event =>
      typeof event === 'string' && event.startsWith(':')
        ? `${event}\n\n`
        : `data: ${typeof event === 'string' ? event : JSON.stringify(event)}\n\n`,
    )
    .join('');
}
