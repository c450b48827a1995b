import { describe, expect, it } from 'vitest';
import {
  isBoundToUpstream,
  joinReasoningText,
  prepareReplayedReasoningDetails,
  ReasoningDetailsAccumulator,
} from './openrouter-reasoning-details';

describe('ReasoningDetailsAccumulator', () => {
  it('merges deltas of one entry and keeps a late signature', () => {
    const accumulator = new ReasoningDetailsAccumulator();
    accumulator.add({
      type: 'reasoning.text',
      text: 'a',
      index: 0,
      format: 'f',
    });
    accumulator.add({ type: 'reasoning.text', text: 'b', index: 0 });
    accumulator.add({
      type: 'reasoning.text',
      text: '',
      signature: 's',
      index: 0,
    });
    accumulator.add({ type: 'reasoning.encrypted', data: 'x', index: 1 });

    expect(accumulator.snapshot()).toStrictEqual([
      {
        type: 'reasoning.text',
        text: 'ab',
        index: 0,
        format: 'f',
        signature: 's',
      },
      { type: 'reasoning.encrypted', data: 'x', index: 1 },
    ]);
  });

  it('never erases a signature with an empty one', () => {
    const accumulator = new ReasoningDetailsAccumulator();
    accumulator.add({
      type: 'reasoning.text',
      text: 'a',
      signature: 's',
      index: 0,
    });
    accumulator.add({
      type: 'reasoning.text',
      text: '',
      signature: '',
      index: 0,
    });

    expect(accumulator.snapshot()).toStrictEqual([
      { type: 'reasoning.text', text: 'a', signature: 's', index: 0 },
    ]);
  });

  it('merges deltas without an index into the unfinished entry before them', () => {
    const accumulator = new ReasoningDetailsAccumulator();
    accumulator.add({ type: 'reasoning.text', text: 'a' });
    accumulator.add({ type: 'reasoning.text', text: 'b' });
    accumulator.add({ type: 'reasoning.text', text: '', signature: 's' });
    // A signed entry is finished: the next delta starts a new one.
    accumulator.add({ type: 'reasoning.text', text: 'c' });
    accumulator.add({ type: 'reasoning.summary', summary: 'one' });

    expect(accumulator.snapshot()).toStrictEqual([
      { type: 'reasoning.text', text: 'ab', signature: 's' },
      { type: 'reasoning.text', text: 'c' },
      { type: 'reasoning.summary', summary: 'one' },
    ]);
  });

  it('never merges entries with different ids, and merges deltas of one id', () => {
    const accumulator = new ReasoningDetailsAccumulator();
    accumulator.add({ type: 'reasoning.encrypted', id: 'rs_1', data: 'AA' });
    accumulator.add({ type: 'reasoning.encrypted', id: 'rs_2', data: 'BB' });
    accumulator.add({ type: 'reasoning.encrypted', id: 'rs_1', data: 'CC' });
    // An id that arrives late still joins the entry it finishes.
    accumulator.add({ type: 'reasoning.text', text: 'a' });
    accumulator.add({ type: 'reasoning.text', text: 'b', id: 'rt_1' });

    expect(accumulator.snapshot()).toStrictEqual([
      { type: 'reasoning.encrypted', id: 'rs_1', data: 'AACC' },
      { type: 'reasoning.encrypted', id: 'rs_2', data: 'BB' },
      { type: 'reasoning.text', text: 'ab', id: 'rt_1' },
    ]);
  });

  it('hands out snapshots that later deltas do not change', () => {
    const accumulator = new ReasoningDetailsAccumulator();
    accumulator.add({ type: 'reasoning.text', text: 'a', index: 0 });
    const snapshot = accumulator.snapshot();
    accumulator.add({ type: 'reasoning.text', text: 'b', index: 0 });

    expect(snapshot).toStrictEqual([
      { type: 'reasoning.text', text: 'a', index: 0 },
    ]);
  });

  it('tells an empty array from no details at all', () => {
    const accumulator = new ReasoningDetailsAccumulator();
    expect(accumulator.wasReceived).toBe(false);
    accumulator.markReceived();
    expect(accumulator.wasReceived).toBe(true);
    expect(accumulator.snapshot()).toStrictEqual([]);
  });
});

describe('joinReasoningText', () => {
  it('separates sections by a blank line and skips ciphertext', () => {
    expect(
      joinReasoningText([
        { type: 'reasoning.summary', summary: 'One.', index: 0 },
        { type: 'reasoning.encrypted', data: 'zzz', index: 1 },
        { type: 'reasoning.summary', summary: 'Two.', index: 2 },
      ]),
    ).toBe('One.\n\nTwo.');
  });
});

describe('prepareReplayedReasoningDetails', () => {
  it('drops unsigned thinking text of formats that verify signatures, and keeps the rest', () => {
    const details = [
      {
        type: 'reasoning.text',
        text: 'unsigned',
        format: 'anthropic-claude-v1',
        index: 0,
      },
      {
        type: 'reasoning.text',
        text: 'empty',
        signature: '',
        format: 'google-gemini-v1',
        index: 1,
      },
      {
        type: 'reasoning.text',
        text: 'signed',
        signature: 's',
        format: 'anthropic-claude-v1',
        index: 2,
      },
      {
        type: 'reasoning.text',
        text: 'openai',
        format: 'openai-responses-v1',
        index: 3,
      },
      {
        type: 'reasoning.encrypted',
        data: 'x',
        format: 'google-gemini-v1',
        index: 4,
      },
    ];

    expect(
      prepareReplayedReasoningDetails(details).map(detail => detail.index),
    ).toStrictEqual([2, 3, 4]);
  });
});

describe('isBoundToUpstream', () => {
  it('is true for signed or encrypted details only', () => {
    expect(isBoundToUpstream([{ type: 'reasoning.text', text: 'a' }])).toBe(
      false,
    );
    expect(
      isBoundToUpstream([
        { type: 'reasoning.text', text: 'a', signature: 's' },
      ]),
    ).toBe(true);
    expect(
      isBoundToUpstream([{ type: 'reasoning.encrypted', data: 'x' }]),
    ).toBe(true);
  });
});
