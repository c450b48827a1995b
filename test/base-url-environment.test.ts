import { APICallError, InvalidArgumentError } from '@ai-sdk/provider';
import { generateText } from 'ai';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  type HostileServer,
  startHostileServer,
} from './support/hostile-server';
import { TEST_API_KEY, useEmulator } from './support/use-emulator';

const server = useEmulator();

const VARIABLES = ['OPENROUTER_BASE_URL', 'OPENROUTER_API_KEY'] as const;
let saved: Record<string, string | undefined> = {};

beforeEach(() => {
  saved = Object.fromEntries(VARIABLES.map(name => [name, process.env[name]]));
  process.env.OPENROUTER_API_KEY = TEST_API_KEY;
  delete process.env.OPENROUTER_BASE_URL;
  // Each test imports the package afresh, so the default instance is new.
  vi.resetModules();
});

afterEach(() => {
  for (const name of VARIABLES) {
    if (saved[name] === undefined) {
      delete process.env[name];
    } else {
      process.env[name] = saved[name];
    }
  }
});

const importPackage = () => import('ai-sdk-openrouter');

function captureSync(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('Expected the call to throw.');
}

describe('OPENROUTER_BASE_URL', () => {
  it('is honoured by createOpenRouter() without a baseURL', async () => {
    process.env.OPENROUTER_BASE_URL = `${server.emulator.baseURL}/`;
    const { createOpenRouter } = await importPackage();

    const { text } = await generateText({
      model: createOpenRouter()('openai/gpt-4o-mini'),
      prompt: 'Hi',
    });

    expect(text).toContain('You said: "Hi"');
    expect(server.emulator.requests).toHaveLength(1);
    expect(server.emulator.requests[0].path).toBe('/chat/completions');
  });

  it('is honoured by the default instance, read on first use, not at import', async () => {
    const { openrouter } = await importPackage();
    // Set after the import, as a `dotenv` call in the app would.
    process.env.OPENROUTER_BASE_URL = server.emulator.baseURL;

    const { text } = await generateText({
      model: openrouter('openai/gpt-4o-mini'),
      prompt: 'Hi',
    });
    const models = await openrouter.models.list();

    expect(text).toContain('You said: "Hi"');
    expect(models.length).toBeGreaterThan(0);
    expect(server.emulator.requests.map(request => request.path)).toEqual([
      '/chat/completions',
      '/models',
    ]);
    expect(openrouter.chat('openai/gpt-4o').provider).toBe('openrouter.chat');
    expect(typeof openrouter.tools.webSearch).toBe('function');
    expect(Object.keys(openrouter)).toEqual(
      expect.arrayContaining(['chat', 'embeddingModel', 'models', 'tools']),
    );
    expect('imageModel' in openrouter).toBe(true);
    expect(() => new (openrouter as unknown as new () => unknown)()).toThrow(
      'cannot be called with the new keyword',
    );
  });

  it('gives way to the baseURL setting', async () => {
    process.env.OPENROUTER_BASE_URL = 'http://127.0.0.1:9/api/v1';
    const { createOpenRouter } = await importPackage();

    await generateText({
      model: createOpenRouter({ baseURL: server.emulator.baseURL })(
        'openai/gpt-4o-mini',
      ),
      prompt: 'Hi',
    });

    expect(server.emulator.requests).toHaveLength(1);
  });

  it('counts a blank value as none', async () => {
    process.env.OPENROUTER_BASE_URL = '  ';
    const { createOpenRouter } = await importPackage();

    const url = createOpenRouter().oauth.authorizationUrl({
      callbackUrl: 'https://app.example/callback',
    });

    // The sign-in page beside the default API root.
    expect(url.startsWith('https://openrouter.ai/auth?')).toBe(true);
  });

  it.each([
    [
      'credentials',
      'https://user:s3cret-token@proxy.example/api/v1',
      'OPENROUTER_BASE_URL must not contain credentials',
    ],
    [
      'a query',
      'https://proxy.example/api/v1?key=s3cret-token',
      'OPENROUTER_BASE_URL must not contain a query',
    ],
    [
      'no absolute URL',
      'proxy.example/s3cret-token',
      'OPENROUTER_BASE_URL must be an absolute http(s) URL',
    ],
  ])(
    'is checked like baseURL: refuses %s, without repeating it',
    async (_, value, message) => {
      process.env.OPENROUTER_BASE_URL = value;
      // Importing never throws, whatever the variable holds.
      const { createOpenRouter, openrouter } = await importPackage();

      const created = captureSync(() => createOpenRouter());
      const firstUse = captureSync(() => openrouter('openai/gpt-4o-mini'));

      for (const error of [created, firstUse]) {
        expect(InvalidArgumentError.isInstance(error)).toBe(true);
        expect((error as Error).message).toContain(message);
        expect((error as Error).message).not.toContain('s3cret-token');
      }
    },
  );
});

describe('the key stays on the origin OPENROUTER_BASE_URL names', () => {
  const servers: HostileServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map(each => each.close()));
  });

  it('refuses a redirect to another origin, so the key never reaches it', async () => {
    const elsewhere = await startHostileServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{}');
    });
    const redirecting = await startHostileServer((request, response) => {
      response.writeHead(307, {
        location: `${elsewhere.origin}${request.url}`,
      });
      response.end();
    });
    servers.push(elsewhere, redirecting);
    process.env.OPENROUTER_BASE_URL = `${redirecting.origin}/api/v1`;
    const { createOpenRouter } = await importPackage();

    const error = await generateText({
      model: createOpenRouter()('openai/gpt-4o-mini'),
      prompt: 'Hi',
      maxRetries: 0,
    }).catch((caught: unknown) => caught);

    expect(APICallError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('another origin');
    expect(redirecting.requests[0].headers.authorization).toBe(
      `Bearer ${TEST_API_KEY}`,
    );
    expect(elsewhere.requests).toHaveLength(0);
  });
});
