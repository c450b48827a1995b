import { mkdir } from 'node:fs/promises';
import {
  createOpenRouterEmulator,
  type OpenRouterEmulator,
} from 'ai-sdk-openrouter/testing';
import type { Page, Response } from 'playwright-core';
import {
  afterAll,
  beforeAll,
  describe,
  expect,
  it,
  onTestFailed,
} from 'vitest';
import { launchChromium, type RunningBrowser } from './support/chromium';
import {
  buildApp,
  installAppIfMissing,
  type RunningApp,
  startApp,
} from './support/next-app';

/**
 * examples/next-chat as a user sees it: the production build, served by
 * `next start`, talking to an OpenRouter emulator, in headless Chromium.
 * The same build is started twice: on OpenRouter's Chat Completions API,
 * then with `OPENROUTER_API=responses` on its Responses API.
 */

const QUESTION = "What's the weather in Paris?";
// Each names the weather tool: the emulated model calls a tool it is asked for.
const FOLLOW_UP = 'And the weather in Rome?';
// Its last four characters show up in the emulator's recorded header.
const FAKE_API_KEY = 'sk-or-e2e-not-a-real-key-e2e1';
const MODEL = 'anthropic/claude-sonnet-4.5';
const INSTRUCTIONS =
  'You are a helpful assistant. Use the weather tool for weather questions.';

type Api = 'chat' | 'responses';

type ChatMessage = {
  role: string;
  content?: unknown;
  tool_calls?: Array<{
    id: string;
    function: { name: string; arguments: string };
  }>;
  tool_call_id?: string;
  reasoning_details?: Array<Record<string, unknown>>;
};
type ChatBody = Record<string, unknown> & { messages: ChatMessage[] };
type ResponsesItem = Record<string, unknown> & { type: string };
type ResponsesBody = Record<string, unknown> & { input: ResponsesItem[] };

/** One `next start` of the app, its emulator and its browser tab. */
type AppSession = {
  emulator: OpenRouterEmulator;
  app: RunningApp;
  page: Page;
};

let browser: RunningBrowser | undefined;

/** What the emulated model reasons about a question. */
const reasoningText = (question: string) =>
  `The user said "${question}". I will answer briefly and kindly.`;

const weatherOf = (city: string) => ({
  city,
  temperatureCelsius: 21,
  sky: 'clear',
});

/** The emulator's signed reasoning for a question, as it sends it. */
const signedReasoning = (question: string) => [
  {
    type: 'reasoning.text',
    index: 0,
    format: 'anthropic-claude-v1',
    text: reasoningText(question),
    signature: expect.stringMatching(/^emu-sig-[0-9a-f]{8}$/),
  },
];

beforeAll(async () => {
  await installAppIfMissing();
  // One build serves both APIs: the route reads OPENROUTER_API per request.
  await buildApp();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

/**
 * Starts the app on `api` against an emulator of its own, for the tests of
 * the enclosing `describe`, and stops both after them.
 */
function useApp(api: Api) {
  const session = {} as AppSession;
  let app: RunningApp | undefined;
  let emulator: OpenRouterEmulator | undefined;

  beforeAll(async () => {
    // A small delay between chunks, so the page really renders a stream.
    emulator = await createOpenRouterEmulator({ chunkDelayMs: 5 });
    // A key is set, so the app uses OPENROUTER_BASE_URL instead of starting
    // an emulator of its own.
    app = await startApp({
      OPENROUTER_BASE_URL: emulator.baseURL,
      OPENROUTER_API_KEY: FAKE_API_KEY,
      // Unset, the app uses the chat API.
      ...(api === 'responses' ? { OPENROUTER_API: 'responses' } : {}),
    });
    if (browser == null) {
      throw new Error('Chromium did not start');
    }
    const page = await browser.context.newPage();
    await page.goto(app.url);
    Object.assign(session, { emulator, app, page });
  });

  afterAll(async () => {
    // Each step runs even when an earlier one fails.
    const steps = [
      () => session.page?.close(),
      () => app?.stop(),
      () => emulator?.close(),
    ];
    for (const step of steps) {
      await Promise.resolve()
        .then(step)
        .catch(error => console.error('Cleanup failed:', error));
    }
  });

  return session;
}

function reportFailure(session: AppSession, api: Api) {
  onTestFailed(async () => {
    console.error(
      `next start (${api}) printed:\n${session.app?.output() ?? '(not started)'}`,
    );
    await session.page
      ?.screenshot({
        path: `test-results/next-chat-${api}-failure.png`,
        fullPage: true,
      })
      .catch(() => {});
  });
}

async function send(page: Page, text: string) {
  await page.getByTestId('chat-input').fill(text);
  const response = page.waitForResponse(candidate =>
    candidate.url().endsWith('/api/chat'),
  );
  await page.getByTestId('send-button').click();
  return response;
}

function requestBodies(session: AppSession, path: string) {
  return session.emulator.requests
    .filter(request => request.path === path)
    .map(request => request.body);
}

/**
 * The encrypted reasoning the browser received in a UI message stream, by
 * reasoning item id: what must come back, byte for byte.
 */
async function streamedEncryptedReasoning(response: Response) {
  const encrypted = new Map<string, string>();
  for (const line of (await response.text()).split('\n')) {
    if (!line.startsWith('data: {')) {
      continue;
    }
    const chunk = JSON.parse(line.slice('data: '.length));
    const metadata = chunk.providerMetadata?.openrouter;
    if (
      chunk.type === 'reasoning-end' &&
      typeof metadata?.reasoningEncryptedContent === 'string'
    ) {
      encrypted.set(metadata.itemId, metadata.reasoningEncryptedContent);
    }
  }
  return encrypted;
}

/**
 * Asks the first question and checks the page: the streamed answer, the
 * tool call with its input and result, two collapsed reasoning blocks and
 * the cited sources. Returns the `/api/chat` response.
 */
async function expectFirstAnswer(session: AppSession, api: Api) {
  const { page } = session;
  const response = await send(page, QUESTION);

  // useChat reads a UI message stream: server-sent events.
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('text/event-stream');

  const assistant = page.getByTestId('message-assistant');
  await expect
    .poll(() => assistant.getByTestId('message-text').textContent(), {
      timeout: 30_000,
    })
    .toBe(`The weather tool returned ${JSON.stringify(weatherOf(QUESTION))}.`);
  await page
    .locator('[data-testid="chat-status"][data-status="ready"]')
    .waitFor();
  await expect(page.getByTestId('chat-error').count()).resolves.toBe(0);

  await expect
    .poll(() => page.getByTestId('message-user').textContent())
    .toContain(QUESTION);

  const toolCall = assistant.getByTestId('tool-call');
  expect(await toolCall.count()).toBe(1);
  expect(await toolCall.getAttribute('data-state')).toBe('output-available');
  expect(await toolCall.getByTestId('tool-name').textContent()).toBe('weather');
  expect(
    JSON.parse((await toolCall.getByTestId('tool-input').textContent()) ?? ''),
  ).toStrictEqual({ city: QUESTION });
  expect(
    JSON.parse((await toolCall.getByTestId('tool-output').textContent()) ?? ''),
  ).toStrictEqual(weatherOf(QUESTION));

  // One reasoning block per model call: before the tool call and before
  // the answer. They start collapsed and open on a click.
  const reasoning = assistant.getByTestId('reasoning');
  expect(await reasoning.count()).toBe(2);
  const firstReasoning = reasoning.first();
  expect(await firstReasoning.getAttribute('open')).toBeNull();
  expect(await firstReasoning.getByTestId('reasoning-text').isVisible()).toBe(
    false,
  );
  await firstReasoning.locator('summary').click();
  expect(await firstReasoning.getByTestId('reasoning-text').isVisible()).toBe(
    true,
  );
  expect(await firstReasoning.getByTestId('reasoning-text').textContent()).toBe(
    reasoningText(QUESTION),
  );

  // The web plugin's citations, each page listed once.
  const links = assistant.getByTestId('source-link');
  expect(await links.count()).toBe(2);
  expect(await links.nth(0).getAttribute('href')).toBe(
    `https://example.com/search/${encodeURIComponent(QUESTION)}`,
  );
  expect(await links.nth(0).textContent()).toBe('Emulated search result');
  expect(await links.nth(1).getAttribute('href')).toBe(
    'https://openrouter.ai/docs',
  );
  expect(await links.nth(1).textContent()).toBe('OpenRouter documentation');

  await mkdir('test-results', { recursive: true });
  await page.screenshot({
    path: `test-results/next-chat-${api}.png`,
    fullPage: true,
  });
  return response;
}

/** Asks the follow-up and checks its answer reached the page, error-free. */
async function expectFollowUpAnswer(session: AppSession) {
  const { page } = session;
  const response = await send(page, FOLLOW_UP);

  const answers = page.getByTestId('message-assistant');
  await expect
    .poll(() => answers.nth(1).getByTestId('message-text').textContent(), {
      timeout: 30_000,
    })
    .toBe(`The weather tool returned ${JSON.stringify(weatherOf(FOLLOW_UP))}.`);
  await page
    .locator('[data-testid="chat-status"][data-status="ready"]')
    .waitFor();
  await expect(page.getByTestId('chat-error').count()).resolves.toBe(0);
  return response;
}

describe('next-chat in Chromium on the Chat Completions API', () => {
  const session = useApp('chat');
  const chatRequests = () =>
    requestBodies(session, '/chat/completions') as ChatBody[];

  it('streams the answer with reasoning, the tool call and sources', async () => {
    reportFailure(session, 'chat');
    await expectFirstAnswer(session, 'chat');
  });

  it('sent a tool call, then the answer, with the reasoning replayed', () => {
    reportFailure(session, 'chat');
    expect(requestBodies(session, '/responses')).toHaveLength(0);
    const [toolStep, answerStep, ...rest] = chatRequests();
    expect(rest).toHaveLength(0);

    expect(toolStep.messages.map(message => message.role)).toStrictEqual([
      'system',
      'user',
    ]);
    expect(toolStep).toMatchObject({
      model: MODEL,
      stream: true,
      reasoning: { effort: 'medium' },
      plugins: [{ id: 'web', max_results: 3 }],
      tools: [{ type: 'function', function: { name: 'weather' } }],
    });

    expect(answerStep.messages.map(message => message.role)).toStrictEqual([
      'system',
      'user',
      'assistant',
      'tool',
    ]);
    const [, , assistantTurn, toolResult] = answerStep.messages;
    expect(assistantTurn.tool_calls).toStrictEqual([
      {
        id: 'call_emulator_0_0',
        type: 'function',
        function: {
          name: 'weather',
          arguments: JSON.stringify({ city: QUESTION }),
        },
      },
    ]);
    // The signed reasoning of the first call comes back exactly.
    expect(assistantTurn.reasoning_details).toStrictEqual(
      signedReasoning(QUESTION),
    );
    expect(toolResult.tool_call_id).toBe('call_emulator_0_0');
    expect(JSON.parse(String(toolResult.content))).toStrictEqual(
      weatherOf(QUESTION),
    );

    const authorization = session.emulator.requests[0].headers.authorization;
    expect(authorization).toBe(`Bearer [REDACTED …${FAKE_API_KEY.slice(-4)}]`);
  });

  it('a follow-up from the browser sends the stored reasoning back intact', async () => {
    reportFailure(session, 'chat');
    await expectFollowUpAnswer(session);

    // The browser's UI messages became the history of the next requests:
    // the emulator answers 400 to reasoning that was altered or dropped.
    const requests = chatRequests();
    expect(requests).toHaveLength(4);
    expect(requests[2].messages.map(message => message.role)).toStrictEqual([
      'system',
      'user',
      'assistant',
      'tool',
      'assistant',
      'user',
    ]);
    const replayed = requests[2].messages.filter(
      message => message.role === 'assistant',
    );
    // Both assistant messages of the first turn, the tool call and the
    // answer, carry their own step's reasoning.
    expect(replayed).toHaveLength(2);
    expect(replayed[0].reasoning_details).toStrictEqual(
      requests[1].messages[2].reasoning_details,
    );
    expect(replayed[1].reasoning_details).toStrictEqual(
      signedReasoning(QUESTION),
    );
  });
});

describe('next-chat in Chromium on the Responses API (OPENROUTER_API=responses)', () => {
  const session = useApp('responses');
  const responsesRequests = () =>
    requestBodies(session, '/responses') as ResponsesBody[];
  /** Encrypted reasoning the browser received in the first turn. */
  let firstTurnEncrypted = new Map<string, string>();

  /** A reasoning item as the emulator sent it, encrypted content included. */
  const reasoningItem = (id: string, question: string) => ({
    type: 'reasoning',
    id,
    summary: [{ type: 'summary_text', text: reasoningText(question) }],
    encrypted_content: firstTurnEncrypted.get(id),
  });
  const userItem = (text: string) => ({
    type: 'message',
    role: 'user',
    content: [{ type: 'input_text', text }],
  });
  const weatherCall = (sequence: number, question: string) => [
    {
      type: 'function_call',
      id: `fc_emulator_${sequence}_0`,
      call_id: `call_emulator_${sequence}_0`,
      name: 'weather',
      arguments: JSON.stringify({ city: question }),
      status: 'completed',
    },
    {
      type: 'function_call_output',
      call_id: `call_emulator_${sequence}_0`,
      output: JSON.stringify(weatherOf(question)),
    },
  ];

  it('streams the answer with reasoning, the tool call and sources', async () => {
    reportFailure(session, 'responses');
    const response = await expectFirstAnswer(session, 'responses');

    // The reasoning reached the browser with its encrypted content, which
    // the emulator signs and checks when it comes back.
    firstTurnEncrypted = await streamedEncryptedReasoning(response);
    expect([...firstTurnEncrypted.keys()]).toStrictEqual([
      'rs_emulator_0',
      'rs_emulator_1',
    ]);
    for (const encrypted of firstTurnEncrypted.values()) {
      expect(encrypted).toMatch(/^emu-rs-/);
    }
  });

  it('sent a tool call, then the answer, with the encrypted reasoning replayed', () => {
    reportFailure(session, 'responses');
    // The switch really switched: no request took the chat route.
    expect(requestBodies(session, '/chat/completions')).toHaveLength(0);
    const [toolStep, answerStep, ...rest] = responsesRequests();
    expect(rest).toHaveLength(0);

    expect(toolStep).toMatchObject({
      model: MODEL,
      stream: true,
      store: false,
      instructions: INSTRUCTIONS,
      reasoning: { effort: 'medium' },
      include: ['reasoning.encrypted_content'],
      plugins: [{ id: 'web', max_results: 3 }],
      tools: [{ type: 'function', name: 'weather' }],
    });
    expect(toolStep.input).toStrictEqual([userItem(QUESTION)]);

    // The tool loop's second call: the reasoning item that preceded the
    // call, intact, then the call and its output, paired by call_id.
    expect(answerStep.input).toStrictEqual([
      userItem(QUESTION),
      reasoningItem('rs_emulator_0', QUESTION),
      ...weatherCall(0, QUESTION),
    ]);

    const authorization = session.emulator.requests[0].headers.authorization;
    expect(authorization).toBe(`Bearer [REDACTED …${FAKE_API_KEY.slice(-4)}]`);
  });

  it('a follow-up from the browser replays the first turn, its encrypted reasoning intact', async () => {
    reportFailure(session, 'responses');
    const firstTurnText = await session.page
      .getByTestId('message-assistant')
      .first()
      .getByTestId('message-text')
      .textContent();
    await expectFollowUpAnswer(session);

    const requests = responsesRequests();
    expect(requests).toHaveLength(4);
    // The browser's UI messages became the input: both reasoning items,
    // the call and its output, and the answer with its item id, which
    // OpenRouter requires on an assistant message.
    const firstTurn = [
      userItem(QUESTION),
      reasoningItem('rs_emulator_0', QUESTION),
      ...weatherCall(0, QUESTION),
      reasoningItem('rs_emulator_1', QUESTION),
      {
        type: 'message',
        role: 'assistant',
        id: 'msg_emulator_1',
        status: 'completed',
        content: [
          { type: 'output_text', text: firstTurnText, annotations: [] },
        ],
      },
    ];
    expect(requests[2].input).toStrictEqual([
      ...firstTurn,
      userItem(FOLLOW_UP),
    ]);
    // Its tool loop adds its own reasoning and call on top.
    expect(requests[3].input.slice(0, firstTurn.length + 1)).toStrictEqual(
      requests[2].input,
    );
    expect(requests[3].input.slice(firstTurn.length + 1)).toMatchObject([
      { type: 'reasoning', id: 'rs_emulator_2' },
      ...weatherCall(2, FOLLOW_UP),
    ]);
  });
});
