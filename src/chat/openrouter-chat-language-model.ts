import {
  APICallError,
  type LanguageModelV4,
  type LanguageModelV4CallOptions,
  type LanguageModelV4GenerateResult,
  type LanguageModelV4StreamResult,
  type SharedV4Warning,
} from '@ai-sdk/provider';
import { postJsonToApi } from '@ai-sdk/provider-utils';
import { buildRequestBody } from '../build-request-body';
import type { OpenRouterConfig } from '../openrouter-config';
import { openRouterFailedResponseHandler } from '../openrouter-error';
import { resolveRequestHeaders } from '../openrouter-request-headers';
import { createOpenRouterJsonResponseHandler } from '../openrouter-response-handlers';
import { convertOpenRouterUsage } from './convert-openrouter-usage';
import {
  collectToolCallIds,
  convertToOpenRouterChatMessages,
  findReasoningUpstream,
} from './convert-to-openrouter-chat-messages';
import { mapLogprobs } from './map-openrouter-annotations';
import { mapOpenRouterFinishReason } from './map-openrouter-finish-reason';
import { mapOpenRouterReasoningOption } from './map-openrouter-reasoning-option';
import { mapOpenRouterResponseContent } from './map-openrouter-response-content';
import {
  countCacheBreakpoints,
  MAX_CACHE_BREAKPOINTS,
} from './openrouter-cache-control';
import type { OpenRouterChatModelId } from './openrouter-chat-model-id';
import {
  type OpenRouterChatSettings,
  parseOpenRouterCallOptions,
  parseOpenRouterChatOptions,
} from './openrouter-chat-options';
import { openRouterChatResponseSchema } from './openrouter-chat-response-schemas';
import { validateOpenRouterChatChunk } from './openrouter-chat-stream-parser';
import { prepareOpenRouterTools } from './openrouter-prepare-tools';
import { buildOpenRouterProviderMetadata } from './openrouter-provider-metadata';
import { toProviderSlug } from './openrouter-provider-slug';
import { streamOpenRouterParts } from './stream-openrouter-parts';

const HTTP_URL = /^https?:\/\/.+$/;

/** A chat model over OpenRouter's `POST /chat/completions`. */
export class OpenRouterChatLanguageModel implements LanguageModelV4 {
  readonly specificationVersion = 'v4';
  readonly modelId: OpenRouterChatModelId;
  /**
   * URLs OpenRouter fetches itself, so the AI SDK passes them through instead
   * of downloading them first: images, PDFs and videos (YouTube included).
   */
  readonly supportedUrls: Record<string, RegExp[]> = {
    'image/*': [HTTP_URL],
    'application/pdf': [HTTP_URL],
    'video/*': [HTTP_URL],
  };

  private readonly settings: OpenRouterChatSettings;
  private readonly config: OpenRouterConfig;

  constructor(
    modelId: OpenRouterChatModelId,
    settings: OpenRouterChatSettings,
    config: OpenRouterConfig,
  ) {
    this.modelId = modelId;
    this.settings = settings;
    this.config = config;
  }

  get provider(): string {
    return this.config.provider;
  }

  private async getArgs({
    prompt,
    maxOutputTokens,
    temperature,
    topP,
    topK,
    frequencyPenalty,
    presencePenalty,
    stopSequences,
    seed,
    responseFormat,
    tools,
    toolChoice,
    reasoning,
    providerOptions,
  }: LanguageModelV4CallOptions) {
    const warnings: SharedV4Warning[] = [];

    const modelOptions = parseOpenRouterChatOptions(this.settings, 'settings');
    const callOptions = parseOpenRouterCallOptions(providerOptions);

    const {
      tools: openRouterTools,
      toolChoice: openRouterToolChoice,
      toolWarnings,
    } = prepareOpenRouterTools({ tools, toolChoice });
    warnings.push(...toolWarnings);

    const body = buildRequestBody({
      fixed: {
        model: this.modelId,
        messages: convertToOpenRouterChatMessages(prompt),
      },
      layers: [
        { source: 'extraBody', values: this.config.extraBody },
        { source: 'model settings', values: modelOptions?.body },
        {
          source: 'call settings',
          values: {
            max_tokens: maxOutputTokens,
            temperature,
            top_p: topP,
            top_k: topK,
            frequency_penalty: frequencyPenalty,
            presence_penalty: presencePenalty,
            stop: stopSequences,
            seed,
            response_format: convertResponseFormat(
              responseFormat,
              callOptions?.strictJsonSchema ?? modelOptions?.strictJsonSchema,
            ),
            tool_choice: openRouterToolChoice,
            reasoning: mapOpenRouterReasoningOption(reasoning, warnings),
          },
        },
        { source: 'providerOptions.openrouter', values: callOptions?.body },
      ],
      reservedKeys: RESERVED_BODY_KEYS,
      warnings,
    });

    const pinReasoningUpstream =
      callOptions?.pinReasoningUpstream ??
      modelOptions?.pinReasoningUpstream ??
      true;
    if (pinReasoningUpstream && body.provider === undefined) {
      const upstream = findReasoningUpstream(prompt);
      if (upstream != null) {
        body.provider = { order: [toProviderSlug(upstream)] };
      }
    }

    const cacheBreakpoints =
      countCacheBreakpoints(body.messages) +
      (body.cache_control != null ? 1 : 0);
    if (cacheBreakpoints > MAX_CACHE_BREAKPOINTS) {
      warnings.push({
        type: 'other',
        message: `The request sets ${cacheBreakpoints} cache breakpoints; Anthropic models accept at most ${MAX_CACHE_BREAKPOINTS}, and the request may be rejected.`,
      });
    }

    // Tools are set last: no option may replace the definitions the call
    // gave, or the model would be offered tools the SDK cannot execute.
    if (openRouterTools != null) {
      body.tools = openRouterTools;
    }

    return { args: body, warnings };
  }

  async doGenerate(
    options: LanguageModelV4CallOptions,
  ): Promise<LanguageModelV4GenerateResult> {
    const { args, warnings } = await this.getArgs(options);
    const url = this.config.url('/chat/completions');

    const {
      responseHeaders,
      value: response,
      rawValue: rawResponse,
    } = await postJsonToApi({
      url,
      headers: resolveRequestHeaders(this.config, options.headers),
      body: args,
      failedResponseHandler: openRouterFailedResponseHandler,
      successfulResponseHandler: createOpenRouterJsonResponseHandler(
        openRouterChatResponseSchema,
      ),
      abortSignal: options.abortSignal,
      fetch: this.config.fetch,
    });

    const choice = response.choices?.[0];
    if (choice == null) {
      // An empty answer is a hiccup upstream; a new attempt usually works.
      throw new APICallError({
        message: 'OpenRouter returned a chat completion without any choices.',
        url,
        requestBodyValues: args,
        statusCode: 200,
        responseHeaders,
        responseBody: JSON.stringify(rawResponse),
        isRetryable: true,
      });
    }

    const content = mapOpenRouterResponseContent(choice.message, {
      servedBy: response.provider,
      previousToolCallIds: collectToolCallIds(options.prompt),
    });
    const unifiedFinishReason = mapOpenRouterFinishReason(choice.finish_reason);
    const hasToolCalls = content.some(part => part.type === 'tool-call');

    return {
      content,
      finishReason: {
        // Several upstreams end tool turns with `stop` or no reason at all.
        unified:
          hasToolCalls &&
          (unifiedFinishReason === 'stop' || unifiedFinishReason === 'other')
            ? 'tool-calls'
            : unifiedFinishReason,
        raw: choice.finish_reason ?? undefined,
      },
      usage: convertOpenRouterUsage(response.usage),
      providerMetadata: buildOpenRouterProviderMetadata({
        generationId: response.id,
        model: response.model,
        provider: response.provider,
        usage: response.usage,
        reasoningDetails: choice.message?.reasoning_details,
        annotations: choice.message?.annotations,
        logprobs: mapLogprobs(choice.logprobs),
      }),
      request: { url, body: args },
      response: {
        id: response.id ?? undefined,
        modelId: response.model ?? undefined,
        timestamp:
          response.created != null
            ? new Date(response.created * 1000)
            : undefined,
        headers: responseHeaders,
        body: rawResponse,
      },
      warnings,
    };
  }

  async doStream(
    options: LanguageModelV4CallOptions,
  ): Promise<LanguageModelV4StreamResult> {
    const { args, warnings } = await this.getArgs(options);
    return streamOpenRouterParts({
      config: this.config,
      path: '/chat/completions',
      args,
      warnings,
      options,
      validateChunk: validateOpenRouterChatChunk,
      previousToolCallIds: collectToolCallIds(options.prompt),
    });
  }
}

/**
 * `responseFormat` of the call as OpenRouter's `response_format`. A schema
 * becomes `json_schema`, strict unless the options turn strictness off; JSON
 * without a schema becomes `json_object`; text sends nothing.
 */
function convertResponseFormat(
  responseFormat: LanguageModelV4CallOptions['responseFormat'],
  strict: boolean | undefined,
) {
  if (responseFormat == null || responseFormat.type === 'text') {
    return undefined;
  }
  if (responseFormat.schema == null) {
    return { type: 'json_object' };
  }
  return {
    type: 'json_schema',
    json_schema: {
      name: responseFormat.name ?? 'response',
      ...(responseFormat.description != null
        ? { description: responseFormat.description }
        : {}),
      schema: responseFormat.schema,
      strict: strict ?? true,
    },
  };
}

/** Body keys that only this provider sets; options cannot override them. */
const RESERVED_BODY_KEYS = [
  'model',
  'messages',
  'prompt',
  'stream',
  'tools',
] as const;
