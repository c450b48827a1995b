import { describe, expect, it } from 'vitest';
import { mapArchitecture, mapModel } from './model';

describe('mapModel', () => {
  it('fills a model that has only an id and prices', () => {
    const model = mapModel({
      id: 'acme/tiny',
      pricing: { prompt: '0.000001', completion: '0.000002' },
    });

    expect(model).toStrictEqual({
      id: 'acme/tiny',
      canonicalSlug: null,
      huggingFaceId: null,
      name: 'acme/tiny',
      created: null,
      description: null,
      pricing: { prompt: 0.000001, completion: 0.000002 },
      contextLength: null,
      architecture: {
        tokenizer: null,
        instructType: null,
        modality: null,
        inputModalities: [],
        outputModalities: [],
      },
      topProvider: {
        contextLength: null,
        maxCompletionTokens: null,
        isModerated: null,
      },
      perRequestLimits: null,
      supportedParameters: [],
      defaultParameters: {
        temperature: null,
        topP: null,
        frequencyPenalty: null,
      },
      raw: {
        id: 'acme/tiny',
        pricing: { prompt: '0.000001', completion: '0.000002' },
      },
    });
  });

  it('treats an empty Hugging Face id as none and maps request limits', () => {
    const model = mapModel({
      id: 'acme/tiny',
      hugging_face_id: '',
      pricing: { prompt: 0, completion: 0 },
      per_request_limits: { prompt_tokens: 1000, completion_tokens: null },
    });

    expect(model.huggingFaceId).toBeNull();
    expect(model.perRequestLimits).toStrictEqual({
      promptTokens: 1000,
      completionTokens: null,
    });
  });
});

describe('mapArchitecture', () => {
  it('ignores a tokenizer that is not a string (an OpenAPI artifact)', () => {
    expect(
      mapArchitecture({ tokenizer: {}, modality: 'text->text' }),
    ).toMatchObject({
      tokenizer: null,
      modality: 'text->text',
    });
  });
});
