import {
  type LanguageModelV4Prompt,
  type SharedV4Warning,
  UnsupportedFunctionalityError,
} from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import { convertToOpenRouterChatMessages } from './convert-to-openrouter-chat-messages';

async function catchError(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error('Expected the function to throw.');
}

describe('convertToOpenRouterChatMessages', () => {
  it('converts system, user and assistant text messages in order', async () => {
    expect(
      await convertToOpenRouterChatMessages([
        { role: 'system', content: 'You are terse.' },
        { role: 'user', content: [{ type: 'text', text: 'Hi' }] },
        { role: 'assistant', content: [{ type: 'text', text: 'Hello.' }] },
        { role: 'user', content: [{ type: 'text', text: 'Bye' }] },
      ]),
    ).toStrictEqual([
      { role: 'system', content: 'You are terse.' },
      { role: 'user', content: 'Hi' },
      { role: 'assistant', content: 'Hello.' },
      { role: 'user', content: 'Bye' },
    ]);
  });

  it('returns no messages for an empty prompt', async () => {
    expect(await convertToOpenRouterChatMessages([])).toStrictEqual([]);
  });

  it('sends a single user text part as a string', async () => {
    expect(
      await convertToOpenRouterChatMessages([
        {
          role: 'user',
          content: [
            {
              type: 'text',
              text: 'What is 2 + 2?',
              providerOptions: { openrouter: { something: true } },
            },
          ],
        },
      ]),
    ).toStrictEqual([{ role: 'user', content: 'What is 2 + 2?' }]);
  });

  it('sends several user text parts as an array of text parts', async () => {
    expect(
      await convertToOpenRouterChatMessages([
        {
          role: 'user',
          content: [
            { type: 'text', text: 'First.' },
            { type: 'text', text: 'Second.' },
          ],
        },
      ]),
    ).toStrictEqual([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'First.' },
          { type: 'text', text: 'Second.' },
        ],
      },
    ]);
  });

  it('concatenates assistant text parts', async () => {
    expect(
      await convertToOpenRouterChatMessages([
        {
          role: 'assistant',
          content: [
            { type: 'text', text: 'Hello, ' },
            { type: 'text', text: 'world' },
            { type: 'text', text: '!' },
          ],
        },
      ]),
    ).toStrictEqual([{ role: 'assistant', content: 'Hello, world!' }]);
  });

  it('sends an assistant message without parts as empty text', async () => {
    expect(
      await convertToOpenRouterChatMessages([
        { role: 'assistant', content: [] },
      ]),
    ).toStrictEqual([{ role: 'assistant', content: '' }]);
  });

  it('sends assistant tool calls as tool_calls with JSON arguments and null content', async () => {
    expect(
      await convertToOpenRouterChatMessages([
        {
          role: 'assistant',
          content: [
            {
              type: 'tool-call',
              toolCallId: 'call-1',
              toolName: 'weather',
              input: { city: 'Paris', days: 2 },
            },
            {
              type: 'tool-call',
              toolCallId: 'call-2',
              toolName: 'time',
              input: {},
            },
          ],
        },
      ]),
    ).toStrictEqual([
      {
        role: 'assistant',
        content: null,
        tool_calls: [
          {
            id: 'call-1',
            type: 'function',
            function: {
              name: 'weather',
              arguments: '{"city":"Paris","days":2}',
            },
          },
          {
            id: 'call-2',
            type: 'function',
            function: { name: 'time', arguments: '{}' },
          },
        ],
      },
    ]);
  });

  it('keeps assistant text next to tool calls, and skips provider-executed calls', async () => {
    expect(
      await convertToOpenRouterChatMessages([
        {
          role: 'assistant',
          content: [
            { type: 'text', text: 'Let me check.' },
            {
              type: 'tool-call',
              toolCallId: 'call-1',
              toolName: 'weather',
              input: { city: 'Oslo' },
            },
            {
              type: 'tool-call',
              toolCallId: 'server-1',
              toolName: 'web_search',
              input: { query: 'x' },
              providerExecuted: true,
            },
          ],
        },
      ]),
    ).toStrictEqual([
      {
        role: 'assistant',
        content: 'Let me check.',
        tool_calls: [
          {
            id: 'call-1',
            type: 'function',
            function: { name: 'weather', arguments: '{"city":"Oslo"}' },
          },
        ],
      },
    ]);
  });

  it('turns each tool result into its own tool message, for every output kind', async () => {
    const result = (
      toolCallId: string,
      output: Extract<
        LanguageModelV4Prompt[number],
        { role: 'tool' }
      >['content'][number] extends infer Part
        ? Part extends { type: 'tool-result'; output: infer Output }
          ? Output
          : never
        : never,
    ) => ({
      type: 'tool-result' as const,
      toolCallId,
      toolName: 'tool',
      output,
    });

    expect(
      await convertToOpenRouterChatMessages([
        {
          role: 'tool',
          content: [
            result('text', { type: 'text', value: 'sunny' }),
            result('json', { type: 'json', value: { temperature: 21 } }),
            result('error-text', { type: 'error-text', value: 'boom' }),
            result('error-json', { type: 'error-json', value: { code: 1 } }),
            result('denied', { type: 'execution-denied', reason: 'not now' }),
            result('denied-plain', { type: 'execution-denied' }),
            result('content', {
              type: 'content',
              value: [
                { type: 'text', text: 'Here is the chart:' },
                {
                  type: 'file',
                  mediaType: 'image/png',
                  data: { type: 'data', data: new Uint8Array([1, 2, 3]) },
                },
              ],
            }),
          ],
        },
      ]),
    ).toStrictEqual([
      { role: 'tool', tool_call_id: 'text', content: 'sunny' },
      { role: 'tool', tool_call_id: 'json', content: '{"temperature":21}' },
      { role: 'tool', tool_call_id: 'error-text', content: 'boom' },
      { role: 'tool', tool_call_id: 'error-json', content: '{"code":1}' },
      {
        role: 'tool',
        tool_call_id: 'denied',
        content:
          'The tool call was not executed: the user denied it (not now).',
      },
      {
        role: 'tool',
        tool_call_id: 'denied-plain',
        content: 'The tool call was not executed: the user denied it.',
      },
      {
        role: 'tool',
        tool_call_id: 'content',
        content: [
          { type: 'text', text: 'Here is the chart:' },
          {
            type: 'image_url',
            image_url: { url: 'data:image/png;base64,AQID' },
          },
        ],
      },
    ]);
  });

  it('ignores tool approval responses in tool messages', async () => {
    expect(
      await convertToOpenRouterChatMessages([
        {
          role: 'tool',
          content: [
            {
              type: 'tool-approval-response',
              approvalId: 'a-1',
              approved: true,
            },
          ],
        },
      ]),
    ).toStrictEqual([]);
  });

  it('leaves out what OpenRouter cannot take, with one warning per kind', async () => {
    const warnings: SharedV4Warning[] = [];
    const cache = { openrouter: { cacheControl: { type: 'ephemeral' } } };

    const messages = await convertToOpenRouterChatMessages(
      [
        {
          role: 'assistant',
          content: [
            { type: 'text', text: 'Here it is.' },
            {
              type: 'file',
              mediaType: 'image/png',
              data: { type: 'data', data: new Uint8Array([1]) },
            },
            {
              type: 'file',
              mediaType: 'image/png',
              data: { type: 'data', data: new Uint8Array([2]) },
            },
          ],
        },
        {
          role: 'assistant',
          providerOptions: cache,
          content: [
            {
              type: 'tool-call',
              toolCallId: 'call-1',
              toolName: 'lookup',
              input: {},
              providerOptions: cache,
            },
          ],
        },
        {
          role: 'tool',
          content: [
            {
              type: 'tool-result',
              toolCallId: 'call-1',
              toolName: 'lookup',
              output: {
                type: 'content',
                value: [
                  { type: 'text', text: 'found' },
                  { type: 'custom', providerOptions: {} },
                ],
              },
            },
          ],
        },
      ],
      warnings,
    );

    expect(messages).toStrictEqual([
      { role: 'assistant', content: 'Here it is.' },
      {
        role: 'assistant',
        content: null,
        tool_calls: [
          {
            id: 'call-1',
            type: 'function',
            function: { name: 'lookup', arguments: '{}' },
          },
        ],
      },
      {
        role: 'tool',
        tool_call_id: 'call-1',
        content: [{ type: 'text', text: 'found' }],
      },
    ]);
    expect(warnings.map(warning => warning.type)).toStrictEqual([
      'other',
      'other',
      'other',
    ]);
    const messagesOf = warnings.map(
      warning => (warning as { message: string }).message,
    );
    expect(messagesOf[0]).toContain("assistant message's file part");
    expect(messagesOf[1]).toContain('cache breakpoint');
    expect(messagesOf[2]).toContain("tool result's custom content");
  });

  it('names an unknown part even when a later tool result is malformed', async () => {
    const error = await catchError(() =>
      convertToOpenRouterChatMessages([
        {
          role: 'user',
          content: [{ type: 'image', image: 'x' } as never],
        },
        {
          role: 'tool',
          content: [
            {
              type: 'tool-result',
              toolCallId: 'call-1',
              toolName: 'lookup',
              output: { type: 'content' } as never,
            },
          ],
        },
      ]),
    );

    expect(UnsupportedFunctionalityError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('user message part image');
  });

  it('rejects a file part of a media type OpenRouter cannot take, naming it', async () => {
    const error = await catchError(() =>
      convertToOpenRouterChatMessages([
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Open this' },
            {
              type: 'file',
              mediaType: 'application/zip',
              data: { type: 'data', data: new Uint8Array([80, 75]) },
            },
          ],
        },
      ]),
    );

    expect(UnsupportedFunctionalityError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('application/zip');
  });

  it('sends the annotations of an assistant message and of its parts back once each, in order', async () => {
    const file = { type: 'file', file: { hash: 'h1', name: 'a.pdf' } };
    const otherFile = { type: 'file', file: { hash: 'h2', name: 'b.pdf' } };
    const warnings: SharedV4Warning[] = [];

    const [message] = await convertToOpenRouterChatMessages(
      [
        {
          role: 'assistant',
          content: [
            {
              type: 'text',
              text: 'Both papers agree.',
              // The same annotation, its keys in another order.
              providerOptions: {
                openrouter: {
                  annotations: [
                    { file: { name: 'a.pdf', hash: 'h1' }, type: 'file' },
                    otherFile,
                  ],
                },
              },
            },
          ],
          providerOptions: { openrouter: { annotations: [file] } },
        },
      ],
      warnings,
    );

    expect(message).toStrictEqual({
      role: 'assistant',
      content: 'Both papers agree.',
      annotations: [file, otherFile],
    });
    expect(warnings).toStrictEqual([]);
  });

  it('leaves out annotations that are not objects, with one warning', async () => {
    const warnings: SharedV4Warning[] = [];

    const [message] = await convertToOpenRouterChatMessages(
      [
        {
          role: 'assistant',
          content: [
            {
              type: 'text',
              text: 'A summary.',
              providerOptions: { openrouter: { annotations: ['h1', null] } },
            },
          ],
          providerOptions: { openrouter: { annotations: { hash: 'h1' } } },
        },
      ],
      warnings,
    );

    expect(message).toStrictEqual({ role: 'assistant', content: 'A summary.' });
    expect(warnings).toStrictEqual([
      {
        type: 'other',
        message:
          'providerOptions.openrouter.annotations of an assistant message must be an array of objects; anything else was left out.',
      },
    ]);
  });
});
