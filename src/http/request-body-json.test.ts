import { describe, expect, it } from 'vitest';
import { reuseJsonText, stringifyRequestBody } from './request-body-json';

function markedSchema() {
  const schema = {
    type: 'object',
    properties: { city: { type: 'string', description: 'A "quoted" city' } },
    required: ['city'],
  };
  reuseJsonText(schema);
  return schema;
}

function chatTool(
  parameters: object,
  fields: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    type: 'function',
    function: { name: 'weather', description: 'Weather', parameters },
    ...fields,
  };
}

describe('stringifyRequestBody', () => {
  it('writes what JSON.stringify writes, for bodies with and without tools', () => {
    const schema = markedSchema();
    const bodies: unknown[] = [
      {},
      { model: 'm', messages: [] },
      { tools: [] },
      { tools: [chatTool(schema)] },
      {
        model: 'openai/gpt-4o',
        skipped: undefined,
        callback: () => 1,
        messages: [{ role: 'user', content: 'Hi \u2028 "there"' }],
        tools: [
          chatTool(schema, { eager_input_streaming: true }),
          { type: 'openrouter:web_search', parameters: { max_results: 3 } },
          { type: 'function', name: 'flat', parameters: schema, strict: true },
          chatTool({ type: 'object' }),
          undefined,
          null,
          'odd',
          new Date(0),
          { toJSON: () => 'custom' },
          chatTool(schema, { extra: undefined, when: new Date(0) }),
        ],
        tool_choice: 'auto',
        stream: true,
      },
      { tools: 'not an array', model: 'm' },
      Object.assign(Object.create(null), { tools: [chatTool(schema)] }),
    ];

    for (const body of bodies) {
      // Twice: the second call reads what the first one stored.
      expect(stringifyRequestBody(body)).toBe(JSON.stringify(body));
      expect(stringifyRequestBody(body)).toBe(JSON.stringify(body));
    }
  });

  it('writes the current name, description and flags of a tool whose schema it has seen', () => {
    const schema = markedSchema();
    const variants = [
      chatTool(schema),
      chatTool(schema, { eager_input_streaming: true }),
      {
        type: 'function',
        function: { name: 'time', description: 'Weather', parameters: schema },
      },
      {
        type: 'function',
        function: { name: 'time', description: 'Time', parameters: schema },
      },
      {
        type: 'function',
        function: {
          name: 'time',
          description: 'Time',
          parameters: schema,
          strict: true,
        },
      },
      {
        type: 'function',
        function: { description: 'Time', name: 'time', parameters: schema },
      },
      { type: 'function', name: 'time', parameters: schema },
    ];
    for (const tool of [...variants, ...variants.reverse()]) {
      const body = { tools: [tool] };
      expect(stringifyRequestBody(body)).toBe(JSON.stringify(body));
    }
  });

  it('does not take a tool holding a changed class instance as unchanged', () => {
    const schema = markedSchema();
    const when = new Date(0);
    const body = { tools: [chatTool(schema, { when })] };
    expect(stringifyRequestBody(body)).toBe(JSON.stringify(body));
    when.setTime(86_400_000);
    expect(stringifyRequestBody(body)).toBe(JSON.stringify(body));
    expect(stringifyRequestBody(body)).toContain('1970-01-02');
  });

  it('keeps a tool it has written from changing behind its text', () => {
    const schema = markedSchema();
    const tool = chatTool(schema);
    stringifyRequestBody({ tools: [tool] });
    (tool.function as Record<string, unknown>).description = 'Changed';
    expect(stringifyRequestBody({ tools: [tool] })).toContain('"Changed"');
  });

  it('freezes a marked schema, so its stored text cannot go stale', () => {
    const schema = markedSchema();
    stringifyRequestBody({ tools: [chatTool(schema)] });
    expect(() => {
      (schema.properties.city as Record<string, unknown>).type = 'number';
    }).toThrow(TypeError);
    expect(Object.isFrozen(schema.required)).toBe(true);
  });

  it('leaves schemas that were not marked to JSON.stringify on every call', () => {
    const schema: Record<string, unknown> = { type: 'object' };
    const body = { tools: [chatTool(schema)] };
    expect(stringifyRequestBody(body)).toBe(JSON.stringify(body));
    schema.type = 'string';
    expect(stringifyRequestBody(body)).toContain('"type":"string"');
    expect(Object.isFrozen(schema)).toBe(false);
  });

  it('fails as JSON.stringify fails on a value it cannot write', () => {
    const schema = markedSchema();
    expect(() =>
      stringifyRequestBody({ tools: [chatTool(schema)], seed: 1n }),
    ).toThrow(TypeError);
  });

  it('passes a custom toJSON the key it is written under, as JSON.stringify does', () => {
    const schema = markedSchema();
    const keyed = { toJSON: (key: string) => `written as ${key}` };
    const toolsWithToJSON = Object.assign([chatTool(schema)], {
      toJSON: () => 'tools by toJSON',
    });
    const bodies: unknown[] = [
      { tools: [chatTool(schema)], user: keyed },
      { tools: [chatTool(schema, { extra: keyed })] },
      { tools: [keyed, chatTool(schema), keyed] },
      { tools: [{ type: 'function', parameters: schema, function: keyed }] },
      { tools: [{ type: 'function', parameters: keyed }] },
      { tools: [chatTool(schema, { gone: { toJSON: () => undefined } })] },
      { tools: toolsWithToJSON },
      {
        tools: [chatTool(schema, { f: Object.assign(() => 1, keyed) })],
        n: Object.assign(Object(1n), keyed),
      },
    ];
    for (const body of bodies) {
      expect(stringifyRequestBody(body)).toBe(JSON.stringify(body));
      expect(stringifyRequestBody(body)).toBe(JSON.stringify(body));
    }
  });

  it('sees a reused tool change where a shallow look would not', () => {
    const schema = markedSchema();
    const tags = ['a', 'b', 'c'];
    const extra: Record<string, unknown> = { a: 1 };
    let label = 'first';
    const named = () => label;
    const tool = chatTool(schema, {
      tags,
      extra,
      named: Object.assign(() => 0, { toJSON: named }),
    });
    const expectSameAsJson = () =>
      expect(stringifyRequestBody({ tools: [tool] })).toBe(
        JSON.stringify({ tools: [tool] }),
      );
    expectSameAsJson();
    // A hole is written as null; `every` skips it.
    delete tags[1];
    expectSameAsJson();
    // A toJSON that is not an enumerable key.
    Object.defineProperty(extra, 'toJSON', { value: () => 'by toJSON' });
    expectSameAsJson();
    // A function's toJSON whose answer changed.
    label = 'second';
    expectSameAsJson();
    expect(stringifyRequestBody({ tools: [tool] })).toContain('"second"');
  });

  it('writes randomly built bodies as JSON.stringify does', () => {
    const schemas = [markedSchema(), markedSchema(), { type: 'object' }];
    let seed = 7;
    const random = (limit: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % limit;
    };
    const values = [undefined, null, true, 0, 'a', '"\\\n', [1, undefined]];
    const pick = () => values[random(values.length)];
    for (let round = 0; round < 300; round++) {
      const tools = Array.from({ length: random(4) }, () => {
        const schema = schemas[random(schemas.length)];
        return random(2) === 0
          ? chatTool(schema, random(2) === 0 ? { note: pick() } : {})
          : { type: 'function', name: String(pick()), parameters: schema };
      });
      const body = { model: pick(), tools, stream: pick() };
      expect(stringifyRequestBody(body)).toBe(JSON.stringify(body));
    }
  });
});
