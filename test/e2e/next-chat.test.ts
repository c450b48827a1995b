import { mkdir } from 'node:fs/promises';
import {
  createOpenRouterEmulator,
  type OpenRouterEmulator,
} from 'ai-sdk-openrouter/testing';
import type { Page } from 'playwright-core';
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
 */

const QUESTION = "What's the weather in Paris?";
// Each names the weather tool: the emulated model calls a tool it is asked for.
const FOLLOW_UP = 'And the weather in Rome?';
const SCREENSHOT = 'test-results/next-chat.png';
// Its last four characters show up in the emulator's recorded header.
const FAKE_API_KEY = 'sk-or-e2e-not-a-real-key-e2e1';

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

let emulator: OpenRouterEmulator | undefined;
let app: RunningApp | undefined;
let browser: RunningBrowser | undefined;
let page: Page;

/** The emulator's signed reasoning for a question, as it sends it. */
const signedReasoning = (question: string) => [
  {
    type: 'reasoning.text',
    index: 0,
    format: 'anthropic-claude-v1',
    text: `The user said "${question}". I will answer briefly and kindly.`,
    signature: expect.stringMatching(/^emu-sig-[0-9a-f]{8}$/),
  },
];

function chatRequests() {
  return (emulator?.requests ?? [])
    .filter(request => request.path === '/chat/completions')
    .map(request => request.body as ChatBody);
}

beforeAll(async () => {
  await installAppIfMissing();
  await buildApp();
  // A small delay between chunks, so the page really renders a stream.
  emulator = await createOpenRouterEmulator({ chunkDelayMs: 5 });
  // A key is set, so the app uses OPENROUTER_BASE_URL instead of starting
  // an emulator of its own.
  app = await startApp({
    OPENROUTER_BASE_URL: emulator.baseURL,
    OPENROUTER_API_KEY: FAKE_API_KEY,
  });
  browser = await launchChromium();
  page = await browser.context.newPage();
  await page.goto(app.url);
});

afterAll(async () => {
  // Each step runs even when an earlier one fails.
  const steps = [
    () => browser?.close(),
    () => app?.stop(),
    () => emulator?.close(),
  ];
  for (const step of steps) {
    await Promise.resolve()
      .then(step)
      .catch(error => console.error('Cleanup failed:', error));
  }
});

function reportFailure() {
  onTestFailed(async () => {
    console.error(`next start printed:\n${app?.output() ?? '(not started)'}`);
    await page
      ?.screenshot({
        path: 'test-results/next-chat-failure.png',
        fullPage: true,
      })
      .catch(() => {});
  });
}

async function send(text: string) {
  await page.getByTestId('chat-input').fill(text);
  const response = page.waitForResponse(candidate =>
    candidate.url().endsWith('/api/chat'),
  );
  await page.getByTestId('send-button').click();
  return response;
}

describe('next-chat in Chromium', () => {
  it('streams the answer with reasoning, the tool call and sources', async () => {
    reportFailure();
    const response = await send(QUESTION);

    // useChat reads a UI message stream: server-sent events.
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('text/event-stream');

    const assistant = page.getByTestId('message-assistant');
    await expect
      .poll(() => assistant.getByTestId('message-text').textContent(), {
        timeout: 30_000,
      })
      .toBe(
        `The weather tool returned {"city":"${QUESTION}","temperatureCelsius":21,"sky":"clear"}.`,
      );
    await page
      .locator('[data-testid="chat-status"][data-status="ready"]')
      .waitFor();

    await expect
      .poll(() => page.getByTestId('message-user').textContent())
      .toContain(QUESTION);

    const toolCall = assistant.getByTestId('tool-call');
    expect(await toolCall.count()).toBe(1);
    expect(await toolCall.getAttribute('data-state')).toBe('output-available');
    expect(await toolCall.getByTestId('tool-name').textContent()).toBe(
      'weather',
    );
    expect(
      JSON.parse(
        (await toolCall.getByTestId('tool-input').textContent()) ?? '',
      ),
    ).toStrictEqual({ city: QUESTION });
    expect(
      JSON.parse(
        (await toolCall.getByTestId('tool-output').textContent()) ?? '',
      ),
    ).toStrictEqual({ city: QUESTION, temperatureCelsius: 21, sky: 'clear' });

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
    expect(
      await firstReasoning.getByTestId('reasoning-text').textContent(),
    ).toBe(`The user said "${QUESTION}". I will answer briefly and kindly.`);

    // Both model calls cite the same two pages; each is listed once.
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
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
  });

  it('sent a tool call, then the answer, with the reasoning replayed', () => {
    reportFailure();
    const [toolStep, answerStep, ...rest] = chatRequests();
    expect(rest).toHaveLength(0);

    expect(toolStep.messages.map(message => message.role)).toStrictEqual([
      'system',
      'user',
    ]);
    expect(toolStep).toMatchObject({
      model: 'anthropic/claude-sonnet-4.5',
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
    expect(JSON.parse(String(toolResult.content))).toStrictEqual({
      city: QUESTION,
      temperatureCelsius: 21,
      sky: 'clear',
    });

    const authorization = emulator?.requests[0].headers.authorization;
    expect(authorization).toBe(`Bearer [REDACTED …${FAKE_API_KEY.slice(-4)}]`);
  });

  it('a follow-up from the browser sends the stored reasoning back intact', async () => {
    reportFailure();
    await send(FOLLOW_UP);

    const answers = page.getByTestId('message-assistant');
    await expect
      .poll(() => answers.nth(1).getByTestId('message-text').textContent(), {
        timeout: 30_000,
      })
      .toBe(
        `The weather tool returned {"city":"${FOLLOW_UP}","temperatureCelsius":21,"sky":"clear"}.`,
      );
    await page
      .locator('[data-testid="chat-status"][data-status="ready"]')
      .waitFor();
    await expect(page.getByTestId('chat-error').count()).resolves.toBe(0);

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
