import {
  APICallError,
  type LanguageModelV4,
  type LanguageModelV4CallOptions,
  type LanguageModelV4GenerateResult,
  type LanguageModelV4StreamResult,
  type SharedV4Warning,
} from '@ai-sdk/provider';
import { lazySchema, postJsonToApi, zodSchema } from '@ai-sdk/provider-utils';
import { z } from 'zod/v4';
import { buildRequestBody } from '../build-request-body';
import { convertOpenRouterUsage } from '../chat/convert-openrouter-usage';
import { mapOpenRouterFinishReason } from '../chat/map-openrouter-finish-reason';
import {
  type OpenRouterChatSettings,
  parseOpenRouterCallOptions,
  parseOpenRouterChatOptions,
} from '../chat/openrouter-chat-options';
import { responseEnvelopeFields } from '../chat/openrouter-chat-response-schemas';
import { validateOpenRouterCompletionChunk } from '../chat/openrouter-chat-stream-parser';
import { buildOpenRouterProviderMetadata } from '../chat/openrouter-provider-metadata';
import { streamOpenRouterParts } from '../chat/stream-openrouter-parts';
import type { OpenRouterConfig } from '../openrouter-config';
import { openRouterFailedResponseHandler } from '../openrouter-error';
import { resolveRequestHeaders } from '../openrouter-request-headers';
import { createOpenRouterJsonResponseHandler } from '../openrouter-response-handlers';
import { convertToOpenRouterCompletionPrompt } from './convert-to-openrouter-completion-prompt';

/** Completion models, e.g. `openai/gpt-3.5-turbo-instruct`. */
export type OpenRouterCompletionModelId =
  | 'openai/gpt-3.5-turbo-instruct'
  | (string & {});

/** Completion settings take the same fields as chat settings. */
export type OpenRouterCompletionSettings = OpenRouterChatSettings;

// Built on first use, not at import, to keep cold starts short.
function completionSchemaShape() {
  return z.looseObject({
    ...responseEnvelopeFields(),
    choices: z
      .array(
        z.looseObject({
          text: z.string().nullish(),
          finish_reason: z.string().nullish(),
        }),
      )
      .nullish(),
  });
}

const completionSchema = lazySchema(() => zodSchema(completionSchemaShape()));

/**
 * A language model over OpenRouter's legacy `POST /completions`: the prompt
 * becomes one text to continue. Tools, files and structured output need a
 * chat model; asking for them here gives a clear error or a warning.
 */
export class OpenRouterCompletionLanguageModel implements LanguageModelV4 {
  readonly specificationVersion = 'v4';
  readonly supportedUrls: Record<string, RegExp[]> = {};
  readonly modelId: OpenRouterCompletionModelId;

  private readonly settings: OpenRouterCompletionSettings;
  private readonly config: OpenRouterConfig;

  constructor(
    modelId: OpenRouterCompletionModelId,
    settings: OpenRouterCompletionSettings,
    config: OpenRouterConfig,
  ) {
    this.modelId = modelId;
    this.settings = settings;
    this.config = config;
  }

  get provider(): string {
    return this.config.provider;
  }

  private getArgs({
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

    // `ai` passes `toolChoice: auto` on every call; only real tools matter.
    if (tools != null && tools.length > 0) {
      warnings.push({
        type: 'unsupported',
        feature: 'tools',
        details: 'Completion models cannot call tools; use a chat model.',
      });
    } else if (toolChoice != null && toolChoice.type !== 'auto') {
      warnings.push({ type: 'unsupported', feature: 'toolChoice' });
    }
    if (responseFormat != null && responseFormat.type !== 'text') {
      warnings.push({
        type: 'unsupported',
        feature: 'responseFormat',
        details: 'Use a chat model for structured output.',
      });
    }
    if (reasoning != null && reasoning !== 'provider-default') {
      warnings.push({ type: 'unsupported', feature: 'reasoning' });
    }

    const converted = convertToOpenRouterCompletionPrompt(prompt);
    const stop = [...(stopSequences ?? []), ...converted.stopSequences];

    const body = buildRequestBody({
      fixed: { model: this.modelId, prompt: converted.prompt },
      layers: [
        { source: 'extraBody', values: this.config.extraBody },
        {
          source: 'model settings',
          values: parseOpenRouterChatOptions(this.settings, 'settings')?.body,
        },
        {
          source: 'call settings',
          values: {
            max_tokens: maxOutputTokens,
            temperature,
            top_p: topP,
            top_k: topK,
            frequency_penalty: frequencyPenalty,
            presence_penalty: presencePenalty,
            stop: stop.length > 0 ? stop : undefined,
            seed,
          },
        },
        {
          source: 'providerOptions.openrouter',
          values: parseOpenRouterCallOptions(providerOptions)?.body,
        },
      ],
      reservedKeys: ['model', 'prompt', 'messages', 'stream', 'tools'],
      warnings,
    });

    return { args: body, warnings };
  }

  async doGenerate(
    options: LanguageModelV4CallOptions,
  ): Promise<LanguageModelV4GenerateResult> {
    const { args, warnings } = this.getArgs(options);
    const url = this.config.url('/completions');

    const {
      responseHeaders,
      value: response,
      rawValue,
    } = await postJsonToApi({
      url,
      headers: resolveRequestHeaders(this.config, options.headers),
      body: args,
      failedResponseHandler: openRouterFailedResponseHandler,
      successfulResponseHandler:
        createOpenRouterJsonResponseHandler(completionSchema),
      abortSignal: options.abortSignal,
      fetch: this.config.fetch,
    });

    const choice = response.choices?.[0];
    if (choice == null) {
      // An empty answer is a hiccup upstream; a new attempt usually works.
      throw new APICallError({
        message: 'OpenRouter returned a completion without any choices.',
        url,
        requestBodyValues: args,
        statusCode: 200,
        responseHeaders,
        responseBody: JSON.stringify(rawValue),
        isRetryable: true,
      });
    }

    return {
      content:
        choice.text != null && choice.text !== ''
          ? [{ type: 'text', text: choice.text }]
          : [],
      finishReason: {
        unified: mapOpenRouterFinishReason(choice.finish_reason),
        raw: choice.finish_reason ?? undefined,
      },
      usage: convertOpenRouterUsage(response.usage),
      providerMetadata: buildOpenRouterProviderMetadata({
        generationId: response.id,
        model: response.model,
        provider: response.provider,
        usage: response.usage,
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
        body: rawValue,
      },
      warnings,
    };
  }

  async doStream(
    options: LanguageModelV4CallOptions,
  ): Promise<LanguageModelV4StreamResult> {
    const { args, warnings } = this.getArgs(options);
    return streamOpenRouterParts({
      config: this.config,
      path: '/completions',
      args,
      warnings,
      options,
      validateChunk: validateOpenRouterCompletionChunk,
    });
  }
}
