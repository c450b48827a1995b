import type {
  JSONValue,
  LanguageModelV4FunctionTool,
  LanguageModelV4ProviderTool,
} from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import {
  canonicalizeSchema,
  prepareOpenRouterTools,
} from './openrouter-prepare-tools';

const schema = {
  type: 'object',
  required: ['b', 'a'],
  properties: {
    b: { type: 'string', description: 'second key first' },
    a: { type: 'number', minimum: 0, description: 'a number' },
  },
  additionalProperties: false,
};

function toolWith(inputSchema: LanguageModelV4FunctionTool['inputSchema']) {
  return {
    type: 'function' as const,
    name: 'pick',
    description: 'Picks',
    inputSchema,
  };
}

function parametersOf(tools: LanguageModelV4FunctionTool[]) {
  return prepareOpenRouterTools({ tools, toolChoice: undefined }).tools?.map(
    tool => ('function' in tool ? tool.function.parameters : undefined),
  );
}

describe('prepareOpenRouterTools: canonical schemas', () => {
  it('sorts schema keys but keeps the order of properties', () => {
    const [parameters] = parametersOf([toolWith(schema)]) ?? [];

    expect(JSON.stringify(parameters)).toBe(
      '{"additionalProperties":false,"properties":{"b":{"description":"second key first","type":"string"},"a":{"description":"a number","minimum":0,"type":"number"}},"required":["b","a"],"type":"object"}',
    );
  });

  it('canonicalizes a schema object once and reuses the result', () => {
    const tool = toolWith(structuredClone(schema));
    const first = parametersOf([tool])?.[0];
    const second = parametersOf([tool])?.[0];

    // Same output as the uncached function, and the very same object.
    expect(first).toStrictEqual(canonicalizeSchema(schema));
    expect(second).toBe(first);
    // A different schema object with the same content gives equal output.
    const other = parametersOf([toolWith(structuredClone(schema))])?.[0];
    expect(other).toStrictEqual(first);
    expect(other).not.toBe(first);
  });

  it('keeps a property named __proto__ as a property', () => {
    const given = JSON.parse(
      '{"type":"object","properties":{"__proto__":{"type":"string"},"name":{"type":"string"}}}',
    );
    const [parameters] = parametersOf([toolWith(given)]) ?? [];
    expect(JSON.stringify(parameters)).toBe(
      '{"properties":{"__proto__":{"type":"string"},"name":{"type":"string"}},"type":"object"}',
    );
    expect(
      Object.getPrototypeOf((parameters as { properties: object }).properties),
    ).toBe(Object.prototype);
  });

  it('does not change the schema it was given', () => {
    const given = structuredClone(schema);
    parametersOf([toolWith(given)]);
    expect(given).toStrictEqual(schema);
    expect(Object.keys(given)).toStrictEqual(Object.keys(schema));
  });
});

function serverTool(
  id: `${string}.${string}`,
  name: string,
  args: Record<string, unknown> = {},
): LanguageModelV4ProviderTool {
  return { type: 'provider', id, name, args };
}

describe('prepareOpenRouterTools: server tools', () => {
  it('sends openrouter.* tools as server tools with snake_case parameters', () => {
    const { tools, toolWarnings } = prepareOpenRouterTools({
      tools: [
        serverTool('openrouter.web_search', 'search', {
          maxResults: 3,
          searchPrompt: 'Recent news',
          engine: 'exa',
          excludedDomains: ['example.org'],
          userLocation: { type: 'approximate', city: 'Lisbon' },
          mode: undefined,
        }),
        serverTool('openrouter.datetime', 'now'),
        serverTool('openrouter.image_generation', 'draw', {
          model: 'openai/gpt-5-image',
          aspectRatio: '16:9',
          outputCompression: 80,
        }),
      ],
      toolChoice: undefined,
    });

    expect(tools).toStrictEqual([
      {
        type: 'openrouter:web_search',
        parameters: {
          max_results: 3,
          search_prompt: 'Recent news',
          engine: 'exa',
          excluded_domains: ['example.org'],
          user_location: { type: 'approximate', city: 'Lisbon' },
        },
      },
      { type: 'openrouter:datetime' },
      {
        type: 'openrouter:image_generation',
        parameters: {
          model: 'openai/gpt-5-image',
          aspect_ratio: '16:9',
          output_compression: 80,
        },
      },
    ]);
    expect(toolWarnings).toStrictEqual([]);
  });

  it('leaves out foreign provider tools with a warning', () => {
    const { tools, toolChoice, toolWarnings } = prepareOpenRouterTools({
      tools: [serverTool('anthropic.web_search_20250305', 'search')],
      toolChoice: { type: 'auto' },
    });

    expect(tools).toBeUndefined();
    expect(toolChoice).toBeUndefined();
    expect(toolWarnings).toStrictEqual([
      {
        type: 'unsupported',
        feature: 'provider-defined tool anthropic.web_search_20250305',
      },
    ]);
  });

  it('forces a server tool the tool choice names by its OpenRouter type', () => {
    const result = prepareOpenRouterTools({
      tools: [
        toolWith(schema),
        serverTool('openrouter.web_fetch', 'fetch_page'),
      ],
      toolChoice: { type: 'tool', toolName: 'fetch_page' },
    });

    expect(result.toolChoice).toStrictEqual({ type: 'openrouter:web_fetch' });
    expect(result.toolWarnings).toStrictEqual([]);
  });

  it('drops a tool choice that names a foreign provider tool, with a warning', () => {
    const result = prepareOpenRouterTools({
      tools: [toolWith(schema), serverTool('openai.web_search', 'browse')],
      toolChoice: { type: 'tool', toolName: 'browse' },
    });

    expect(result.toolChoice).toBeUndefined();
    expect(result.tools).toHaveLength(1);
    expect(result.toolWarnings).toContainEqual({
      type: 'unsupported',
      feature: 'toolChoice',
      details:
        'toolChoice names "browse", a provider tool that was not sent; the model chooses among the other tools.',
    });
  });

  it('still names a function tool the usual way', () => {
    const result = prepareOpenRouterTools({
      tools: [toolWith(schema), serverTool('openrouter.web_search', 'search')],
      toolChoice: { type: 'tool', toolName: 'pick' },
    });

    expect(result.toolChoice).toStrictEqual({
      type: 'function',
      function: { name: 'pick' },
    });
  });
});

describe('prepareOpenRouterTools: eager_input_streaming', () => {
  function eagerTool(
    openrouter: Record<string, JSONValue>,
  ): LanguageModelV4FunctionTool {
    return { ...toolWith(schema), providerOptions: { openrouter } };
  }

  it.each([
    ['eager_input_streaming', true],
    ['eagerInputStreaming', true],
    ['eager_input_streaming', false],
  ])('sends %s: %s on the tool object, beside function', (key, value) => {
    const { tools, toolWarnings } = prepareOpenRouterTools({
      tools: [eagerTool({ [key]: value })],
      toolChoice: undefined,
    });

    expect(tools?.[0]).toMatchObject({ eager_input_streaming: value });
    expect(
      tools?.[0] != null && 'function' in tools[0]
        ? Object.keys(tools[0].function)
        : [],
    ).not.toContain('eager_input_streaming');
    expect(toolWarnings).toStrictEqual([]);
  });

  it('sends nothing when the option is absent, and ignores other tool options', () => {
    const { tools, toolWarnings } = prepareOpenRouterTools({
      tools: [eagerTool({ somethingElse: 1 })],
      toolChoice: undefined,
    });

    expect(tools?.[0]).not.toHaveProperty('eager_input_streaming');
    expect(toolWarnings).toStrictEqual([]);
  });

  it('prefers the snake_case spelling when both are set, with a warning', () => {
    const { tools, toolWarnings } = prepareOpenRouterTools({
      tools: [
        eagerTool({ eagerInputStreaming: false, eager_input_streaming: true }),
      ],
      toolChoice: undefined,
    });

    expect(tools?.[0]).toMatchObject({ eager_input_streaming: true });
    expect(toolWarnings).toStrictEqual([
      {
        type: 'other',
        message:
          'tools.pick.providerOptions.openrouter sets both eagerInputStreaming and eager_input_streaming; eager_input_streaming is used.',
      },
    ]);
  });

  it('refuses a value that is not a boolean, with a warning', () => {
    const { tools, toolWarnings } = prepareOpenRouterTools({
      tools: [eagerTool({ eager_input_streaming: 'yes' })],
      toolChoice: undefined,
    });

    expect(tools?.[0]).not.toHaveProperty('eager_input_streaming');
    expect(toolWarnings).toStrictEqual([
      {
        type: 'other',
        message:
          'tools.pick.providerOptions.openrouter.eager_input_streaming must be a boolean; it was not sent.',
      },
    ]);
  });
});
