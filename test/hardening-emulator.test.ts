import { Buffer } from 'node:buffer';
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { request as httpRequest } from 'node:http';
import { fileURLToPath } from 'node:url';
import {
  createOpenRouterEmulator,
  type OpenRouterEmulator,
} from 'ai-sdk-openrouter/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { within } from './support/collect';

/**
 * Issue 15, point 22: nothing a request carries may take down the process
 * that hosts the emulator (a user's test run). Requests that could crash
 * or exhaust the heap go to an emulator in a child process with a small
 * heap, so that a crash fails the test instead of killing the test runner,
 * and "the host survived" is checked by a follow-up request.
 */

const MiB = 1024 * 1024;
const KEY = 'sk-or-v1-hardening-0123456789abcdef';
const PROVISIONING_KEY = 'sk-or-prov-hardening-0123456789abcdef';
const JSON_HEADERS = {
  authorization: `Bearer ${KEY}`,
  'content-type': 'application/json',
};

type Answer = { status: number; text: string };

// ---------------------------------------------------------------- helpers

/**
 * One request over its own connection; the answer's status and body. A
 * `path` is sent exactly as given, so it may be no valid URL at all.
 */
function exchange(
  url: string,
  init: {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string;
  } = {},
): Promise<Answer> {
  const target = new URL(url);
  return within(
    15_000,
    new Promise<Answer>((resolve, reject) => {
      const request = httpRequest({
        host: target.hostname,
        port: target.port,
        path: init.path ?? `${target.pathname}${target.search}`,
        method: init.method ?? (init.body == null ? 'GET' : 'POST'),
        headers: { ...init.headers, connection: 'close' },
        agent: false,
      });
      request.on('error', reject);
      request.on('response', response => {
        const chunks: Buffer[] = [];
        response.on('data', chunk => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      });
      request.end(init.body);
    }),
  );
}

/** The same 64 KiB piece over and over: a huge body that costs no memory. */
function* bodyPieces() {
  const piece = Buffer.alloc(64 * 1024, 'a');
  for (;;) {
    yield piece;
  }
}

/**
 * Streams a body piece by piece, without ever ending it, until the server
 * answers or `maxBytes` were written. An answer therefore proves that the
 * server did not wait for the end of the body. With `waitAfterBytes`, the
 * writing stops there for up to 5 seconds to give the server time to
 * answer, so that how many bytes were written says whether it answered
 * early, however busy the machine is, rather than how fast it answered.
 */
async function streamUntilAnswered(
  url: string,
  headers: Record<string, string>,
  maxBytes: number,
  waitAfterBytes?: number,
) {
  const request = httpRequest(url, {
    method: 'POST',
    headers: { ...headers, connection: 'close' },
    agent: false,
  });
  let answer: Answer | undefined;
  // A server that closes after answering makes the next write fail: that
  // is expected and must not count as an unhandled error.
  request.on('error', () => {});
  const answered = new Promise<Answer>(resolve => {
    request.on('response', response => {
      const chunks: Buffer[] = [];
      response.on('data', chunk => chunks.push(chunk));
      const finish = () => {
        answer ??= {
          status: response.statusCode ?? 0,
          text: Buffer.concat(chunks).toString('utf8'),
        };
        resolve(answer);
      };
      response.on('end', finish);
      response.on('error', finish);
      response.on('close', finish);
    });
  });
  let written = 0;
  try {
    for (const piece of bodyPieces()) {
      if (answer != null || written >= maxBytes || request.destroyed) {
        break;
      }
      written += piece.length;
      if (!request.write(piece)) {
        await drainedOrAnswered(request, answered);
      }
      if (waitAfterBytes != null && written === waitAfterBytes) {
        await within(5_000, answered).catch(() => undefined);
      }
    }
    return {
      written,
      answer: await within(10_000, answered).catch(() => undefined),
    };
  } finally {
    request.destroy();
  }
}

/** Until the socket takes more, the server answers, or half a second. */
async function drainedOrAnswered(
  request: ReturnType<typeof httpRequest>,
  answered: Promise<unknown>,
) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    await Promise.race([
      once(request, 'drain').catch(() => undefined),
      answered,
      new Promise(resolve => {
        timer = setTimeout(resolve, 500);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

type ChildEmulator = {
  baseURL: string;
  process: ChildProcess;
  /** The end of what the child wrote to stderr, e.g. a heap-limit crash. */
  stderr: () => string;
};

const EMULATOR_MODULE = new URL('../src/testing/index.ts', import.meta.url)
  .href;
const REPOSITORY_ROOT = fileURLToPath(new URL('..', import.meta.url));

// The child serves until its stdin closes, that is until this test process
// ends it or dies.
const CHILD_SCRIPT = `
const { createOpenRouterEmulator } = await import(process.env.EMULATOR_MODULE);
const emulator = await createOpenRouterEmulator();
process.stdout.write(emulator.baseURL + '\\n');
process.stdin.on('end', () => emulator.close().then(() => process.exit(0)));
process.stdin.resume();
`;

/**
 * An emulator in a child Node process whose heap is capped at 256 MB, so a
 * request that exhausts the heap kills the child quickly, not the runner.
 */
async function startChildEmulator(): Promise<ChildEmulator> {
  const child = spawn(
    process.execPath,
    [
      '--max-old-space-size=256',
      '--import',
      'tsx',
      '--input-type=module',
      '--eval',
      CHILD_SCRIPT,
    ],
    {
      cwd: REPOSITORY_ROOT,
      env: { ...process.env, EMULATOR_MODULE },
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr?.on('data', chunk => {
    stderr = (stderr + String(chunk)).slice(-4000);
  });
  const baseURL = await within(
    20_000,
    new Promise<string>((resolve, reject) => {
      let stdout = '';
      child.stdout?.on('data', chunk => {
        stdout += String(chunk);
        if (stdout.includes('\n')) {
          resolve(stdout.split('\n')[0].trim());
        }
      });
      child.once('exit', code =>
        reject(new Error(`emulator process exited (${code}): ${stderr}`)),
      );
    }),
  );
  return { baseURL, process: child, stderr: () => stderr };
}

function isRunning(child: ChildEmulator | undefined) {
  return (
    child != null &&
    child.process.exitCode == null &&
    child.process.signalCode == null
  );
}

async function stopChildEmulator(child: ChildEmulator | undefined) {
  if (child == null || !isRunning(child)) {
    return;
  }
  const exited = once(child.process, 'exit');
  child.process.stdin?.end();
  const timer = setTimeout(() => child.process.kill(), 3_000);
  await exited;
  clearTimeout(timer);
}

// One child for the file; restarted if a request killed it, so each test
// fails on its own rather than because an earlier one crashed the host.
let child: ChildEmulator | undefined;

beforeAll(async () => {
  child = await startChildEmulator();
}, 30_000);

beforeEach(async () => {
  const alive =
    isRunning(child) &&
    (await exchange(`${child?.baseURL}/models/count`, {
      headers: JSON_HEADERS,
    }).then(
      answer => answer.status === 200,
      () => false,
    ));
  if (!alive) {
    child?.process.kill();
    child = await startChildEmulator();
  }
}, 30_000);

afterAll(async () => {
  await stopChildEmulator(child);
});

function host() {
  if (child == null) {
    throw new Error('The emulator process is not running.');
  }
  return child;
}

/** The host is still alive: it answers an ordinary request. */
async function expectStillServing(baseURL = host().baseURL) {
  const answer = await exchange(`${baseURL}/models/count`, {
    headers: JSON_HEADERS,
  });
  expect(answer.status).toBe(200);
  if (baseURL === child?.baseURL) {
    expect(isRunning(child), child.stderr()).toBe(true);
  }
}

function post(path: string, body: unknown) {
  return exchange(`${host().baseURL}${path}`, {
    headers: JSON_HEADERS,
    body: JSON.stringify(body),
  });
}

/** The JSON events of a server-sent event stream. */
function dataEvents(text: string) {
  return text
    .split('\n\n')
    .filter(event => event.startsWith('data: {'))
    .map(event => JSON.parse(event.slice('data: '.length)));
}

function errorOf(answer: Answer) {
  return (
    JSON.parse(answer.text) as { error: { code: number; message: string } }
  ).error;
}

// ------------------------------------------------------------------ tests

describe('request body size', () => {
  let emulator: OpenRouterEmulator;

  beforeAll(async () => {
    emulator = await createOpenRouterEmulator({ maxRequestBodyBytes: MiB });
  });
  afterAll(async () => {
    await emulator.close();
  });

  it('answers 413 as soon as a declared Content-Length passes the limit (a 600 MiB upload), and keeps serving', async () => {
    const { written, answer } = await streamUntilAnswered(
      `${host().baseURL}/chat/completions`,
      { ...JSON_HEADERS, 'content-length': String(600 * MiB) },
      40 * MiB,
      MiB,
    );

    expect(answer?.status).toBe(413);
    const error = errorOf(answer!);
    expect(error.code).toBe(413);
    expect(error.message).toContain('maxRequestBodyBytes');
    expect(error.message).toContain(String(32 * MiB));
    // Answered from the headers: far less than the limit was sent.
    expect(written).toBeLessThan(32 * MiB);
    await expectStillServing();
  });

  it('stops buffering a chunked body once it passes maxRequestBodyBytes, without waiting for its end', async () => {
    const { answer } = await streamUntilAnswered(
      `${emulator.baseURL}/embeddings`,
      JSON_HEADERS,
      64 * MiB,
    );

    expect(answer?.status).toBe(413);
    expect(errorOf(answer!)).toStrictEqual({
      code: 413,
      message: expect.stringContaining(`${MiB} bytes`),
    });
    // The refused request is still recorded, without a body.
    expect(emulator.requests.at(-1)).toMatchObject({
      method: 'POST',
      path: '/embeddings',
      body: undefined,
    });
    await expectStillServing(emulator.baseURL);
  });

  it('gives a fetch client the 413 as an OpenRouter error body', async () => {
    const response = await fetch(`${emulator.baseURL}/chat/completions`, {
      method: 'POST',
      headers: JSON_HEADERS,
      body: JSON.stringify({
        model: 'openai/gpt-4o',
        messages: [{ role: 'user', content: 'a'.repeat(2 * MiB) }],
      }),
    });

    expect(response.status).toBe(413);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect((await response.json()).error.code).toBe(413);
    await expectStillServing(emulator.baseURL);
  });
});

describe('bounds on allocations a request drives', () => {
  const toolWith = (parameters: unknown) => ({
    model: 'openai/gpt-4o',
    messages: [{ role: 'user', content: 'Hi' }],
    tools: [{ type: 'function', function: { name: 'make', parameters } }],
    tool_choice: 'required',
  });
  const embedding = (fields: object) => ({
    model: 'openai/text-embedding-3-small',
    input: 'a',
    ...fields,
  });
  const nestedArrays = (levels: number): unknown =>
    levels === 0
      ? { type: 'string' }
      : { type: 'array', minItems: 1000, items: nestedArrays(levels - 1) };

  it.each([
    {
      name: 'embedding dimensions: 3e8',
      path: '/embeddings',
      body: embedding({ dimensions: 3e8 }),
      mentions: ['dimensions', '1 to 16384'],
    },
    {
      name: 'embedding dimensions: -1',
      path: '/embeddings',
      body: embedding({ dimensions: -1 }),
      mentions: ['dimensions', '1 to 16384'],
    },
    {
      name: 'embedding dimensions: 1.5',
      path: '/embeddings',
      body: embedding({ dimensions: 1.5 }),
      mentions: ['dimensions', '1 to 16384'],
    },
    {
      name: '3000 embedding inputs',
      path: '/embeddings',
      body: embedding({ input: Array.from({ length: 3000 }, () => 'a') }),
      mentions: ['input', '0 to 2048'],
    },
    {
      name: '2048 embedding inputs × 16384 dimensions',
      path: '/embeddings',
      body: embedding({
        input: Array.from({ length: 2048 }, () => 'a'),
        dimensions: 16384,
      }),
      mentions: ['dimensions', '0 to 4194304'],
    },
    {
      name: 'top_logprobs: 1e7',
      path: '/chat/completions',
      body: {
        model: 'openai/gpt-4o',
        messages: [{ role: 'user', content: 'Hi' }],
        logprobs: true,
        top_logprobs: 1e7,
      },
      mentions: ['top_logprobs', '0 to 20'],
    },
    {
      name: 'a tool schema with minItems: 1e9',
      path: '/chat/completions',
      body: toolWith({
        type: 'object',
        properties: { list: { type: 'array', minItems: 1e9 } },
      }),
      mentions: ['minItems', '0 to 1000'],
    },
    {
      name: 'a response schema with minLength: 1e9',
      path: '/chat/completions',
      body: {
        model: 'openai/gpt-4o',
        messages: [{ role: 'user', content: 'Hi' }],
        response_format: {
          type: 'json_schema',
          json_schema: {
            name: 'answer',
            schema: {
              type: 'object',
              properties: { text: { type: 'string', minLength: 1e9 } },
            },
          },
        },
      },
      mentions: ['minLength', '0 to 100000'],
    },
    {
      name: 'nested arrays of minItems: 1000 (1e12 values)',
      path: '/chat/completions',
      body: toolWith({
        type: 'object',
        properties: { grid: nestedArrays(4) },
      }),
      mentions: ['minItems', '1000000 characters'],
    },
  ])(
    'refuses $name with a 400 naming the field and its range, and keeps serving',
    async ({ path, body, mentions }) => {
      const answer = await post(path, body);

      expect(answer.status).toBe(400);
      const error = errorOf(answer);
      expect(error.code).toBe(400);
      for (const text of mentions) {
        expect(error.message).toContain(text);
      }
      await expectStillServing();
    },
  );

  it("stops a reply and its reasoning echoing a 4 MB prompt at the emulated model's output limit", async () => {
    const answer = await post('/chat/completions', {
      model: 'anthropic/claude-sonnet-4.5',
      stream: true,
      reasoning: { enabled: true },
      logprobs: true,
      top_logprobs: 20,
      messages: [{ role: 'user', content: 'a '.repeat(2 * MiB) }],
    });

    expect(answer.status).toBe(200);
    const events = dataEvents(answer.text);
    // One chunk a token, for the reasoning and the text.
    expect(events.length).toBeLessThan(2 * 16_384 + 10);
    expect(
      events.some(event => event.choices[0]?.finish_reason === 'length'),
    ).toBe(true);
    expect(events.at(-1).usage).toMatchObject({
      completion_tokens: 2 * 16_384,
      completion_tokens_details: { reasoning_tokens: 16_384 },
    });
    await expectStillServing();
  });

  it('streams the arguments of a tool call made from a 4 MB prompt in a bounded number of chunks, intact', async () => {
    const said = 'a '.repeat(2 * MiB).trim();
    const answer = await post('/chat/completions', {
      ...toolWith({
        type: 'object',
        properties: { text: { type: 'string' } },
      }),
      stream: true,
      messages: [{ role: 'user', content: said }],
    });

    expect(answer.status).toBe(200);
    const events = dataEvents(answer.text);
    expect(events.length).toBeLessThan(16_384 + 10);
    const argumentsText = events
      .flatMap(event => event.choices[0]?.delta?.tool_calls ?? [])
      .map(call => call.function?.arguments ?? '')
      .join('');
    expect(JSON.parse(argumentsText)).toStrictEqual({ text: said });
    await expectStillServing();
  });
});

describe('malformed requests', () => {
  const deeplyNested = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
  const chatBody = (messages: unknown[], model = 'openai/gpt-4o') =>
    JSON.stringify({ model, messages });

  it('answers each with an OpenRouter error (never a crash or a 500) and keeps serving', async () => {
    const chat = { method: 'POST', path: '/api/v1/chat/completions' };
    const provisioning = { authorization: `Bearer ${PROVISIONING_KEY}` };
    const cases: Array<{
      method?: string;
      path: string;
      body?: string;
      headers?: Record<string, string>;
      status: number;
    }> = [
      { ...chat, body: '{"messages": [', status: 400 },
      { ...chat, body: '[1, 2, 3]', status: 400 },
      { ...chat, body: '42', status: 400 },
      { ...chat, body: 'null', status: 400 },
      { ...chat, body: '"text"', status: 400 },
      { method: 'POST', path: '/api/v1/embeddings', body: 'null', status: 400 },
      { method: 'POST', path: '/api/v1/videos', body: '[]', status: 400 },
      {
        method: 'POST',
        path: '/api/v1/keys',
        headers: provisioning,
        body: 'null',
        status: 400,
      },
      // Bad percent-encoding in every route that decodes its path.
      { path: '/api/v1/videos/%E0%A4%A', status: 400 },
      { path: '/api/v1/videos/%E0%A4%A/content', status: 400 },
      { path: '/api/v1/models/%ZZ/x/endpoints', status: 400 },
      { path: '/api/v1/parameters/a/%FF', status: 400 },
      {
        method: 'DELETE',
        path: '/api/v1/keys/%FF',
        headers: provisioning,
        status: 400,
      },
      // A request target that is no URL at all.
      { path: 'http://[/api/v1/models', status: 400 },
      // 100,000 levels of nesting: parsed fine, but nothing may recurse
      // over it, not even to answer.
      {
        ...chat,
        body: `{"messages":[{"role":"user","content":"Hi"}],"response_format":{"type":"json_schema","json_schema":{"schema":{"const":${deeplyNested}}}}}`,
        status: 400,
      },
      // Shapes the emulated model must not trip over.
      {
        ...chat,
        body: chatBody([
          { role: 'user', content: 'Hi' },
          { role: 'assistant', content: 'Hello', tool_calls: 'none' },
          { role: 'tool', content: 'x', tool_call_id: 'a' },
        ]),
        status: 200,
      },
      {
        ...chat,
        body: chatBody(
          [{ role: 'user', content: 'lone \ud800 surrogate' }],
          'openai/gpt-4o:online',
        ),
        status: 200,
      },
      { method: 'PUT', path: '/api/v1/chat/completions', status: 404 },
    ];

    const outcomes = [];
    for (const { status: _, headers, ...request } of cases) {
      const answer = await exchange(host().baseURL, {
        ...request,
        headers: { ...JSON_HEADERS, ...headers },
      });
      outcomes.push({
        request: `${request.method ?? 'GET'} ${request.path}`,
        status: answer.status,
        code: answer.status === 200 ? 200 : errorOf(answer).code,
      });
    }

    expect(outcomes).toStrictEqual(
      cases.map(({ method, path, status }) => ({
        request: `${method ?? 'GET'} ${path}`,
        status,
        code: status,
      })),
    );
    await expectStillServing();
  });
});

describe('recorded requests', () => {
  let emulator: OpenRouterEmulator;

  beforeAll(async () => {
    emulator = await createOpenRouterEmulator();
  });
  afterAll(async () => {
    await emulator.close();
  });

  it('redact every credential-like header as they redact the key, keeping its last four characters', async () => {
    const secrets = {
      authorization: `Bearer ${KEY}`,
      'x-api-key': 'gateway-secret-1111aaaa',
      'cf-aig-authorization': 'Bearer cloudflare-secret-2222bbbb',
      'proxy-authorization': 'Basic cHJveHk6c2VjcmV0LTMzMzNjY2Nj',
      cookie: 'session=cookie-secret-4444dddd',
      'helicone-auth': 'Bearer helicone-secret-5555eeee',
      'x-provider-api-keys': JSON.stringify({ openai: 'sk-openai-6666ffff' }),
    };

    const answer = await exchange(`${emulator.baseURL}/chat/completions`, {
      headers: {
        ...secrets,
        'content-type': 'application/json',
        'x-title': 'App',
      },
      body: JSON.stringify({
        model: 'openai/gpt-4o',
        messages: [{ role: 'user', content: 'Hi' }],
      }),
    });

    expect(answer.status).toBe(200);
    const { headers } = emulator.requests[0];
    expect(headers).toMatchObject({
      authorization: 'Bearer [REDACTED …cdef]',
      'x-api-key': '[REDACTED …aaaa]',
      'cf-aig-authorization': 'Bearer [REDACTED …bbbb]',
      'proxy-authorization': 'Basic [REDACTED …Y2Nj]',
      cookie: '[REDACTED …dddd]',
      'helicone-auth': 'Bearer [REDACTED …eeee]',
      'x-provider-api-keys': '[REDACTED]',
      'x-title': 'App',
    });
    const recorded = JSON.stringify(emulator.requests);
    for (const value of Object.values(secrets)) {
      const secret = value.replace(/^(Bearer|Basic) /, '');
      expect(recorded).not.toContain(secret);
    }
    expect(recorded).not.toContain('sk-openai-6666ffff');
  });
});
