import type { LanguageModelV4Prompt } from '@ai-sdk/provider';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convertToOpenRouterChatMessages } from './convert-to-openrouter-chat-messages';

type Message = LanguageModelV4Prompt[number];

const text = fc.string({ maxLength: 20 });
const jsonInput = fc.dictionary(
  fc.string({ minLength: 1, maxLength: 6 }),
  fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.boolean()),
  { maxKeys: 3 },
);

/** One turn: a user message, then an assistant reply, then tool results. */
const turn = fc.record({
  userTexts: fc.array(text, { minLength: 1, maxLength: 3 }),
  assistantTexts: fc.array(text, { maxLength: 2 }),
  reasoning: fc.option(text, { nil: undefined }),
  toolInputs: fc.array(jsonInput, { maxLength: 3 }),
  resultKinds: fc.array(fc.constantFrom('text', 'json', 'error-text'), {
    minLength: 3,
    maxLength: 3,
  }),
  resultTexts: fc.array(text, { minLength: 3, maxLength: 3 }),
});

const promptArbitrary = fc
  .record({
    system: fc.option(text, { nil: undefined }),
    turns: fc.array(turn, { minLength: 1, maxLength: 4 }),
  })
  .map(({ system, turns }) => {
    const prompt: Message[] = [];
    if (system != null) {
      prompt.push({ role: 'system', content: system });
    }
    let callNumber = 0;
    for (const current of turns) {
      prompt.push({
        role: 'user',
        content: current.userTexts.map(value => ({
          type: 'text',
          text: value,
        })),
      });
      const calls = current.toolInputs.map(input => ({
        type: 'tool-call' as const,
        toolCallId: `call-${callNumber++}`,
        toolName: 'tool',
        input,
      }));
      prompt.push({
        role: 'assistant',
        content: [
          ...(current.reasoning != null
            ? [{ type: 'reasoning' as const, text: current.reasoning }]
            : []),
          ...current.assistantTexts.map(value => ({
            type: 'text' as const,
            text: value,
          })),
          ...calls,
        ],
      });
      if (calls.length > 0) {
        prompt.push({
          role: 'tool',
          content: calls.map((call, index) => ({
            type: 'tool-result' as const,
            toolCallId: call.toolCallId,
            toolName: call.toolName,
            output:
              current.resultKinds[index] === 'json'
                ? {
                    type: 'json' as const,
                    value: { text: current.resultTexts[index] },
                  }
                : {
                    type: current.resultKinds[index] as 'text' | 'error-text',
                    value: current.resultTexts[index],
                  },
          })),
        });
      }
    }
    return prompt;
  });

/** Every text of the prompt, in order, as the model should read it. */
function promptTexts(prompt: Message[]) {
  const texts: string[] = [];
  for (const message of prompt) {
    if (message.role === 'system') {
      texts.push(message.content);
      continue;
    }
    for (const part of message.content) {
      if (part.type === 'text') {
        texts.push(part.text);
      } else if (part.type === 'tool-result') {
        const output = part.output;
        texts.push(
          output.type === 'json'
            ? JSON.stringify(output.value)
            : output.type === 'text' || output.type === 'error-text'
              ? output.value
              : '',
        );
      }
    }
  }
  return texts.join('');
}

function sentTexts(
  messages: Awaited<ReturnType<typeof convertToOpenRouterChatMessages>>,
) {
  const texts: string[] = [];
  for (const message of messages) {
    const content = message.content;
    if (typeof content === 'string') {
      texts.push(content);
    } else if (Array.isArray(content)) {
      for (const part of content) {
        if (part.type === 'text') {
          texts.push(part.text);
        }
      }
    }
  }
  return texts.join('');
}

describe('convertToOpenRouterChatMessages (property)', () => {
  it('never throws, keeps every text in order and every tool call paired with its result', async () => {
    await fc.assert(
      fc.asyncProperty(promptArbitrary, async prompt => {
        const messages = await convertToOpenRouterChatMessages(prompt);

        expect(sentTexts(messages)).toBe(promptTexts(prompt));

        const openCalls = new Map<string, unknown>();
        for (const message of messages) {
          if (message.role === 'assistant') {
            expect(openCalls.size).toBe(0);
            for (const call of message.tool_calls ?? []) {
              openCalls.set(call.id, JSON.parse(call.function.arguments));
            }
          }
          if (message.role === 'tool') {
            expect(openCalls.has(message.tool_call_id)).toBe(true);
            openCalls.delete(message.tool_call_id);
          }
        }
        expect(openCalls.size).toBe(0);

        const inputs = prompt.flatMap(message =>
          message.role === 'assistant'
            ? message.content.flatMap(part =>
                part.type === 'tool-call' ? [part.input] : [],
              )
            : [],
        );
        const sentInputs = messages.flatMap(message =>
          message.role === 'assistant'
            ? (message.tool_calls ?? []).map(call =>
                JSON.parse(call.function.arguments),
              )
            : [],
        );
        // toEqual: fast-check builds its objects without a prototype.
        expect(sentInputs).toEqual(inputs);
      }),
      { numRuns: 300 },
    );
  });
});
