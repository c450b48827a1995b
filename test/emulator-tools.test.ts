import { generateText, streamText, tool } from 'ai';
import { describe, expect, it } from 'vitest';
import { z } from 'zod/v4';
import { useEmulator } from './support/use-emulator';

// When the emulated model uses a tool (issue 18, point 9): only when
// tool_choice forces one or requires one, or the last user message names
// it. It used to call the first tool whenever tools were offered.

const server = useEmulator();

const tools = {
  weather: tool({
    description: 'Current weather in a city',
    inputSchema: z.object({ city: z.string() }),
  }),
  get_time: tool({
    description: 'Current time in a city',
    inputSchema: z.object({ city: z.string() }),
  }),
};

async function calledTools(
  prompt: string,
  options: Partial<Parameters<typeof generateText>[0]> = {},
) {
  const result = await generateText({
    model: server.createProvider()('openai/gpt-4o'),
    prompt,
    tools,
    ...options,
  } as Parameters<typeof generateText>[0]);
  return {
    names: result.toolCalls.map(call => call.toolName),
    finishReason: result.finishReason,
    text: result.text,
  };
}

describe('the default model’s tool rule', () => {
  it('answers without a tool when the message names none', async () => {
    expect(await calledTools('Hello there')).toStrictEqual({
      names: [],
      finishReason: 'stop',
      text: 'Hello from the OpenRouter emulator. You said: "Hello there". This reply is deterministic, so tests can rely on it.',
    });
  });

  it.each([
    ['What is the weather in Paris?', ['weather']],
    ['WEATHER please', ['weather']],
    ['get time for Oslo', ['get_time']],
    ['get-time for Oslo', ['get_time']],
    ['weather and get_time in Rome', ['weather', 'get_time']],
    // A name inside another word is not a mention.
    ['Is it weatherproof?', []],
  ])('%j calls %j', async (prompt, names) => {
    expect((await calledTools(prompt)).names).toStrictEqual(names);
  });

  it('calls the first tool when tool_choice is required and none is named', async () => {
    expect(
      await calledTools('Hello', { toolChoice: 'required' }),
    ).toMatchObject({ names: ['weather'], finishReason: 'tool-calls' });
  });

  it('calls the tool tool_choice names, whatever the message says', async () => {
    expect(
      (
        await calledTools('weather?', {
          toolChoice: { type: 'tool', toolName: 'get_time' },
        })
      ).names,
    ).toStrictEqual(['get_time']);
  });

  it('calls none with tool_choice none, even when named', async () => {
    expect(
      (await calledTools('weather?', { toolChoice: 'none' })).names,
    ).toStrictEqual([]);
  });

  it('calls one tool only without parallel tool calls', async () => {
    expect(
      (
        await calledTools('weather and get_time in Rome', {
          providerOptions: { openrouter: { parallel_tool_calls: false } },
        })
      ).names,
    ).toStrictEqual(['weather']);
  });

  it('makes the arguments from the tool’s schema and the message, streamed alike', async () => {
    const result = streamText({
      model: server.createProvider()('openai/gpt-4o'),
      prompt: 'weather in Lisbon',
      tools,
    });

    expect(
      (await result.toolCalls).map(call => [call.toolName, call.input]),
    ).toStrictEqual([['weather', { city: 'weather in Lisbon' }]]);
    expect(await result.finishReason).toBe('tool-calls');
  });
});
