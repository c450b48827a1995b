import {
  createAgentUIStream,
  isStepCount,
  readUIMessageStream,
  ToolLoopAgent,
  tool,
  type UIMessage,
} from 'ai';
import { describe, expect, it } from 'vitest';
import { z } from 'zod/v4';
import { useEmulator } from './support/use-emulator';

/**
 * A tool-calling agent on a reasoning model, over several turns, the way a
 * chat app runs one: each turn's UI messages are stored as JSON, loaded
 * again and sent back (through `convertToModelMessages`, inside
 * `createAgentUIStream`) with the user's next message.
 */

const server = useEmulator();

type ChatMessage = {
  role: string;
  content?: unknown;
  tool_calls?: Array<{
    id: string;
    type: string;
    function: { name: string; arguments: string };
  }>;
  tool_call_id?: string;
  reasoning_details?: unknown[];
};
type ChatBody = Record<string, unknown> & { messages: ChatMessage[] };

// Each names the weather tool, so the emulated model calls it.
const QUESTIONS = ['Paris weather', 'Rome weather', 'Oslo weather'];

function createWeatherAgent() {
  return new ToolLoopAgent({
    model: server.createProvider()('anthropic/claude-sonnet-4.5'),
    instructions: 'Answer weather questions with the weather tool.',
    tools: {
      weather: tool({
        description: 'The current weather in a city',
        inputSchema: z.object({ city: z.string() }),
        execute: async ({ city }) => ({ city, temperatureCelsius: 21 }),
      }),
    },
    reasoning: 'high',
    stopWhen: isStepCount(4),
  });
}

/** One turn: the stored conversation plus a new question, stored again. */
async function chatTurn(
  agent: ReturnType<typeof createWeatherAgent>,
  storedJson: string,
  question: string,
  turn: number,
) {
  const stored = JSON.parse(storedJson) as UIMessage[];
  const uiMessages: UIMessage[] = [
    ...stored,
    {
      id: `user-${turn}`,
      role: 'user',
      parts: [{ type: 'text', text: question }],
    },
  ];
  const stream = await createAgentUIStream({
    agent,
    uiMessages,
    generateMessageId: () => `assistant-${turn}`,
    // The emulator's refusals (altered reasoning, say) in the failure message.
    onError: error => (error instanceof Error ? error.message : String(error)),
  });
  let reply: UIMessage | undefined;
  for await (const message of readUIMessageStream({
    stream,
    terminateOnError: true,
  })) {
    reply = message;
  }
  return JSON.stringify([...uiMessages, reply]);
}

function chatRequests() {
  return server.emulator.requests
    .filter(request => request.path === '/chat/completions')
    .map(request => request.body as ChatBody);
}

/** A reply's signed reasoning, as the emulator makes it. */
const signedReasoning = (question: string) => [
  {
    type: 'reasoning.text',
    index: 0,
    format: 'anthropic-claude-v1',
    text: `The user said "${question}". I will answer briefly and kindly.`,
    signature: expect.stringMatching(/^emu-sig-[0-9a-f]{8}$/),
  },
];

describe('a ToolLoopAgent conversation persisted as UI messages', () => {
  it('resumes turn after turn, replaying tool calls and signed reasoning', async () => {
    const agent = createWeatherAgent();

    let storedJson = '[]';
    for (const [turn, question] of QUESTIONS.entries()) {
      storedJson = await chatTurn(agent, storedJson, question, turn);
    }
    const stored = JSON.parse(storedJson) as UIMessage[];

    // Each turn: a tool step, then the answer from the tool's result.
    const requests = chatRequests();
    expect(
      requests.map(body =>
        body.messages.map(message => message.role).join(' '),
      ),
    ).toStrictEqual([
      'system user',
      'system user assistant tool',
      'system user assistant tool assistant user',
      'system user assistant tool assistant user assistant tool',
      'system user assistant tool assistant user assistant tool assistant user',
      'system user assistant tool assistant user assistant tool assistant user assistant tool',
    ]);
    for (const body of requests) {
      expect(body.reasoning).toStrictEqual({ effort: 'high' });
      expect(body.tools).toMatchObject([{ function: { name: 'weather' } }]);
    }

    // The history only grows: every request repeats the earlier ones'
    // messages exactly, so checking the last one checks them all.
    const history = requests[5].messages;
    for (const body of requests) {
      expect(body.messages).toStrictEqual(
        history.slice(0, body.messages.length),
      );
    }

    // Every assistant message carries its own step's signed reasoning back,
    // and tool calls and results keep their ids.
    for (const [turn, question] of QUESTIONS.entries()) {
      const toolStep = history[2 + turn * 4];
      const toolResult = history[3 + turn * 4];
      const callId = `call_emulator_${turn * 2}_0`;

      expect(toolStep.tool_calls).toStrictEqual([
        {
          id: callId,
          type: 'function',
          function: {
            name: 'weather',
            arguments: JSON.stringify({ city: question }),
          },
        },
      ]);
      expect(toolStep.reasoning_details).toEqual(signedReasoning(question));
      expect(toolResult.tool_call_id).toBe(callId);
      expect(JSON.parse(String(toolResult.content))).toStrictEqual({
        city: question,
        temperatureCelsius: 21,
      });

      if (turn < QUESTIONS.length - 1) {
        const answer = history[4 + turn * 4];
        expect(answer.tool_calls).toBeUndefined();
        expect(answer.content).toBe(
          `The weather tool returned {"city":"${question}","temperatureCelsius":21}.`,
        );
        expect(answer.reasoning_details).toEqual(signedReasoning(question));
      }
    }

    // What was replayed is exactly what the UI messages stored.
    const storedDetails = stored
      .filter(message => message.role === 'assistant')
      .flatMap(message => message.parts)
      .flatMap(part =>
        part.type === 'reasoning'
          ? [part.providerMetadata?.openrouter?.reasoning_details]
          : [],
      );
    const replayedDetails = history
      .filter(message => message.role === 'assistant')
      .map(message => message.reasoning_details);
    expect(storedDetails).toHaveLength(6);
    expect(replayedDetails).toStrictEqual(storedDetails.slice(0, 5));

    // Replayed reasoning keeps the conversation on the upstream that signed it.
    expect(requests[0]).not.toHaveProperty('provider');
    for (const body of requests.slice(1)) {
      expect(body.provider).toStrictEqual({ order: ['anthropic'] });
    }

    // The stored conversation: three questions, three answers, one tool call
    // each, in the order the user saw them.
    expect(stored.map(message => message.id)).toStrictEqual([
      'user-0',
      'assistant-0',
      'user-1',
      'assistant-1',
      'user-2',
      'assistant-2',
    ]);
    const lastAnswer = stored[5].parts.filter(
      part => part.type !== 'step-start',
    );
    expect(lastAnswer.map(part => part.type)).toStrictEqual([
      'reasoning',
      'tool-weather',
      'reasoning',
      'text',
    ]);
    expect(lastAnswer[3]).toMatchObject({
      type: 'text',
      text: 'The weather tool returned {"city":"Oslo weather","temperatureCelsius":21}.',
    });
  });
});
