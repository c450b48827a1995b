/**
 * The benchmark's SSE server. It runs in its own process so that its CPU time
 * never counts against the client being measured. It answers
 * `POST /<scenario>/<chunk count>/chat/completions` with that stream (and
 * `…/responses` with its Responses API version, for the scenarios that have
 * one), listens on loopback only, and exits when its parent closes its
 * stdin (or after a fixed time limit, should the parent die without closing
 * it).
 */
import { once } from 'node:events';
import { createServer, type ServerResponse } from 'node:http';
import {
  buildResponsesStream,
  buildStream,
  RESPONSES_SCENARIOS,
  SCENARIOS,
  type ScenarioName,
} from './scenarios.ts';

const WRITE_SIZE = 16 * 1024;
const MAX_REQUEST_BYTES = 1024 * 1024;
const MAX_CHUNK_COUNT = 200_000;
const LIFETIME_MS = 60 * 60 * 1000;
const MAX_CACHED_BODIES = 12;

const scenarioNames = new Set<string>(SCENARIOS.map(scenario => scenario.name));
const bodies = new Map<string, Buffer>();

function bodyFor(
  name: ScenarioName,
  chunkCount: number,
  api: 'chat' | 'responses',
) {
  const key = `${api}/${name}/${chunkCount}`;
  let body = bodies.get(key);
  if (body == null) {
    if (bodies.size >= MAX_CACHED_BODIES) {
      bodies.clear();
    }
    const built =
      api === 'responses'
        ? buildResponsesStream(name, chunkCount)
        : buildStream(name, chunkCount);
    body = Buffer.from(built.body, 'utf8');
    bodies.set(key, body);
  }
  return body;
}

/** Writes the body in fixed slices, waiting whenever the socket is full. */
async function writeBody(response: ServerResponse, body: Buffer) {
  for (let start = 0; start < body.length; start += WRITE_SIZE) {
    if (!response.write(body.subarray(start, start + WRITE_SIZE))) {
      await once(response, 'drain');
    }
  }
  response.end();
}

const server = createServer((request, response) => {
  const match =
    /^\/([a-z0-9-]+)\/(\d+)\/((?:chat\/)?completions|responses)$/.exec(
      request.url ?? '',
    );
  const chunkCount = Number(match?.[2]);
  const api = match?.[3] === 'responses' ? 'responses' : 'chat';
  if (
    request.method !== 'POST' ||
    match == null ||
    !scenarioNames.has(match[1]) ||
    (api === 'responses' &&
      !RESPONSES_SCENARIOS.includes(match[1] as ScenarioName)) ||
    !(chunkCount > 0 && chunkCount <= MAX_CHUNK_COUNT)
  ) {
    response.writeHead(404).end();
    return;
  }
  let received = 0;
  request.on('data', (data: Buffer) => {
    received += data.length;
    if (received > MAX_REQUEST_BYTES) {
      request.destroy();
    }
  });
  request.on('end', () => {
    const body = bodyFor(match[1] as ScenarioName, chunkCount, api);
    response.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache',
    });
    writeBody(response, body).catch(() => response.destroy());
  });
});

server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  const port =
    typeof address === 'object' && address != null ? address.port : 0;
  process.stdout.write(`listening ${port}\n`);
});

function shutDown() {
  server.close();
  server.closeAllConnections();
  process.exit(0);
}

process.stdin.on('end', shutDown);
process.stdin.on('error', shutDown);
process.stdin.resume();
setTimeout(shutDown, LIFETIME_MS).unref();
