import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { createOpenRouter } from 'ai-sdk-openrouter';
import { describe, expect, it } from 'vitest';
import { runCli as runCliInProcess } from '../src/cli/run-cli';
import {
  measureEventLoopBlocking,
  type SeenRequest,
  startHostileServer,
} from './support/hostile-server';

// Issue 15, points 2 (catalogue and CLI parts), 19 (CLI part), 21 and 23:
// hostile catalogue data arrives over a real loopback socket from a raw
// server, through the public utilities and through the CLI itself.

const CLI = fileURLToPath(new URL('../dist/cli/index.js', import.meta.url));
const API_KEY = 'sk-or-v1-hardening-0123456789abcdef';
// A key behind a proxy or gateway need not look like OpenRouter's.
const FOREIGN_KEY = 'gw_live_Q2xpIGtleSBub3Qgc2stb3I';
const PROVISIONING_KEY = 'prov:7f3a9c1e5b2d4680-not-an-sk-or-key';
// Nothing the CLI prints may carry a control character other than the
// newlines that end its own lines.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;
const BLOCKING_LIMIT_MS = 50;
const MEGABYTE = 1_000_000;

type Route = (request: SeenRequest, response: ServerResponse) => void;

/** Runs `test` against a raw loopback server and always closes it. */
async function withServer<T>(
  routes: Record<string, Route>,
  test: (baseURL: string) => Promise<T>,
): Promise<T> {
  const server = await startHostileServer((request, response) => {
    const path = new URL(request.url, 'http://localhost').pathname;
    const route = routes[path.replace(/^\/api\/v1/, '')];
    if (route == null) {
      sendJson(404, { error: { code: 404, message: `No route ${path}` } })(
        request,
        response,
      );
      return;
    }
    route(request, response);
  });
  try {
    return await test(`${server.origin}/api/v1`);
  } finally {
    await server.close();
  }
}

function sendJson(status: number, body: unknown): Route {
  return (_request, response) => {
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(body));
  };
}

/**
 * Serves a benign answer to the first request and the hostile one to every
 * later request, so a measured call follows a warm-up call of the same code:
 * what is measured is the hostile data, not compiling the code the first
 * time.
 */
function afterWarmUp(benign: Route, hostile: Route): Route {
  let served = 0;
  return (request, response) =>
    (served++ === 0 ? benign : hostile)(request, response);
}

const benignModels = sendJson(200, { data: [modelEntry('acme/warm-up')] });

/**
 * The least blocking of five measured runs, in CPU time. Other processes on
 * a shared machine only ever add to a run's figure, while a super-linear
 * pattern blocks every run.
 */
function leastBlocking<T>(task: () => Promise<T>) {
  return measureEventLoopBlocking(task, { runs: 5 });
}

/** `models.list` once to warm up, then measured. */
async function measureModelsList(baseURL: string) {
  const openrouter = provider(baseURL);
  await openrouter.models.list();
  return leastBlocking(() => openrouter.models.list());
}

/** The CLI once to warm up, then measured. */
async function measureCli(args: string[], baseURL: string) {
  const env = { OPENROUTER_API_KEY: API_KEY, OPENROUTER_BASE_URL: baseURL };
  await runCliHere(args, env);
  return leastBlocking(() => runCliHere(args, env));
}

function modelEntry(id: unknown, overrides: Record<string, unknown> = {}) {
  return {
    id,
    name: typeof id === 'string' ? `Name of ${id}` : 'nameless',
    pricing: { prompt: '0.000001', completion: '0.000002' },
    context_length: 8192,
    architecture: {
      modality: 'text->text',
      input_modalities: ['text'],
      output_modalities: ['text'],
    },
    ...overrides,
  };
}

function endpointEntry(
  providerName: unknown,
  overrides: Record<string, unknown> = {},
) {
  return {
    name: `${String(providerName)} | acme/model`,
    provider_name: providerName,
    tag: typeof providerName === 'string' ? providerName.toLowerCase() : null,
    context_length: 8192,
    pricing: { prompt: '0.000001', completion: '0.000002' },
    status: 0,
    ...overrides,
  };
}

function provider(baseURL: string, apiKey = API_KEY) {
  return createOpenRouter({ apiKey, baseURL });
}

type CliRun = { code: number; stdout: string; stderr: string };

/** The built binary, as `npx ai-sdk-openrouter` runs it. */
function runBuiltCli(
  args: string[],
  environment: Record<string, string>,
): Promise<CliRun> {
  if (!existsSync(CLI)) {
    throw new Error(`${CLI} does not exist: run \`npm run build\` first.`);
  }
  const env: Record<string, string | undefined> = { ...process.env };
  delete env.OPENROUTER_API_KEY;
  delete env.OPENROUTER_PROVISIONING_KEY;
  delete env.OPENROUTER_BASE_URL;
  return new Promise(resolve => {
    execFile(
      process.execPath,
      [CLI, ...args],
      {
        env: { ...env, ...environment } as NodeJS.ProcessEnv,
        timeout: 20_000,
      },
      (error, stdout, stderr) => {
        const code =
          error == null ? 0 : typeof error.code === 'number' ? error.code : -1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** The CLI's own entry function in this process, so blocking can be measured. */
async function runCliHere(args: string[], env: Record<string, string>) {
  let stdout = '';
  let stderr = '';
  const code = await runCliInProcess(args, {
    env,
    stdout: text => {
      stdout += text;
    },
    stderr: text => {
      stderr += text;
    },
  });
  return { code, stdout, stderr };
}

describe('hostile catalogue text is read in linear time', () => {
  it('models.list does not block on three 30,000-digit prices that are not decimals', async () => {
    const notDecimal = `${'1'.repeat(30_000)}x`;
    await withServer(
      {
        '/models': afterWarmUp(
          benignModels,
          sendJson(200, {
            data: [
              modelEntry('acme/fine'),
              modelEntry('acme/hostile', {
                pricing: {
                  prompt: notDecimal,
                  completion: notDecimal,
                  request: notDecimal,
                },
              }),
            ],
          }),
        ),
      },
      async baseURL => {
        const { result, longestBlockMs } = await measureModelsList(baseURL);

        expect(longestBlockMs).toBeLessThan(BLOCKING_LIMIT_MS);
        expect(result.map(model => model.id)).toStrictEqual(['acme/fine']);
        expect(result.skipped.map(entry => entry.id)).toStrictEqual([
          'acme/hostile',
        ]);
      },
    );
  });

  it.each([
    ['digits ending in a letter', `${'9'.repeat(MEGABYTE)}x`],
    ['an exponent ending in a letter', `1e${'1'.repeat(MEGABYTE)}e`],
    ['a fraction ending in a dot', `.${'5'.repeat(MEGABYTE)}.`],
  ])(
    'models.list skips a 1 MB price of %s in well under 50 ms',
    async (_, price) => {
      await withServer(
        {
          '/models': afterWarmUp(
            benignModels,
            sendJson(200, {
              data: [
                modelEntry('acme/hostile', {
                  pricing: { prompt: price, completion: '0' },
                }),
                modelEntry('acme/fine'),
              ],
            }),
          ),
        },
        async baseURL => {
          const { result, longestBlockMs } = await measureModelsList(baseURL);

          expect(longestBlockMs).toBeLessThan(BLOCKING_LIMIT_MS);
          expect(result.map(model => model.id)).toStrictEqual(['acme/fine']);
          expect(result.skipped[0]).toMatchObject({
            id: 'acme/hostile',
            reason: 'pricing.prompt: Expected a decimal price',
          });
        },
      );
    },
  );

  it('models.list reads a 1 MB valid price and a 1 MB model name in well under 50 ms', async () => {
    const name = `a${' \t'.repeat(MEGABYTE / 2)}b`;
    await withServer(
      {
        '/models': afterWarmUp(
          benignModels,
          sendJson(200, {
            data: [
              modelEntry('acme/long', {
                name,
                pricing: {
                  prompt: `0.${'0'.repeat(MEGABYTE)}1`,
                  completion: '0',
                },
              }),
            ],
          }),
        ),
      },
      async baseURL => {
        const { result, longestBlockMs } = await measureModelsList(baseURL);

        expect(longestBlockMs).toBeLessThan(BLOCKING_LIMIT_MS);
        expect(result.map(model => model.name)).toStrictEqual([name]);
        expect(result[0].pricing.prompt).toBe(0);
      },
    );
  });

  it('the CLI folds an error message of 40,000 spaces without blocking', async () => {
    await withServer(
      {
        '/key': afterWarmUp(
          sendJson(400, { error: { code: 400, message: 'Bad request' } }),
          sendJson(400, {
            error: { code: 400, message: `Bad${' '.repeat(40_000)}request` },
          }),
        ),
      },
      async baseURL => {
        const { result, longestBlockMs } = await measureCli(['key'], baseURL);

        expect(longestBlockMs).toBeLessThan(BLOCKING_LIMIT_MS);
        expect(result.code).toBe(1);
        expect(result.stderr).toMatch(/^ai-sdk-openrouter: Bad /);
        expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
      },
    );
  });

  it('the CLI prints a table with a 1 MB hostile model id in well under 50 ms', async () => {
    // Dense escape sequences where a cell is read, then a megabyte of
    // whitespace: JSON-escaping controls all the way would triple the body,
    // and parsing that is the library's linear cost, not the CLI's.
    const hostileId = `acme/${'\u001b[2J\n\t'.repeat(1_000)}${' '.repeat(MEGABYTE)}\nx`;
    const models = [
      modelEntry(hostileId),
      ...Array.from({ length: 50 }, (_, index) => modelEntry(`acme/m${index}`)),
    ];
    await withServer(
      { '/models': afterWarmUp(benignModels, sendJson(200, { data: models })) },
      async baseURL => {
        const { result, longestBlockMs } = await measureCli(
          ['models'],
          baseURL,
        );

        expect(longestBlockMs).toBeLessThan(BLOCKING_LIMIT_MS);
        expect(result.code).toBe(0);
        expect(result.stdout).not.toMatch(CONTROL);
        // One heading, 51 rows, a blank line and the count.
        expect(result.stdout.split('\n')).toHaveLength(55);
        // The hostile cell is cut short instead of padding all 51 rows to a
        // megabyte.
        expect(result.stdout.length).toBeLessThan(20_000);
      },
    );
  });

  it('the CLI prints an error of 1 MB of whitespace and controls in well under 50 ms', async () => {
    await withServer(
      {
        '/key': afterWarmUp(
          sendJson(400, { error: { code: 400, message: 'Bad key' } }),
          sendJson(400, {
            error: {
              code: 400,
              message: `Bad${`${' '.repeat(30)}\n\u001b`.repeat(MEGABYTE / 32)}key`,
            },
          }),
        ),
      },
      async baseURL => {
        const { result, longestBlockMs } = await measureCli(['key'], baseURL);

        expect(longestBlockMs).toBeLessThan(BLOCKING_LIMIT_MS);
        expect(result.code).toBe(1);
        expect(result.stderr).not.toMatch(CONTROL);
        // A megabyte is no OpenRouter error body: it is summarized as
        // text rather than parsed, and its start still shows.
        expect(result.stderr).toMatch(/^ai-sdk-openrouter: .*"message":"Bad /);
        expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
      },
    );
  });
});

describe('the CLI never lets API data drive the terminal', () => {
  const oscTitle = '\u001b]0;pwned\u0007';
  const clearScreen = '\u001b[2J\u001b[H';
  const c1Csi = '\u009b31m';

  it('strips control characters from the models table', async () => {
    await withServer(
      {
        '/models': sendJson(200, {
          data: [
            modelEntry(`evil/${oscTitle}model`, {
              architecture: { modality: `text${clearScreen}->text` },
            }),
            modelEntry(`evil/line\nbreak${c1Csi}\u007f`),
          ],
        }),
      },
      async baseURL => {
        const run = await runBuiltCli(['models'], {
          OPENROUTER_API_KEY: API_KEY,
          OPENROUTER_BASE_URL: baseURL,
        });

        expect(run.code).toBe(0);
        expect(run.stdout).not.toMatch(CONTROL);
        expect(run.stdout.split('\n')).toStrictEqual([
          'MODEL               CONTEXT TOKENS  INPUT $/M  OUTPUT $/M  MODALITY',
          'evil/]0;pwnedmodel           8,192       1.00        2.00  text[2J[H->text',
          'evil/line break31m           8,192       1.00        2.00  text->text',
          '',
          "2 models. Prices in USD per million tokens; free: no charge; varies: a router's price is that of the model it picks.",
          '',
        ]);
      },
    );
  });

  it('strips control characters from endpoint and key details', async () => {
    await withServer(
      {
        '/models/acme/model/endpoints': sendJson(200, {
          data: {
            id: 'acme/model',
            name: `Fine\rFAKE${clearScreen}`,
            endpoints: [endpointEntry(`Prov${oscTitle}ider`)],
          },
        }),
        '/key': sendJson(200, {
          data: {
            label: `${clearScreen}fake\nLimit remaining     $1000.00`,
            limit: null,
            usage: 0,
            limit_reset: `never${oscTitle}`,
            is_free_tier: false,
          },
        }),
      },
      async baseURL => {
        const env = {
          OPENROUTER_API_KEY: API_KEY,
          OPENROUTER_BASE_URL: baseURL,
        };
        const endpoints = await runBuiltCli(['endpoints', 'acme/model'], env);
        const key = await runBuiltCli(['key'], env);

        expect(endpoints.code).toBe(0);
        expect(endpoints.stdout).not.toMatch(CONTROL);
        expect(endpoints.stdout.split('\n')[0]).toBe(
          'acme/model (Fine FAKE[2J[H): 1 endpoint',
        );
        expect(endpoints.stdout).toContain('Prov]0;pwnedider');
        expect(key.code).toBe(0);
        expect(key.stdout).not.toMatch(CONTROL);
        expect(key.stdout).toContain(
          'Label               [2J[Hfake Limit remaining     $1000.00\n',
        );
        expect(key.stdout).toContain('Limit reset         never]0;pwned\n');
        // The forged line did not become a line of its own.
        expect(
          key.stdout
            .split('\n')
            .filter(line => line.startsWith('Limit remaining')),
        ).toHaveLength(1);
      },
    );
  });

  it('strips control characters from error messages', async () => {
    await withServer(
      {
        '/key': sendJson(500, {
          error: {
            code: 500,
            message: `Upstream${clearScreen}${oscTitle}\nfailed${c1Csi}`,
          },
        }),
      },
      async baseURL => {
        const run = await runBuiltCli(['key'], {
          OPENROUTER_API_KEY: API_KEY,
          OPENROUTER_BASE_URL: baseURL,
        });

        expect(run.code).toBe(1);
        expect(run.stderr).not.toMatch(CONTROL);
        expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
        expect(run.stderr).toContain('Upstream[2J[H]0;pwned failed31m');
      },
    );
  });

  it('escapes C1 and other raw controls in --json output and keeps the data', async () => {
    const id = `evil/${c1Csi}\u0085\u202emodel`;
    await withServer(
      { '/models': sendJson(200, { data: [modelEntry(id)] }) },
      async baseURL => {
        const run = await runBuiltCli(['models', '--json'], {
          OPENROUTER_API_KEY: API_KEY,
          OPENROUTER_BASE_URL: baseURL,
        });

        expect(run.code).toBe(0);
        expect(run.stdout).not.toMatch(CONTROL);
        expect(run.stdout).not.toContain('\u202e');
        expect(run.stdout).toContain('evil/\\u009b31m\\u0085\\u202emodel');
        expect(JSON.parse(run.stdout)[0].id).toBe(id);
      },
    );
  });
});

describe('the CLI never prints a configured secret', () => {
  it('redacts an API key without the sk-or- prefix that a 401 body echoes', async () => {
    await withServer(
      {
        '/key': sendJson(401, {
          error: { code: 401, message: `Bad key Bearer ${FOREIGN_KEY}` },
        }),
        '/models': (_request, response) => {
          response.writeHead(401, { 'content-type': 'text/plain' });
          response.end(`Bad key Bearer ${FOREIGN_KEY}`);
        },
      },
      async baseURL => {
        const env = {
          OPENROUTER_API_KEY: FOREIGN_KEY,
          OPENROUTER_BASE_URL: baseURL,
        };
        for (const args of [['key'], ['models'], ['models', '--json']]) {
          const run = await runBuiltCli(args, env);

          expect(run.code).toBe(1);
          expect(run.stderr).toContain('Bad key');
          expect(run.stderr).toContain('(HTTP 401)');
          expect(`${run.stdout}${run.stderr}`).not.toContain(FOREIGN_KEY);
        }
      },
    );
  });

  it('redacts the provisioning key and the API key wherever the data echoes them', async () => {
    await withServer(
      {
        '/credits': sendJson(403, {
          error: {
            code: 403,
            message: `Key ${PROVISIONING_KEY} cannot do that; try ${FOREIGN_KEY}`,
          },
        }),
        '/key': sendJson(200, {
          data: {
            label: `copied ${FOREIGN_KEY} "quoted"`,
            limit: null,
            usage: 0,
            limit_reset: PROVISIONING_KEY,
          },
        }),
      },
      async baseURL => {
        const env = {
          OPENROUTER_API_KEY: ` ${FOREIGN_KEY}\n`,
          OPENROUTER_PROVISIONING_KEY: PROVISIONING_KEY,
          OPENROUTER_BASE_URL: baseURL,
        };
        const credits = await runBuiltCli(['credits'], env);
        const key = await runBuiltCli(['key'], env);
        const keyJson = await runBuiltCli(['key', '--json'], env);

        expect(credits.code).toBe(1);
        expect(credits.stderr).toContain('(HTTP 403)');
        expect(key.code).toBe(0);
        expect(key.stdout).toContain('Label ');
        expect(keyJson.code).toBe(0);
        expect(JSON.parse(keyJson.stdout).label).toMatch(
          /^copied .+ "quoted"$/,
        );
        for (const run of [credits, key, keyJson]) {
          const printed = `${run.stdout}${run.stderr}`;
          expect(printed).not.toContain(FOREIGN_KEY);
          expect(printed).not.toContain(PROVISIONING_KEY);
        }
      },
    );
  });
});

describe('one malformed catalogue entry does not fail the list', () => {
  const malformedModels = [
    modelEntry('acme/first'),
    modelEntry('acme/no-pricing', { pricing: null }),
    modelEntry(5),
    'not an object',
    modelEntry('acme/last'),
  ];

  it('models.list returns the valid models and names the skipped ones', async () => {
    await withServer(
      { '/models': sendJson(200, { data: malformedModels }) },
      async baseURL => {
        const models = await provider(baseURL).models.list();

        expect(models.map(model => model.id)).toStrictEqual([
          'acme/first',
          'acme/last',
        ]);
        expect(models.skipped).toStrictEqual([
          {
            index: 1,
            id: 'acme/no-pricing',
            reason: expect.stringContaining('pricing'),
            raw: malformedModels[1],
          },
          {
            index: 2,
            id: null,
            reason: expect.stringContaining('id'),
            raw: malformedModels[2],
          },
          {
            index: 3,
            id: null,
            reason: expect.any(String),
            raw: 'not an object',
          },
        ]);
        // The report stays out of JSON, spreads and equality checks.
        expect(Object.keys(models)).toStrictEqual(['0', '1']);
        expect(JSON.parse(JSON.stringify(models))).toHaveLength(2);
      },
    );
  });

  it('listForUser and listEmbeddings skip malformed models the same way', async () => {
    await withServer(
      {
        '/models/user': sendJson(200, { data: malformedModels }),
        '/models/embeddings': sendJson(200, { data: malformedModels }),
      },
      async baseURL => {
        const openrouter = provider(baseURL);
        for (const models of [
          await openrouter.models.listForUser(),
          await openrouter.models.listEmbeddings(),
        ]) {
          expect(models.map(model => model.id)).toStrictEqual([
            'acme/first',
            'acme/last',
          ]);
          expect(models.skipped.map(entry => entry.index)).toStrictEqual([
            1, 2, 3,
          ]);
        }
      },
    );
  });

  it('endpoints and zdrEndpoints skip a malformed endpoint', async () => {
    const endpoints = [
      endpointEntry('Good'),
      endpointEntry('Unpriced', {
        pricing: { prompt: 'cheap', completion: '0' },
      }),
      endpointEntry(7),
      null,
    ];
    await withServer(
      {
        '/models/acme/model/endpoints': sendJson(200, {
          data: { id: 'acme/model', name: 'Model', endpoints },
        }),
        '/endpoints/zdr': sendJson(200, { data: endpoints }),
      },
      async baseURL => {
        const openrouter = provider(baseURL);
        const model = await openrouter.models.endpoints('acme/model');
        const zdr = await openrouter.models.zdrEndpoints();

        for (const list of [model.endpoints, zdr]) {
          expect(list.map(endpoint => endpoint.providerName)).toStrictEqual([
            'Good',
          ]);
          expect(
            list.skipped.map(({ index, id }) => ({ index, id })),
          ).toStrictEqual([
            { index: 1, id: 'Unpriced' },
            { index: 2, id: null },
            { index: 3, id: null },
          ]);
          expect(list.skipped[0].reason).toContain('pricing.prompt');
        }
      },
    );
  });

  it('providers.list skips a malformed provider', async () => {
    await withServer(
      {
        '/providers': sendJson(200, {
          data: [
            { name: 'Good', slug: 'good' },
            { name: 'No slug', slug: null },
            { name: 'Last', slug: 'last', status_page_url: 5 },
          ],
        }),
      },
      async baseURL => {
        const providers = await provider(baseURL).providers.list();

        expect(providers.map(entry => entry.slug)).toStrictEqual(['good']);
        expect(
          providers.skipped.map(({ index, id }) => ({ index, id })),
        ).toStrictEqual([
          { index: 1, id: null },
          { index: 2, id: 'last' },
        ]);
      },
    );
  });

  it('the CLI lists the valid models and warns about the skipped ones on stderr', async () => {
    await withServer(
      { '/models': sendJson(200, { data: malformedModels }) },
      async baseURL => {
        const env = {
          OPENROUTER_API_KEY: API_KEY,
          OPENROUTER_BASE_URL: baseURL,
        };
        const table = await runBuiltCli(['models'], env);
        const json = await runBuiltCli(['models', '--json'], env);

        for (const run of [table, json]) {
          expect(run.code).toBe(0);
          expect(run.stderr).toBe(
            'ai-sdk-openrouter: warning: skipped 3 malformed models of 5: acme/no-pricing, data[2], data[3].\n',
          );
        }
        expect(table.stdout).toContain('acme/first');
        expect(table.stdout).toContain('acme/last');
        expect(table.stdout).toContain('\n2 models. Prices in USD');
        expect(
          (JSON.parse(json.stdout) as { id: string }[]).map(model => model.id),
        ).toStrictEqual(['acme/first', 'acme/last']);
      },
    );
  });
});
