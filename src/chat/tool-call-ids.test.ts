import { describe, expect, it } from 'vitest';
import { unifyOpenRouterFinishReason } from './map-openrouter-finish-reason';
import { ToolCallIds } from './tool-call-ids';

describe('ToolCallIds', () => {
  it('keeps a new id, renames one the conversation or this reply holds, fills a missing one', () => {
    const ids = new ToolCallIds(new Set(['call_0']));

    expect(ids.take('call_1')).toBe('call_1');
    expect(ids.take('call_0')).toMatch(/^call_0-.+/);
    expect(ids.take('call_1')).toMatch(/^call_1-.+/);
    expect(ids.take(undefined)).toMatch(/.+/);
    expect(ids.take('  ')).not.toBe('  ');
  });
});

describe('unifyOpenRouterFinishReason', () => {
  it.each([
    ['stop', false, false, 'stop'],
    ['stop', true, false, 'tool-calls'],
    [null, true, false, 'tool-calls'],
    ['something_new', true, false, 'tool-calls'],
    ['length', true, false, 'length'],
    ['stop', false, true, 'content-filter'],
    ['tool_calls', false, false, 'tool-calls'],
  ] as const)(
    '%s with tool calls %s and refusal %s is %s',
    (raw, hasToolCalls, hasRefusal, unified) => {
      expect(
        unifyOpenRouterFinishReason(raw, { hasToolCalls, hasRefusal }),
      ).toStrictEqual({ unified, raw: raw ?? undefined });
    },
  );
});
