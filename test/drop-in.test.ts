import { createOpenRouter as createIncumbent } from '@openrouter/ai-sdk-provider';
import { generateText, streamText } from 'ai';
import { describe, expect, it } from 'vitest';
import { TEST_API_KEY, useEmulator } from './support/use-emulator';

// The same calls through `@openrouter/ai-sdk-provider` and this package,
// against the same emulator, where the drop-in promise is at stake.

const server = useEmulator();

function providers() {
  const settings = { apiKey: TEST_API_KEY, baseURL: server.emulator.baseURL };
  return {
    incumbent: createIncumbent(settings),
    ours: server.createProvider(),
  };
}

const answerWithoutDetails = {
  id: 'gen-drop-in',
  object: 'chat.completion',
  created: 1_767_225_600,
  model: 'openai/gpt-4o',
  choices: [
    {
      index: 0,
      finish_reason: 'stop',
      message: { role: 'assistant', content: 'Hi there' },
    },
  ],
  usage: { prompt_tokens: 12, completion_tokens: 3, total_tokens: 15 },
};

describe('usage reported without details', () => {
  it('fills every standard usage field with a number, as the incumbent does', async () => {
    const { incumbent, ours } = providers();
    const results = [];
    for (const provider of [incumbent, ours]) {
      server.emulator.enqueue({ type: 'json', body: answerWithoutDetails });
      const { usage } = await generateText({
        model: provider('openai/gpt-4o'),
        prompt: 'Hi',
      });
      results.push(usage);
    }
    const [incumbentUsage, ourUsage] = results;

    // Where the incumbent gives a number ours gives the same; ours also
    // gives one where it leaves cacheWriteTokens undefined.
    for (const [details, incumbentDetails] of [
      [ourUsage.inputTokenDetails, incumbentUsage.inputTokenDetails],
      [ourUsage.outputTokenDetails, incumbentUsage.outputTokenDetails],
    ] as const) {
      for (const [field, value] of Object.entries(incumbentDetails)) {
        if (typeof value === 'number') {
          expect(details[field as keyof typeof details], field).toBe(value);
        }
      }
    }
    expect(ourUsage.inputTokenDetails).toStrictEqual({
      noCacheTokens: 12,
      cacheReadTokens: 0,
      cacheWriteTokens: 0,
    });
    expect(ourUsage.outputTokenDetails).toStrictEqual({
      textTokens: 3,
      reasoningTokens: 0,
    });
  });

  it('does the same when streaming, for chat and completion', async () => {
    const { ours } = providers();
    for (const model of [
      ours('openai/gpt-4o'),
      ours.completion('openai/gpt-3.5-turbo-instruct'),
    ]) {
      const result = streamText({ model, prompt: 'Hi' });
      const usage = await result.usage;
      expect(usage.inputTokenDetails.cacheReadTokens).toBe(0);
      expect(usage.outputTokenDetails.reasoningTokens).toBe(0);
    }
  });
});

describe('app attribution', () => {
  it('sends the title under the name the incumbent sends', async () => {
    const settings = {
      apiKey: TEST_API_KEY,
      baseURL: server.emulator.baseURL,
      appName: 'My App',
      appUrl: 'https://my-app.example',
    };
    for (const provider of [
      createIncumbent(settings),
      server.createProvider(settings),
    ]) {
      await generateText({ model: provider('openai/gpt-4o'), prompt: 'Hi' });
    }
    const [incumbent, ours] = server.emulator.requests.map(
      request => request.headers,
    );

    expect(ours['x-openrouter-title']).toBe(incumbent['x-openrouter-title']);
    expect(ours['http-referer']).toBe(incumbent['http-referer']);
    expect(ours['x-title']).toBe(incumbent['x-title']);
  });
});
