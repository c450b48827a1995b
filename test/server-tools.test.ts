import {
  createProviderExecutedToolFactory,
  jsonSchema,
} from '@ai-sdk/provider-utils';
import { createOpenRouter as createIncumbent } from '@openrouter/ai-sdk-provider';
import { generateText, streamText, tool } from 'ai';
import { createOpenRouter } from 'ai-sdk-openrouter';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod/v4';
import { finishChunk, textChunk, usageChunk } from './support/chunks';
import {
  type HostileServer,
  sseEvents,
  startHostileServer,
} from './support/hostile-server';
import { TEST_API_KEY, useEmulator } from './support/use-emulator';

// OpenRouter's server tools through the public API: what goes in `tools`
// and `tool_choice`, what comes back, and the incumbent beside ours.

const server = useEmulator();

function lastBody() {
  const request = server.emulator.requests.at(-1);
  return request?.body as Record<string, unknown>;
}

const weather = tool({
  description: 'Current weather in a city',
  inputSchema: z.object({ city: z.string() }),
});

describe('server tools in the request', () => {
  it('sends each server tool as { type: "openrouter:<name>", parameters }', async () => {
    const openrouter = server.createProvider();
    await generateText({
      model: openrouter('openai/gpt-4o'),
      prompt: 'What happened today?',
      tools: {
        web_search: openrouter.tools.webSearch({
          maxResults: 3,
          searchPrompt: 'Recent news only',
          engine: 'exa',
          allowedDomains: ['example.com'],
          userLocation: { type: 'approximate', country: 'PT' },
          maxUses: undefined,
        }),
        fetch_page: openrouter.tools.webFetch({
          engine: 'openrouter',
          maxContentTokens: 2000,
        }),
        now: openrouter.tools.datetime({ timezone: 'Europe/Lisbon' }),
        draw: openrouter.tools.imageGeneration({
          model: 'openai/gpt-5-image',
          aspectRatio: '16:9',
        }),
        clock: openrouter.tools.datetime({}),
      },
    });

    expect(lastBody().tools).toStrictEqual([
      {
        type: 'openrouter:web_search',
        parameters: {
          max_results: 3,
          search_prompt: 'Recent news only',
          engine: 'exa',
          allowed_domains: ['example.com'],
          user_location: { type: 'approximate', country: 'PT' },
        },
      },
      {
        type: 'openrouter:web_fetch',
        parameters: { engine: 'openrouter', max_content_tokens: 2000 },
      },
      {
        type: 'openrouter:datetime',
        parameters: { timezone: 'Europe/Lisbon' },
      },
      {
        type: 'openrouter:image_generation',
        parameters: { model: 'openai/gpt-5-image', aspect_ratio: '16:9' },
      },
      { type: 'openrouter:datetime' },
    ]);
    // `ai` sends toolChoice 'auto' whenever there are tools.
    expect(lastBody().tool_choice).toBe('auto');
  });

  it('sends server tools beside function tools, in the order given', async () => {
    const openrouter = server.createProvider();
    const result = await generateText({
      model: openrouter('openai/gpt-4o'),
      prompt: 'Weather in Lisbon?',
      tools: { weather, now: openrouter.tools.datetime({}) },
    });

    const tools = lastBody().tools as Array<Record<string, unknown>>;
    expect(tools.map(entry => entry.type)).toStrictEqual([
      'function',
      'openrouter:datetime',
    ]);
    // The emulated model calls the function tool, never the server tool.
    expect(result.toolCalls.map(call => call.toolName)).toStrictEqual([
      'weather',
    ]);
  });

  it('forces a server tool the toolChoice names with { type: "openrouter:<name>" }', async () => {
    const openrouter = server.createProvider();
    const result = await generateText({
      model: openrouter('openai/gpt-4o'),
      prompt: 'Weather in Lisbon?',
      tools: { weather, search: openrouter.tools.webSearch({}) },
      toolChoice: { type: 'tool', toolName: 'search' },
    });

    expect(lastBody().tool_choice).toStrictEqual({
      type: 'openrouter:web_search',
    });
    // The emulated OpenRouter ran the forced server tool, and the model
    // called no function tool: one request, answered from the search.
    expect(result.toolCalls).toStrictEqual([
      expect.objectContaining({ toolName: 'search', providerExecuted: true }),
    ]);
    expect(result.finishReason).toBe('stop');
    expect(server.emulator.requests).toHaveLength(1);
  });

  it('passes auto and none through with server tools', async () => {
    const openrouter = server.createProvider();
    for (const toolChoice of ['auto', 'none'] as const) {
      await generateText({
        model: openrouter('openai/gpt-4o'),
        prompt: 'Hi',
        tools: { search: openrouter.tools.webSearch({}) },
        toolChoice,
      });
      expect(lastBody().tool_choice).toBe(toolChoice);
    }
  });

  it('leaves out a foreign provider tool with a warning', async () => {
    const foreignSearch = createProviderExecutedToolFactory<
      Record<string, unknown>,
      unknown,
      { maxUses?: number }
    >({
      id: 'anthropic.web_search_20250305',
      inputSchema: jsonSchema({ type: 'object' }),
      outputSchema: jsonSchema({}),
    });
    const openrouter = server.createProvider();
    const result = await generateText({
      model: openrouter('openai/gpt-4o'),
      prompt: 'Weather in Lisbon?',
      tools: { weather, browse: foreignSearch({ maxUses: 2 }) },
    });

    expect(
      (lastBody().tools as Array<{ type: string }>).map(entry => entry.type),
    ).toStrictEqual(['function']);
    expect(result.warnings).toStrictEqual([
      {
        type: 'unsupported',
        feature: 'provider-defined tool anthropic.web_search_20250305',
      },
    ]);
  });
});

describe('web search results', () => {
  // The emulated model uses a tool the prompt names ("web search").
  const prompt = 'web search: news';
  const searched = 'https://example.com/search/web%20search%3A%20news';

  it('come back as sources in generate', async () => {
    const openrouter = server.createProvider();
    const result = await generateText({
      model: openrouter('openai/gpt-4o'),
      prompt,
      tools: { web_search: openrouter.tools.webSearch({ maxResults: 2 }) },
    });

    expect(
      result.sources.map(source =>
        source.sourceType === 'url' ? [source.url, source.title] : [],
      ),
    ).toStrictEqual([
      [searched, 'Emulated search result'],
      ['https://openrouter.ai/docs', 'OpenRouter documentation'],
    ]);
  });

  it('come back as sources in a stream', async () => {
    const openrouter = server.createProvider();
    const result = streamText({
      model: openrouter('openai/gpt-4o'),
      prompt,
      tools: { web_search: openrouter.tools.webSearch({}) },
    });

    const sources = await result.sources;
    expect(
      sources.map(source => (source.sourceType === 'url' ? source.url : '')),
    ).toStrictEqual([searched, 'https://openrouter.ai/docs']);
    expect(await result.text).not.toBe('');
  });

  it('are not there when the model does not search', async () => {
    const openrouter = server.createProvider();
    const withoutSearchTool = await generateText({
      model: openrouter('openai/gpt-4o'),
      prompt,
      tools: { now: openrouter.tools.datetime({}) },
    });
    const searchNotNamed = await generateText({
      model: openrouter('openai/gpt-4o'),
      prompt: 'news',
      tools: { web_search: openrouter.tools.webSearch({}) },
    });

    expect(withoutSearchTool.sources).toStrictEqual([]);
    expect(searchNotNamed.sources).toStrictEqual([]);
    expect(searchNotNamed.toolCalls).toStrictEqual([]);
  });
});

describe('eager_input_streaming', () => {
  const servers: HostileServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map(each => each.close()));
  });

  async function streamWithToolOptions(openrouter: Record<string, unknown>) {
    const raw = await startHostileServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.end(
        sseEvents([
          textChunk('Done.'),
          finishChunk('stop'),
          usageChunk(),
          '[DONE]',
        ]),
      );
    });
    servers.push(raw);
    const provider = createOpenRouter({
      apiKey: TEST_API_KEY,
      baseURL: raw.origin,
    });
    const result = streamText({
      model: provider('anthropic/claude-sonnet-4.5'),
      prompt: 'Weather?',
      tools: {
        weather: tool({
          description: 'Current weather in a city',
          inputSchema: z.object({ city: z.string() }),
          providerOptions: { openrouter: openrouter as never },
        }),
        ping: tool({ inputSchema: z.object({}) }),
      },
    });
    await result.consumeStream();
    const [request] = raw.requests;
    return {
      tools: JSON.parse(request.body).tools as Array<Record<string, unknown>>,
      warnings: (await result.steps)[0].warnings,
    };
  }

  it.each(['eager_input_streaming', 'eagerInputStreaming'])(
    'from providerOptions.openrouter.%s goes on that tool, beside function',
    async key => {
      const { tools, warnings } = await streamWithToolOptions({ [key]: true });

      expect(tools[0].eager_input_streaming).toBe(true);
      expect(tools[0].function).not.toHaveProperty('eager_input_streaming');
      expect(tools[0].function).not.toHaveProperty('eagerInputStreaming');
      // Only on the tool that asked for it.
      expect(tools[1]).not.toHaveProperty('eager_input_streaming');
      expect(warnings).toStrictEqual([]);
    },
  );

  it('is not sent when not set', async () => {
    const { tools } = await streamWithToolOptions({});

    expect(tools.some(entry => 'eager_input_streaming' in entry)).toBe(false);
  });
});

describe('drop-in: openrouter.tools.webSearch through the incumbent and ours', () => {
  it('sends the same request but for the nested parameters, and both get the sources', async () => {
    const settings = {
      apiKey: TEST_API_KEY,
      baseURL: server.emulator.baseURL,
    };
    const providers = [createIncumbent(settings), server.createProvider()];
    const sources: unknown[] = [];
    for (const provider of providers) {
      const result = await generateText({
        model: provider('openai/gpt-4o'),
        prompt: 'web search: news',
        tools: {
          web_search: provider.tools.webSearch({
            maxResults: 3,
            searchPrompt: 'Recent news only',
            engine: 'exa',
          }),
        },
      });
      sources.push(
        result.sources.map(source =>
          source.sourceType === 'url' ? source.url : '',
        ),
      );
    }

    const [incumbent, ours] = server.emulator.requests.map(
      request => request.body as Record<string, unknown>,
    );
    // The deliberate difference: OpenRouter's published types nest the
    // arguments under `parameters`; the incumbent sends them flat.
    expect(incumbent.tools).toStrictEqual([
      {
        type: 'openrouter:web_search',
        max_results: 3,
        search_prompt: 'Recent news only',
        engine: 'exa',
      },
    ]);
    expect(ours.tools).toStrictEqual([
      {
        type: 'openrouter:web_search',
        parameters: {
          max_results: 3,
          search_prompt: 'Recent news only',
          engine: 'exa',
        },
      },
    ]);
    // Everything else the two send about tools agrees.
    expect(ours.tool_choice).toStrictEqual(incumbent.tool_choice);
    expect(sources[1]).toStrictEqual(sources[0]);
    expect(sources[1]).toContain(
      'https://example.com/search/web%20search%3A%20news',
    );
  });

  it('sends eager_input_streaming where the incumbent does', async () => {
    const settings = {
      apiKey: TEST_API_KEY,
      baseURL: server.emulator.baseURL,
    };
    for (const provider of [
      createIncumbent(settings),
      server.createProvider(),
    ]) {
      await generateText({
        model: provider('anthropic/claude-sonnet-4.5'),
        prompt: 'Weather?',
        tools: {
          weather: tool({
            description: 'Current weather in a city',
            inputSchema: z.object({ city: z.string() }),
            providerOptions: { openrouter: { eager_input_streaming: true } },
          }),
        },
      });
    }

    const [incumbent, ours] = server.emulator.requests.map(
      request =>
        (request.body as { tools: Array<Record<string, unknown>> }).tools[0],
    );
    expect(ours.eager_input_streaming).toBe(true);
    expect(ours.eager_input_streaming).toBe(incumbent.eager_input_streaming);
    expect(Object.keys(ours).sort()).toStrictEqual(
      Object.keys(incumbent).sort(),
    );
  });
});

describe('server-tool calls come back as provider-executed tool calls', () => {
  const servers: HostileServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map(each => each.close()));
  });

  // OpenRouter's published ReasoningDetailServerToolCall: the only place a
  // chat completion shows a call it made to a server tool.
  const serverToolCall = {
    type: 'reasoning.server_tool_call',
    tool_name: 'openrouter:web_search',
    tool_call_id: 'srv_1',
    arguments: '{"query":"weather in Lisbon"}',
    result: '[{"url":"https://example.com/lisbon","title":"Lisbon"}]',
  };

  async function answering(streamed: boolean) {
    const raw = await startHostileServer((_request, response) => {
      if (streamed) {
        response.writeHead(200, { 'content-type': 'text/event-stream' });
        response.end(
          sseEvents([
            {
              id: 'gen-srv',
              choices: [
                { index: 0, delta: { reasoning_details: [serverToolCall] } },
              ],
            },
            textChunk('Sunny.'),
            finishChunk('stop'),
            '[DONE]',
          ]),
        );
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({
          id: 'gen-srv',
          choices: [
            {
              index: 0,
              finish_reason: 'stop',
              message: {
                role: 'assistant',
                content: 'Sunny.',
                reasoning_details: [serverToolCall],
              },
            },
          ],
        }),
      );
    });
    servers.push(raw);
    return createOpenRouter({ apiKey: TEST_API_KEY, baseURL: raw.origin });
  }

  const expected = {
    toolCall: {
      type: 'tool-call',
      toolCallId: 'srv_1',
      toolName: 'search',
      input: { query: 'weather in Lisbon' },
      providerExecuted: true,
    },
    toolResult: {
      type: 'tool-result',
      toolCallId: 'srv_1',
      toolName: 'search',
      output: [{ url: 'https://example.com/lisbon', title: 'Lisbon' }],
      providerExecuted: true,
    },
  };

  it.each([false, true])(
    'streamed %s: reported under the call’s tool name, with the result; the finish stays stop',
    async streamed => {
      const openrouter = await answering(streamed);
      const options = {
        model: openrouter('openai/gpt-4o'),
        prompt: 'Weather in Lisbon?',
        tools: { search: openrouter.tools.webSearch({}) },
        toolChoice: { type: 'tool' as const, toolName: 'search' as const },
      };

      const result = streamed
        ? await (async () => {
            const stream = streamText(options);
            return {
              toolCalls: await stream.toolCalls,
              toolResults: await stream.toolResults,
              finishReason: await stream.finishReason,
              text: await stream.text,
            };
          })()
        : await generateText(options);

      expect(result.text).toBe('Sunny.');
      expect(result.finishReason).toBe('stop');
      expect(result.toolCalls).toStrictEqual([
        expect.objectContaining(expected.toolCall),
      ]);
      expect(result.toolResults).toStrictEqual([
        expect.objectContaining(expected.toolResult),
      ]);
    },
  );

  it('ignores a server-tool call for a tool the call did not offer', async () => {
    const openrouter = await answering(false);

    const result = await generateText({
      model: openrouter('openai/gpt-4o'),
      prompt: 'Weather in Lisbon?',
    });

    expect(result.toolCalls).toStrictEqual([]);
    expect(result.text).toBe('Sunny.');
  });
});

describe('the emulated OpenRouter runs server tools', () => {
  // What the emulator sends is what OpenRouter's published
  // ReasoningDetailServerToolCall describes; the provider's mapping of it
  // (tested above against a raw server) makes it a provider-executed call.
  const query = 'Use web search for Lisbon';
  const results = [
    {
      url: 'https://example.com/search/Use%20web%20search%20for%20Lisbon',
      title: 'Emulated search result',
      content: 'What the web says about Use web search for Lisbon.',
    },
    {
      url: 'https://openrouter.ai/docs',
      title: 'OpenRouter documentation',
      content: 'OpenRouter documentation.',
    },
  ];

  it.each([false, true])(
    'streamed %s: a web search is a provider-executed call with its result, its citations are sources, and the reply answers from it',
    async streamed => {
      const openrouter = server.createProvider();
      const options = {
        model: openrouter('openai/gpt-4o'),
        prompt: query,
        tools: { search: openrouter.tools.webSearch({ maxResults: 2 }) },
      };
      const result = streamed
        ? await (async () => {
            const stream = streamText(options);
            return {
              text: await stream.text,
              toolCalls: await stream.toolCalls,
              toolResults: await stream.toolResults,
              sources: await stream.sources,
              finishReason: await stream.finishReason,
            };
          })()
        : await generateText(options);

      expect(result.toolCalls).toStrictEqual([
        expect.objectContaining({
          type: 'tool-call',
          toolCallId: 'srv_emulator_0_0',
          toolName: 'search',
          input: { query },
          providerExecuted: true,
        }),
      ]);
      expect(result.toolResults).toStrictEqual([
        expect.objectContaining({
          type: 'tool-result',
          toolCallId: 'srv_emulator_0_0',
          toolName: 'search',
          output: results,
          providerExecuted: true,
        }),
      ]);
      expect(
        result.sources.map(source =>
          source.sourceType === 'url' ? source.url : '',
        ),
      ).toStrictEqual(results.map(entry => entry.url));
      expect(result.text).toBe(
        `I searched the web for "${query}" and found 2 results.`,
      );
      // The search ran on OpenRouter's side: the turn is over.
      expect(result.finishReason).toBe('stop');
      expect(server.emulator.requests).toHaveLength(1);
    },
  );

  it('sends the server-tool call back in reasoning_details next turn', async () => {
    const openrouter = server.createProvider();
    const model = openrouter('openai/gpt-4o');
    const tools = { search: openrouter.tools.webSearch({}) };
    const first = await generateText({ model, prompt: query, tools });
    await generateText({
      model,
      tools,
      messages: [
        { role: 'user', content: query },
        ...first.response.messages,
        { role: 'user', content: 'Thanks' },
      ],
    });

    const assistant = server.emulator.requests[1].body?.messages?.find(
      message => message.role === 'assistant',
    );
    expect(
      assistant?.role === 'assistant' ? assistant.reasoning_details : [],
    ).toStrictEqual([
      {
        type: 'reasoning.server_tool_call',
        index: 0,
        tool_call_id: 'srv_emulator_0_0',
        tool_name: 'openrouter:web_search',
        arguments: JSON.stringify({ query }),
        result: JSON.stringify(results),
      },
    ]);
  });

  it('runs datetime, web fetch and image generation deterministically', async () => {
    const openrouter = server.createProvider();
    const result = await generateText({
      model: openrouter('openai/gpt-4o'),
      prompt:
        'Use datetime, then web fetch https://example.org/a and image generation',
      tools: {
        clock: openrouter.tools.datetime({ timezone: 'Europe/Lisbon' }),
        fetch: openrouter.tools.webFetch({}),
        draw: openrouter.tools.imageGeneration({}),
      },
    });

    expect(
      result.toolResults.map(({ toolName, input, output }) => ({
        toolName,
        input,
        output,
      })),
    ).toStrictEqual([
      {
        toolName: 'clock',
        input: { timezone: 'Europe/Lisbon' },
        output: {
          datetime: '2026-01-01T00:00:00.000Z',
          timezone: 'Europe/Lisbon',
        },
      },
      {
        toolName: 'fetch',
        input: { url: 'https://example.org/a' },
        output: {
          url: 'https://example.org/a',
          title: 'Emulated page',
          content: 'The emulated content of https://example.org/a.',
        },
      },
      {
        toolName: 'draw',
        input: {
          prompt:
            'Use datetime, then web fetch https://example.org/a and image generation',
        },
        output: { status: 'completed', images: 1 },
      },
    ]);
    expect(result.files.map(file => file.mediaType)).toStrictEqual([
      'image/png',
    ]);
    expect(result.sources).toStrictEqual([]);
  });

  it('calls a function tool and a server tool named in one message', async () => {
    const openrouter = server.createProvider();
    const result = await generateText({
      model: openrouter('openai/gpt-4o'),
      prompt: 'weather and web search for Lisbon',
      tools: { weather, search: openrouter.tools.webSearch({}) },
    });

    expect(
      result.toolCalls.map(call => [call.toolName, call.providerExecuted]),
    ).toStrictEqual([
      ['search', true],
      ['weather', undefined],
    ]);
    expect(result.finishReason).toBe('tool-calls');
  });
});
