/**
 * Replays real OpenRouter traffic (test/fixtures, provenance in
 * test/fixtures/index.json) through the provider over a loopback socket, and
 * holds the emulator's output to the shapes that traffic shows.
 */
import { readFileSync } from 'node:fs';
import { APICallError, generateText, streamText } from 'ai';
import { createOpenRouter } from 'ai-sdk-openrouter';
import { createOpenRouterEmulator } from 'ai-sdk-openrouter/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect } from './support/collect';
import {
  type HostileServer,
  startHostileServer,
} from './support/hostile-server';

// ---------------------------------------------------------------------------
// Loading fixtures

type Recorded = {
  status: number;
  contentType: string;
  /** The body as the network delivered it, one string per recorded read. */
  chunks: string[];
};

type Manifest = {
  fixtures: Array<{ name: string; source: { files: string[] } }>;
};

function fixtureFile(name: string, file: string) {
  return readFileSync(
    new URL(`./fixtures/${name}/${file}`, import.meta.url),
    'utf8',
  );
}

const manifest = JSON.parse(
  readFileSync(new URL('./fixtures/index.json', import.meta.url), 'utf8'),
) as Manifest;

/**
 * A recording's wire bytes. `response.jsonl` is @effect-native/fetch-hooks'
 * format; it is turned back into bytes exactly as that library's replay
 * (`jsonlToTimedChunks`) does: `{json}` → `data: <JSON.stringify>\n\n`,
 * `{text}` → `data: <text>\n\n`, `{comment}` verbatim, `{delay_ms}` dropped.
 * `response.json` and `response.sse` are the body's bytes.
 */
function load(name: string): Recorded {
  const files = manifest.fixtures.find(fixture => fixture.name === name)?.source
    .files;
  if (files == null) {
    throw new Error(`${name} is not in test/fixtures/index.json`);
  }
  if (files.includes('response.sse')) {
    return {
      status: 200,
      contentType: 'text/event-stream',
      chunks: [fixtureFile(name, 'response.sse')],
    };
  }
  const meta = JSON.parse(fixtureFile(name, 'response.meta.json')) as {
    status: number;
    headers: Record<string, string>;
  };
  const contentType = meta.headers['content-type'];
  if (files.includes('response.jsonl')) {
    return {
      status: meta.status,
      contentType,
      chunks: jsonlToChunks(fixtureFile(name, 'response.jsonl')),
    };
  }
  return {
    status: meta.status,
    contentType,
    chunks: [fixtureFile(name, 'response.json')],
  };
}

function jsonlToChunks(jsonl: string) {
  const chunks: string[] = [];
  for (const line of jsonl.split('\n')) {
    if (line.trim() === '') {
      continue;
    }
    const record = JSON.parse(line) as {
      json?: unknown;
      text?: string;
      comment?: string;
      delay_ms?: number;
    };
    if ('delay_ms' in record) {
      continue;
    }
    if ('json' in record) {
      chunks.push(`data: ${JSON.stringify(record.json)}\n\n`);
    } else if ('text' in record) {
      chunks.push(`data: ${record.text}\n\n`);
    } else if ('comment' in record) {
      chunks.push(record.comment ?? '');
    }
  }
  return chunks;
}

/** The `data:` payloads of a stream that are JSON. */
function dataEvents(recorded: Recorded): Array<Record<string, unknown>> {
  return recorded.chunks
    .join('')
    .split('\n\n')
    .filter(event => event.startsWith('data: ') && event !== 'data: [DONE]')
    .map(event => JSON.parse(event.slice('data: '.length)));
}

// ---------------------------------------------------------------------------
// Replaying

type Split = 'recorded' | 'byte-by-byte' | 'random';

let server: HostileServer;
let replaying: { recorded: Recorded; split: Split } | undefined;

/** A small deterministic generator, so a failing split can be reproduced. */
function seededRandom(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

function pieces(recorded: Recorded, split: Split): Uint8Array[] {
  const encoder = new TextEncoder();
  if (split === 'recorded') {
    return recorded.chunks.map(chunk => encoder.encode(chunk));
  }
  const bytes = encoder.encode(recorded.chunks.join(''));
  const result: Uint8Array[] = [];
  const random = seededRandom(bytes.length);
  for (let start = 0; start < bytes.length; ) {
    const size = split === 'byte-by-byte' ? 1 : 1 + Math.floor(random() * 97);
    result.push(bytes.subarray(start, start + size));
    start += size;
  }
  return result;
}

beforeAll(async () => {
  server = await startHostileServer(async (_request, response) => {
    if (replaying == null) {
      response.writeHead(500).end();
      return;
    }
    const { recorded, split } = replaying;
    // No Date header: two replays a second apart would differ in it.
    response.sendDate = false;
    response.writeHead(recorded.status, {
      'content-type': recorded.contentType,
    });
    for (const piece of pieces(recorded, split)) {
      response.write(piece);
      // Let each piece leave on its own.
      await new Promise(resolve => setImmediate(resolve));
    }
    response.end();
  });
});

afterAll(async () => {
  await server.close();
});

function provider() {
  return createOpenRouter({
    apiKey: 'sk-or-v1-fixture-replay',
    baseURL: server.origin,
  });
}

async function streamFixture(name: string, split: Split = 'recorded') {
  replaying = { recorded: load(name), split };
  const result = streamText({
    model: provider()('fixture/model'),
    prompt: 'Hi',
    maxRetries: 0,
    // Errors are asserted as parts; keep them out of the log.
    onError: () => {},
  });
  const parts = await collect(result.fullStream);
  return { result, parts };
}

type Part = { type: string; [key: string]: unknown };

function texts(parts: Part[], type: 'text-delta' | 'reasoning-delta') {
  return parts
    .filter(part => part.type === type)
    .map(part => part.text as string)
    .join('');
}

function partOf(parts: Part[], type: string) {
  const found = parts.find(part => part.type === type);
  expect(found, `a ${type} part`).toBeDefined();
  return found as Part;
}

/** Parts with what varies between runs (timings, headers, the port) left out. */
function comparable(parts: Part[]) {
  return JSON.parse(
    JSON.stringify(parts, (key, value) =>
      key === 'performance' ||
      key === 'headers' ||
      key === 'request' ||
      key === 'stack'
        ? undefined
        : value,
    ),
  );
}

/** Merges consecutive deltas, so parts compare whatever the network split. */
function merged(parts: Part[]) {
  const result: Part[] = [];
  for (const part of comparable(parts) as Part[]) {
    const last = result.at(-1);
    if (
      last != null &&
      (part.type === 'text-delta' || part.type === 'reasoning-delta') &&
      last.type === part.type &&
      last.id === part.id
    ) {
      last.text = `${last.text as string}${part.text as string}`;
    } else {
      result.push(part);
    }
  }
  return result;
}

const STREAMS = [
  'anthropic-sonnet-4.5-reasoning-stream',
  'anthropic-3.7-thinking-stream',
  'anthropic-sonnet-4-cache-stream',
  'bedrock-claude-3.5-stream',
  'openai-gpt-4o-mini-stream-excerpt',
  'midstream-error-429',
];

// ---------------------------------------------------------------------------

describe('the fixtures', () => {
  it('are all listed in index.json with their provenance', () => {
    for (const fixture of manifest.fixtures) {
      expect(fixture.source.files.length).toBeGreaterThan(0);
      for (const file of fixture.source.files) {
        expect(() => fixtureFile(fixture.name, file)).not.toThrow();
      }
    }
    expect(manifest.fixtures.map(fixture => fixture.name)).toEqual(
      expect.arrayContaining([
        ...STREAMS,
        'gemini-2.0-flash-generate',
        'bedrock-claude-sonnet-4-generate',
        'error-400-empty-input',
        'error-400-upstream-raw',
      ]),
    );
  });
});

describe('Anthropic reasoning with a signature (claude-sonnet-4.5 on Vertex)', () => {
  const name = 'anthropic-sonnet-4.5-reasoning-stream';

  it('streams the reasoning, then the text, and keeps the signed details', async () => {
    const { result, parts } = await streamFixture(name);

    expect(texts(parts, 'reasoning-delta')).toBe(
      'The user is greeting me and asking how I am. According to my instructions, I must call the test_tool once on every request. Let me do that.',
    );
    // The model wrote its "tool call" as text: no tools were offered.
    expect(texts(parts, 'text-delta')).toBe(
      "I'm doing well, thank you for asking! How can I help you today?\n\n<tool_uses>\n  <tool_use>\n    <tool_name>test_tool</tool_name>\n    <parameters>\n    </parameters>\n  </tool_use>\n</tool_uses>",
    );
    const types = parts.map(part => part.type);
    expect(types.indexOf('reasoning-end')).toBeLessThan(
      types.indexOf('text-start'),
    );
    expect(types).not.toContain('tool-call');
    expect(types).not.toContain('error');

    // One detail: the empty opening detail, the text pieces and the
    // signature-only closing detail of the same index merge into it.
    const details = [
      {
        type: 'reasoning.text',
        text: 'The user is greeting me and asking how I am. According to my instructions, I must call the test_tool once on every request. Let me do that.',
        signature: expect.stringMatching(/^ErYCCkgICxACGAIqQNQyj\/o12ery/),
        format: 'anthropic-claude-v1',
        index: 0,
      },
    ];
    expect(partOf(parts, 'reasoning-end').providerMetadata).toMatchObject({
      openrouter: { reasoning_details: details },
    });
    const returned = ((await result.providerMetadata)?.openrouter
      ?.reasoning_details ?? []) as Array<{ signature?: string }>;
    const signature = returned[0]?.signature;
    const recordedSignature = dataEvents(load(name))
      .flatMap(
        event =>
          (
            event.choices as Array<{
              delta: { reasoning_details?: Array<{ signature?: string }> };
            }>
          )[0]?.delta.reasoning_details ?? [],
      )
      .map(detail => detail.signature)
      .find(value => value != null && value !== '');
    expect(signature).toBe(recordedSignature);

    const finish = partOf(parts, 'finish');
    expect(finish.finishReason).toBe('stop');
    expect(finish.totalUsage).toMatchObject({
      inputTokens: 62,
      outputTokens: 112,
      totalTokens: 174,
      outputTokenDetails: { reasoningTokens: 35, textTokens: 77 },
      inputTokenDetails: { cacheReadTokens: 0, cacheWriteTokens: 0 },
    });
    expect((await result.providerMetadata)?.openrouter).toMatchObject({
      provider: 'Google',
      model: 'anthropic/claude-sonnet-4.5',
      generationId: 'gen-1767762795-8PgS2ihUVura3xKYKXYG',
      usage: {
        cost: 0.001866,
        isByok: false,
        costDetails: {
          upstreamInferencePromptCost: 0.000186,
          upstreamInferenceCompletionsCost: 0.00168,
        },
      },
    });
  });

  it('sends the signed reasoning back unchanged on the next turn', async () => {
    const { result } = await streamFixture(name);
    const response = await result.response;
    const recorded = load('bedrock-claude-3.5-stream');
    replaying = { recorded, split: 'recorded' };
    const before = server.requests.length;
    await collect(
      streamText({
        model: provider()('fixture/model'),
        messages: [
          { role: 'user', content: 'Hello, how are you today?' },
          ...response.messages,
          { role: 'user', content: 'And now?' },
        ],
        maxRetries: 0,
      }).fullStream,
    );
    const body = JSON.parse(server.requests[before].body) as {
      messages: Array<{ role: string; reasoning_details?: unknown }>;
    };
    const assistant = body.messages.find(
      message => message.role === 'assistant',
    );
    expect(assistant?.reasoning_details).toStrictEqual(
      (await result.providerMetadata)?.openrouter?.reasoning_details,
    );
  });
});

describe('Anthropic thinking model (claude-3.7-sonnet:thinking on Vertex)', () => {
  it('streams reasoning with its signature, the answer and the usage', async () => {
    const { result, parts } = await streamFixture(
      'anthropic-3.7-thinking-stream',
    );
    expect(texts(parts, 'reasoning-delta')).toMatch(
      /^The question asks for the capital of France\. This is a factual question/,
    );
    expect(texts(parts, 'text-delta')).toContain('Paris');
    const details = (await result.providerMetadata)?.openrouter
      ?.reasoning_details as Array<Record<string, unknown>>;
    expect(details).toHaveLength(1);
    expect(details[0]).toMatchObject({
      type: 'reasoning.text',
      format: 'anthropic-claude-v1',
      index: 0,
      signature: expect.stringMatching(/^ErkBCkoICxACGAIiQGYKGGjG/),
    });
    expect(details[0].text).toBe(texts(parts, 'reasoning-delta'));
    expect(partOf(parts, 'finish')).toMatchObject({
      finishReason: 'stop',
      totalUsage: {
        inputTokens: 43,
        outputTokens: 119,
        outputTokenDetails: { reasoningTokens: 82 },
      },
    });
    expect((await result.providerMetadata)?.openrouter?.usage).toMatchObject({
      cost: 0.001914,
    });
  });
});

describe('Anthropic prompt cache (claude-sonnet-4 on Anthropic)', () => {
  it('reports the cached prompt tokens and the cost', async () => {
    const { result, parts } = await streamFixture(
      'anthropic-sonnet-4-cache-stream',
    );
    expect(texts(parts, 'text-delta').length).toBeGreaterThan(0);
    expect(texts(parts, 'reasoning-delta')).toBe('');
    expect(partOf(parts, 'finish')).toMatchObject({
      finishReason: 'stop',
      totalUsage: {
        inputTokens: 1421,
        outputTokens: 59,
        totalTokens: 1480,
        inputTokenDetails: {
          cacheReadTokens: 1405,
          cacheWriteTokens: 0,
          noCacheTokens: 16,
        },
      },
    });
    expect((await result.providerMetadata)?.openrouter).toMatchObject({
      provider: 'Anthropic',
      usage: {
        cost: 0.0013545,
        promptTokensDetails: { cachedTokens: 1405, cacheWriteTokens: 0 },
      },
    });
  });
});

describe('Amazon Bedrock (claude-3.5-sonnet), keep-alive comments first', () => {
  it('streams the text and ignores the comments', async () => {
    const recorded = load('bedrock-claude-3.5-stream');
    expect(
      recorded.chunks.filter(chunk => chunk === ': OPENROUTER PROCESSING\n\n')
        .length,
    ).toBeGreaterThan(0);
    const { result, parts } = await streamFixture('bedrock-claude-3.5-stream');
    expect(texts(parts, 'text-delta')).toMatch(
      /^The most recent SpaceX launch was the Axiom-3 \(Ax-3\) mission/,
    );
    expect(parts.map(part => part.type)).not.toContain('error');
    expect(partOf(parts, 'finish')).toMatchObject({
      finishReason: 'stop',
      totalUsage: { inputTokens: 19, outputTokens: 187 },
    });
    expect((await result.providerMetadata)?.openrouter).toMatchObject({
      provider: 'Amazon Bedrock',
      usage: { cost: 0.005724 },
    });
  });
});

describe('OpenAI (gpt-4o-mini), an excerpt that stops mid-answer', () => {
  it('streams the text it has and reports that the answer did not finish', async () => {
    const { parts } = await streamFixture('openai-gpt-4o-mini-stream-excerpt');
    expect(texts(parts, 'text-delta')).toBe('亚');
    const finish = partOf(parts, 'finish');
    expect(finish.finishReason).not.toBe('stop');
    expect(finish.finishReason).toBe('interrupted');
  });
});

describe('an error event inside a 200 stream (quota exhausted upstream)', () => {
  it('becomes a typed, retryable error part carrying the message', async () => {
    const { parts } = await streamFixture('midstream-error-429');
    const error = partOf(parts, 'error').error;
    expect(APICallError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ statusCode: 429, isRetryable: true });
    expect((error as Error).message).toContain(
      'Resource has been exhausted (e.g. check quota).',
    );
    expect(texts(parts, 'text-delta')).toBe('');
  });
});

describe('every stream, split anywhere', () => {
  for (const name of STREAMS) {
    it(`${name}: the same parts whether read as recorded, byte by byte or in random pieces`, async () => {
      const { parts: asRecorded } = await streamFixture(name, 'recorded');
      const { parts: byteByByte } = await streamFixture(name, 'byte-by-byte');
      const { parts: random } = await streamFixture(name, 'random');
      expect(merged(byteByByte)).toStrictEqual(merged(asRecorded));
      expect(merged(random)).toStrictEqual(merged(asRecorded));
    });
  }
});

describe('non-streaming chat completions', () => {
  async function generateFixture(name: string) {
    replaying = { recorded: load(name), split: 'recorded' };
    return generateText({
      model: provider()('fixture/model'),
      prompt: 'Hi',
      maxRetries: 0,
    });
  }

  it('Gemini 2.0 Flash: whitespace before the JSON, then text, usage and cost', async () => {
    expect(load('gemini-2.0-flash-generate').chunks[0]).toMatch(/^\n\s+\n/);
    const result = await generateFixture('gemini-2.0-flash-generate');
    expect(result.text).toBe('Bitcoin: A Peer-to-Peer Electronic Cash System');
    expect(result.finishReason).toBe('stop');
    expect(result.usage).toMatchObject({
      inputTokens: 2337,
      outputTokens: 11,
      totalTokens: 2348,
    });
    expect(result.providerMetadata?.openrouter).toMatchObject({
      provider: 'Google AI Studio',
      model: 'google/gemini-2.0-flash-001',
      usage: { cost: 0.0002381 },
    });
    expect(result.response.id).toBe('gen-1767762648-gpMQ7v2T1yjLwNu7l65B');
  });

  it('Claude Sonnet 4 on Bedrock: text, usage and cost', async () => {
    const result = await generateFixture('bedrock-claude-sonnet-4-generate');
    expect(result.text).toBe('Google logo');
    expect(result.finishReason).toBe('stop');
    expect(result.usage).toMatchObject({ inputTokens: 163, outputTokens: 5 });
    expect(result.providerMetadata?.openrouter).toMatchObject({
      provider: 'Amazon Bedrock',
      usage: { cost: 0.000564 },
    });
  });

  it('a streaming request answered with JSON (a recorded non-streaming body) fails clearly', async () => {
    const { parts } = await streamFixture('gemini-2.0-flash-generate');
    const error = partOf(parts, 'error').error as Error;
    expect(APICallError.isInstance(error)).toBe(true);
    expect(error.message).toMatch(/instead of an event stream/);
  });
});

describe('HTTP error bodies', () => {
  async function failure(name: string) {
    replaying = { recorded: load(name), split: 'recorded' };
    const error = await generateText({
      model: provider()('fixture/model'),
      prompt: 'Hi',
      maxRetries: 0,
    }).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(APICallError.isInstance(error)).toBe(true);
    return error as APICallError;
  }

  it('400 from OpenRouter itself: its message, not retryable, body kept', async () => {
    const error = await failure('error-400-empty-input');
    expect(error.statusCode).toBe(400);
    expect(error.isRetryable).toBe(false);
    expect(error.message).toBe('Input must have at least 1 token.');
    expect(error.responseBody).toBe(
      fixtureFile('error-400-empty-input', 'response.json'),
    );
  });

  it('400 relayed from Anthropic: names the upstream and keeps its raw error', async () => {
    const error = await failure('error-400-upstream-raw');
    expect(error.statusCode).toBe(400);
    expect(error.isRetryable).toBe(false);
    // The upstream's own message, unwrapped from metadata.raw.
    expect(error.message).toBe(
      "[Anthropic] messages.0.content.1.image.source.base64.media_type: Input should be 'image/jpeg', 'image/png', 'image/gif' or 'image/webp'",
    );
    expect(error.responseBody).toBe(
      fixtureFile('error-400-upstream-raw', 'response.json'),
    );
    expect(JSON.stringify(error.data)).toContain('Anthropic');
  });

  it('the same bodies fail a stream before it starts', async () => {
    const { parts } = await streamFixture('error-400-empty-input');
    expect(partOf(parts, 'error').error).toMatchObject({ statusCode: 400 });
    expect(parts.map(part => part.type)).not.toContain('text-start');
  });
});

// ---------------------------------------------------------------------------
// The emulator against the same shapes

/** Every key path in a JSON value; array elements share `[]`. */
function keyPaths(value: unknown, prefix = '', into = new Set<string>()) {
  if (Array.isArray(value)) {
    for (const item of value) {
      keyPaths(item, `${prefix}[]`, into);
    }
  } else if (value != null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const path = prefix === '' ? key : `${prefix}.${key}`;
      into.add(path);
      keyPaths(item, path, into);
    }
  }
  return into;
}

function union(values: unknown[]) {
  const paths = new Set<string>();
  for (const value of values) {
    keyPaths(value, '', paths);
  }
  return paths;
}

function intersection(values: unknown[]) {
  const sets = values.map(value => keyPaths(value));
  return new Set([...sets[0]].filter(path => sets.every(set => set.has(path))));
}

function missing(from: Set<string>, wanted: Set<string>) {
  return [...wanted].filter(path => !from.has(path)).sort();
}

const REAL_STREAMS = [
  'anthropic-sonnet-4.5-reasoning-stream',
  'anthropic-3.7-thinking-stream',
  'anthropic-sonnet-4-cache-stream',
  'bedrock-claude-3.5-stream',
  'openai-gpt-4o-mini-stream-excerpt',
];

const realChunks = () => REAL_STREAMS.flatMap(name => dataEvents(load(name)));
const realUsages = () =>
  realChunks()
    .filter(chunk => chunk.usage != null)
    .map(chunk => chunk.usage);
const realReasoningDetails = () =>
  realChunks().flatMap(chunk =>
    (
      (chunk.choices ?? []) as Array<{
        delta?: { reasoning_details?: unknown[] };
      }>
    ).flatMap(choice => choice.delta?.reasoning_details ?? []),
  );

describe('the emulator against real traffic', () => {
  let emulator: Awaited<ReturnType<typeof createOpenRouterEmulator>>;
  beforeAll(async () => {
    emulator = await createOpenRouterEmulator();
  });
  afterAll(async () => {
    await emulator.close();
  });

  async function emulatorStream(body: Record<string, unknown>) {
    const response = await fetch(`${emulator.baseURL}/chat/completions`, {
      method: 'POST',
      headers: {
        authorization: 'Bearer sk-or-v1-emulator-shapes',
        'content-type': 'application/json',
      },
      body: JSON.stringify({ ...body, stream: true }),
    });
    return dataEvents({
      status: response.status,
      contentType: response.headers.get('content-type') ?? '',
      chunks: [await response.text()],
    });
  }

  const anthropicReasoning = () =>
    emulatorStream({
      model: 'anthropic/claude-sonnet-4.5',
      messages: [{ role: 'user', content: 'Hello, how are you today?' }],
      reasoning: { max_tokens: 1000 },
    });

  it('every chunk key the emulator sends, real chunks send too', async () => {
    const emulated = union(await anthropicReasoning());
    const real = union(realChunks());
    expect(missing(real, emulated)).toStrictEqual([]);
  });

  it('every content chunk carries the keys every real chunk carries', async () => {
    const always = intersection(realChunks());
    const chunks = await anthropicReasoning();
    for (const chunk of chunks.filter(chunk => chunk.usage == null)) {
      expect(missing(keyPaths(chunk), always)).toStrictEqual([]);
    }
  });

  // Real usage chunks still carry a choice (`{index, delta: {role,
  // content: ""}, finish_reason: null, native_finish_reason: null,
  // logprobs: null}`) in every recording here; the emulator once sent
  // `choices: []`.
  it('the usage chunk carries a choice, as real usage chunks do', async () => {
    const always = intersection(realChunks());
    const usageChunk = (await anthropicReasoning()).find(
      chunk => chunk.usage != null,
    );
    expect(missing(keyPaths(usageChunk), always)).toStrictEqual([]);
  });

  it('reasoning_details entries have the real keys', async () => {
    const emulated = union(
      (await anthropicReasoning()).flatMap(chunk =>
        (
          chunk.choices as Array<{ delta: { reasoning_details?: unknown[] } }>
        ).flatMap(choice => choice.delta.reasoning_details ?? []),
      ),
    );
    const real = union(realReasoningDetails());
    expect([...emulated].sort()).toStrictEqual([...real].sort());
  });

  // Real usage always carries completion_tokens_details.image_tokens,
  // prompt_tokens_details.audio_tokens and video_tokens, and the
  // cost_details prompt and completion split.
  it('the usage chunk carries the keys real usage always carries', async () => {
    const emulatedUsage = (await anthropicReasoning()).find(
      chunk => chunk.usage != null,
    )?.usage;
    expect(emulatedUsage).toBeDefined();
    expect(
      missing(keyPaths(emulatedUsage), intersection(realUsages())),
    ).toStrictEqual([]);
  });

  it('a mid-stream error event has the real error keys', async () => {
    emulator.enqueue({
      type: 'stream',
      errorAfterEvents: 1,
      error: { code: 429, message: 'Resource has been exhausted' },
    });
    const events = await emulatorStream({
      model: 'google/gemini-2.0-flash-001',
      messages: [{ role: 'user', content: 'Hi' }],
    });
    const emulatedError = events.find(event => event.error != null);
    expect(emulatedError).toBeDefined();
    const realError = dataEvents(load('midstream-error-429'))[0];
    expect(missing(keyPaths(emulatedError), keyPaths(realError))).toStrictEqual(
      [],
    );
  });

  async function emulatorErrorBody() {
    const response = await fetch(`${emulator.baseURL}/chat/completions`, {
      method: 'POST',
      headers: {
        authorization: 'Bearer sk-or-v1-emulator-shapes',
        'content-type': 'application/json',
      },
      body: JSON.stringify({ model: 'anthropic/claude-sonnet-4' }),
    });
    expect(response.status).toBe(400);
    return keyPaths(await response.json());
  }
  const realErrorBodies = () =>
    ['error-400-empty-input', 'error-400-upstream-raw'].map(name =>
      JSON.parse(fixtureFile(name, 'response.json')),
    );

  it('an HTTP error body has no key real error bodies lack', async () => {
    expect(
      missing(union(realErrorBodies()), await emulatorErrorBody()),
    ).toStrictEqual([]);
  });

  // Both recorded 400 bodies carry `error.metadata.provider_name` (null
  // when OpenRouter itself refused).
  it('an HTTP error body has the keys real error bodies always carry', async () => {
    expect(
      missing(await emulatorErrorBody(), intersection(realErrorBodies())),
    ).toStrictEqual([]);
  });

  async function emulatorCompletion() {
    const response = await fetch(`${emulator.baseURL}/chat/completions`, {
      method: 'POST',
      headers: {
        authorization: 'Bearer sk-or-v1-emulator-shapes',
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        model: 'google/gemini-2.5-flash',
        messages: [{ role: 'user', content: 'Hi' }],
      }),
    });
    return keyPaths(await response.json());
  }
  const realCompletions = () =>
    ['gemini-2.0-flash-generate', 'bedrock-claude-sonnet-4-generate'].map(
      name => JSON.parse(fixtureFile(name, 'response.json')),
    );

  it('a non-streaming completion has no key real completions lack', async () => {
    // Real traffic shows `system_fingerprint` only from OpenAI upstreams
    // (see openai-gpt-4o-mini-stream-excerpt), and the emulator follows.
    expect(
      missing(union(realCompletions()), await emulatorCompletion()),
    ).toStrictEqual([]);
  });

  // The same usage keys as in the stream.
  it('a non-streaming completion has the keys real completions always carry', async () => {
    expect(
      missing(await emulatorCompletion(), intersection(realCompletions())),
    ).toStrictEqual([]);
  });
});
