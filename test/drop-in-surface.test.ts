import { Console } from 'node:console';
import { Writable } from 'node:stream';
import { inspect } from 'node:util';
import {
  createOpenRouter as createIncumbent,
  OpenRouter as IncumbentOpenRouter,
} from '@openrouter/ai-sdk-provider';
import * as incumbentInternal from '@openrouter/ai-sdk-provider/internal';
import { generateText } from 'ai';
import { OpenRouter } from 'ai-sdk-openrouter';
import * as internal from 'ai-sdk-openrouter/internal';
import { describe, expect, it } from 'vitest';
import { TEST_API_KEY, useEmulator } from './support/use-emulator';

// The public surface of `@openrouter/ai-sdk-provider` beyond the factory:
// the fields of `new OpenRouter(…)`, the properties its models declare, and
// its `/internal` entry. Each check reads the same thing from both packages.

// Accepts only the test key, so a request proves which key it carried.
const server = useEmulator({ apiKeys: [TEST_API_KEY] });

const LEGACY_FIELDS = [
  'baseURL',
  'apiKey',
  'headers',
  'api_keys',
  'appName',
  'appUrl',
] as const;

describe('new OpenRouter(…)', () => {
  it.each([
    [
      'every setting',
      {
        apiKey: TEST_API_KEY,
        baseURL: 'https://proxy.example.com/api/v1/',
        headers: { 'X-Custom': '1' },
        api_keys: { anthropic: 'sk-ant-own-key' },
        appName: 'My App',
        appUrl: 'https://my-app.example',
      },
    ],
    ['no settings', {}],
    ['the deprecated baseUrl', { baseUrl: 'https://proxy.example.com/v1' }],
  ])(
    'has the public fields of the incumbent, with its values (%s)',
    (_, settings) => {
      const incumbent = new IncumbentOpenRouter(settings);
      const ours = new OpenRouter(settings);

      for (const field of LEGACY_FIELDS) {
        expect(ours[field], field).toStrictEqual(incumbent[field]);
      }
      expect(ours.baseURL).toMatch(/^https:\/\/.+[^/]$/);
    },
  );

  it('never shows the key, the headers or api_keys when logged or serialized', () => {
    const secrets = [
      TEST_API_KEY,
      'sk-or-v1-in-a-header',
      'sk-ant-own-key',
    ] as const;
    const ours = new OpenRouter({
      apiKey: secrets[0],
      headers: { Authorization: `Bearer ${secrets[1]}` },
      api_keys: { anthropic: secrets[2] },
      appName: 'My App',
    });
    let logged = '';
    const logger = new Console({
      stdout: new Writable({
        write(chunk, _encoding, done) {
          logged += String(chunk);
          done();
        },
      }),
    });
    logger.log(ours);
    logger.dir(ours, { depth: null, showHidden: true });

    const renderings = {
      console: logged,
      inspect: inspect(ours, { depth: null, showHidden: true }),
      json: JSON.stringify(ours),
      keys: Object.keys(ours).join(','),
      spread: JSON.stringify({ ...ours }),
    };
    for (const [how, text] of Object.entries(renderings)) {
      for (const secret of secrets) {
        expect(text, `${how} shows ${secret}`).not.toContain(secret);
      }
    }
    // The renderings do show the instance: what is not secret is there.
    expect(renderings.console).toContain('My App');
    expect(renderings.json).toContain('My App');

    // Readable by name, from a non-enumerable accessor.
    expect(ours.apiKey).toBe(secrets[0]);
    expect(Object.getOwnPropertyDescriptor(ours, 'apiKey')).toBeUndefined();
    for (const field of ['apiKey', 'headers', 'api_keys']) {
      const descriptor = Object.getOwnPropertyDescriptor(
        OpenRouter.prototype,
        field,
      );
      expect(descriptor?.get, field).toBeTypeOf('function');
      expect(descriptor?.enumerable, field).toBe(false);
    }
  });

  it('sends with the key it shows', async () => {
    const ours = new OpenRouter({
      apiKey: TEST_API_KEY,
      baseURL: server.emulator.baseURL,
    });

    const { text } = await generateText({
      model: ours.chat('openai/gpt-4o'),
      prompt: 'Hi',
      maxRetries: 0,
    });

    expect(text).toContain('Hi');
    expect(server.emulator.requests[0]?.headers.authorization).toBe(
      `Bearer [REDACTED …${TEST_API_KEY.slice(-4)}]`,
    );
  });
});

describe('model properties of earlier AI SDK versions', () => {
  it('match the incumbent on chat and completion models', () => {
    const incumbent = createIncumbent({ apiKey: TEST_API_KEY });
    const ours = server.createProvider();
    const pairs = [
      [incumbent('openai/gpt-4o'), ours('openai/gpt-4o')],
      [
        incumbent.completion('openai/gpt-3.5-turbo-instruct'),
        ours.completion('openai/gpt-3.5-turbo-instruct'),
      ],
      [
        new IncumbentOpenRouter().chat('openai/gpt-4o'),
        new OpenRouter().chat('openai/gpt-4o'),
      ],
    ] as const;

    for (const [theirs, mine] of pairs) {
      expect(mine.supportsImageUrls).toBe(theirs.supportsImageUrls);
      expect('defaultObjectGenerationMode' in mine).toBe(true);
      expect(mine.defaultObjectGenerationMode).toBe(
        theirs.defaultObjectGenerationMode,
      );
    }
    expect(ours('openai/gpt-4o').defaultObjectGenerationMode).toBe('tool');
    expect(ours('openai/gpt-4o').supportsImageUrls).toBe(true);
  });
});

describe('the /internal entry', () => {
  it('exports as values every model class the incumbent exports there', () => {
    const incumbentValues = Object.keys(incumbentInternal).sort();
    expect(incumbentValues.length).toBeGreaterThanOrEqual(6);

    const ourValues: Record<string, unknown> = { ...internal };
    for (const name of incumbentValues) {
      expect(ourValues[name], name).toBeTypeOf('function');
    }
    expect(internal.OpenRouterEvaluationModel).toBe(
      internal.OpenRouterDecisionModel,
    );
  });

  it('makes instanceof hold for the models the provider builds (the incumbent’s does not)', () => {
    const ours = server.createProvider();
    const incumbent = createIncumbent({ apiKey: TEST_API_KEY });

    expect(ours('openai/gpt-4o')).toBeInstanceOf(
      internal.OpenRouterChatLanguageModel,
    );
    expect(ours.completion('openai/gpt-3.5-turbo-instruct')).toBeInstanceOf(
      internal.OpenRouterCompletionLanguageModel,
    );
    expect(
      ours.textEmbeddingModel('openai/text-embedding-3-small'),
    ).toBeInstanceOf(internal.OpenRouterEmbeddingModel);
    expect(ours.imageModel('google/gemini-2.5-flash-image')).toBeInstanceOf(
      internal.OpenRouterImageModel,
    );
    expect(ours.videoModel('google/veo-3.1')).toBeInstanceOf(
      internal.OpenRouterVideoModel,
    );
    expect(ours.evaluationModel('typesafe/jev-1.13')).toBeInstanceOf(
      internal.OpenRouterEvaluationModel,
    );
    expect(new OpenRouter().chat('openai/gpt-4o')).toBeInstanceOf(
      internal.OpenRouterChatLanguageModel,
    );

    // The incumbent bundles each entry on its own, so its `/internal`
    // classes are copies of the ones its provider uses.
    expect(incumbent('openai/gpt-4o')).not.toBeInstanceOf(
      incumbentInternal.OpenRouterChatLanguageModel,
    );
  });
});
