/**
 * The request an agent sends at each step: ten tools and a history that
 * mixes reasoning with its signed or encrypted details, tool calls, tool
 * results (JSON, and content with a screenshot) and user images. Built
 * deterministically, so every candidate prepares the very same call.
 */
import type {
  LanguageModelV4FunctionTool,
  LanguageModelV4Prompt,
} from '@ai-sdk/provider';

/** Deterministic base64-looking text of a given length. */
function blob(seed: number, length: number) {
  const alphabet =
    'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let state = seed * 2_654_435_761;
  let text = '';
  for (let index = 0; index < length; index++) {
    state = (state * 1_103_515_245 + 12_345) >>> 0;
    text += alphabet[state % 64];
  }
  return text;
}

/** A small PNG-signed screenshot: 2 KB of bytes. */
function screenshot(seed: number) {
  const bytes = new Uint8Array(2_048);
  bytes.set([137, 80, 78, 71, 13, 10, 26, 10]);
  let state = seed;
  for (let index = 8; index < bytes.length; index++) {
    state = (state * 1_103_515_245 + 12_345) >>> 0;
    bytes[index] = state & 0xff;
  }
  return bytes;
}

const SCREENSHOT_BASE64 = Buffer.from(screenshot(1)).toString('base64');

function property(type: string, description: string) {
  return { type, description };
}

/**
 * Ten function tools with schemas of the size agents define: nested
 * objects, arrays, enums and descriptions. `ai` passes the same objects at
 * every step, so they are built once.
 */
export const AGENT_TOOLS: LanguageModelV4FunctionTool[] = [
  'read_file',
  'write_file',
  'list_directory',
  'search_code',
  'run_command',
  'open_browser',
  'click',
  'type_text',
  'take_screenshot',
  'ask_user',
].map((name, index) => ({
  type: 'function',
  name,
  description: `Tool ${index}: ${name.replace('_', ' ')}. Use it when the task needs it; returns a JSON result or an error message.`,
  inputSchema: {
    $schema: 'http://json-schema.org/draft-07/schema#',
    type: 'object',
    properties: {
      path: property('string', 'Path relative to the workspace root'),
      mode: {
        type: 'string',
        enum: ['fast', 'thorough', 'dry-run'],
        description: 'How much work to do',
      },
      limit: { type: 'integer', minimum: 1, maximum: 1000 },
      options: {
        type: 'object',
        properties: {
          recursive: property('boolean', 'Descend into folders'),
          encoding: property('string', 'Text encoding'),
          timeoutMs: property('number', 'Give up after this long'),
        },
        required: ['recursive'],
        additionalProperties: false,
      },
      targets: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            selector: property('string', 'CSS selector'),
            index: property('integer', 'Which match'),
          },
          required: ['selector'],
          additionalProperties: false,
        },
      },
    },
    required: ['path', 'mode'],
    additionalProperties: false,
  },
}));

const SYSTEM = `You are a coding agent. ${'Follow the rules of the workspace. '.repeat(30)}`;

type Message = LanguageModelV4Prompt[number];

/** The `index`-th message after the system prompt, in a cycle of five. */
function historyMessage(index: number): Message {
  const cycle = Math.floor(index / 5);
  const callA = `toolu_${cycle}_a`;
  const callB = `call_${cycle}_b`;
  switch (index % 5) {
    case 0:
      return {
        role: 'user',
        content: [
          {
            type: 'text',
            text: `Step ${cycle}: please continue with the next part of the task and report what changed.`,
          },
          // Every fourth user turn carries a screenshot, kept as base64 as
          // stored histories keep it.
          ...(cycle % 4 === 0
            ? [
                {
                  type: 'file' as const,
                  mediaType: 'image/png',
                  data: { type: 'data' as const, data: SCREENSHOT_BASE64 },
                },
              ]
            : []),
        ],
      };
    case 1:
      // An Anthropic turn: thinking with its signature, text, a tool call.
      return {
        role: 'assistant',
        content: [
          {
            type: 'reasoning',
            text: `I should look at the file for step ${cycle} first. ${'Thinking it through. '.repeat(10)}`,
            providerOptions: {
              openrouter: {
                provider: 'Anthropic',
                reasoning_details: [
                  {
                    type: 'reasoning.text',
                    text: `I should look at the file for step ${cycle} first.`,
                    signature: blob(cycle, 400),
                    format: 'anthropic-claude-v1',
                    index: 0,
                  },
                ],
              },
            },
          },
          { type: 'text', text: `Reading the file for step ${cycle}.` },
          {
            type: 'tool-call',
            toolCallId: callA,
            toolName: 'read_file',
            input: {
              path: `src/step-${cycle}.ts`,
              mode: 'fast',
              options: { recursive: false },
            },
          },
        ],
      };
    case 2:
      return {
        role: 'tool',
        content: [
          {
            type: 'tool-result',
            toolCallId: callA,
            toolName: 'read_file',
            output: {
              type: 'json',
              value: {
                path: `src/step-${cycle}.ts`,
                lines: 120,
                content: `export const step = ${cycle};\n`.repeat(12),
              },
            },
          },
        ],
      };
    case 3:
      // An OpenAI turn: encrypted reasoning and a tool call, no text.
      return {
        role: 'assistant',
        content: [
          {
            type: 'reasoning',
            text: '',
            providerOptions: {
              openrouter: {
                provider: 'OpenAI',
                reasoning_details: [
                  {
                    type: 'reasoning.encrypted',
                    data: blob(cycle + 7, 1_600),
                    format: 'openai-responses-v1',
                    id: `rs_${cycle}`,
                    index: 0,
                  },
                ],
              },
            },
          },
          {
            type: 'tool-call',
            toolCallId: callB,
            toolName: 'take_screenshot',
            input: { path: '/', mode: 'fast' },
          },
        ],
      };
    default:
      return {
        role: 'tool',
        content: [
          {
            type: 'tool-result',
            toolCallId: callB,
            toolName: 'take_screenshot',
            output: {
              type: 'content',
              value: [
                { type: 'text', text: `Screenshot of step ${cycle}.` },
                // Every other screenshot result carries its bytes.
                ...(cycle % 2 === 0
                  ? [
                      {
                        type: 'file' as const,
                        mediaType: 'image/png',
                        data: {
                          type: 'data' as const,
                          data: screenshot(cycle),
                        },
                      },
                    ]
                  : []),
              ],
            },
          },
        ],
      };
  }
}

/** A history of `messageCount` messages: the system prompt and the rest. */
export function buildAgentHistory(messageCount: number): LanguageModelV4Prompt {
  const prompt: LanguageModelV4Prompt = [{ role: 'system', content: SYSTEM }];
  for (let index = 0; prompt.length < messageCount; index++) {
    prompt.push(historyMessage(index));
  }
  return prompt;
}
