import { describe, expect, it } from 'vitest';
import type { OpenRouterModel } from '../api/model';
import { filterModels, isFreeModel, sortModels } from './filter-models';

function model(
  id: string,
  fields: {
    prompt?: number;
    completion?: number;
    request?: number;
    context?: number | null;
    created?: number | null;
    input?: string[];
    output?: string[];
    parameters?: string[];
  } = {},
): OpenRouterModel {
  return {
    id,
    canonicalSlug: id,
    huggingFaceId: null,
    name: id,
    created: fields.created ?? null,
    description: null,
    pricing: {
      prompt: fields.prompt ?? 0.000001,
      completion: fields.completion ?? 0.000002,
      ...(fields.request != null ? { request: fields.request } : {}),
    },
    contextLength: fields.context ?? null,
    architecture: {
      tokenizer: null,
      instructType: null,
      modality: null,
      inputModalities: fields.input ?? ['text'],
      outputModalities: fields.output ?? ['text'],
    },
    topProvider: {
      contextLength: null,
      maxCompletionTokens: null,
      isModerated: null,
    },
    perRequestLimits: null,
    supportedParameters: fields.parameters ?? [],
    defaultParameters: {
      temperature: null,
      topP: null,
      frequencyPenalty: null,
    },
    raw: {},
  };
}

const ids = (models: OpenRouterModel[]) => models.map(entry => entry.id);

describe('filterModels', () => {
  const catalogue = [
    model('a/tools', { parameters: ['tools', 'reasoning'] }),
    model('b/vision', { input: ['text', 'image'], parameters: ['tools'] }),
    model('c/painter', { input: ['text'], output: ['image', 'text'] }),
    model('d/free', { prompt: 0, completion: 0 }),
    model('e/free-per-request', { prompt: 0, completion: 0, request: 0.01 }),
  ];

  it('keeps models supporting every listed parameter', () => {
    expect(ids(filterModels(catalogue, { supports: ['tools'] }))).toStrictEqual(
      ['a/tools', 'b/vision'],
    );
    expect(
      ids(filterModels(catalogue, { supports: ['tools', 'reasoning'] })),
    ).toStrictEqual(['a/tools']);
  });

  it('filters by input, output or either modality', () => {
    expect(
      ids(filterModels(catalogue, { inputModalities: ['image'] })),
    ).toStrictEqual(['b/vision']);
    expect(
      ids(filterModels(catalogue, { outputModalities: ['image'] })),
    ).toStrictEqual(['c/painter']);
    expect(
      ids(filterModels(catalogue, { modalities: ['image'] })),
    ).toStrictEqual(['b/vision', 'c/painter']);
  });

  it('keeps only models free of token and request charges with --free', () => {
    expect(ids(filterModels(catalogue, { free: true }))).toStrictEqual([
      'd/free',
    ]);
    expect(isFreeModel(catalogue[4])).toBe(false);
  });

  it('keeps everything without filters', () => {
    expect(filterModels(catalogue, {})).toHaveLength(5);
  });
});

describe('sortModels', () => {
  it('sorts by input then output price, with varying prices last', () => {
    const sorted = sortModels(
      [
        model('router', { prompt: -1, completion: -1 }),
        model('pricey', { prompt: 0.00001 }),
        model('cheap-out', { prompt: 0.000001, completion: 0.000001 }),
        model('free', { prompt: 0, completion: 0 }),
        model('cheap', { prompt: 0.000001, completion: 0.000002 }),
        model('router-2', { prompt: -1, completion: -1 }),
      ],
      'price',
    );

    expect(ids(sorted)).toStrictEqual([
      'free',
      'cheap-out',
      'cheap',
      'pricey',
      'router',
      'router-2',
    ]);
  });

  it('sorts by context, largest first, unknown last', () => {
    expect(
      ids(
        sortModels(
          [
            model('none', { context: null }),
            model('small', { context: 8000 }),
            model('large', { context: 1_000_000 }),
          ],
          'context',
        ),
      ),
    ).toStrictEqual(['large', 'small', 'none']);
  });

  it('sorts by creation, newest first', () => {
    expect(
      ids(
        sortModels(
          [
            model('old', { created: 1 }),
            model('new', { created: 3 }),
            model('mid', { created: 2 }),
          ],
          'newest',
        ),
      ),
    ).toStrictEqual(['new', 'mid', 'old']);
  });

  it('does not change the list it was given', () => {
    const list = [model('b', { created: 1 }), model('a', { created: 2 })];
    sortModels(list, 'newest');
    expect(ids(list)).toStrictEqual(['b', 'a']);
  });
});
