import { describe, expect, it } from 'vitest';
import {
  createTerminalOutput,
  escapeJsonForTerminal,
  toOneLine,
  toTerminalText,
} from './terminal-text';

describe('toTerminalText', () => {
  it('removes escape sequences, bells and backspaces, C1 controls and bidi overrides', () => {
    expect(
      toTerminalText(
        'a\u001b]0;title\u0007b\u001b[2Jc\bd\u009b31me\u202ef\u2066g',
      ),
    ).toBe('a]0;titleb[2Jcd31mefg');
  });

  it('turns tabs and line breaks into spaces, so a value stays on its line', () => {
    expect(toTerminalText('a\tb\nc\r\nd\u0085e\u2028f')).toBe('a b c  d e f');
  });

  it('keeps every other character, surrogate pairs and lone surrogates included', () => {
    const text = 'héllo 😀 \ud800 ü → ∑';
    expect(toTerminalText(text)).toBe(text);
    expect(toTerminalText(`${text}\u001b`)).toBe(text);
  });
});

describe('toOneLine', () => {
  it('folds every run of whitespace and controls into one space', () => {
    expect(toOneLine('  Bad \n\n  request\u001b\t:\r\n  why  ')).toBe(
      'Bad request : why',
    );
  });
});

describe('escapeJsonForTerminal', () => {
  it('escapes the controls JSON.stringify leaves raw, keeping the value', () => {
    const value = { id: 'a\u007fb\u009bc\u0085d\u202ee\u2029f\u0001' };
    const json = escapeJsonForTerminal(JSON.stringify(value));

    expect(json).toBe(
      '{"id":"a\\u007fb\\u009bc\\u0085d\\u202ee\\u2029f\\u0001"}',
    );
    expect(JSON.parse(json)).toStrictEqual(value);
  });

  it('grows its output for text that expands six times, losing nothing', () => {
    const id = `${'\u009b'.repeat(100_000)}tail`;
    const json = escapeJsonForTerminal(JSON.stringify(id));

    expect(json).toHaveLength(2 + 6 * 100_000 + 4);
    expect(json.endsWith('tail"')).toBe(true);
    expect(JSON.parse(json)).toBe(id);
  });
});

describe('createTerminalOutput', () => {
  function capture(secrets: Array<string | undefined>) {
    const written: string[] = [];
    const output = createTerminalOutput(
      {
        stdout: text => written.push(`out:${text}`),
        stderr: text => written.push(`err:${text}`),
      },
      secrets,
    );
    return { output, written };
  }

  it('redacts each secret as configured, trimmed, JSON-escaped and printed', () => {
    const { output, written } = capture([
      '  key-with"quote\\and\ttab \n',
      'plain-provisioning-key',
      undefined,
      '   ',
    ]);

    output.stdout('raw key-with"quote\\and\ttab here\n');
    output.stdout('json "key-with\\"quote\\\\and\\ttab"\n');
    output.stderr(
      'printed key-with"quote\\and tab and plain-provisioning-key\n',
    );

    expect(written).toStrictEqual([
      'out:raw [REDACTED] here\n',
      'out:json "[REDACTED]"\n',
      'err:printed [REDACTED] and [REDACTED]\n',
    ]);
  });

  it('leaves words alone for a value too short to be a key', () => {
    const { output, written } = capture(['x', 'short']);

    output.stdout('google-vertex short\n');

    expect(written).toStrictEqual(['out:google-vertex short\n']);
  });

  it('keeps the newlines ending lines and drops every other control', () => {
    const { output, written } = capture([]);

    output.stdout('a\u001b[2J\tb\n\u009bc\n');

    expect(written).toStrictEqual(['out:a[2J b\nc\n']);
  });
});
