import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_PROVISIONING_KEY } from './support/account-keys';
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

function expectOneLineFailure(run: CliRun, message: string | RegExp) {
  expect(run.code).toBe(1);
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
      'MODEL                                     CONTEXT  INPUT $/M  OUTPUT $/M  MODALITY',
    );
    expect(lines).toContain(
      'anthropic/claude-sonnet-4.5             1,000,000       3.00       15.00  text+image+file->text',
    );
    expect(lines).toContain(
      'meta-llama/llama-3.3-70b-instruct:free     65,536       free        free  text->text',
    );
    expect(lines).toContain(
      'openrouter/auto                         2,000,000     varies      varies  text+image+file->text',
    );
    expect(run.stdout.endsWith('\n12 models\n')).toBe(true);
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
        'MODEL                                CONTEXT  INPUT $/M  OUTPUT $/M  MODALITY',
        'meta-llama/llama-3.3-70b-instruct    131,072       0.13        0.39  text->text',
        'openai/gpt-4o-mini                   128,000       0.15        0.60  text+image+file->text',
        'openai/gpt-5-mini                    400,000       0.25        2.00  text+image+file->text',
        'google/gemini-2.5-flash            1,048,576       0.30        2.50  text+image+file+audio+video->text',
        'google/gemini-2.5-pro              1,048,576       1.25       10.00  text+image+file+audio+video->text',
        'openai/gpt-4o                        128,000       2.50       10.00  text+image+file->text',
        'anthropic/claude-sonnet-4.5        1,000,000       3.00       15.00  text+image+file->text',
        '',
        '7 models',
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
    const run = await runCli(['models', '--supports', 'teleportation']);

    expect(run.code).toBe(0);
    expect(run.stdout).toBe('No models match.\n');
  });

  it('rejects an unknown sort order', async () => {
    expectOneLineFailure(
      await runCli(['models', '--sort', 'vibes']),
      '--sort must be one of price, context, newest, got "vibes"',
    );
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
        'PROVIDER        TAG                   QUANT      CONTEXT  MAX OUTPUT  INPUT $/M  OUTPUT $/M  UPTIME  STATUS',
        'Anthropic       anthropic             unknown  1,000,000      64,000       3.00       15.00   99.8%       0',
        'Amazon Bedrock  amazon-bedrock        unknown    200,000      64,000       3.00       15.00   99.1%       0',
        'Google          google-vertex/global  unknown  1,000,000      64,000       3.00       15.00   71.4%      -2',
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
    );
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
      'Model              google/gemini-2.5-flash\n',
    );
    expect(run.stdout).toContain('Total cost         $0.00285\n');
    expect(run.stdout).toContain('Reasoning tokens   600\n');
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
  it('prints help with exit code 0', async () => {
    for (const args of [['--help'], ['help'], []]) {
      const run = await runCli(args);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(
        /^Usage: ai-sdk-openrouter <command> \[options\]/,
      );
      expect(run.stdout).toContain('endpoints <author/slug>');
      expect(run.stdout).toContain('OPENROUTER_PROVISIONING_KEY');
    }
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
    [['teleport'], 'Unknown command "teleport"'],
    [['models', '--colour'], "Unknown option '--colour'."],
    [['key', '--free'], '--free only applies to the models command'],
    [['models', '--base-url'], "Option '--base-url <value>' argument missing"],
  ])('fails with one line for %j', async (args, message) => {
    const run = await runCli(args);

    expectOneLineFailure(run, message);
    expect(run.stderr).toContain("Run 'ai-sdk-openrouter --help' for usage.");
  });
});
