import { describe, expect, it } from 'vitest';
import { mapOpenRouterFinishReason } from './map-openrouter-finish-reason';

describe('mapOpenRouterFinishReason', () => {
  it.each([
    ['stop', 'stop'],
    ['length', 'length'],
    ['content_filter', 'content-filter'],
    ['tool_calls', 'tool-calls'],
    ['function_call', 'tool-calls'],
    ['error', 'error'],
    // Some upstreams leak their native reasons into the normalised field.
    ['end_turn', 'stop'],
    ['max_tokens', 'length'],
    ['tool_use', 'tool-calls'],
  ] as const)('maps %s to %s', (raw, unified) => {
    expect(mapOpenRouterFinishReason(raw)).toBe(unified);
  });

  it.each([null, undefined, '', 'something_new'])('maps %j to other', raw => {
    expect(mapOpenRouterFinishReason(raw)).toBe('other');
  });
});
