import { describe, expect, it } from 'vitest';
import {
  chooseTools,
  mentionsName,
  offeredTools,
  runServerTool,
  serverToolCallDetail,
} from './emulator-tools';

const weather = {
  type: 'function',
  function: { name: 'weather', parameters: { type: 'object' } },
};
const search = {
  type: 'openrouter:web_search',
  parameters: { max_results: 2 },
};

describe('mentionsName', () => {
  it.each([
    ['What is the weather?', 'weather', true],
    ['Weather!', 'weather', true],
    ['weatherproof', 'weather', false],
    ['use web search', 'web_search', true],
    ['use websearch', 'web_search', true],
    ['use web-search', 'web_search', true],
    ['use openrouter:web_search', 'web_search', true],
    ['search the web', 'web_search', false],
    ['getWeather now', 'getWeather', true],
    ['a.b', 'a.b', true],
    ['anything', '___', false],
  ])('%j mentions %j: %s', (text, name, expected) => {
    expect(mentionsName(text, name)).toBe(expected);
  });
});

describe('offeredTools', () => {
  it('reads function tools and server tools, nested or flat parameters', () => {
    expect(
      offeredTools([
        weather,
        search,
        { type: 'openrouter:datetime', timezone: 'UTC' },
        { type: 'function' },
        'junk',
      ]),
    ).toStrictEqual([
      { kind: 'function', name: 'weather', parameters: { type: 'object' } },
      {
        kind: 'server',
        type: 'openrouter:web_search',
        name: 'web_search',
        parameters: { max_results: 2 },
      },
      {
        kind: 'server',
        type: 'openrouter:datetime',
        name: 'datetime',
        parameters: { type: 'openrouter:datetime', timezone: 'UTC' },
      },
    ]);
  });
});

describe('chooseTools', () => {
  const tools = offeredTools([weather, search]);
  const names = (chosen: ReturnType<typeof chooseTools>) =>
    chosen.map(tool => tool.name);

  it.each([
    ['auto', 'hello', []],
    [undefined, 'hello', []],
    ['auto', 'weather and web search', ['weather', 'web_search']],
    ['required', 'hello', ['weather']],
    ['required', 'web search', ['web_search']],
    ['none', 'weather', []],
    [{ type: 'function', function: { name: 'weather' } }, 'hello', ['weather']],
    [{ type: 'openrouter:web_search' }, 'weather', ['web_search']],
    [{ type: 'function', function: { name: 'missing' } }, 'weather', []],
  ])('tool_choice %j, message %j: %j', (toolChoice, said, expected) => {
    expect(names(chooseTools(tools, toolChoice, said))).toStrictEqual(expected);
  });

  it('chooses nothing when nothing is offered', () => {
    expect(chooseTools([], 'required', 'weather')).toStrictEqual([]);
  });
});

describe('runServerTool', () => {
  it('gives a detail in the shape of OpenRouter’s ReasoningDetailServerToolCall', () => {
    const [tool] = offeredTools([search]);
    if (tool.kind !== 'server') {
      throw new Error('expected a server tool');
    }
    const call = runServerTool(tool, 'news \uD800', 'srv_1', 1_767_225_600);

    expect(serverToolCallDetail(call, 3)).toStrictEqual({
      type: 'reasoning.server_tool_call',
      index: 3,
      tool_call_id: 'srv_1',
      tool_name: 'openrouter:web_search',
      arguments: '{"query":"news \uFFFD"}',
      result: expect.any(String),
    });
    expect(JSON.parse(call.result)).toHaveLength(2);
    expect(call.citations).toHaveLength(2);
  });

  it('reports an unknown server tool as run, without arguments', () => {
    const [tool] = offeredTools([{ type: 'openrouter:fusion' }]);
    if (tool.kind !== 'server') {
      throw new Error('expected a server tool');
    }

    expect(runServerTool(tool, 'hi', 'srv_2', 0)).toMatchObject({
      toolName: 'openrouter:fusion',
      arguments: '{}',
      result: '{"status":"completed"}',
    });
  });
});
