import {
  APICallError,
  type JSONObject,
  type SharedV4Warning,
  type SpeechModelV4CallOptions,
  type SpeechModelV4Result,
} from '@ai-sdk/provider';
import {
  extractResponseHeaders,
  type ResponseHandler,
} from '@ai-sdk/provider-utils';
import * as z from 'zod/v4';
import { createRoutedOptionsReader } from '../chat/openrouter-chat-options';
import {
  createOpenRouterApiCallError,
  extractOpenRouterErrorData,
} from '../http/openrouter-error';
import { parseJsonWithoutPrototypeKeys } from '../http/parse-json';
import { sendModelRequest } from '../http/send-openrouter-request';
import type { LazyModelSource } from '../model-base/load-on-first-use';
import { buildRequestBody } from '../options/build-request-body';
import { requestBodyOf } from '../options/read-options';
import {
  callerFields,
  providerOptionsOnlySchema,
} from '../options/request-fields';
import type {
  OpenRouterSpeechModelId,
  OpenRouterSpeechSettings,
} from './openrouter-speech-options';

// The documentation is on `OpenRouterSpeechOptions`.
export function buildSpeechOptionsSchema() {
  return z.looseObject({
    voice: z.string().min(1).optional(),
    response_format: z.string().min(1).optional(),
    speed: z.number().positive().optional(),
    provider: providerOptionsOnlySchema(),
    ...callerFields(),
  });
}

const readSpeechOptions = /* @__PURE__ */ createRoutedOptionsReader(
  buildSpeechOptionsSchema,
);

// `extraBody` is merged underneath, not sent as a field of its own.
const CONTROL_KEYS = new Set(['extraBody']);

/**
 * OpenRouter answers `pcm` when no format is asked for: raw samples that no
 * player (and not the AI SDK's media type detection) recognises. MP3 plays
 * everywhere.
 */
const DEFAULT_RESPONSE_FORMAT = 'mp3';

/**
 * What `OpenRouterSpeechModel` loads on its first call: the request over
 * `POST /audio/speech` and the reading of the audio it answers.
 */
export class OpenRouterSpeechModelImplementation {
  constructor(
    private readonly source: LazyModelSource<
      OpenRouterSpeechModelId,
      OpenRouterSpeechSettings
    >,
  ) {}

  async doGenerate({
    text,
    voice,
    outputFormat,
    instructions,
    speed,
    language,
    providerOptions,
    abortSignal,
    headers,
  }: SpeechModelV4CallOptions): Promise<SpeechModelV4Result> {
    const warnings: SharedV4Warning[] = [];
    // OpenRouter's speech request has no field for these; a provider that
    // takes them gets them through `provider.options`.
    if (instructions != null) {
      warnings.push({
        type: 'unsupported',
        feature: 'instructions',
        details:
          "OpenRouter's speech API has no instructions field; pass them to the provider as providerOptions.openrouter.provider.options[<provider slug>].instructions.",
      });
    }
    if (language != null) {
      warnings.push({
        type: 'unsupported',
        feature: 'language',
        details:
          "OpenRouter's speech API has no language field; pass it to the provider as providerOptions.openrouter.provider.options[<provider slug>].language.",
      });
    }

    const settings = readSpeechOptions(
      this.source.settings,
      'settings',
      warnings,
    );
    const options = readSpeechOptions(
      providerOptions?.openrouter,
      'providerOptions.openrouter',
      warnings,
    );
    const body = buildRequestBody({
      fixed: { model: this.source.modelId, input: text },
      layers: [
        {
          source: 'defaults',
          values: { response_format: DEFAULT_RESPONSE_FORMAT },
        },
        { source: 'extraBody', values: this.source.config.extraBody },
        {
          source: 'model settings',
          values: settings && requestBodyOf(settings, CONTROL_KEYS),
        },
        {
          source: 'call settings',
          values: { voice, speed, response_format: outputFormat },
        },
        {
          source: 'providerOptions.openrouter',
          values: options && requestBodyOf(options, CONTROL_KEYS),
        },
      ],
      reservedKeys: ['model', 'input'],
      warnings,
    });

    const { value: audio, responseHeaders } = await sendModelRequest(
      this.source.config,
      {
        method: 'POST',
        url: `${this.source.config.baseURL}/audio/speech`,
        callHeaders: headers,
        body,
        successfulResponseHandler: audioResponseHandler,
        abortSignal,
      },
    );

    // The body is the audio, so the cost is not in it: it is on the
    // generation record, `openrouter.generations.get(generationId)`.
    const metadata: JSONObject = {};
    const generationId = responseHeaders?.['x-generation-id'];
    if (generationId != null) {
      metadata.generationId = generationId;
    }
    const mediaType = responseHeaders?.['content-type'];
    if (mediaType != null) {
      metadata.mediaType = mediaType;
    }

    return {
      audio,
      warnings,
      request: { body },
      response: {
        timestamp: new Date(),
        modelId: this.source.modelId,
        headers: responseHeaders,
      },
      providerMetadata: { openrouter: metadata },
    };
  }
}

/**
 * The audio bytes of a 200. OpenRouter can answer 200 with an error body
 * (the upstream failed after routing); such a body is JSON, not audio, and
 * becomes an `APICallError` with the error's own status.
 */
const audioResponseHandler: ResponseHandler<Uint8Array> = async ({
  response,
  url,
  requestBodyValues,
}) => {
  const responseHeaders = extractResponseHeaders(response);
  const bytes = new Uint8Array(await response.arrayBuffer());
  const contentType = responseHeaders['content-type'] ?? '';
  if (!/\bjson\b/i.test(contentType)) {
    return { value: bytes, responseHeaders };
  }
  const responseBody = new TextDecoder().decode(bytes);
  let parsed: unknown;
  try {
    parsed = parseJsonWithoutPrototypeKeys(responseBody);
  } catch {
    parsed = undefined;
  }
  const error = extractOpenRouterErrorData(parsed);
  if (error != null) {
    throw createOpenRouterApiCallError({
      error,
      url,
      requestBodyValues,
      responseHeaders,
      responseBody,
      httpStatusCode: response.status,
    });
  }
  throw new APICallError({
    message: `OpenRouter answered the speech request with ${contentType}, not audio.`,
    url,
    requestBodyValues,
    statusCode: response.status,
    responseHeaders,
    responseBody,
    isRetryable: false,
  });
};
