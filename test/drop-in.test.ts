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

const citedAnswer = {
  ...answerWithoutDetails,
  choices: [
    {
      index: 0,
      finish_reason: 'stop',
      message: {
        role: 'assistant',
        content: 'Routers route.',
        annotations: [
          {
            type: 'url_citation',
            url_citation: {
              url: 'https://example.com/routers',
              title: 'Routers',
              content: 'A router forwards packets.',
              start_index: 0,
              end_index: 14,
            },
          },
        ],
      },
    },
  ],
};

describe('web citations', () => {
  it('keep the passage and offsets on the source, as the incumbent does', async () => {
    const { incumbent, ours } = providers();
    const sources = [];
    for (const provider of [incumbent, ours]) {
      server.emulator.enqueue({ type: 'json', body: citedAnswer });
      const result = await generateText({
        model: provider('openai/gpt-4o'),
        prompt: 'Hi',
      });
      sources.push(result.sources);
    }
    const [incumbentSources, ourSources] = sources;

    expect(ourSources).toHaveLength(1);
    const { url, title, providerMetadata } = incumbentSources[0] as {
      url: string;
      title: string;
      providerMetadata: unknown;
    };
    expect(ourSources[0]).toMatchObject({ url, title, providerMetadata });
  });

  it('cite the text they support with V4 citations, generated and streamed', async () => {
    const model = providers().ours('openai/gpt-4o');
    const expected = {
      startIndex: 0,
      endIndex: 14,
      citedText: 'A router forwards packets.',
      source: expect.objectContaining({ url: 'https://example.com/routers' }),
    };

    server.emulator.enqueue({ type: 'json', body: citedAnswer });
    const generated = await model.doGenerate({
      prompt: [{ role: 'user', content: [{ type: 'text', text: 'Hi' }] }],
    });
    const text = generated.content.find(part => part.type === 'text');
    expect(text?.citations).toStrictEqual([expected]);

    server.emulator.enqueue({
      type: 'stream',
      events: [
        {
          id: 'gen-cited',
          choices: [{ index: 0, delta: { content: 'Routers route.' } }],
        },
        {
          id: 'gen-cited',
          choices: [
            {
              index: 0,
              delta: {
                annotations: citedAnswer.choices[0].message.annotations,
              },
              finish_reason: 'stop',
            },
          ],
        },
      ],
    });
    const { stream } = await model.doStream({
      prompt: [{ role: 'user', content: [{ type: 'text', text: 'Hi' }] }],
    });
    const parts = [];
    for await (const part of stream as unknown as AsyncIterable<{
      type: string;
      citations?: unknown;
    }>) {
      parts.push(part);
    }
    const textEnd = parts.find(part => part.type === 'text-end');
    expect(textEnd?.citations).toStrictEqual([expected]);
    const source = parts.find(part => part.type === 'source');
    expect(source).toMatchObject({
      providerMetadata: {
        openrouter: {
          content: 'A router forwards packets.',
          startIndex: 0,
          endIndex: 14,
        },
      },
    });
  });
});

describe('includeReasoning', () => {
  // OpenRouter defines `include_reasoning` itself: `false` hides the
  // reasoning (the model may still reason), unlike `reasoning.enabled`, so
  // it is sent as the incumbent sends it, beside any `reasoning` object.
  it.each([
    { includeReasoning: false },
    { includeReasoning: true },
    { includeReasoning: false, reasoning: { effort: 'low' } },
  ])('%o is sent as the incumbent sends it', async settings => {
    const { incumbent, ours } = providers();
    for (const provider of [incumbent, ours]) {
      await generateText({
        model: provider('openai/gpt-4o', settings as never),
        prompt: 'Hi',
      });
    }
    const [theirs, mine] = server.emulator.requests.map(request => {
      const body = request.body as Record<string, unknown>;
      return {
        include_reasoning: body.include_reasoning,
        reasoning: body.reasoning,
      };
    });

    expect(mine).toStrictEqual(theirs);
    expect(mine?.include_reasoning).toBe(settings.includeReasoning);
  });
});
