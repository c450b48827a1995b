import type { LanguageModelV4FunctionTool } from '@ai-sdk/provider';
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
    tool => tool.function.parameters,
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

  it('does not change the schema it was given', () => {
    const given = structuredClone(schema);
    parametersOf([toolWith(given)]);
    expect(given).toStrictEqual(schema);
    expect(Object.keys(given)).toStrictEqual(Object.keys(schema));
  });
});
