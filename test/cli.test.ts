import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PROVISIONING_KEY } from './support/account-keys';
import {
  type HostileServer,
  startHostileServer,
} from './support/hostile-server';
import { TEST_API_KEY, useEmulator } from './support/use-emulator';

// The built binary, exactly what `npx ai-sdk-openrouter` runs. `npm test`
// builds before testing. The edge-runtime config leaves this file out: it
// spawns a Node process, so there is nothing edge-specific in it.
const CLI = fileURLToPath(new URL('../dist/cli/index.js', import.meta.url));

const server = useEmulator();

type CliRun = { code: number; stdout: string; stderr: string };

function runCli(
  args: string[],
  environment: Record<string, string | undefined> = {},
): Promise<CliRun> {
  const env: Record<string, string | undefined> = {
    ...process.env,
    OPENROUTER_API_KEY: TEST_API_KEY,
    OPENROUTER_BASE_URL: server.emulator.baseURL,
    ...environment,
  };
  delete env.OPENROUTER_PROVISIONING_KEY;
  for (const [name, value] of Object.entries(environment)) {
    if (value === undefined) {
      delete env[name];
    } else {
      env[name] = value;
    }
  }
  return new Promise(resolve => {
    execFile(
      process.execPath,
      [CLI, ...args],
      { env: env as NodeJS.ProcessEnv, timeout: 20_000 },
      (error, stdout, stderr) => {
        const code =
          error == null ? 0 : typeof error.code === 'number' ? error.code : -1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** Exit code 1 for a failure, 2 for a mistake in the command line. */
function expectOneLineFailure(
  run: CliRun,
  message: string | RegExp,
  code: 1 | 2 = 1,
) {
  expect(run.code).toBe(code);
  expect(run.stdout).toBe('');
  expect(run.stderr.endsWith('\n')).toBe(true);
  expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(run.stderr).toMatch(/^ai-sdk-openrouter: /);
  expect(run.stderr).not.toMatch(/\bat .+:\d+:\d+/);
  if (typeof message === 'string') {
    expect(run.stderr).toContain(message);
  } else {
    expect(run.stderr).toMatch(message);
  }
}

beforeAll(() => {
  if (!existsSync(CLI)) {
    throw new Error(
      `${CLI} does not exist: run \`npm run build\` before these tests (npm test does).`,
    );
  }
});

describe('ai-sdk-openrouter models', () => {
  it('prints an aligned table of models, prices per million tokens', async () => {
    const run = await runCli(['models']);

    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe(
      'MODEL                                   CONTEXT TOKENS  INPUT $/M  OUTPUT $/M  MODALITY',
    );
    expect(lines).toContain(
      'anthropic/claude-sonnet-4.5                  1,000,000       3.00       15.00  text+image+file->text',
    );
    expect(lines).toContain(
      'meta-llama/llama-3.3-70b-instruct:free          65,536       free        free  text->text',
    );
    expect(lines).toContain(
      'openrouter/auto                              2,000,000     varies      varies  text+image+file->text',
    );
    expect(
      run.stdout.endsWith(
        "\n13 models. Prices in USD per million tokens; free: no charge; varies: a router's price is that of the model it picks.\n",
      ),
    ).toBe(true);
  });

  it('lists models of another output kind, which OpenRouter lists only when asked', async () => {
    const run = await runCli(['models', '--output-modality', 'transcription']);

    expect(run.code).toBe(0);
    expect(run.stdout).toContain('openai/whisper-large-v3');
    expect(run.stdout).not.toContain('openai/gpt-4o-mini ');
    expect(run.stdout).toContain('1 model.');
    expect(server.emulator.requests[0].query).toStrictEqual({
      output_modalities: 'transcription',
    });
  });

  it('lists models that support tools, sorted by price', async () => {
    const run = await runCli([
      'models',
      '--supports',
      'tools',
      '--sort',
      'price',
    ]);

    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      [
        'MODEL                              CONTEXT TOKENS  INPUT $/M  OUTPUT $/M  MODALITY',
        'meta-llama/llama-3.3-70b-instruct         131,072       0.13        0.39  text->text',
        'openai/gpt-4o-mini                        128,000       0.15        0.60  text+image+file->text',
        'openai/gpt-5-mini                         400,000       0.25        2.00  text+image+file->text',
        'google/gemini-2.5-flash                 1,048,576       0.30        2.50  text+image+file+audio+video->text',
        'openai/o4-mini                            200,000       1.10        4.40  text+image+file->text',
        'google/gemini-2.5-pro                   1,048,576       1.25       10.00  text+image+file+audio+video->text',
        'openai/gpt-4o                             128,000       2.50       10.00  text+image+file->text',
        'anthropic/claude-sonnet-4.5             1,000,000       3.00       15.00  text+image+file->text',
        '',
        "8 models. Prices in USD per million tokens; free: no charge; varies: a router's price is that of the model it picks.",
        '',
      ].join('\n'),
    );
    expect(server.emulator.requests[0].query).toStrictEqual({
      supported_parameters: 'tools',
    });
  });

  it('filters by modality and price, and sorts by context or age', async () => {
    const image = await runCli([
      'models',
      '--output-modality',
      'image',
      '--json',
    ]);
    const free = await runCli([
      'models',
      '--free',
      '--sort',
      'context',
      '--json',
    ]);
    const audio = await runCli([
      'models',
      '--input-modality',
      'audio',
      '--json',
    ]);
    const newest = await runCli(['models', '--sort', 'newest', '--json']);

    const ids = (run: CliRun) =>
      (JSON.parse(run.stdout) as { id: string }[]).map(model => model.id);
    expect(ids(image)).toStrictEqual(['google/gemini-2.5-flash-image']);
    expect(ids(free)).toStrictEqual([
      'deepseek/deepseek-r1-0528:free',
      'meta-llama/llama-3.3-70b-instruct:free',
    ]);
    expect(ids(audio)).toStrictEqual([
      'google/gemini-2.5-flash',
      'google/gemini-2.5-pro',
    ]);
    expect(ids(newest).slice(0, 2)).toStrictEqual([
      'google/gemini-2.5-flash-image',
      'anthropic/claude-sonnet-4.5',
    ]);
  });

  it('prints the typed objects without raw as --json', async () => {
    const run = await runCli(['models', '--free', '--json']);

    expect(run.code).toBe(0);
    const models = JSON.parse(run.stdout) as Record<string, unknown>[];
    expect(models[0]).toMatchObject({
      id: 'meta-llama/llama-3.3-70b-instruct:free',
      pricing: { prompt: 0, completion: 0 },
      contextLength: 65_536,
    });
    expect(models[0]).not.toHaveProperty('raw');
  });

  it('says so when nothing matches', async () => {
    const run = await runCli(['models', '--free', '--supports', 'tools']);

    expect(run.code).toBe(0);
    expect(run.stdout).toBe('No models match.\n');
  });

  it('rejects an unknown sort order, suggesting the likely one', async () => {
    expectOneLineFailure(
      await runCli(['models', '--sort', 'vibes']),
      '--sort must be one of price, context, newest, got "vibes". Run \'ai-sdk-openrouter models --help\' for usage.',
      2,
    );
    expectOneLineFailure(
      await runCli(['models', '--sort', 'prcie']),
      '--sort must be one of price, context, newest, got "prcie". Did you mean "price"?',
      2,
    );
    expect(server.emulator.requests).toHaveLength(0);
  });

  it('refuses a misspelt --supports before sending anything, with a suggestion', async () => {
    const run = await runCli(['models', '--supports', 'tool']);

    expectOneLineFailure(
      run,
      'ai-sdk-openrouter: --supports "tool" is not a request parameter OpenRouter lists. Did you mean "tools"? Run \'ai-sdk-openrouter models --help\' for usage.',
      2,
    );
    expect(server.emulator.requests).toHaveLength(0);
  });

  it('refuses a --supports parameter that neither it nor the catalogue knows', async () => {
    const run = await runCli(['models', '--supports', 'teleportation']);

    expectOneLineFailure(
      run,
      '--supports "teleportation" is not a request parameter OpenRouter lists. Known parameters: temperature, top_p,',
      2,
    );
    expect(run.stderr).toContain('structured_outputs');
  });

  it('accepts a --supports parameter newer than the package when the catalogue lists it', async () => {
    server.emulator.enqueue({
      type: 'json',
      path: '/models',
      body: {
        data: [
          {
            id: 'acme/teleporter',
            name: 'Teleporter',
            created: 1,
            context_length: 1000,
            pricing: { prompt: '0.000001', completion: '0.000002' },
            architecture: {
              modality: 'text->text',
              input_modalities: ['text'],
              output_modalities: ['text'],
            },
            supported_parameters: ['teleportation'],
          },
        ],
      },
    });

    const run = await runCli(['models', '--supports', 'teleportation']);

    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('acme/teleporter');
  });
});

describe('ai-sdk-openrouter endpoints', () => {
  it("prints every provider's prices, limits and health", async () => {
    const run = await runCli(['endpoints', 'anthropic/claude-sonnet-4.5']);

    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      [
        'anthropic/claude-sonnet-4.5 (Anthropic: Claude Sonnet 4.5): 3 endpoints',
        '',
        'PROVIDER        TAG                   QUANT    CONTEXT TOKENS  MAX OUTPUT TOKENS  INPUT $/M  OUTPUT $/M  UPTIME (30 MIN)  STATUS',
        'Anthropic       anthropic             unknown       1,000,000             64,000       3.00       15.00            99.8%  ok',
        'Amazon Bedrock  amazon-bedrock        unknown         200,000             64,000       3.00       15.00            99.1%  ok',
        'Google          google-vertex/global  unknown       1,000,000             64,000       3.00       15.00            71.4%  degraded (-2)',
        '',
        "Prices in USD per million tokens; free: no charge; varies: a router's price is that of the model it picks.",
        "STATUS: ok is OpenRouter's status 0, an endpoint serving normally; degraded (n) is one of its negative statuses, for an endpoint it currently counts as degraded (the values are undocumented; see UPTIME).",
        '',
      ].join('\n'),
    );
  });

  it('prints the endpoints as --json', async () => {
    const run = await runCli([
      'endpoints',
      'deepseek/deepseek-r1-0528:free',
      '--json',
    ]);

    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.endpoints[0]).toMatchObject({
      providerName: 'Chutes',
      quantization: 'fp8',
    });
  });

  it('fails with one line for a malformed model id', async () => {
    expectOneLineFailure(
      await runCli(['endpoints', 'claude']),
      "models.endpoints expects a model id of the form 'author/slug'",
    );
  });

  it("fails with one line for OpenRouter's 404", async () => {
    expectOneLineFailure(
      await runCli(['endpoints', 'acme/unknown']),
      'ai-sdk-openrouter: Model does not exist (HTTP 404)',
    );
  });

  it('needs exactly one model', async () => {
    expectOneLineFailure(
      await runCli(['endpoints']),
      'Usage: ai-sdk-openrouter endpoints <author/slug>',
      2,
    );
  });

  it('explains STATUS only when an endpoint is not ok', async () => {
    const run = await runCli(['endpoints', 'openai/gpt-4o-mini']);

    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('STATUS: ok is');
    expect(run.stdout).toContain('  ok\n');
  });
});

describe('ai-sdk-openrouter key and credits', () => {
  it("prints the key's limit and usage", async () => {
    const run = await runCli(['key']);

    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Label               sk-or-v1-tes...def\n');
    expect(run.stdout).toContain('Limit remaining     $12.65\n');
    expect(run.stdout).toContain('Usage (this month)  $12.35\n');
    expect(run.stdout).toContain('Provisioning key    no\n');
    expect(run.stdout).not.toContain(TEST_API_KEY);
    expect(server.emulator.requests[0].headers.authorization).toBe(
      'Bearer [REDACTED …cdef]',
    );
  });

  it('prints credits with the provisioning key', async () => {
    const run = await runCli(['credits'], {
      OPENROUTER_PROVISIONING_KEY: TEST_PROVISIONING_KEY,
    });

    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      'Total credits  $50.00\nTotal usage    $12.35\nRemaining      $37.65\n',
    );
    expect(server.emulator.requests[0].headers.authorization).toBe(
      'Bearer [REDACTED …3210]',
    );
  });

  it('prints credits as --json', async () => {
    const run = await runCli(['credits', '--json'], {
      OPENROUTER_PROVISIONING_KEY: TEST_PROVISIONING_KEY,
    });

    expect(JSON.parse(run.stdout)).toStrictEqual({
      totalCredits: 50,
      totalUsage: 12.35,
      remaining: 37.65,
    });
  });

  it('explains in one line that credits need a provisioning key', async () => {
    const run = await runCli(['credits']);

    expectOneLineFailure(run, 'Only provisioning keys can fetch credits.');
    expect(run.stderr).toContain('OPENROUTER_PROVISIONING_KEY');
    expect(run.stderr).toContain('(HTTP 403)');
    expect(run.stderr).not.toContain(TEST_API_KEY);
  });

  it('names the variable to set when no key exists', async () => {
    const run = await runCli(['key'], { OPENROUTER_API_KEY: undefined });

    expectOneLineFailure(
      run,
      'ai-sdk-openrouter: no API key found: set OPENROUTER_API_KEY.',
    );
    expect(server.emulator.requests).toHaveLength(0);
  });
});

describe('ai-sdk-openrouter generation', () => {
  it('prints the cost and tokens of a generation', async () => {
    const run = await runCli(['generation', 'gen-1767225660-flash25b']);

    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'Model               google/gemini-2.5-flash\n',
    );
    expect(run.stdout).toContain('Total cost          $0.00285\n');
    expect(run.stdout).toContain('Reasoning tokens    600\n');
    // OpenRouter reports these in milliseconds.
    expect(run.stdout).toContain('Latency             3,210 ms\n');
    expect(run.stdout).toContain('Generation time     2,990 ms\n');
    expect(run.stdout).toContain('Moderation latency  -\n');
    expect(server.emulator.requests[0].query).toStrictEqual({
      id: 'gen-1767225660-flash25b',
    });
  });

  it('prints the generation as --json', async () => {
    const run = await runCli([
      'generation',
      'gen-1767225600-sonnet45a',
      '--json',
    ]);

    expect(JSON.parse(run.stdout)).toMatchObject({
      id: 'gen-1767225600-sonnet45a',
      totalCost: 0.0078,
      nativeTokensCached: 1000,
    });
  });

  it('fails with one line for an unknown generation', async () => {
    expectOneLineFailure(
      await runCli(['generation', 'gen-missing']),
      'Generation gen-missing not found (HTTP 404)',
    );
  });
});

describe('ai-sdk-openrouter in general', () => {
  it('prints help with exit code 0 when asked for it', async () => {
    for (const args of [['--help'], ['-h'], ['help']]) {
      const run = await runCli(args);
      expect(run.code).toBe(0);
      expect(run.stderr).toBe('');
      expect(run.stdout).toMatch(
        /^Usage: ai-sdk-openrouter <command> \[options\]/,
      );
      expect(run.stdout).toContain('endpoints <author/slug>');
      expect(run.stdout).toContain('emulator [--port <n>]');
      expect(run.stdout).toContain('OPENROUTER_PROVISIONING_KEY');
    }
  });

  it('prints help on stderr with exit code 2 when given nothing', async () => {
    const run = await runCli([]);

    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(
      /^Usage: ai-sdk-openrouter <command> \[options\]/,
    );
  });

  it.each([
    [['models', '--help'], 'models'],
    [['endpoints', '-h'], 'endpoints'],
    [['help', 'generation'], 'generation'],
    [['emulator', '--help'], 'emulator'],
    [['key', '--help', '--free'], 'key'],
  ])("prints the command's own help for %j", async (args, command) => {
    const run = await runCli(args);

    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(
      new RegExp(`^Usage: ai-sdk-openrouter ${command}\\b`),
    );
    expect(run.stdout).not.toContain('Commands:');
    expect(run.stdout).toContain('-h, --help');
    expect(server.emulator.requests).toHaveLength(0);
  });

  it("lists a command's own options, and --json only where it applies", async () => {
    const models = await runCli(['models', '--help']);
    const emulator = await runCli(['emulator', '--help']);

    expect(models.stdout).toContain('--supports <param>');
    expect(models.stdout).toContain('--json');
    expect(models.stdout).toContain(
      'ai-sdk-openrouter models --supports tools --sort price',
    );
    expect(emulator.stdout).toContain('--port <n>');
    expect(emulator.stdout).not.toContain('--json');
    expect(emulator.stdout).not.toContain('--supports');
  });

  it('takes --base-url over OPENROUTER_BASE_URL', async () => {
    const run = await runCli(['key', '--base-url', server.emulator.baseURL], {
      OPENROUTER_BASE_URL: 'http://127.0.0.1:9/api/v1',
    });

    expect(run.code).toBe(0);
    expect(server.emulator.requests).toHaveLength(1);
  });

  it('fails with one line when the API cannot be reached', async () => {
    expectOneLineFailure(
      await runCli(['key'], {
        OPENROUTER_BASE_URL: 'http://127.0.0.1:9/api/v1',
      }),
      'Cannot connect to API',
    );
  });

  it.each([
    [['teleport'], 'Unknown command "teleport". Run', '--help'],
    [['modles'], 'Unknown command "modles". Did you mean "models"?', '--help'],
    [['models', '--colour'], "Unknown option '--colour'.", '--help'],
    [
      ['key', '--free'],
      '--free only applies to the models command.',
      'key --help',
    ],
    [
      ['emulator', '--json'],
      '--json does not apply to the emulator command.',
      'emulator --help',
    ],
    [
      ['emulator', '--port', '70000'],
      '--port must be a whole number from 0 to 65535, got "70000".',
      'emulator --help',
    ],
    [
      ['models', '--base-url'],
      "Option '--base-url <value>' argument missing",
      '--help',
    ],
    [['help', 'modles'], 'Did you mean "models"?', '--help'],
  ])(
    'fails with one line and exit code 2 for %j',
    async (args, message, help) => {
      const run = await runCli(args);

      expectOneLineFailure(run, message, 2);
      expect(run.stderr).toContain(
        `Run 'ai-sdk-openrouter ${help}' for usage.`,
      );
      expect(server.emulator.requests).toHaveLength(0);
    },
  );

  it('names the flag or the variable that holds a bad base URL', async () => {
    expectOneLineFailure(
      await runCli(['key', '--base-url', 'ftp://example.com/api/v1']),
      'ai-sdk-openrouter: --base-url must use http or https, got "ftp:".',
    );
    expectOneLineFailure(
      await runCli(['key'], { OPENROUTER_BASE_URL: 'not a url' }),
      'ai-sdk-openrouter: OPENROUTER_BASE_URL must be an absolute http(s) URL such as https://openrouter.ai/api/v1.',
    );
  });
});

describe('the catalogue without a key', () => {
  let catalogue: HostileServer | undefined;
  afterEach(async () => {
    await catalogue?.close();
    catalogue = undefined;
  });

  /** A server that serves the catalogue to anyone, as OpenRouter does. */
  async function startPublicCatalogue() {
    const models = await server.createProvider().models.list();
    const endpoints = await server
      .createProvider()
      .models.endpoints('anthropic/claude-sonnet-4.5');
    server.emulator.reset();
    return startHostileServer((request, response) => {
      const body = request.url.startsWith('/api/v1/models/')
        ? { data: endpoints.raw }
        : { data: models.map(model => model.raw) };
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    });
  }

  it.each([
    [['models', '--free']],
    [['endpoints', 'anthropic/claude-sonnet-4.5']],
  ])('%j sends no key when none is set, and works', async args => {
    catalogue = await startPublicCatalogue();

    const run = await runCli(args, {
      OPENROUTER_API_KEY: undefined,
      OPENROUTER_BASE_URL: `${catalogue.origin}/api/v1`,
    });

    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Prices in USD per million tokens');
    expect(catalogue.requests).toHaveLength(1);
    expect(catalogue.requests[0].headers).not.toHaveProperty('authorization');
  });

  it('sends the key when one is set', async () => {
    catalogue = await startPublicCatalogue();

    const run = await runCli(['models'], {
      OPENROUTER_BASE_URL: `${catalogue.origin}/api/v1`,
    });

    expect(run.code).toBe(0);
    expect(catalogue.requests[0].headers.authorization).toBe(
      `Bearer ${TEST_API_KEY}`,
    );
  });

  it('asks for OPENROUTER_API_KEY only when OpenRouter answers 401', async () => {
    // The emulator asks for a key on every endpoint.
    const run = await runCli(['endpoints', 'anthropic/claude-sonnet-4.5'], {
      OPENROUTER_API_KEY: undefined,
    });

    expectOneLineFailure(
      run,
      'ai-sdk-openrouter: No auth credentials found. GET /models/anthropic/claude-sonnet-4.5/endpoints was sent without an API key, as none is configured; OpenRouter asks for one here: set OPENROUTER_API_KEY. (HTTP 401)',
    );
    expect(server.emulator.requests).toHaveLength(1);
    expect(server.emulator.requests[0].headers).not.toHaveProperty(
      'authorization',
    );
    expect(run.stderr).not.toContain('apiKey');
  });
});

describe('a rejected key', () => {
  const LONG_KEY = `sk-or-v1-${'3f9c'.repeat(15)}abcd`;

  it('names OPENROUTER_API_KEY and its last four characters, never the key', async () => {
    server.emulator.enqueue({
      type: 'error',
      status: 401,
      message: `User not found. Bearer ${LONG_KEY}`,
    });

    const run = await runCli(['key'], { OPENROUTER_API_KEY: LONG_KEY });

    expectOneLineFailure(
      run,
      'ai-sdk-openrouter: The API key from OPENROUTER_API_KEY (ending …abcd) was rejected by OpenRouter: User not found. [REDACTED]. GET /key needs an OpenRouter API key (inference key): set OPENROUTER_API_KEY. (HTTP 401)',
    );
    expect(run.stderr).not.toContain(LONG_KEY);
    expect(run.stderr).not.toContain(LONG_KEY.slice(0, 20));
    expect(run.stderr).not.toContain('apiKey');
  });

  it('names OPENROUTER_PROVISIONING_KEY for a refused provisioning key', async () => {
    const provisioningKey = `sk-or-v1-${'8a0d'.repeat(15)}9f9f`;
    server.emulator.enqueue({
      type: 'error',
      status: 401,
      message: 'User not found.',
    });

    const run = await runCli(['credits'], {
      OPENROUTER_PROVISIONING_KEY: provisioningKey,
    });

    expectOneLineFailure(
      run,
      'ai-sdk-openrouter: The provisioning key from OPENROUTER_PROVISIONING_KEY (ending …9f9f) was rejected by OpenRouter: User not found. (HTTP 401)',
    );
    expect(run.stderr).not.toContain(provisioningKey);
  });

  it('names the variables when credits get the API key instead', async () => {
    const run = await runCli(['credits']);

    expectOneLineFailure(
      run,
      'Only provisioning keys can fetch credits. GET /credits needs a provisioning key: set OPENROUTER_PROVISIONING_KEY. This request sent the API key from OPENROUTER_API_KEY, because no provisioning key is set. (HTTP 403)',
    );
    expect(run.stderr).not.toContain('provisioningKey');
  });
});

describe("the README's CLI examples", () => {
  // The block of `npx ai-sdk-openrouter …` lines in the README's CLI section.
  const readme = readFileSync(
    fileURLToPath(new URL('../README.md', import.meta.url)),
    'utf8',
  );
  const examples = [...readme.matchAll(/^npx ai-sdk-openrouter (.+)$/gm)].map(
    match => match[1],
  );

  it('has examples', () => {
    expect(examples.length).toBeGreaterThanOrEqual(7);
  });

  it.each(examples.filter(example => !example.startsWith('emulator')))(
    'runs `%s` against the emulator',
    async example => {
      const run = await runCli(example.split(' '), {
        OPENROUTER_PROVISIONING_KEY: TEST_PROVISIONING_KEY,
      });

      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout).not.toBe('');
    },
  );
});
