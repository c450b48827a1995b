import {
  type LanguageModelV4Prompt,
  UnsupportedFunctionalityError,
} from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import { convertToOpenRouterChatMessages } from './convert-to-openrouter-chat-messages';

function catchError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('Expected the function to throw.');
}

describe('convertToOpenRouterChatMessages', () => {
  it('converts system, user and assistant text messages in order', () => {
    expect(
      convertToOpenRouterChatMessages([
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

  it('returns no messages for an empty prompt', () => {
    expect(convertToOpenRouterChatMessages([])).toStrictEqual([]);
  });

  it('sends a single user text part as a string', () => {
    expect(
      convertToOpenRouterChatMessages([
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

  it('sends several user text parts as an array of text parts', () => {
    expect(
      convertToOpenRouterChatMessages([
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

  it('concatenates assistant text parts', () => {
    expect(
      convertToOpenRouterChatMessages([
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

  it('sends an assistant message without parts as empty text', () => {
    expect(
      convertToOpenRouterChatMessages([{ role: 'assistant', content: [] }]),
    ).toStrictEqual([{ role: 'assistant', content: '' }]);
  });

  it('rejects a file part in a user message', () => {
    const prompt: LanguageModelV4Prompt = [
      {
        role: 'user',
        content: [
          { type: 'text', text: 'Describe this image.' },
          {
            type: 'file',
            mediaType: 'image/png',
            data: { type: 'url', url: new URL('https://example.test/cat.png') },
          },
        ],
      },
    ];

    const error = catchError(() => convertToOpenRouterChatMessages(prompt));

    expect(UnsupportedFunctionalityError.isInstance(error)).toBe(true);
    expect((error as UnsupportedFunctionalityError).functionality).toBe(
      'file parts (image/png) in user messages',
    );
  });

  it('rejects a lone file part in a user message', () => {
    const error = catchError(() =>
      convertToOpenRouterChatMessages([
        {
          role: 'user',
          content: [
            {
              type: 'file',
              mediaType: 'application/pdf',
              data: { type: 'data', data: 'JVBERi0xLjQ=' },
            },
          ],
        },
      ]),
    );

    expect(UnsupportedFunctionalityError.isInstance(error)).toBe(true);
    expect((error as UnsupportedFunctionalityError).functionality).toBe(
      'file parts (application/pdf) in user messages',
    );
  });

  it('rejects a tool message', () => {
    const error = catchError(() =>
      convertToOpenRouterChatMessages([
        {
          role: 'tool',
          content: [
            {
              type: 'tool-result',
              toolCallId: 'call-1',
              toolName: 'getWeather',
              output: { type: 'text', value: 'Sunny' },
            },
          ],
        },
      ]),
    );

    expect(UnsupportedFunctionalityError.isInstance(error)).toBe(true);
    expect((error as UnsupportedFunctionalityError).functionality).toBe(
      'tool messages',
    );
  });

  it('rejects a tool call in an assistant message', () => {
    const error = catchError(() =>
      convertToOpenRouterChatMessages([
        {
          role: 'assistant',
          content: [
            { type: 'text', text: 'Let me check.' },
            {
              type: 'tool-call',
              toolCallId: 'call-1',
              toolName: 'getWeather',
              input: { city: 'Paris' },
            },
          ],
        },
      ]),
    );

    expect(UnsupportedFunctionalityError.isInstance(error)).toBe(true);
    expect((error as UnsupportedFunctionalityError).functionality).toBe(
      'tool-call parts in assistant messages',
    );
  });
});
