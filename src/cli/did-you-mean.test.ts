import { describe, expect, it } from 'vitest';
import { closestName, didYouMean } from './did-you-mean';

const PARAMETERS = ['tools', 'tool_choice', 'reasoning', 'structured_outputs'];

describe('closestName', () => {
  it.each([
    ['tool', 'tools'],
    ['Tools', 'tools'],
    ['tool-choice', 'tool_choice'],
    ['toolchoice', 'tool_choice'],
    ['reasonign', 'reasoning'],
    ['structured_output', 'structured_outputs'],
  ])('suggests %s → %s', (given, expected) => {
    expect(closestName(given, PARAMETERS)).toBe(expected);
  });

  it.each([['teleportation'], ['tls'], ['x'], ['t'.repeat(10_000)]])(
    'suggests nothing for %s',
    given => {
      expect(closestName(given, PARAMETERS)).toBeUndefined();
    },
  );

  it('allows one edit in short names and two in longer ones', () => {
    expect(closestName('prce', ['price'])).toBe('price');
    expect(closestName('pirce', ['price'])).toBe('price');
    expect(closestName('ab', ['xy'])).toBeUndefined();
    expect(closestName('contxet', ['context'])).toBe('context');
  });

  it('prefers the closer name, then the one listed first', () => {
    expect(closestName('modles', ['modal', 'models'])).toBe('models');
    expect(closestName('cat', ['bat', 'hat'])).toBe('bat');
  });
});

describe('didYouMean', () => {
  it('phrases the suggestion, or says nothing', () => {
    expect(didYouMean('tool', PARAMETERS)).toBe(' Did you mean "tools"?');
    expect(didYouMean('teleportation', PARAMETERS)).toBe('');
  });
});
