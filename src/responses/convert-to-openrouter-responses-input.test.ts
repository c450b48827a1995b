import type { SharedV4Warning } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import { convertToOpenRouterResponsesInput } from './convert-to-openrouter-responses-input';

function convert(
  prompt: Parameters<typeof convertToOpenRouterResponsesInput>[0],
) {
  const warnings: SharedV4Warning[] = [];
  return { ...convertToOpenRouterResponsesInput(prompt, warnings), warnings };
}

describe('convertToOpenRouterResponsesInput', () => {
  it('keeps leading system messages as instructions and later ones in place as developer messages', () => {
    const result = convert([
      { role: 'system', content: 'One' },
      { role: 'system', content: 'Two' },
      { role: 'user', content: [{ type: 'text', text: 'Hi' }] },
      { role: 'system', content: 'Later' },
    ]);
    expect(result.instructions).toBe('One\n\nTwo');
    expect(result.input.at(-1)).toEqual({
      type: 'message',
      role: 'developer',
      content: [{ type: 'input_text', text: 'Later' }],
    });
  });

  it('replays a reasoning item whole: summaries, encrypted content, format and signature, once per item', () => {
    const summary = [
      { type: 'summary_text', text: 'First' },
      { type: 'summary_text', text: 'Second' },
    ];
    const result = convert([
      {
        role: 'assistant',
        content: [
          {
            type: 'reasoning',
            text: 'First',
            providerOptions: {
              openrouter: { itemId: 'rs_1', reasoningKind: 'summary' },
            },
          },
          {
            type: 'reasoning',
            text: 'Second',
            providerOptions: {
              openrouter: {
                itemId: 'rs_1',
                reasoningKind: 'summary',
                reasoningSummary: summary,
                reasoningEncryptedContent: 'gAAAA==',
                reasoningFormat: 'anthropic-claude-v1',
                reasoningSignature: 'sig',
              },
            },
          },
          {
            type: 'tool-call',
            toolCallId: 'call_1',
            toolName: 'weather',
            input: { city: 'Lisbon' },
            providerOptions: { openrouter: { itemId: 'fc_1' } },
          },
        ],
      },
      {
        role: 'tool',
        content: [
          {
            type: 'tool-result',
            toolCallId: 'call_1',
            toolName: 'weather',
            output: { type: 'json', value: { temperature: 21 } },
          },
        ],
      },
    ]);
    expect(result.replaysEncryptedReasoning).toBe(true);
    expect(result.input).toEqual([
      {
        type: 'reasoning',
        id: 'rs_1',
        summary,
        encrypted_content: 'gAAAA==',
        format: 'anthropic-claude-v1',
        signature: 'sig',
      },
      {
        type: 'function_call',
        call_id: 'call_1',
        name: 'weather',
        arguments: '{"city":"Lisbon"}',
        status: 'completed',
        id: 'fc_1',
      },
      {
        type: 'function_call_output',
        call_id: 'call_1',
        output: '{"temperature":21}',
      },
    ]);
  });

  it('sends tool results of every kind, and warns about what a result cannot hold', () => {
    const result = convert([
      {
        role: 'tool',
        content: [
          {
            type: 'tool-result',
            toolCallId: 'a',
            toolName: 't',
            output: { type: 'execution-denied' },
          },
          {
            type: 'tool-result',
            toolCallId: 'b',
            toolName: 't',
            output: {
              type: 'content',
              value: [
                { type: 'text', text: 'see' },
                {
                  type: 'file',
                  mediaType: 'image/png',
                  data: {
                    type: 'url',
                    url: new URL('https://example.com/a.png'),
                  },
                },
                {
                  type: 'file',
                  mediaType: 'audio/wav',
                  data: { type: 'data', data: new Uint8Array([1]) },
                },
              ],
            },
          },
          {
            type: 'tool-approval-response',
            approvalId: 'x',
            approved: true,
          },
        ],
      },
    ]);
    expect(result.input).toEqual([
      {
        type: 'function_call_output',
        call_id: 'a',
        output: 'Tool execution denied.',
      },
      {
        type: 'function_call_output',
        call_id: 'b',
        output: [
          { type: 'input_text', text: 'see' },
          {
            type: 'input_image',
            image_url: 'https://example.com/a.png',
            detail: 'auto',
          },
        ],
      },
    ]);
    expect(result.warnings.map(warning => warning.type)).toEqual([
      'other',
      'other',
    ]);
  });

  it('puts a cache breakpoint on the part, and reports a ttl it cannot carry', () => {
    const result = convert([
      {
        role: 'user',
        content: [{ type: 'text', text: 'Long context' }],
        providerOptions: {
          openrouter: { cacheControl: { type: 'ephemeral', ttl: '1h' } },
        },
      },
    ]);
    expect(result.input[0]).toEqual({
      type: 'message',
      role: 'user',
      content: [
        {
          type: 'input_text',
          text: 'Long context',
          prompt_cache_breakpoint: { mode: 'explicit' },
        },
      ],
    });
    expect(result.warnings).toHaveLength(1);
  });

  it("sends an OpenRouter file reference as file_id, and refuses another provider's", () => {
    const result = convert([
      {
        role: 'user',
        content: [
          {
            type: 'file',
            mediaType: 'application/pdf',
            data: { type: 'reference', reference: { openrouter: 'file_1' } },
          },
        ],
      },
    ]);
    expect(result.input[0].content).toEqual([
      { type: 'input_file', file_id: 'file_1' },
    ]);
    expect(() =>
      convert([
        {
          role: 'user',
          content: [
            {
              type: 'file',
              mediaType: 'application/pdf',
              data: { type: 'reference', reference: { openai: 'file_2' } },
            },
          ],
        },
      ]),
    ).toThrow(/OpenRouter file id/);
  });

  it('sends an image the model made back as its image generation item, once when its tool result carries it too', () => {
    const item = {
      type: 'openrouter:image_generation',
      id: 'ig_1',
      status: 'completed',
      result: 'iVBORw0K',
    };
    const native = { ...item, type: 'image_generation_call', id: 'ig_2' };
    const result = convert([
      {
        role: 'assistant',
        content: [
          {
            type: 'tool-call',
            toolCallId: 'ig_1',
            toolName: 'image_generation',
            input: {},
            providerExecuted: true,
          },
          {
            type: 'tool-result',
            toolCallId: 'ig_1',
            toolName: 'image_generation',
            output: { type: 'json', value: {} },
            providerOptions: { openrouter: { item } },
          },
          {
            type: 'file',
            mediaType: 'image/png',
            data: { type: 'data', data: 'iVBORw0K' },
            providerOptions: { openrouter: { item } },
          },
          {
            type: 'file',
            mediaType: 'image/png',
            data: { type: 'data', data: 'iVBORw0K' },
            providerOptions: { openrouter: { item: native } },
          },
        ],
      },
    ]);
    expect(result.input).toEqual([item, native]);
    expect(result.warnings).toEqual([]);
  });
});
