import {
  InvalidArgumentError,
  type JSONObject,
  type SharedV4Warning,
  type TranscriptionModelV4CallOptions,
  type TranscriptionModelV4Result,
} from '@ai-sdk/provider';
import {
  convertUint8ArrayToBase64,
  lazySchema,
  zodSchema,
} from '@ai-sdk/provider-utils';
import * as z from 'zod/v4';
import { createRoutedOptionsReader } from '../chat/openrouter-chat-options';
import { createOpenRouterJsonResponseHandler } from '../http/openrouter-response-handlers';
import { sendModelRequest } from '../http/send-openrouter-request';
import type { LazyModelSource } from '../model-base/load-on-first-use';
import { buildRequestBody } from '../options/build-request-body';
import { requestBodyOf } from '../options/read-options';
import {
  callerFields,
  providerOptionsOnlySchema,
} from '../options/request-fields';
import type {
  OpenRouterTranscriptionModelId,
  OpenRouterTranscriptionSettings,
} from './openrouter-transcription-options';
import { transcriptionAudioFormat } from './transcription-audio-format';

// The documentation is on `OpenRouterTranscriptionOptions`.
export function buildTranscriptionOptionsSchema() {
  return z.looseObject({
    language: z.string().min(1).optional(),
    prompt: z.string().optional(),
    temperature: z.number().min(0).max(1).optional(),
    response_format: z.enum(['json', 'verbose_json']).optional(),
    timestamp_granularities: z.array(z.enum(['segment', 'word'])).optional(),
    provider: providerOptionsOnlySchema(),
    ...callerFields(),
  });
}

const readTranscriptionOptions = /* @__PURE__ */ createRoutedOptionsReader(
  buildTranscriptionOptionsSchema,
);

// `extraBody` is merged underneath, not sent as a field of its own.
const CONTROL_KEYS = new Set(['extraBody']);

const timedTextSchema = {
  start: z.number(),
  end: z.number(),
};

const transcriptionResponseSchema = lazySchema(() =>
  zodSchema(
    z.looseObject({
      text: z.string(),
      language: z.string().nullish(),
      duration: z.number().nullish(),
      task: z.string().nullish(),
      confidence: z.number().nullish(),
      segments: z
        .array(z.looseObject({ ...timedTextSchema, text: z.string() }))
        .nullish(),
      words: z
        .array(z.looseObject({ ...timedTextSchema, word: z.string() }))
        .nullish(),
      usage: z
        .looseObject({
          cost: z.number().nullish(),
          seconds: z.number().nullish(),
          input_tokens: z.number().nullish(),
          output_tokens: z.number().nullish(),
          total_tokens: z.number().nullish(),
        })
        .nullish(),
    }),
  ),
);

/**
 * What `OpenRouterTranscriptionModel` loads on its first call: the request
 * over `POST /audio/transcriptions` and the mapping of its answer.
 */
export class OpenRouterTranscriptionModelImplementation {
  constructor(
    private readonly source: LazyModelSource<
      OpenRouterTranscriptionModelId,
      OpenRouterTranscriptionSettings
    >,
  ) {}

  async doGenerate({
    audio,
    mediaType,
    timestampGranularities,
    providerOptions,
    abortSignal,
    headers,
  }: TranscriptionModelV4CallOptions): Promise<TranscriptionModelV4Result> {
    // Refused before anything is read or sent: OpenRouter would charge for
    // the upload and then fail it.
    const format = transcriptionAudioFormat(mediaType);
    if (format == null) {
      throw new InvalidArgumentError({
        argument: 'mediaType',
        message: `OpenRouter transcribes wav, mp3, flac, m4a, ogg, webm and aac audio; "${mediaType}" is none of them. Convert the audio, or pass its bytes with a supported media type.`,
      });
    }
    if (audio.length === 0) {
      throw new InvalidArgumentError({
        argument: 'audio',
        message: 'The audio to transcribe is empty.',
      });
    }

    const warnings: SharedV4Warning[] = [];
    const settings = readTranscriptionOptions(
      this.source.settings,
      'settings',
      warnings,
    );
    const options = readTranscriptionOptions(
      providerOptions?.openrouter,
      'providerOptions.openrouter',
      warnings,
    );
    const explicitGranularities =
      options?.timestamp_granularities ?? settings?.timestamp_granularities;
    const granularities = (explicitGranularities ??
      (timestampGranularities != null && timestampGranularities.length > 0
        ? timestampGranularities
        : undefined)) as string[] | undefined;
    const responseFormat =
      options?.response_format ??
      settings?.response_format ??
      (granularities != null && granularities.length > 0
        ? 'verbose_json'
        : undefined);

    const body = buildRequestBody({
      fixed: {
        model: this.source.modelId,
        input_audio: {
          data:
            typeof audio === 'string'
              ? audio
              : convertUint8ArrayToBase64(audio),
          format,
        },
      },
      layers: [
        { source: 'extraBody', values: this.source.config.extraBody },
        {
          source: 'model settings',
          values: settings && requestBodyOf(settings, CONTROL_KEYS),
        },
        {
          source: 'providerOptions.openrouter',
          values: options && requestBodyOf(options, CONTROL_KEYS),
        },
        {
          source: 'call settings',
          values: {
            response_format: responseFormat,
            timestamp_granularities: granularities,
          },
        },
      ],
      reservedKeys: ['model', 'input_audio'],
      warnings,
    });

    const {
      value: response,
      rawValue,
      responseHeaders,
    } = await sendModelRequest(this.source.config, {
      method: 'POST',
      url: `${this.source.config.baseURL}/audio/transcriptions`,
      callHeaders: headers,
      body,
      successfulResponseHandler: createOpenRouterJsonResponseHandler(
        transcriptionResponseSchema,
      ),
      abortSignal,
    });

    if (granularities?.includes('word') && response.words == null) {
      warnings.push({
        type: 'other',
        message:
          'Word timings were asked for, but the provider that served the request returned none.',
      });
    }

    const usage = response.usage;
    const metadata: JSONObject = {};
    const generationId = responseHeaders?.['x-generation-id'];
    if (generationId != null) {
      metadata.generationId = generationId;
    }
    if (usage?.cost != null) {
      metadata.cost = usage.cost;
    }
    if (usage != null) {
      metadata.usage = withoutNulls({
        cost: usage.cost,
        seconds: usage.seconds,
        inputTokens: usage.input_tokens,
        outputTokens: usage.output_tokens,
        totalTokens: usage.total_tokens,
      });
    }
    if (response.confidence != null) {
      metadata.confidence = response.confidence;
    }

    return {
      text: response.text,
      segments: (response.segments ?? []).map(segment => ({
        text: segment.text,
        startSecond: segment.start,
        endSecond: segment.end,
      })),
      ...(response.words != null
        ? {
            words: response.words.map(word => ({
              text: word.word,
              startSecond: word.start,
              endSecond: word.end,
            })),
          }
        : {}),
      language: response.language ?? undefined,
      durationInSeconds: response.duration ?? usage?.seconds ?? undefined,
      warnings,
      ...(isObject(rawValue) && isObject(rawValue.usage)
        ? { usage: rawValue.usage as JSONObject }
        : {}),
      response: {
        timestamp: new Date(),
        modelId: this.source.modelId,
        headers: responseHeaders,
        body: rawValue,
      },
      providerMetadata: { openrouter: metadata },
    };
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function withoutNulls(values: Record<string, number | null | undefined>) {
  const kept: JSONObject = {};
  for (const [key, value] of Object.entries(values)) {
    if (value != null) {
      kept[key] = value;
    }
  }
  return kept;
}
