import type { SharedV4Warning } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import { buildRequestBody } from './build-request-body';

const reservedKeys = ['model', 'messages', 'stream'] as const;

function ignoredWarning(source: string, key: string): SharedV4Warning {
  return {
    type: 'other',
    message: `${source} sets "${key}", which ai-sdk-openrouter controls itself; that value was ignored.`,
  };
}

describe('buildRequestBody', () => {
  it('lets later layers win over earlier ones', () => {
    const warnings: SharedV4Warning[] = [];

    const body = buildRequestBody({
      fixed: {},
      layers: [
        { source: 'extraBody', values: { temperature: 0.1, top_p: 0.5 } },
        { source: 'model settings', values: { temperature: 0.2, seed: 1 } },
        { source: 'providerOptions', values: { temperature: 0.3 } },
      ],
      reservedKeys,
      warnings,
    });

    expect(body).toStrictEqual({ temperature: 0.3, top_p: 0.5, seed: 1 });
    expect(warnings).toStrictEqual([]);
  });

  it('never lets an undefined value replace anything', () => {
    const body = buildRequestBody({
      fixed: {},
      layers: [
        { source: 'extraBody', values: { temperature: 0.1, user: 'alice' } },
        {
          source: 'providerOptions',
          values: { temperature: undefined, user: undefined, seed: undefined },
        },
      ],
      reservedKeys,
      warnings: [],
    });

    expect(body).toStrictEqual({ temperature: 0.1, user: 'alice' });
    expect('seed' in body).toBe(false);
  });

  it('lets a null value replace an earlier one', () => {
    const body = buildRequestBody({
      fixed: {},
      layers: [
        { source: 'extraBody', values: { stop: ['\n'] } },
        { source: 'providerOptions', values: { stop: null } },
      ],
      reservedKeys,
      warnings: [],
    });

    expect(body).toStrictEqual({ stop: null });
  });

  it('replaces whole top-level fields instead of merging them', () => {
    const body = buildRequestBody({
      fixed: {},
      layers: [
        {
          source: 'extraBody',
          values: { provider: { order: ['openai'], allow_fallbacks: false } },
        },
        { source: 'providerOptions', values: { provider: { sort: 'price' } } },
      ],
      reservedKeys,
      warnings: [],
    });

    expect(body).toStrictEqual({ provider: { sort: 'price' } });
  });

  it('skips layers without values', () => {
    const body = buildRequestBody({
      fixed: { model: 'openai/gpt-4o' },
      layers: [
        { source: 'extraBody', values: undefined },
        { source: 'providerOptions', values: { seed: 7 } },
      ],
      reservedKeys,
      warnings: [],
    });

    expect(body).toStrictEqual({ model: 'openai/gpt-4o', seed: 7 });
  });

  it('puts the fixed keys first and does not let layers override them', () => {
    const warnings: SharedV4Warning[] = [];
    const messages = [{ role: 'user', content: 'Hi' }];

    const body = buildRequestBody({
      fixed: { model: 'openai/gpt-4o', messages },
      layers: [
        {
          source: 'extraBody',
          values: { temperature: 0.5, model: 'anthropic/claude-sonnet-4' },
        },
        {
          source: 'providerOptions',
          values: { messages: [], stream: true, seed: 3 },
        },
      ],
      reservedKeys,
      warnings,
    });

    expect(body).toStrictEqual({
      model: 'openai/gpt-4o',
      messages,
      temperature: 0.5,
      seed: 3,
    });
    expect(Object.keys(body)).toStrictEqual([
      'model',
      'messages',
      'temperature',
      'seed',
    ]);
    expect(warnings).toStrictEqual([
      ignoredWarning('extraBody', 'model'),
      ignoredWarning('providerOptions', 'messages'),
      ignoredWarning('providerOptions', 'stream'),
    ]);
  });

  it('does not warn about a reserved key whose value is undefined', () => {
    const warnings: SharedV4Warning[] = [];

    const body = buildRequestBody({
      fixed: { model: 'openai/gpt-4o' },
      layers: [{ source: 'providerOptions', values: { model: undefined } }],
      reservedKeys,
      warnings,
    });

    expect(body).toStrictEqual({ model: 'openai/gpt-4o' });
    expect(warnings).toStrictEqual([]);
  });

  it('appends to the warnings it is given', () => {
    const earlier: SharedV4Warning = { type: 'other', message: 'earlier' };
    const warnings: SharedV4Warning[] = [earlier];

    buildRequestBody({
      fixed: {},
      layers: [{ source: 'extraBody', values: { stream: false } }],
      reservedKeys,
      warnings,
    });

    expect(warnings).toStrictEqual([
      earlier,
      ignoredWarning('extraBody', 'stream'),
    ]);
  });

  it('drops prototype keys with a warning', () => {
    const warnings: SharedV4Warning[] = [];
    const values = JSON.parse(
      '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}, "prototype": {"polluted": true}, "seed": 1}',
    ) as Record<string, unknown>;
    expect(Object.hasOwn(values, '__proto__')).toBe(true);

    const body = buildRequestBody({
      fixed: { model: 'openai/gpt-4o' },
      layers: [{ source: 'extraBody', values }],
      reservedKeys,
      warnings,
    });

    expect(body).toStrictEqual({ model: 'openai/gpt-4o', seed: 1 });
    expect(Object.keys(body)).toStrictEqual(['model', 'seed']);
    expect(Object.getPrototypeOf(body)).toBe(Object.prototype);
    expect(Object.hasOwn(body, '__proto__')).toBe(false);
    expect(Object.hasOwn(body, 'constructor')).toBe(false);
    expect((body as { polluted?: unknown }).polluted).toBe(undefined);
    expect(warnings).toStrictEqual([
      ignoredWarning('extraBody', '__proto__'),
      ignoredWarning('extraBody', 'constructor'),
      ignoredWarning('extraBody', 'prototype'),
    ]);
  });

  it('leaves Object.prototype untouched', () => {
    buildRequestBody({
      fixed: {},
      layers: [
        {
          source: 'providerOptions',
          values: JSON.parse('{"__proto__": {"polluted": true}}') as Record<
            string,
            unknown
          >,
        },
        {
          source: 'extraBody',
          values: JSON.parse(
            '{"constructor": {"prototype": {"polluted": true}}}',
          ) as Record<string, unknown>,
        },
      ],
      reservedKeys,
      warnings: [],
    });

    expect(Object.hasOwn(Object.prototype, 'polluted')).toBe(false);
    expect(({} as { polluted?: unknown }).polluted).toBe(undefined);
  });
});
