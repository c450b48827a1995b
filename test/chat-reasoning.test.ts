import { InvalidArgumentError } from '@ai-sdk/provider';
import {
  convertToModelMessages,
  generateText,
  isStepCount,
  type ModelMessage,
  readUIMessageStream,
  streamText,
  tool,
  type UIMessage,
} from 'ai';
import { describe, expect, it } from 'vitest';
import { z } from 'zod/v4';
import {
  deltaChunk,
  finishChunk,
  textChunk,
  toolCallChunk,
} from './support/chunks';
import { collect } from './support/collect';
import { useEmulator } from './support/use-emulator';

const server = useEmulator();

type Body = Record<string, unknown> & {
  messages: Array<Record<string, unknown>>;
};

function requestBody(index: number) {
  return server.emulator.requests[index].body as Body;
}

function assistantMessages(index: number) {
  return requestBody(index).messages.filter(
    message => message.role === 'assistant',
  );
}

const signedDetail = (text: string, signature: string, index = 0) => ({
  type: 'reasoning.text',
  text,
  signature,
  format: 'anthropic-claude-v1',
  index,
});

function jsonReply(message: Record<string, unknown>, provider = 'Anthropic') {
  return {
    type: 'json' as const,
    body: {
      id: 'gen-r',
      model: 'anthropic/claude-sonnet-4.5',
      provider,
      created: 1_767_225_600,
      choices: [{ index: 0, finish_reason: 'stop', message }],
      usage: {
        prompt_tokens: 10,
        completion_tokens: 30,
        total_tokens: 40,
        completion_tokens_details: { reasoning_tokens: 20 },
      },
    },
  };
}

describe('reasoning options', () => {
  it.each([
    ['minimal', { effort: 'minimal' }],
    ['low', { effort: 'low' }],
    ['medium', { effort: 'medium' }],
    ['high', { effort: 'high' }],
    ['xhigh', { effort: 'xhigh' }],
    ['max', { effort: 'xhigh' }],
    ['none', { enabled: false }],
  ] as const)('maps reasoning %s to %j', async (reasoning, expected) => {
    await generateText({
      model: server.createProvider()('openai/gpt-5-mini'),
      prompt: 'Hi',
      reasoning,
    });

    expect(requestBody(0).reasoning).toStrictEqual(expected);
  });

  it('sends nothing for provider-default', async () => {
    await generateText({
      model: server.createProvider()('openai/gpt-5-mini'),
      prompt: 'Hi',
      reasoning: 'provider-default',
    });

    expect(requestBody(0)).not.toHaveProperty('reasoning');
  });

  it('warns that max is sent as xhigh', async () => {
    const result = await generateText({
      model: server.createProvider()('openai/gpt-5-mini'),
      prompt: 'Hi',
      reasoning: 'max',
    });

    expect(result.warnings).toContainEqual(
      expect.objectContaining({ type: 'compatibility', feature: 'reasoning' }),
    );
  });

  it('lets providerOptions.openrouter.reasoning win over the call option', async () => {
    await generateText({
      model: server.createProvider()('anthropic/claude-sonnet-4.5'),
      prompt: 'Hi',
      reasoning: 'low',
      providerOptions: {
        openrouter: { reasoning: { max_tokens: 2048, exclude: true } },
      },
    });

    expect(requestBody(0).reasoning).toStrictEqual({
      max_tokens: 2048,
      exclude: true,
    });
  });

  it('rejects effort together with max_tokens before sending, naming the field', async () => {
    const error = await generateText({
      model: server.createProvider()('anthropic/claude-sonnet-4.5'),
      prompt: 'Hi',
      providerOptions: {
        openrouter: { reasoning: { effort: 'high', max_tokens: 1000 } },
      },
    }).catch(caught => caught);

    expect(InvalidArgumentError.isInstance(error)).toBe(true);
    expect(error.message).toContain('providerOptions.openrouter.reasoning');
    expect(error.message).toContain('either effort or max_tokens');
    expect(server.emulator.requests).toHaveLength(0);
  });

  it('rejects an unknown effort value, naming the field', async () => {
    const error = await generateText({
      model: server.createProvider()('anthropic/claude-sonnet-4.5'),
      prompt: 'Hi',
      providerOptions: { openrouter: { reasoning: { effort: 'extreme' } } },
    }).catch(caught => caught);

    expect(InvalidArgumentError.isInstance(error)).toBe(true);
    expect(error.message).toContain(
      'providerOptions.openrouter.reasoning.effort',
    );
    expect(server.emulator.requests).toHaveLength(0);
  });
});

describe('reasoning output from generateText', () => {
  it('turns message.reasoning into reasoning content and counts reasoning tokens', async () => {
    server.emulator.enqueue(
      jsonReply({ role: 'assistant', content: 'Answer', reasoning: 'Hmm.' }),
    );

    const result = await generateText({
      model: server.createProvider()('deepseek/deepseek-r1'),
      prompt: 'Hi',
    });

    expect(result.reasoningText).toBe('Hmm.');
    expect(result.text).toBe('Answer');
    expect(result.usage.outputTokenDetails.reasoningTokens).toBe(20);
    expect(result.usage.outputTokenDetails.textTokens).toBe(10);
  });

  it('shows text and summaries from details, keeps every detail, and never shows ciphertext', async () => {
    const details = [
      {
        type: 'reasoning.summary',
        summary: 'First section.',
        index: 0,
        format: 'openai-responses-v1',
      },
      {
        type: 'reasoning.summary',
        summary: 'Second section.',
        index: 1,
        format: 'openai-responses-v1',
      },
      {
        type: 'reasoning.encrypted',
        data: 'gAAAA-secret',
        index: 2,
        format: 'openai-responses-v1',
      },
    ];
    server.emulator.enqueue(
      jsonReply(
        {
          role: 'assistant',
          content: 'Done',
          reasoning: 'First section.Second section.',
          reasoning_details: details,
        },
        'OpenAI',
      ),
    );

    const result = await generateText({
      model: server.createProvider()('openai/gpt-5-mini'),
      prompt: 'Hi',
    });

    expect(result.reasoningText).toBe('First section.\n\nSecond section.');
    expect(result.reasoningText).not.toContain('gAAAA');
    expect(result.reasoning[0].providerMetadata).toStrictEqual({
      openrouter: { reasoning_details: details, provider: 'OpenAI' },
    });
    expect(
      result.providerMetadata?.openrouter?.reasoning_details,
    ).toStrictEqual(details);
  });

  it('shows message.reasoning when the details are encrypted only', async () => {
    server.emulator.enqueue(
      jsonReply({
        role: 'assistant',
        content: 'Answer',
        reasoning: 'A readable summary.',
        reasoning_details: [
          { type: 'reasoning.encrypted', data: 'secret', index: 0 },
        ],
      }),
    );

    const result = await generateText({
      model: server.createProvider()('openai/gpt-5-mini'),
      prompt: 'Hi',
    });

    expect(result.reasoningText).toBe('A readable summary.');
  });

  it('sends every detail back unchanged on the next turn', async () => {
    const details = [
      {
        type: 'reasoning.summary',
        summary: 'S1',
        index: 0,
        format: 'openai-responses-v1',
      },
      {
        type: 'reasoning.summary',
        summary: 'S2',
        index: 1,
        format: 'openai-responses-v1',
      },
      {
        type: 'reasoning.encrypted',
        data: 'gAAAA-secret',
        index: 2,
        format: 'openai-responses-v1',
        id: 'rs_1',
      },
    ];
    server.emulator.enqueue(
      jsonReply(
        { role: 'assistant', content: 'Done', reasoning_details: details },
        'OpenAI',
      ),
    );
    const model = server.createProvider()('openai/gpt-5-mini');

    const first = await generateText({ model, prompt: 'Hi' });
    await generateText({
      model,
      messages: [
        { role: 'user', content: 'Hi' },
        ...first.response.messages,
        { role: 'user', content: 'And?' },
      ],
    });

    expect(assistantMessages(1)).toStrictEqual([
      { role: 'assistant', content: 'Done', reasoning_details: details },
    ]);
  });

  it('keeps an empty reasoning_details array as an empty array', async () => {
    server.emulator.enqueue(
      jsonReply(
        { role: 'assistant', content: 'Done', reasoning_details: [] },
        'DeepSeek',
      ),
    );
    const model = server.createProvider()('deepseek/deepseek-r1-0528:free');

    const first = await generateText({ model, prompt: 'Hi' });
    await generateText({
      model,
      messages: [
        { role: 'user', content: 'Hi' },
        ...first.response.messages,
        { role: 'user', content: 'And?' },
      ],
    });

    expect(assistantMessages(1)).toStrictEqual([
      { role: 'assistant', content: 'Done', reasoning_details: [] },
    ]);
  });
});

describe('streamed reasoning', () => {
  async function streamParts(events: unknown[]) {
    server.emulator.enqueue({ type: 'stream', events });
    const model = server.createProvider()('anthropic/claude-sonnet-4.5');
    const { stream } = await model.doStream({
      prompt: [{ role: 'user', content: [{ type: 'text', text: 'Hi' }] }],
    });
    return collect(stream);
  }

  it('streams reasoning once when a chunk carries both reasoning and details', async () => {
    const parts = await streamParts([
      deltaChunk({
        reasoning: 'Let me ',
        reasoning_details: [
          {
            type: 'reasoning.text',
            text: 'Let me ',
            index: 0,
            format: 'anthropic-claude-v1',
          },
        ],
      }),
      deltaChunk({
        reasoning: 'think.',
        reasoning_details: [
          {
            type: 'reasoning.text',
            text: 'think.',
            index: 0,
            format: 'anthropic-claude-v1',
          },
        ],
      }),
      deltaChunk({
        reasoning: '',
        reasoning_details: [
          {
            type: 'reasoning.text',
            text: '',
            signature: 'sig-1',
            index: 0,
            format: 'anthropic-claude-v1',
          },
        ],
      }),
      textChunk('Answer.'),
      finishChunk('stop'),
    ]);

    expect(parts.map(part => part.type)).toStrictEqual([
      'stream-start',
      'response-metadata',
      'reasoning-start',
      'reasoning-delta',
      'reasoning-delta',
      'reasoning-end',
      'text-start',
      'text-delta',
      'text-end',
      'finish',
    ]);
    const reasoning = parts
      .map(part => (part.type === 'reasoning-delta' ? part.delta : ''))
      .join('');
    expect(reasoning).toBe('Let me think.');
    const expectedDetails = [signedDetail('Let me think.', 'sig-1')];
    expect(parts.find(part => part.type === 'reasoning-end')).toStrictEqual({
      type: 'reasoning-end',
      id: 'reasoning-0',
      providerMetadata: {
        openrouter: { reasoning_details: expectedDetails, provider: 'OpenAI' },
      },
    });
    // Nothing new arrived after the reasoning ended, so no copy on the text.
    expect(parts.find(part => part.type === 'text-end')).toStrictEqual({
      type: 'text-end',
      id: 'txt-1',
    });
    expect(parts.at(-1)).toMatchObject({
      providerMetadata: { openrouter: { reasoning_details: expectedDetails } },
    });
  });

  it('keeps a signature that arrives after the text began', async () => {
    const parts = await streamParts([
      deltaChunk({
        reasoning_details: [
          {
            type: 'reasoning.text',
            text: 'Thinking.',
            index: 0,
            format: 'anthropic-claude-v1',
          },
        ],
      }),
      textChunk('Answer.'),
      deltaChunk({
        reasoning_details: [
          {
            type: 'reasoning.text',
            text: '',
            signature: 'late-sig',
            index: 0,
            format: 'anthropic-claude-v1',
          },
        ],
      }),
      finishChunk('stop'),
    ]);

    expect(parts.filter(part => part.type === 'reasoning-start')).toHaveLength(
      1,
    );
    expect(parts.find(part => part.type === 'text-end')).toMatchObject({
      providerMetadata: {
        openrouter: {
          reasoning_details: [signedDetail('Thinking.', 'late-sig')],
        },
      },
    });
  });

  it('streams reasoning that arrives after text has started', async () => {
    const parts = await streamParts([
      deltaChunk({ reasoning: 'First thought.' }),
      textChunk('Partial answer. '),
      deltaChunk({ reasoning: 'Second thought.' }),
      textChunk('Final answer.'),
      finishChunk('stop'),
    ]);

    expect(
      parts
        .filter(
          part => part.type.endsWith('-start') && part.type !== 'stream-start',
        )
        .map(part => ('id' in part ? part.id : '')),
    ).toStrictEqual(['reasoning-0', 'txt-1', 'reasoning-2', 'txt-3']);
    expect(
      parts
        .map(part => (part.type === 'reasoning-delta' ? part.delta : ''))
        .join('|'),
    ).toContain('Second thought.');
  });

  it('shows plain reasoning text when the details in the chunk carry none', async () => {
    const parts = await streamParts([
      deltaChunk({ reasoning: 'Thinking hard.', reasoning_details: [] }),
      deltaChunk({
        reasoning: ' Still thinking.',
        reasoning_details: [
          { type: 'reasoning.encrypted', data: 'x', index: 0 },
        ],
      }),
      textChunk('Done.'),
      finishChunk('stop'),
    ]);

    expect(
      parts
        .map(part => (part.type === 'reasoning-delta' ? part.delta : ''))
        .join(''),
    ).toBe('Thinking hard. Still thinking.');
  });

  it('keeps summary sections apart', async () => {
    const parts = await streamParts([
      deltaChunk({
        reasoning_details: [
          { type: 'reasoning.summary', summary: 'Plan', index: 0 },
        ],
      }),
      deltaChunk({
        reasoning_details: [
          { type: 'reasoning.summary', summary: 'ning.', index: 0 },
        ],
      }),
      deltaChunk({
        reasoning_details: [
          { type: 'reasoning.summary', summary: 'Check.', index: 1 },
        ],
      }),
      finishChunk('stop'),
    ]);

    expect(
      parts
        .map(part => (part.type === 'reasoning-delta' ? part.delta : ''))
        .join(''),
    ).toBe('Planning.\n\nCheck.');
    expect(parts.find(part => part.type === 'reasoning-end')).toMatchObject({
      providerMetadata: {
        openrouter: {
          reasoning_details: [
            { type: 'reasoning.summary', summary: 'Planning.', index: 0 },
            { type: 'reasoning.summary', summary: 'Check.', index: 1 },
          ],
        },
      },
    });
  });

  it('shows no text for encrypted reasoning but keeps it for the next turn', async () => {
    const encrypted = {
      type: 'reasoning.encrypted',
      data: 'c2VjcmV0',
      index: 0,
      format: 'google-gemini-v1',
    };
    const parts = await streamParts([
      deltaChunk({ reasoning_details: [encrypted] }),
      textChunk('Answer.'),
      finishChunk('stop'),
    ]);

    expect(parts.some(part => part.type.startsWith('reasoning'))).toBe(false);
    expect(parts.find(part => part.type === 'text-end')).toMatchObject({
      providerMetadata: { openrouter: { reasoning_details: [encrypted] } },
    });
  });
});

describe('reasoning round trips against the emulated model', () => {
  const weather = tool({
    description: 'Current weather in a city',
    inputSchema: z.object({ city: z.string() }),
    execute: async ({ city }) => `sunny in ${city}`,
  });

  it('sends the exact signed details back in turns 2 and 3 of a tool loop (stream)', async () => {
    const detail1 = signedDetail('Need the weather.', 'sig-turn-1');
    const detail2 = signedDetail('Need the time too.', 'sig-turn-2');
    const reasoningChunk = (detail: ReturnType<typeof signedDetail>) =>
      deltaChunk({
        reasoning: detail.text,
        reasoning_details: [{ ...detail, signature: undefined }],
      });
    const signatureChunk = (detail: ReturnType<typeof signedDetail>) =>
      deltaChunk({ reasoning_details: [{ ...detail, text: '' }] });
    server.emulator.enqueue(
      {
        type: 'stream',
        events: [
          reasoningChunk(detail1),
          signatureChunk(detail1),
          toolCallChunk({
            index: 0,
            id: 'call_1',
            type: 'function',
            function: { name: 'weather', arguments: '{"city":"Paris"}' },
          }),
          finishChunk('tool_calls'),
        ],
      },
      {
        type: 'stream',
        events: [
          reasoningChunk(detail2),
          signatureChunk(detail2),
          toolCallChunk({
            index: 0,
            id: 'call_2',
            type: 'function',
            function: { name: 'weather', arguments: '{"city":"Rome"}' },
          }),
          finishChunk('tool_calls'),
        ],
      },
    );

    const result = streamText({
      model: server.createProvider()('anthropic/claude-sonnet-4.5'),
      prompt: 'Weather?',
      tools: { weather },
      stopWhen: isStepCount(3),
    });
    await result.consumeStream();

    expect(server.emulator.requests).toHaveLength(3);
    expect(assistantMessages(1)).toStrictEqual([
      {
        role: 'assistant',
        content: null,
        tool_calls: [
          {
            id: 'call_1',
            type: 'function',
            function: { name: 'weather', arguments: '{"city":"Paris"}' },
          },
        ],
        reasoning_details: [detail1],
      },
    ]);
    expect(
      assistantMessages(2).map(message => message.reasoning_details),
    ).toStrictEqual([[detail1], [detail2]]);
  });

  it('round-trips the emulated model signed reasoning through generateText tool loops', async () => {
    const result = await generateText({
      model: server.createProvider()('anthropic/claude-sonnet-4.5'),
      // The emulated model calls a tool the prompt names.
      prompt: 'Paris weather',
      tools: { weather },
      reasoning: 'high',
      stopWhen: isStepCount(3),
    });

    // The emulator answers 400 if the signed reasoning did not come back.
    expect(result.text).toBe(
      'The weather tool returned sunny in Paris weather.',
    );
    const [replayed] = assistantMessages(1);
    expect(replayed.reasoning_details).toStrictEqual([
      {
        type: 'reasoning.text',
        index: 0,
        format: 'anthropic-claude-v1',
        text: 'The user said "Paris weather". I will answer briefly and kindly.',
        signature: expect.stringMatching(/^emu-sig-/),
      },
    ]);
  });

  it('round-trips encrypted Gemini reasoning without tools, and pins the upstream', async () => {
    const model = server.createProvider()('google/gemini-2.5-pro');

    const first = await generateText({
      model,
      prompt: 'Hi',
      reasoning: 'medium',
    });
    const second = await generateText({
      model,
      reasoning: 'medium',
      messages: [
        { role: 'user', content: 'Hi' },
        ...first.response.messages,
        { role: 'user', content: 'More?' },
      ],
    });

    expect(second.text).toContain('You said: "More?"');
    const [replayed] = assistantMessages(1);
    expect(replayed.reasoning_details).toStrictEqual(
      first.providerMetadata?.openrouter?.reasoning_details,
    );
    expect(replayed.reasoning_details).toContainEqual(
      expect.objectContaining({ type: 'reasoning.encrypted' }),
    );
    expect(requestBody(1).provider).toStrictEqual({
      order: ['google-vertex'],
    });
  });

  it('does not pin the upstream when switched off or when routing is set', async () => {
    const model = server.createProvider()('google/gemini-2.5-pro');
    const first = await generateText({
      model,
      prompt: 'Hi',
      reasoning: 'medium',
    });
    const history: ModelMessage[] = [
      { role: 'user', content: 'Hi' },
      ...first.response.messages,
      { role: 'user', content: 'More?' },
    ];

    await generateText({
      model,
      messages: history,
      providerOptions: { openrouter: { pinReasoningUpstream: false } },
    });
    await generateText({
      model,
      messages: history,
      providerOptions: { openrouter: { provider: { sort: 'price' } } },
    });

    expect(requestBody(1)).not.toHaveProperty('provider');
    expect(requestBody(2).provider).toStrictEqual({ sort: 'price' });
  });

  it('survives persisted UI messages', async () => {
    const model = server.createProvider()('anthropic/claude-sonnet-4.5');
    const userMessage: UIMessage = {
      id: 'u1',
      role: 'user',
      parts: [{ type: 'text', text: 'Hi' }],
    };

    const first = streamText({
      model,
      messages: await convertToModelMessages([userMessage]),
      reasoning: 'high',
    });
    let assistantMessage: UIMessage | undefined;
    for await (const message of readUIMessageStream({
      stream: first.toUIMessageStream(),
    })) {
      assistantMessage = message;
    }
    // Persist and load, as an app with a database would.
    const stored = JSON.parse(
      JSON.stringify([userMessage, assistantMessage]),
    ) as UIMessage[];
    const followUp: UIMessage = {
      id: 'u2',
      role: 'user',
      parts: [{ type: 'text', text: 'Go on' }],
    };

    const second = streamText({
      model,
      messages: await convertToModelMessages([...stored, followUp]),
      reasoning: 'high',
    });
    await second.consumeStream();

    expect(await second.text).toContain('You said: "Go on"');
    const firstDetails = (await first.providerMetadata)?.openrouter
      ?.reasoning_details;
    expect(firstDetails).toHaveLength(1);
    expect(assistantMessages(1)[0].reasoning_details).toStrictEqual(
      firstDetails,
    );
  });
});
