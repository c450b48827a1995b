import { InvalidArgumentError } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import { convertToOpenRouterChatMessages } from './convert-to-openrouter-chat-messages';
import {
  countCacheBreakpoints,
  readCacheControl,
} from './openrouter-cache-control';

const cache = { openrouter: { cacheControl: { type: 'ephemeral' } } };
const cacheOneHour = {
  openrouter: { cacheControl: { type: 'ephemeral', ttl: '1h' } },
};
const imageData = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]);

describe('cache control placement', () => {
  it('expands a cached system message into a text block', async () => {
    expect(
      await convertToOpenRouterChatMessages([
        {
          role: 'system',
          content: 'Long rules',
          providerOptions: cacheOneHour,
        },
      ]),
    ).toStrictEqual([
      {
        role: 'system',
        content: [
          {
            type: 'text',
            text: 'Long rules',
            cache_control: { type: 'ephemeral', ttl: '1h' },
          },
        ],
      },
    ]);
  });

  it('puts a user message breakpoint on its last text block only', async () => {
    expect(
      await convertToOpenRouterChatMessages([
        {
          role: 'user',
          providerOptions: cache,
          content: [
            { type: 'text', text: 'Part one' },
            { type: 'text', text: 'Part two' },
            {
              type: 'file',
              mediaType: 'image/png',
              data: { type: 'data', data: imageData },
            },
          ],
        },
      ]),
    ).toStrictEqual([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'Part one' },
          {
            type: 'text',
            text: 'Part two',
            cache_control: { type: 'ephemeral' },
          },
          {
            type: 'image_url',
            image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' },
          },
        ],
      },
    ]);
  });

  it('expands a single cached user text into a block', async () => {
    expect(
      await convertToOpenRouterChatMessages([
        {
          role: 'user',
          providerOptions: cache,
          content: [{ type: 'text', text: 'Hi' }],
        },
      ]),
    ).toStrictEqual([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'Hi', cache_control: { type: 'ephemeral' } },
        ],
      },
    ]);
  });

  it('puts a part breakpoint on that part: text, image and file', async () => {
    expect(
      await convertToOpenRouterChatMessages([
        {
          role: 'user',
          content: [
            { type: 'text', text: 'A', providerOptions: cache },
            {
              type: 'file',
              mediaType: 'image/png',
              data: { type: 'url', url: new URL('https://x.test/a.png') },
              providerOptions: cache,
            },
            {
              type: 'file',
              mediaType: 'application/pdf',
              filename: 'doc.pdf',
              data: { type: 'url', url: new URL('https://x.test/doc.pdf') },
              providerOptions: cacheOneHour,
            },
          ],
        },
      ]),
    ).toStrictEqual([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'A', cache_control: { type: 'ephemeral' } },
          {
            type: 'image_url',
            image_url: { url: 'https://x.test/a.png' },
            cache_control: { type: 'ephemeral' },
          },
          {
            type: 'file',
            file: { filename: 'doc.pdf', file_data: 'https://x.test/doc.pdf' },
            cache_control: { type: 'ephemeral', ttl: '1h' },
          },
        ],
      },
    ]);
  });

  it('puts an assistant message breakpoint on its last text block', async () => {
    expect(
      await convertToOpenRouterChatMessages([
        {
          role: 'assistant',
          providerOptions: cache,
          content: [
            { type: 'text', text: 'One. ' },
            { type: 'text', text: 'Two.' },
          ],
        },
      ]),
    ).toStrictEqual([
      {
        role: 'assistant',
        content: [
          { type: 'text', text: 'One. ' },
          { type: 'text', text: 'Two.', cache_control: { type: 'ephemeral' } },
        ],
      },
    ]);
  });

  it('puts an assistant part breakpoint on that part', async () => {
    expect(
      await convertToOpenRouterChatMessages([
        {
          role: 'assistant',
          content: [
            { type: 'text', text: 'One. ', providerOptions: cache },
            { type: 'text', text: 'Two.' },
          ],
        },
      ]),
    ).toStrictEqual([
      {
        role: 'assistant',
        content: [
          { type: 'text', text: 'One. ', cache_control: { type: 'ephemeral' } },
          { type: 'text', text: 'Two.' },
        ],
      },
    ]);
  });

  it('puts a tool message breakpoint on its last result, and a part breakpoint on its result', async () => {
    expect(
      await convertToOpenRouterChatMessages([
        {
          role: 'tool',
          providerOptions: cache,
          content: [
            {
              type: 'tool-result',
              toolCallId: 'a',
              toolName: 't',
              output: { type: 'text', value: 'first' },
              providerOptions: cacheOneHour,
            },
            {
              type: 'tool-result',
              toolCallId: 'b',
              toolName: 't',
              output: { type: 'json', value: { ok: true } },
            },
          ],
        },
      ]),
    ).toStrictEqual([
      {
        role: 'tool',
        tool_call_id: 'a',
        content: [
          {
            type: 'text',
            text: 'first',
            cache_control: { type: 'ephemeral', ttl: '1h' },
          },
        ],
      },
      {
        role: 'tool',
        tool_call_id: 'b',
        content: [
          {
            type: 'text',
            text: '{"ok":true}',
            cache_control: { type: 'ephemeral' },
          },
        ],
      },
    ]);
  });

  it('accepts the anthropic spelling users already write', async () => {
    expect(
      await convertToOpenRouterChatMessages([
        {
          role: 'system',
          content: 'Rules',
          providerOptions: {
            anthropic: { cacheControl: { type: 'ephemeral' } },
          },
        },
      ]),
    ).toStrictEqual([
      {
        role: 'system',
        content: [
          { type: 'text', text: 'Rules', cache_control: { type: 'ephemeral' } },
        ],
      },
    ]);
  });
});

describe('readCacheControl', () => {
  it('rejects a malformed breakpoint with an error naming the option', () => {
    let caught: unknown;
    try {
      readCacheControl({
        openrouter: { cacheControl: { type: 'ephemeral', ttl: '2h' } },
      });
    } catch (error) {
      caught = error;
    }
    expect(InvalidArgumentError.isInstance(caught)).toBe(true);
    expect((caught as Error).message).toContain(
      'providerOptions.openrouter.cacheControl',
    );
  });
});

/** Every `cache_control` anywhere in a value: the walk the count replaced. */
function countDeep(value: unknown): number {
  if (typeof value !== 'object' || value === null) {
    return 0;
  }
  let count = 0;
  for (const [key, child] of Object.entries(value)) {
    count += key === 'cache_control' && child != null ? 1 : countDeep(child);
  }
  return count;
}

describe('countCacheBreakpoints', () => {
  it('counts the breakpoints on content blocks of converted messages', () => {
    expect(
      countCacheBreakpoints([
        {
          role: 'user',
          content: [
            { type: 'text', text: 'a', cache_control: { type: 'ephemeral' } },
            { type: 'text', text: 'x' },
          ],
        },
        {
          role: 'system',
          content: [
            { type: 'text', text: 'b', cache_control: { type: 'ephemeral' } },
          ],
        },
        { role: 'user', content: 'plain' },
        { role: 'assistant', content: null },
      ]),
    ).toBe(2);
  });

  it('finds every breakpoint the converter placed, without walking reasoning', async () => {
    const messages = await convertToOpenRouterChatMessages([
      { role: 'system', content: 'Rules', providerOptions: cache },
      {
        role: 'user',
        content: [
          { type: 'text', text: 'Look', providerOptions: cache },
          {
            type: 'file',
            mediaType: 'image/png',
            data: { type: 'data', data: imageData },
            providerOptions: cacheOneHour,
          },
        ],
      },
      {
        role: 'assistant',
        providerOptions: cache,
        content: [
          {
            type: 'reasoning',
            text: 'Thinking',
            providerOptions: {
              openrouter: {
                reasoning_details: [
                  { type: 'reasoning.text', text: 'Thinking', signature: 's' },
                ],
              },
            },
          },
          { type: 'text', text: 'Calling' },
          {
            type: 'tool-call',
            toolCallId: 'call-1',
            toolName: 'look',
            input: { cache_control: 'a tool input, not a breakpoint' },
          },
        ],
      },
      {
        role: 'tool',
        providerOptions: cache,
        content: [
          {
            type: 'tool-result',
            toolCallId: 'call-1',
            toolName: 'look',
            output: { type: 'text', value: 'Seen' },
          },
        ],
      },
    ]);

    expect(countCacheBreakpoints(messages)).toBe(5);
    expect(countCacheBreakpoints(messages)).toBe(countDeep(messages));
  });
});
