import type { ModelMessage } from 'ai';
import { generateText, jsonSchema, streamText, tool } from 'ai';
import { createOpenRouter } from 'ai-sdk-openrouter';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type HostileServer,
  sseEvents,
  startHostileServer,
} from './support/hostile-server';

// Rules that generate and stream must apply alike: each case runs through
// `generateText` and `streamText` against the same reply.

const servers: HostileServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map(server => server.close()));
});

type ToolCallReply = {
  toolCalls: Array<{ id: string; name: string; arguments: string }>;
  finishReason: string;
};

/** A server that answers with the reply, streamed or whole as asked. */
async function serveReply(reply: ToolCallReply) {
  const server = await startHostileServer((request, response) => {
    const tool_calls = reply.toolCalls.map((call, index) => ({
      index,
      id: call.id,
      type: 'function',
      function: { name: call.name, arguments: call.arguments },
    }));
    if (JSON.parse(request.body).stream === true) {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.end(
        sseEvents([
          { id: 'gen-1', choices: [{ index: 0, delta: { tool_calls } }] },
          {
            id: 'gen-1',
            choices: [
              { index: 0, delta: {}, finish_reason: reply.finishReason },
            ],
          },
          '[DONE]',
        ]),
      );
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(
      JSON.stringify({
        id: 'gen-1',
        choices: [
          {
            index: 0,
            finish_reason: reply.finishReason,
            message: { role: 'assistant', content: null, tool_calls },
          },
        ],
      }),
    );
  });
  servers.push(server);
  return server;
}

const tools = {
  lookup: tool({
    inputSchema: jsonSchema<{ q: string }>({
      type: 'object',
      properties: { q: { type: 'string' } },
    }),
  }),
};

/** An earlier step whose call already used `call_0`. */
const history: ModelMessage[] = [
  { role: 'user', content: 'Look it up.' },
  {
    role: 'assistant',
    content: [
      {
        type: 'tool-call',
        toolCallId: 'call_0',
        toolName: 'lookup',
        input: { q: 'a' },
      },
    ],
  },
  {
    role: 'tool',
    content: [
      {
        type: 'tool-result',
        toolCallId: 'call_0',
        toolName: 'lookup',
        output: { type: 'text', value: 'A' },
      },
    ],
  },
];

async function runBoth(server: HostileServer) {
  const model = createOpenRouter({
    apiKey: 'sk-or-test',
    baseURL: server.origin,
  })('openai/gpt-4o');
  const generated = await generateText({ model, tools, messages: history });
  const streamed = streamText({ model, tools, messages: history });
  return [
    {
      path: 'generate',
      finishReason: generated.finishReason,
      toolCallIds: generated.toolCalls.map(call => call.toolCallId),
    },
    {
      path: 'stream',
      finishReason: await streamed.finishReason,
      toolCallIds: (await streamed.toolCalls).map(call => call.toolCallId),
    },
  ];
}

describe('generate and stream apply the same rules', () => {
  it('a tool turn that ends with stop finishes as tool-calls', async () => {
    const server = await serveReply({
      toolCalls: [{ id: 'call_9', name: 'lookup', arguments: '{"q":"b"}' }],
      finishReason: 'stop',
    });

    for (const result of await runBoth(server)) {
      expect(result, result.path).toMatchObject({
        finishReason: 'tool-calls',
        toolCallIds: ['call_9'],
      });
    }
  });

  it('a tool call id the conversation already holds is renamed', async () => {
    const server = await serveReply({
      toolCalls: [{ id: 'call_0', name: 'lookup', arguments: '{"q":"b"}' }],
      finishReason: 'tool_calls',
    });

    for (const result of await runBoth(server)) {
      expect(result.toolCallIds, result.path).toHaveLength(1);
      expect(result.toolCallIds[0], result.path).not.toBe('call_0');
      expect(result.toolCallIds[0], result.path).toMatch(/^call_0-/);
    }
  });

  it('two calls of one reply with the same id get distinct ids', async () => {
    const server = await serveReply({
      toolCalls: [
        { id: 'call_5', name: 'lookup', arguments: '{"q":"b"}' },
        { id: 'call_5', name: 'lookup', arguments: '{"q":"c"}' },
      ],
      finishReason: 'tool_calls',
    });

    for (const result of await runBoth(server)) {
      expect(result.toolCallIds, result.path).toHaveLength(2);
      expect(new Set(result.toolCallIds).size, result.path).toBe(2);
      expect(result.toolCallIds[0], result.path).toBe('call_5');
    }
  });
});
