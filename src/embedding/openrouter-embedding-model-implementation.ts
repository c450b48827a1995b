import {
  type EmbeddingModelV4CallOptions,
  type EmbeddingModelV4Result,
  InvalidResponseDataError,
  type SharedV4Warning,
  TooManyEmbeddingValuesForCallError,
} from '@ai-sdk/provider';
import {
  convertBase64ToUint8Array,
  lazySchema,
  zodSchema,
} from '@ai-sdk/provider-utils';
import * as z from 'zod/v4';
import { openRouterUsageSchema } from '../chat/openrouter-chat-response-schemas';
import { buildOpenRouterProviderMetadata } from '../chat/openrouter-provider-metadata';
import { createOpenRouterJsonResponseHandler } from '../http/openrouter-response-handlers';
import { sendModelRequest } from '../http/send-openrouter-request';
import type { LazyModelSource } from '../model-base/load-on-first-use';
import { buildRequestBody } from '../options/build-request-body';
import { OPENROUTER_MAX_EMBEDDINGS_PER_CALL } from './openrouter-embedding-batch-size';
import type { OpenRouterEmbeddingModelId } from './openrouter-embedding-options';
import {
  type OpenRouterEmbeddingSettings,
  parseOpenRouterEmbeddingOptions,
} from './openrouter-embedding-options';

const embeddingResponseSchema = lazySchema(() =>
  zodSchema(
    z.looseObject({
      id: z.string().nullish(),
      model: z.string().nullish(),
      provider: z.string().nullish(),
      data: z.array(
        z.looseObject({
          index: z.number().nullish(),
          embedding: z.union([z.array(z.number()), z.string()]),
        }),
      ),
      usage: openRouterUsageSchema.nullish(),
    }),
  ),
);

/**
 * What `OpenRouterEmbeddingModel` loads on its first call: the request, the
 * response schema and the vector decoding.
 */
export class OpenRouterEmbeddingModelImplementation {
  constructor(
    private readonly source: LazyModelSource<
      OpenRouterEmbeddingModelId,
      OpenRouterEmbeddingSettings
    >,
  ) {}

  async doEmbed({
    values,
    dimensions,
    abortSignal,
    providerOptions,
    headers,
  }: EmbeddingModelV4CallOptions): Promise<EmbeddingModelV4Result> {
    if (values.length > OPENROUTER_MAX_EMBEDDINGS_PER_CALL) {
      throw new TooManyEmbeddingValuesForCallError({
        provider: this.source.config.provider,
        modelId: this.source.modelId,
        maxEmbeddingsPerCall: OPENROUTER_MAX_EMBEDDINGS_PER_CALL,
        values,
      });
    }

    const warnings: SharedV4Warning[] = [];
    const body = buildRequestBody({
      fixed: { model: this.source.modelId, input: values },
      layers: [
        { source: 'extraBody', values: this.source.config.extraBody },
        {
          source: 'model settings',
          values: parseOpenRouterEmbeddingOptions(
            this.source.settings,
            'settings',
            warnings,
          ),
        },
        { source: 'call settings', values: { dimensions } },
        {
          source: 'providerOptions.openrouter',
          values: parseOpenRouterEmbeddingOptions(
            providerOptions?.openrouter,
            'providerOptions.openrouter',
            warnings,
          ),
        },
      ],
      reservedKeys: ['model', 'input'],
      warnings,
    });

    const url = `${this.source.config.baseURL}/embeddings`;
    // Built apart so that `readAnswer` below is typed by what it reads.
    const successfulResponseHandler = createOpenRouterJsonResponseHandler(
      embeddingResponseSchema,
    );
    const {
      responseHeaders,
      value: response,
      rawValue,
      embeddings,
    } = await sendModelRequest(this.source.config, {
      method: 'POST',
      url,
      callHeaders: headers,
      body,
      successfulResponseHandler,
      abortSignal,
      readAnswer: answer => ({
        ...answer,
        embeddings: placeByIndex(
          answer.value.data,
          values.length,
          answer.rawValue,
        ),
      }),
    });

    return {
      embeddings,
      usage:
        response.usage?.prompt_tokens != null
          ? { tokens: response.usage.prompt_tokens }
          : undefined,
      providerMetadata: buildOpenRouterProviderMetadata({
        generationId: response.id,
        model: response.model,
        provider: response.provider,
        usage: response.usage,
      }),
      response: { headers: responseHeaders, body: rawValue },
      warnings,
    };
  }
}

/**
 * Vectors in input order, placed by each item's `index` (upstreams do not
 * promise array order) and decoded when they arrive as base64.
 */
function placeByIndex(
  data: Array<{ index?: number | null; embedding: number[] | string }>,
  count: number,
  rawValue: unknown,
): number[][] {
  const embeddings: Array<number[] | undefined> = new Array(count);
  for (const [position, item] of data.entries()) {
    const index = item.index ?? position;
    if (index < 0 || index >= count || embeddings[index] != null) {
      throw new InvalidResponseDataError({
        data: rawValue,
        message: `OpenRouter returned an embedding for index ${index}, which does not match the ${count} input(s).`,
      });
    }
    embeddings[index] =
      typeof item.embedding === 'string'
        ? decodeBase64Floats(item.embedding)
        : item.embedding;
  }
  const missing = embeddings.findIndex(embedding => embedding == null);
  if (missing !== -1 || embeddings.length !== count) {
    throw new InvalidResponseDataError({
      data: rawValue,
      message: `OpenRouter returned ${data.length} embedding(s) for ${count} input(s).`,
    });
  }
  return embeddings as number[][];
}

/** `encoding_format: 'base64'` vectors are little-endian float32 arrays. */
function decodeBase64Floats(base64: string): number[] {
  const bytes = convertBase64ToUint8Array(base64);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const values: number[] = [];
  for (let offset = 0; offset + 4 <= bytes.byteLength; offset += 4) {
    values.push(view.getFloat32(offset, true));
  }
  return values;
}
