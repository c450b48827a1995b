import { generateText, isStepCount, streamText, tool } from 'ai';
import { createOpenRouter } from 'ai-sdk-openrouter';
import {
  createOpenRouterEmulator,
  type OpenRouterEmulator,
  scripted,
} from 'ai-sdk-openrouter/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';

let emulator: OpenRouterEmulator;

beforeAll(async () => {
  emulator = await createOpenRouterEmulator();
});
afterAll(async () => {
  await emulator.close();
});
beforeEach(() => {
  emulator.reset();
});

function model(id = 'openai/gpt-4o-mini') {
  const openrouter = createOpenRouter({
    apiKey: 'sk-or-test',
    baseURL: emulator.baseURL,
  });
  return openrouter(id);
}

describe('my app against the OpenRouter emulator', () => {
  it('gets a scripted answer, with its usage and cost', async () => {
    emulator.enqueue(
      scripted.text('Hello, Ada!', {
        usage: { promptTokens: 12, completionTokens: 4, cost: 0.00042 },
      }),
    );

    const result = await generateText({ model: model(), prompt: 'Greet Ada' });

    expect(result.text).toBe('Hello, Ada!');
    expect(result.usage.inputTokens).toBe(12);
    expect(result.providerMetadata?.openrouter?.usage).toMatchObject({
      cost: 0.00042,
    });
    // Recorded requests are typed: no cast to read the body.
    expect(emulator.requests[0]?.body?.messages).toStrictEqual([
      { role: 'user', content: 'Greet Ada' },
    ]);
  });

  it('streams reasoning, then the answer, piece by piece', async () => {
    emulator.enqueue(
      scripted.reasoning(
        { text: ['Ada is ', 'a name.'], signature: 'sig-1' },
        ['Hello', ', Ada!'],
        { keepAlives: 2, eventDelayMs: 5 },
      ),
    );

    const result = streamText({
      model: model('anthropic/claude-sonnet-4.5'),
      prompt: 'Greet Ada',
      reasoning: 'high',
    });

    expect(await result.reasoningText).toBe('Ada is a name.');
    expect(await result.text).toBe('Hello, Ada!');
  });

  it('runs the tool the model calls, then answers from its result', async () => {
    emulator.enqueue(
      scripted.toolCalls({ name: 'weather', input: { city: 'Lisbon' } }),
      scripted.text('It is sunny in Lisbon.'),
    );

    const result = await generateText({
      model: model(),
      prompt: 'Weather in Lisbon?',
      tools: {
        weather: tool({
          inputSchema: z.object({ city: z.string() }),
          execute: async ({ city }) => ({ city, sky: 'sunny' }),
        }),
      },
      stopWhen: isStepCount(3),
    });

    expect(result.text).toBe('It is sunny in Lisbon.');
    expect(result.steps[0]?.toolResults[0]?.output).toStrictEqual({
      city: 'Lisbon',
      sky: 'sunny',
    });
    const toolMessage = emulator.requests[1]?.body?.messages?.at(-1);
    expect(toolMessage).toMatchObject({ role: 'tool' });
  });

  it('retries a rate limit, and reports a stream that fails midway', async () => {
    emulator.enqueue(
      scripted.httpError(429, 'Rate limit exceeded', {
        headers: { 'retry-after': '0' },
      }),
      scripted.text('Made it.'),
      scripted.streamError(
        { code: 502, message: 'Upstream went away' },
        { text: ['Partial ', 'answer'] },
      ),
    );

    const retried = await generateText({ model: model(), prompt: 'Hi' });
    expect(retried.text).toBe('Made it.');

    const errors: unknown[] = [];
    const failed = streamText({
      model: model(),
      prompt: 'Hi',
      onError: ({ error }) => {
        errors.push(error);
      },
    });
    expect(await failed.text).toBe('Partial answer');
    expect(String(errors[0])).toContain('Upstream went away');
  });
});
