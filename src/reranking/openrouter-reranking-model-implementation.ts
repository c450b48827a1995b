import {
  InvalidArgumentError,
  InvalidResponseDataError,
  type JSONObject,
  type RerankingModelV4CallOptions,
  type RerankingModelV4Result,
  type SharedV4Warning,
} from '@ai-sdk/provider';
import { lazySchema, zodSchema } from '@ai-sdk/provider-utils';
import * as z from 'zod/v4';
import {
  createRoutedOptionsReader,
  getProviderRoutingSchema,
} from '../chat/openrouter-chat-options';
import { createOpenRouterJsonResponseHandler } from '../http/openrouter-response-handlers';
import { sendModelRequest } from '../http/send-openrouter-request';
import type { LazyModelSource } from '../model-base/load-on-first-use';
import { buildRequestBody } from '../options/build-request-body';
import { requestBodyOf } from '../options/read-options';
import { callerFields } from '../options/request-fields';
import type {
  OpenRouterRerankingModelId,
  OpenRouterRerankingSettings,
} from './openrouter-reranking-options';

// The documentation is on `OpenRouterRerankingOptions`.
export function buildRerankingOptionsSchema() {
  return z.looseObject({
    provider: getProviderRoutingSchema().optional(),
    ...callerFields(),
  });
}

const readRerankingOptions = /* @__PURE__ */ createRoutedOptionsReader(
  buildRerankingOptionsSchema,
);

// `extraBody` is merged underneath, not sent as a field of its own.
const CONTROL_KEYS = new Set(['extraBody']);

const rerankResponseSchema = lazySchema(() =>
  zodSchema(
    z.looseObject({
      id: z.string().nullish(),
      model: z.string().nullish(),
      provider: z.string().nullish(),
      results: z.array(
        z.looseObject({
          index: z.number().int(),
          relevance_score: z.number(),
        }),
      ),
      usage: z
        .looseObject({
          cost: z.number().nullish(),
          search_units: z.number().nullish(),
          total_tokens: z.number().nullish(),
        })
        .nullish(),
    }),
  ),
);

/**
 * What `OpenRouterRerankingModel` loads on its first call: the request over
 * `POST /rerank` and the mapping of its ranking.
 */
export class OpenRouterRerankingModelImplementation {
  constructor(
    private readonly source: LazyModelSource<
      OpenRouterRerankingModelId,
      OpenRouterRerankingSettings
    >,
  ) {}

  async doRerank({
    documents,
    query,
    topN,
    providerOptions,
    abortSignal,
    headers,
  }: RerankingModelV4CallOptions): Promise<RerankingModelV4Result> {
    if (
      topN != null &&
      (!Number.isInteger(topN) || topN < 1 || !Number.isFinite(topN))
    ) {
      throw new InvalidArgumentError({
        argument: 'topN',
        message: `topN must be a whole number of at least 1, got ${topN}.`,
      });
    }

    const warnings: SharedV4Warning[] = [];
    const settings = readRerankingOptions(
      this.source.settings,
      'settings',
      warnings,
    );
    const options = readRerankingOptions(
      providerOptions?.openrouter,
      'providerOptions.openrouter',
      warnings,
    );
    const body = buildRequestBody({
      fixed: {
        model: this.source.modelId,
        query,
        documents:
          documents.type === 'text'
            ? documents.values
            : documents.values.map(toRerankDocument),
      },
      layers: [
        { source: 'extraBody', values: this.source.config.extraBody },
        {
          source: 'model settings',
          values: settings && requestBodyOf(settings, CONTROL_KEYS),
        },
        { source: 'call settings', values: { top_n: topN } },
        {
          source: 'providerOptions.openrouter',
          values: options && requestBodyOf(options, CONTROL_KEYS),
        },
      ],
      reservedKeys: ['model', 'query', 'documents'],
      warnings,
    });

    const count = documents.values.length;
    // Built apart so that `readAnswer` below is typed by what it reads.
    const successfulResponseHandler =
      createOpenRouterJsonResponseHandler(rerankResponseSchema);
    const {
      value: response,
      rawValue,
      responseHeaders,
    } = await sendModelRequest(this.source.config, {
      method: 'POST',
      url: `${this.source.config.baseURL}/rerank`,
      callHeaders: headers,
      body,
      successfulResponseHandler,
      abortSignal,
      readAnswer: answer => {
        const seen = new Set<number>();
        for (const result of answer.value.results) {
          if (
            result.index < 0 ||
            result.index >= count ||
            seen.has(result.index)
          ) {
            throw new InvalidResponseDataError({
              data: answer.rawValue,
              message: `OpenRouter ranked document ${result.index}, which does not match the ${count} document(s) sent.`,
            });
          }
          seen.add(result.index);
        }
        return answer;
      },
    });

    const metadata: JSONObject = {};
    if (response.provider != null) {
      metadata.provider = response.provider;
    }
    if (response.model != null) {
      metadata.model = response.model;
    }
    if (response.id != null) {
      metadata.generationId = response.id;
    }
    const usage = response.usage;
    if (usage != null) {
      const kept: JSONObject = {};
      if (usage.search_units != null) {
        kept.searchUnits = usage.search_units;
      }
      if (usage.total_tokens != null) {
        kept.totalTokens = usage.total_tokens;
      }
      if (usage.cost != null) {
        kept.cost = usage.cost;
        metadata.cost = usage.cost;
      }
      metadata.usage = kept;
    }

    return {
      // In the API's order, which is by relevance.
      ranking: response.results.map(result => ({
        index: result.index,
        relevanceScore: result.relevance_score,
      })),
      warnings,
      providerMetadata: { openrouter: metadata },
      response: {
        ...(response.id != null ? { id: response.id } : {}),
        ...(response.model != null ? { modelId: response.model } : {}),
        headers: responseHeaders,
        body: rawValue,
      },
    };
  }
}

/**
 * An object document as OpenRouter takes it: `{ text, image }` as it is
 * (an image makes it a multimodal document), anything else as its JSON
 * text, which is what a text reranker can read.
 */
function toRerankDocument(document: JSONObject): string | JSONObject {
  const keys = Object.keys(document);
  const isDocumentShape =
    keys.length > 0 &&
    keys.every(
      key =>
        (key === 'text' || key === 'image') &&
        typeof document[key] === 'string',
    );
  return isDocumentShape ? document : JSON.stringify(document);
}
