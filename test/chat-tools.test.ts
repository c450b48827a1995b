import type { LanguageModelV4StreamPart } from '@ai-sdk/provider';
import {
  generateText,
  isStepCount,
  jsonSchema,
  Output,
  streamText,
  type TextStreamPart,
  type ToolSet,
  tool,
} from 'ai';
import { describe, expect, it } from 'vitest';
import { z } from 'zod/v4';
import {
  finishChunk,
  textChunk,
  toolCallChunk,
  usageChunk,
} from './support/chunks';
import { collect } from './support/collect';
import { useEmulator } from './support/use-emulator';

const server = useEmulator();

// Tools without `execute`: a step ends at the tool calls.
const weatherTools = {
  weather: tool({
    description: 'Current weather in a city',
    inputSchema: z.object({ city: z.string() }),
  }),
  time: tool({
    description: 'Current time in a city',
    inputSchema: z.object({ city: z.string() }),
  }),
  ping: tool({
    description: 'No arguments',
    inputSchema: z.object({}),
  }),
};

// The same tools with `execute`, for two-step loops.
const executingWeatherTools = {
  weather: tool({
    description: 'Current weather in a city',
    inputSchema: z.object({ city: z.string() }),
    execute: async ({ city }) => `sunny in ${city}`,
  }),
  time: tool({
    description: 'Current time in a city',
    inputSchema: z.object({ city: z.string() }),
    execute: async ({ city }) => `noon in ${city}`,
  }),
  ping: tool({
    description: 'No arguments',
    inputSchema: z.object({}),
    execute: async () => 'pong',
  }),
};

/**
 * Plays a scripted first step in a two-step tool loop (the second step is
 * the emulated model answering from the tool results). Returns the first
 * step's parts and finish reason, and the second request's messages.
 */
async function streamScripted(events: unknown[]) {
  server.emulator.enqueue({ type: 'stream', events });
  const result = streamText({
    model: server.createProvider()('openai/gpt-4o'),
    prompt: 'Weather?',
    tools: executingWeatherTools,
    stopWhen: isStepCount(2),
  });
  const allParts = await collect(result.fullStream);
  const firstStepEnd = allParts.findIndex(part => part.type === 'finish-step');
  const steps = await result.steps;
  return {
    parts: allParts.slice(0, firstStepEnd),
    finishReason: steps[0].finishReason,
    text: steps[0].text,
    nextMessages: (
      server.emulator.requests[1]?.body as { messages?: unknown } | undefined
    )?.messages,
  };
}

/** Part types of a step, without the SDK's framing and tool results. */
function partTypes(parts: TextStreamPart<ToolSet>[]) {
  const framing = [
    'start',
    'start-step',
    'finish-step',
    'finish',
    'tool-result',
  ];
  return parts.map(part => part.type).filter(type => !framing.includes(type));
}

/** The messages a second request should carry after the given calls. */
function expectedNextMessages(
  calls: Array<{ id: string; name: string; arguments: string; result: string }>,
  text?: string,
) {
  return [
    { role: 'user', content: 'Weather?' },
    {
      role: 'assistant',
      content: text ?? null,
      tool_calls: calls.map(call => ({
        id: call.id,
        type: 'function',
        function: { name: call.name, arguments: call.arguments },
      })),
    },
    ...calls.map(call => ({
      role: 'tool',
      tool_call_id: call.id,
      content: call.result,
    })),
  ];
}

function toolCalls(parts: TextStreamPart<ToolSet>[]) {
  return parts.flatMap(part =>
    part.type === 'tool-call'
      ? [{ id: part.toolCallId, name: part.toolName, input: part.input }]
      : [],
  );
}

/** The concatenated input deltas of every tool call, by id. */
function deltasById(parts: TextStreamPart<ToolSet>[]) {
  const deltas: Record<string, string> = {};
  for (const part of parts) {
    if (part.type === 'tool-input-delta') {
      deltas[part.id] = (deltas[part.id] ?? '') + part.delta;
    }
  }
  return deltas;
}

describe('streamed tool calls', () => {
  it('assembles a call spread over many chunks', async () => {
    const { parts, finishReason, nextMessages } = await streamScripted([
      toolCallChunk({
        index: 0,
        id: 'call_1',
        type: 'function',
        function: { name: 'weather', arguments: '' },
      }),
      toolCallChunk({ index: 0, function: { arguments: '{"ci' } }),
      toolCallChunk({ index: 0, function: { arguments: 'ty":' } }),
      toolCallChunk({ index: 0, function: { arguments: '"Par' } }),
      toolCallChunk({ index: 0, function: { arguments: 'is"}' } }),
      finishChunk('tool_calls'),
      usageChunk(),
    ]);

    expect(partTypes(parts)).toStrictEqual([
      'tool-input-start',
      'tool-input-delta',
      'tool-input-delta',
      'tool-input-delta',
      'tool-input-delta',
      'tool-input-end',
      'tool-call',
    ]);
    expect(toolCalls(parts)).toStrictEqual([
      { id: 'call_1', name: 'weather', input: { city: 'Paris' } },
    ]);
    expect(deltasById(parts)).toStrictEqual({ call_1: '{"city":"Paris"}' });
    expect(finishReason).toBe('tool-calls');
    expect(nextMessages).toStrictEqual(
      expectedNextMessages([
        {
          id: 'call_1',
          name: 'weather',
          arguments: '{"city":"Paris"}',
          result: 'sunny in Paris',
        },
      ]),
    );
  });

  it('keeps parallel calls interleaved by index apart', async () => {
    const { parts, finishReason, nextMessages } = await streamScripted([
      toolCallChunk(
        {
          index: 0,
          id: 'call_a',
          type: 'function',
          function: { name: 'weather', arguments: '{"city":' },
        },
        {
          index: 1,
          id: 'call_b',
          type: 'function',
          function: { name: 'time', arguments: '{"ci' },
        },
      ),
      toolCallChunk({ index: 1, function: { arguments: 'ty":"Oslo"}' } }),
      toolCallChunk({ index: 0, function: { arguments: '"Rome"}' } }),
      finishChunk('tool_calls'),
    ]);

    expect(partTypes(parts)).toStrictEqual([
      'tool-input-start',
      'tool-input-delta',
      'tool-input-start',
      'tool-input-delta',
      'tool-input-delta',
      'tool-input-delta',
      'tool-input-end',
      'tool-call',
      'tool-input-end',
      'tool-call',
    ]);
    expect(toolCalls(parts)).toStrictEqual([
      { id: 'call_a', name: 'weather', input: { city: 'Rome' } },
      { id: 'call_b', name: 'time', input: { city: 'Oslo' } },
    ]);
    expect(deltasById(parts)).toStrictEqual({
      call_a: '{"city":"Rome"}',
      call_b: '{"city":"Oslo"}',
    });
    expect(finishReason).toBe('tool-calls');
    expect(nextMessages).toStrictEqual(
      expectedNextMessages([
        {
          id: 'call_a',
          name: 'weather',
          arguments: '{"city":"Rome"}',
          result: 'sunny in Rome',
        },
        {
          id: 'call_b',
          name: 'time',
          arguments: '{"city":"Oslo"}',
          result: 'noon in Oslo',
        },
      ]),
    );
  });

  it('tracks deltas that omit the index', async () => {
    const { parts, finishReason, nextMessages } = await streamScripted([
      toolCallChunk({
        id: 'call_g',
        type: 'function',
        function: { name: 'weather', arguments: '{"city":' },
      }),
      toolCallChunk({ function: { arguments: '"Lima"}' } }),
      finishChunk('tool_calls'),
    ]);

    expect(partTypes(parts)).toStrictEqual([
      'tool-input-start',
      'tool-input-delta',
      'tool-input-delta',
      'tool-input-end',
      'tool-call',
    ]);
    expect(toolCalls(parts)).toStrictEqual([
      { id: 'call_g', name: 'weather', input: { city: 'Lima' } },
    ]);
    expect(finishReason).toBe('tool-calls');
    expect(nextMessages).toStrictEqual(
      expectedNextMessages([
        {
          id: 'call_g',
          name: 'weather',
          arguments: '{"city":"Lima"}',
          result: 'sunny in Lima',
        },
      ]),
    );
  });

  it('emits one call when complete arguments are followed by whitespace deltas', async () => {
    const { parts, finishReason, nextMessages } = await streamScripted([
      toolCallChunk({
        index: 0,
        id: 'call_k',
        type: 'function',
        function: { name: 'weather', arguments: '{"city":"Kyiv"}' },
      }),
      toolCallChunk({ index: 0, function: { arguments: ' ' } }),
      toolCallChunk({ index: 0, function: { arguments: '\n' } }),
      finishChunk('tool_calls'),
    ]);

    expect(partTypes(parts)).toStrictEqual([
      'tool-input-start',
      'tool-input-delta',
      'tool-input-delta',
      'tool-input-delta',
      'tool-input-end',
      'tool-call',
    ]);
    expect(toolCalls(parts)).toStrictEqual([
      { id: 'call_k', name: 'weather', input: { city: 'Kyiv' } },
    ]);
    expect(deltasById(parts)).toStrictEqual({ call_k: '{"city":"Kyiv"} \n' });
    expect(finishReason).toBe('tool-calls');
    // The history carries the parsed input once, re-serialised.
    expect(nextMessages).toStrictEqual(
      expectedNextMessages([
        {
          id: 'call_k',
          name: 'weather',
          arguments: '{"city":"Kyiv"}',
          result: 'sunny in Kyiv',
        },
      ]),
    );
  });

  it('streams text before and after calls as separate text blocks', async () => {
    const { parts, finishReason, text, nextMessages } = await streamScripted([
      textChunk('Let me check. '),
      toolCallChunk({
        index: 0,
        id: 'call_t',
        type: 'function',
        function: { name: 'weather', arguments: '{"city":"Oslo"}' },
      }),
      textChunk('One moment.'),
      finishChunk('tool_calls'),
    ]);

    expect(partTypes(parts)).toStrictEqual([
      'text-start',
      'text-delta',
      'text-end',
      'tool-input-start',
      'tool-input-delta',
      'text-start',
      'text-delta',
      'text-end',
      'tool-input-end',
      'tool-call',
    ]);
    expect(text).toBe('Let me check. One moment.');
    expect(toolCalls(parts)).toStrictEqual([
      { id: 'call_t', name: 'weather', input: { city: 'Oslo' } },
    ]);
    expect(finishReason).toBe('tool-calls');
    expect(nextMessages).toStrictEqual(
      expectedNextMessages(
        [
          {
            id: 'call_t',
            name: 'weather',
            arguments: '{"city":"Oslo"}',
            result: 'sunny in Oslo',
          },
        ],
        'Let me check. One moment.',
      ),
    );
  });

  it('closes a call cut off by a length finish without inventing arguments', async () => {
    server.emulator.enqueue({
      type: 'stream',
      events: [
        toolCallChunk({
          index: 0,
          id: 'call_len',
          type: 'function',
          function: { name: 'weather', arguments: '{"city":"Ber' },
        }),
        finishChunk('length'),
      ],
    });
    const model = server.createProvider()('openai/gpt-4o');

    const { stream } = await model.doStream({
      prompt: [{ role: 'user', content: [{ type: 'text', text: 'Hi' }] }],
    });
    const parts: LanguageModelV4StreamPart[] = await collect(stream);

    expect(parts.map(part => part.type)).toStrictEqual([
      'stream-start',
      'response-metadata',
      'tool-input-start',
      'tool-input-delta',
      'tool-input-end',
      'tool-call',
      'finish',
    ]);
    expect(parts.find(part => part.type === 'tool-call')).toMatchObject({
      toolCallId: 'call_len',
      input: '{"city":"Ber',
    });
    expect(parts.at(-1)).toMatchObject({
      finishReason: { unified: 'length', raw: 'length' },
    });
  });

  it('passes a truncated call through streamText as an invalid call, not as {}', async () => {
    const { parts, finishReason, nextMessages } = await streamScripted([
      toolCallChunk({
        index: 0,
        id: 'call_len',
        type: 'function',
        function: { name: 'weather', arguments: '{"city":"Ber' },
      }),
      finishChunk('length'),
    ]);

    const call = parts.find(part => part.type === 'tool-call');
    expect(call).toMatchObject({ toolCallId: 'call_len', invalid: true });
    expect(JSON.stringify(call)).not.toContain('"input":{}');
    expect(finishReason).toBe('length');
    // The AI SDK itself replays an invalid call with `{}` input
    // (to-response-messages.ts), and tells the model why it failed.
    const messages = nextMessages as Array<Record<string, unknown>>;
    expect(messages.map(message => message.role)).toStrictEqual([
      'user',
      'assistant',
      'tool',
    ]);
    expect(messages[2].tool_call_id).toBe('call_len');
    expect(messages[2].content).toContain('{"city":"Ber');
  });

  it('finishes complete calls as tool calls when the stream has no finish reason', async () => {
    const { parts, finishReason, nextMessages } = await streamScripted([
      toolCallChunk({
        index: 0,
        id: 'call_n',
        type: 'function',
        function: { name: 'weather', arguments: '{"city":"Nice"}' },
      }),
    ]);

    expect(partTypes(parts)).toStrictEqual([
      'tool-input-start',
      'tool-input-delta',
      'tool-input-end',
      'tool-call',
    ]);
    expect(toolCalls(parts)).toStrictEqual([
      { id: 'call_n', name: 'weather', input: { city: 'Nice' } },
    ]);
    expect(finishReason).toBe('tool-calls');
    expect(nextMessages).toStrictEqual(
      expectedNextMessages([
        {
          id: 'call_n',
          name: 'weather',
          arguments: '{"city":"Nice"}',
          result: 'sunny in Nice',
        },
      ]),
    );
  });

  it('reports an incomplete call in a stream without finish reason as interrupted', async () => {
    const { parts, finishReason, nextMessages } = await streamScripted([
      toolCallChunk({
        index: 0,
        id: 'call_i',
        type: 'function',
        function: { name: 'weather', arguments: '{"city":"Ni' },
      }),
    ]);

    expect(partTypes(parts)).toContain('tool-input-end');
    expect(finishReason).toBe('interrupted');
    expect(nextMessages).toBeUndefined();
  });

  it('reports tool calls even when the upstream says stop', async () => {
    const { finishReason, nextMessages } = await streamScripted([
      toolCallChunk({
        index: 0,
        id: 'call_s',
        type: 'function',
        function: { name: 'weather', arguments: '{"city":"Bonn"}' },
      }),
      finishChunk('stop'),
    ]);

    expect(finishReason).toBe('tool-calls');
    expect(nextMessages).toStrictEqual(
      expectedNextMessages([
        {
          id: 'call_s',
          name: 'weather',
          arguments: '{"city":"Bonn"}',
          result: 'sunny in Bonn',
        },
      ]),
    );
  });

  it('generates an id when the upstream omits it and gives {} to a call without arguments', async () => {
    const { parts, nextMessages } = await streamScripted([
      toolCallChunk({
        index: 0,
        type: 'function',
        function: { name: 'ping', arguments: '' },
      }),
      finishChunk('tool_calls'),
    ]);

    const [call] = toolCalls(parts);
    expect(call.name).toBe('ping');
    expect(call.input).toStrictEqual({});
    expect(call.id).toMatch(/\S+/);
    expect(deltasById(parts)).toStrictEqual({ [call.id]: '{}' });
    expect(nextMessages).toStrictEqual(
      expectedNextMessages([
        { id: call.id, name: 'ping', arguments: '{}', result: 'pong' },
      ]),
    );
  });
});

describe('tool calls in generateText', () => {
  it('returns tool calls with their ids and input, and {} for empty arguments', async () => {
    server.emulator.enqueue({
      type: 'json',
      body: {
        id: 'gen-t',
        model: 'openai/gpt-4o',
        created: 1_767_225_600,
        choices: [
          {
            index: 0,
            finish_reason: 'tool_calls',
            message: {
              role: 'assistant',
              content: null,
              tool_calls: [
                {
                  id: 'call_1',
                  type: 'function',
                  function: { name: 'weather', arguments: '{"city":"Paris"}' },
                },
                {
                  id: 'call_2',
                  type: 'function',
                  function: { name: 'ping', arguments: '' },
                },
              ],
            },
          },
        ],
      },
    });

    const result = await generateText({
      model: server.createProvider()('openai/gpt-4o'),
      prompt: 'Weather?',
      tools: weatherTools,
    });

    expect(
      result.toolCalls.map(call => [
        call.toolCallId,
        call.toolName,
        call.input,
      ]),
    ).toStrictEqual([
      ['call_1', 'weather', { city: 'Paris' }],
      ['call_2', 'ping', {}],
    ]);
    expect(result.finishReason).toBe('tool-calls');
  });
});

describe('tool definitions and tool choice', () => {
  it('sends function tools with strict and input examples, and maps every tool choice', async () => {
    const tools = {
      weather: tool({
        description: 'Current weather',
        inputSchema: jsonSchema<{ city: string }>({
          type: 'object',
          properties: { city: { type: 'string' } },
          required: ['city'],
          additionalProperties: false,
        }),
        strict: true,
        inputExamples: [{ input: { city: 'Paris' } }],
      }),
    };
    const model = server.createProvider()('openai/gpt-4o');

    for (const toolChoice of [
      'auto',
      'none',
      'required',
      { type: 'tool', toolName: 'weather' },
    ] as const) {
      await generateText({ model, prompt: 'Hi', tools, toolChoice });
    }

    const bodies = server.emulator.requests.map(
      request => request.body as Record<string, unknown>,
    );
    expect(bodies[0].tools).toStrictEqual([
      {
        type: 'function',
        function: {
          name: 'weather',
          description:
            'Current weather\n\nExamples of valid input:\n{"city":"Paris"}',
          parameters: {
            type: 'object',
            properties: { city: { type: 'string' } },
            required: ['city'],
            additionalProperties: false,
          },
          strict: true,
        },
      },
    ]);
    expect(bodies.map(body => body.tool_choice)).toStrictEqual([
      'auto',
      'none',
      'required',
      { type: 'function', function: { name: 'weather' } },
    ]);
  });

  it('forwards parallel_tool_calls from provider options', async () => {
    await generateText({
      model: server.createProvider()('openai/gpt-4o'),
      prompt: 'Hi',
      tools: weatherTools,
      providerOptions: { openrouter: { parallel_tool_calls: false } },
    });

    expect(
      (server.emulator.requests[0].body as Record<string, unknown>)
        .parallel_tool_calls,
    ).toBe(false);
  });

  it('warns about provider-defined tools it does not know', async () => {
    const result = await generateText({
      model: server.createProvider()('openai/gpt-4o'),
      prompt: 'Hi',
      tools: {
        search: {
          type: 'provider',
          id: 'other.web_search',
          args: {},
          inputSchema: jsonSchema({ type: 'object' }),
        },
      } as unknown as ToolSet,
    });

    expect(result.warnings).toContainEqual({
      type: 'unsupported',
      feature: 'provider-defined tool other.web_search',
    });
    expect(
      (server.emulator.requests[0].body as Record<string, unknown>).tools,
    ).toBeUndefined();
  });
});

describe('tool schemas reused across calls', () => {
  // A `jsonSchema()` value is the same object at every call, so its text
  // is written once (src/http/request-body-json.ts); what surrounds it must
  // still be read afresh at each call.
  const citySchema = {
    type: 'object',
    properties: { city: { type: 'string' } },
    required: ['city'],
    additionalProperties: false,
  } as const;

  function toolsWith(description: string, strict?: boolean) {
    return {
      weather: tool({
        description,
        inputSchema: jsonSchema<{ city: string }>(citySchema),
        ...(strict == null ? {} : { strict }),
      }),
    };
  }

  it('sends each call the description and flags it was given', async () => {
    const schema = jsonSchema<{ city: string }>(citySchema);
    const provider = server.createProvider();
    for (const [description, strict] of [
      ['Weather now', undefined],
      ['Weather tomorrow', undefined],
      ['Weather tomorrow', true],
    ] as const) {
      await generateText({
        model: provider('openai/gpt-4o'),
        prompt: 'Hi',
        tools: {
          weather: tool({
            description,
            inputSchema: schema,
            ...(strict == null ? {} : { strict }),
          }),
        },
      });
      await generateText({
        model: provider.responses('openai/gpt-4o'),
        prompt: 'Hi',
        tools: { weather: tool({ description, inputSchema: schema }) },
      });
    }

    const sent = server.emulator.requests.map(
      request =>
        (JSON.parse(request.rawBody ?? '{}') as { tools: unknown[] }).tools,
    );
    const parameters = {
      additionalProperties: false,
      properties: { city: { type: 'string' } },
      required: ['city'],
      type: 'object',
    };
    const chatTool = (description: string, strict?: boolean) => [
      {
        type: 'function',
        function: {
          name: 'weather',
          description,
          parameters,
          ...(strict == null ? {} : { strict }),
        },
      },
    ];
    // The Responses model flattens a function tool.
    const responsesTool = (description: string) => [
      expect.objectContaining({
        type: 'function',
        name: 'weather',
        description,
        parameters,
      }),
    ];
    expect(sent).toStrictEqual([
      chatTool('Weather now'),
      responsesTool('Weather now'),
      chatTool('Weather tomorrow'),
      responsesTool('Weather tomorrow'),
      chatTool('Weather tomorrow', true),
      responsesTool('Weather tomorrow'),
    ]);
  });

  it("leaves the caller's schema object as it was, unfrozen", async () => {
    const schemaObject = structuredClone(citySchema) as Record<string, unknown>;
    await generateText({
      model: server.createProvider()('openai/gpt-4o'),
      prompt: 'Hi',
      tools: {
        weather: tool({
          description: 'Weather',
          inputSchema: jsonSchema<{ city: string }>(schemaObject),
        }),
      },
    });
    expect(Object.isFrozen(schemaObject)).toBe(false);
    schemaObject.description = 'changed later';
    expect(schemaObject.description).toBe('changed later');
  });

  it('writes a body with tools as JSON.stringify would, a value with a toJSON that reads its key included', async () => {
    // `JSON.stringify` passes a `toJSON` the key it is written under; a
    // body with tools is written key by key, and must do the same.
    const provider = server.createProvider({
      extraBody: { user: { toJSON: (key: string) => `${key}-7` } },
    });
    const tools = toolsWith('Weather');
    await generateText({
      model: provider('openai/gpt-4o'),
      prompt: 'Hi',
      tools,
    });
    await generateText({
      model: provider.responses('openai/gpt-4o'),
      prompt: 'Hi',
      tools,
    });
    expect(
      server.emulator.requests.map(
        request => (request.body as { user?: unknown }).user,
      ),
    ).toStrictEqual(['user-7', 'user-7']);
  });

  it('sends a new strictness when the same tools are resent with it', async () => {
    const provider = server.createProvider();
    await generateText({
      model: provider('openai/gpt-4o'),
      prompt: 'Hi',
      tools: toolsWith('Weather', false),
    });
    await generateText({
      model: provider('openai/gpt-4o'),
      prompt: 'Hi',
      tools: toolsWith('Weather', true),
    });
    const strictness = server.emulator.requests.map(
      request =>
        (
          request.body as {
            tools: Array<{ function: { strict?: boolean } }>;
          }
        ).tools[0]?.function.strict,
    );
    expect(strictness).toStrictEqual([false, true]);
  });
});

describe('agent loops against the emulated model', () => {
  const executingTools = {
    weather: tool({
      description: 'Current weather in a city',
      inputSchema: z.object({ city: z.string() }),
      execute: async ({ city }) => ({ city, temperature: 21, sky: 'clear' }),
    }),
  };

  it('runs tool call, tool result and answer, resending history and tools', async () => {
    const result = await generateText({
      model: server.createProvider()('openai/gpt-4o'),
      // The emulated model calls a tool the prompt names.
      prompt: 'Paris weather',
      tools: executingTools,
      stopWhen: isStepCount(5),
    });

    expect(result.steps).toHaveLength(2);
    expect(result.text).toBe(
      'The weather tool returned {"city":"Paris weather","temperature":21,"sky":"clear"}.',
    );
    const second = server.emulator.requests[1].body as Record<string, unknown>;
    expect(second.messages).toStrictEqual([
      { role: 'user', content: 'Paris weather' },
      {
        role: 'assistant',
        content: null,
        tool_calls: [
          {
            id: 'call_emulator_0_0',
            type: 'function',
            function: {
              name: 'weather',
              arguments: '{"city":"Paris weather"}',
            },
          },
        ],
      },
      {
        role: 'tool',
        tool_call_id: 'call_emulator_0_0',
        content: '{"city":"Paris weather","temperature":21,"sky":"clear"}',
      },
    ]);
    expect(second.tools).toStrictEqual(
      (server.emulator.requests[0].body as Record<string, unknown>).tools,
    );
  });

  it('does the same when streaming', async () => {
    const result = streamText({
      model: server.createProvider()('openai/gpt-4o'),
      prompt: 'Paris weather',
      tools: executingTools,
      stopWhen: isStepCount(5),
    });

    expect(await result.text).toBe(
      'The weather tool returned {"city":"Paris weather","temperature":21,"sky":"clear"}.',
    );
    expect((await result.steps).map(step => step.finishReason)).toStrictEqual([
      'tool-calls',
      'stop',
    ]);
    const second = server.emulator.requests[1].body as {
      messages: Array<{ role: string }>;
    };
    expect(second.messages.map(message => message.role)).toStrictEqual([
      'user',
      'assistant',
      'tool',
    ]);
  });
});

describe('structured output', () => {
  const recipeSchema = z.object({
    name: z.string(),
    servings: z.number().int(),
    vegetarian: z.boolean(),
  });

  it('sends a strict json_schema response format and parses the answer', async () => {
    const result = await generateText({
      model: server.createProvider()('openai/gpt-4o'),
      prompt: 'A soup',
      output: Output.object({ schema: recipeSchema, name: 'recipe' }),
    });

    expect(result.output).toStrictEqual({
      name: 'A soup',
      servings: 3,
      vegetarian: true,
    });
    const body = server.emulator.requests[0].body as Record<string, unknown>;
    expect(body.response_format).toMatchObject({
      type: 'json_schema',
      json_schema: {
        name: 'recipe',
        strict: true,
        schema: {
          type: 'object',
          properties: {
            name: { type: 'string' },
            servings: { type: 'integer' },
            vegetarian: { type: 'boolean' },
          },
        },
      },
    });
  });

  it('turns strict mode off through provider options', async () => {
    await generateText({
      model: server.createProvider()('openai/gpt-4o'),
      prompt: 'A soup',
      output: Output.object({ schema: recipeSchema }),
      providerOptions: { openrouter: { structuredOutputs: { strict: false } } },
    });

    const body = server.emulator.requests[0].body as Record<string, unknown>;
    expect(body.response_format).toMatchObject({
      type: 'json_schema',
      json_schema: { name: 'response', strict: false },
    });
    expect(body).not.toHaveProperty('structuredOutputs');
  });

  it('sends json_object for JSON without a schema, and nothing for text', async () => {
    const model = server.createProvider()('openai/gpt-4o');

    await generateText({ model, prompt: 'Hi', output: Output.json() });
    await generateText({ model, prompt: 'Hi' });

    const [json, text] = server.emulator.requests.map(
      request => request.body as Record<string, unknown>,
    );
    expect(json.response_format).toStrictEqual({ type: 'json_object' });
    expect(text).not.toHaveProperty('response_format');
  });

  it('works together with tools in one call', async () => {
    const result = await generateText({
      model: server.createProvider()('openai/gpt-4o'),
      prompt: 'Paris weather',
      tools: {
        weather: tool({
          description: 'Current weather in a city',
          inputSchema: z.object({ city: z.string() }),
          execute: async ({ city }) => ({ city, sky: 'clear' }),
        }),
      },
      output: Output.object({
        schema: z.object({ city: z.string(), sky: z.string() }),
      }),
      stopWhen: isStepCount(3),
    });

    expect(result.steps.map(step => step.finishReason)).toStrictEqual([
      'tool-calls',
      'stop',
    ]);
    expect(result.output).toStrictEqual({
      city: 'Paris weather',
      sky: 'clear',
    });
    for (const request of server.emulator.requests) {
      expect(request.body).toHaveProperty(
        'response_format.type',
        'json_schema',
      );
      expect(request.body).toHaveProperty('tools');
    }
  });

  it('reaches the response-healing plugin through provider options', async () => {
    await generateText({
      model: server.createProvider()('openai/gpt-4o'),
      prompt: 'A soup',
      output: Output.object({ schema: recipeSchema }),
      providerOptions: {
        openrouter: { plugins: [{ id: 'response-healing' }] },
      },
    });

    expect(server.emulator.requests[0].body).toHaveProperty('plugins', [
      { id: 'response-healing' },
    ]);
  });
});

describe('tool call ids across steps', () => {
  it('renames an id the upstream repeats in a later step, in streams and in generate', async () => {
    const call = (id: string, city: string) =>
      toolCallChunk({
        index: 0,
        id,
        type: 'function',
        function: { name: 'weather', arguments: `{"city":"${city}"}` },
      });
    server.emulator.enqueue(
      {
        type: 'stream',
        events: [call('tool_0', 'Oslo'), finishChunk('tool_calls')],
      },
      {
        type: 'stream',
        events: [call('tool_0', 'Rome'), finishChunk('tool_calls')],
      },
    );

    const result = streamText({
      model: server.createProvider()('google/gemini-2.5-flash'),
      prompt: 'Weather?',
      tools: executingWeatherTools,
      stopWhen: isStepCount(3),
    });
    await result.consumeStream();

    const [first, second] = (await result.steps).map(step =>
      step.toolCalls.map(toolCall => toolCall.toolCallId),
    );
    expect(first).toStrictEqual(['tool_0']);
    expect(second).toHaveLength(1);
    expect(second[0]).toMatch(/^tool_0-.+/);
    const lastMessages = (
      server.emulator.requests[2].body as {
        messages: Array<{
          role: string;
          tool_call_id?: string;
          tool_calls?: Array<{ id: string }>;
        }>;
      }
    ).messages;
    const ids = lastMessages.flatMap(message =>
      message.role === 'assistant'
        ? (message.tool_calls ?? []).map(toolCall => toolCall.id)
        : message.role === 'tool'
          ? [message.tool_call_id]
          : [],
    );
    expect(ids).toStrictEqual(['tool_0', 'tool_0', second[0], second[0]]);
  });
});
