import type {
  LanguageModelV4,
  LanguageModelV4CallOptions,
  LanguageModelV4GenerateResult,
  LanguageModelV4StreamResult,
  SharedV4Warning,
} from '@ai-sdk/provider';
import { convertOpenRouterUsage } from '../chat/convert-openrouter-usage';
import { mapOpenRouterFinishReason } from '../chat/map-openrouter-finish-reason';
import type { OpenRouterChatSettings } from '../chat/openrouter-chat-options';
import { buildOpenRouterProviderMetadata } from '../chat/openrouter-provider-metadata';
import { readOpenRouterChatOptions } from '../chat/read-openrouter-chat-options';
import { streamOpenRouterParts } from '../chat/stream-openrouter-parts';
import { loadOnFirstUse } from '../model-base/load-on-first-use';
import {
  OpenRouterModel,
  type OpenRouterModelClass,
} from '../model-base/openrouter-model';
import {
  buildRequestBody,
  standardCallSettings,
} from '../options/build-request-body';
import { convertToOpenRouterCompletionPrompt } from './convert-to-openrouter-completion-prompt';
import { validateOpenRouterCompletionChunk } from './openrouter-completion-stream-parser';

/** Completion models, e.g. `openai/gpt-3.5-turbo-instruct`. */
export type OpenRouterCompletionModelId =
  | 'openai/gpt-3.5-turbo-instruct'
  | (string & {});

/** Completion settings take the same fields as chat settings, and `suffix`. */
export type OpenRouterCompletionSettings = OpenRouterChatSettings & {
  /** Text that comes after the completion, for models that fill in. */
  suffix?: string | undefined;
};

// The non-streaming path (shared with the chat model) and the response
// schema load, once, on the first `doGenerate`, so an app that only streams
// ships neither, nor zod.
const loadGeneratePath = loadOnFirstUse(async () => {
  const [generatePath, { completionResponseSchema }] = await Promise.all([
    import('../chat/generate-openrouter-response'),
    import('./openrouter-completion-response-schema'),
  ]);
  return { ...generatePath, completionResponseSchema };
});

/**
 * The completion model `createOpenRouter().completion()` returns: an AI SDK
 * language model over OpenRouter's legacy `POST /completions`.
 */
export interface OpenRouterCompletionLanguageModel extends LanguageModelV4 {
  /** The URLs the model passes to OpenRouter rather than downloading. */
  readonly supportedUrls: Record<string, RegExp[]>;
  /**
   * Kept from `@openrouter/ai-sdk-provider`, which sets it; AI SDK v7
   * reads `supportedUrls` instead.
   */
  readonly supportsImageUrls: true;
  /**
   * Kept from `@openrouter/ai-sdk-provider`, which sets it; AI SDK v7
   * no longer reads it.
   */
  readonly defaultObjectGenerationMode: undefined;
  readonly modelId: OpenRouterCompletionModelId;
  /** The settings the model was created with. */
  readonly settings: OpenRouterCompletionSettings;
  doGenerate(
    options: LanguageModelV4CallOptions,
  ): Promise<LanguageModelV4GenerateResult>;
  doStream(
    options: LanguageModelV4CallOptions,
  ): Promise<LanguageModelV4StreamResult>;
}

/**
 * A language model over OpenRouter's legacy `POST /completions`: the prompt
 * becomes one text to continue. Tools, files and structured output need a
 * chat model; asking for them here gives a clear error or a warning.
 *
 * @internal The provider builds models with it; the published
 * declarations show the interface above only.
 */
export const OpenRouterCompletionLanguageModel: OpenRouterModelClass<
  OpenRouterCompletionLanguageModel,
  OpenRouterCompletionModelId,
  OpenRouterCompletionSettings
> = class OpenRouterCompletionLanguageModel
  extends OpenRouterModel<
    OpenRouterCompletionModelId,
    OpenRouterCompletionSettings
  >
  implements LanguageModelV4
{
  readonly supportedUrls: Record<string, RegExp[]> = {};

  /**
   * Declared by `@openrouter/ai-sdk-provider`'s completion model, and kept
   * for code that reads it. A completion prompt takes no images either way.
   */
  readonly supportsImageUrls = true;

  /**
   * Declared by `@openrouter/ai-sdk-provider`'s completion model, and kept
   * for code that reads it: no structured-output mode, as completion models
   * have none.
   */
  readonly defaultObjectGenerationMode: undefined = undefined;

  private async getArgs(options: LanguageModelV4CallOptions) {
    const {
      prompt,
      stopSequences,
      responseFormat,
      tools,
      toolChoice,
      reasoning,
      providerOptions,
    } = options;
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

    // A prompt a completion model cannot take is refused before the options
    // are checked, so their schemas are not loaded for nothing.
    const converted = convertToOpenRouterCompletionPrompt(prompt);
    const stop = [...(stopSequences ?? []), ...converted.stopSequences];
    const { modelOptions, callOptions } = await readOpenRouterChatOptions(
      this.settings,
      providerOptions,
    );
    warnings.push(
      ...(modelOptions?.warnings ?? []),
      ...(callOptions?.warnings ?? []),
    );

    const body = buildRequestBody({
      fixed: { model: this.modelId, prompt: converted.prompt },
      layers: [
        { source: 'extraBody', values: this.config.extraBody },
        {
          source: 'model settings',
          values: modelOptions?.body,
        },
        {
          source: 'call settings',
          values: standardCallSettings(
            options,
            stop.length > 0 ? stop : undefined,
          ),
        },
        {
          source: 'providerOptions.openrouter',
          values: callOptions?.body,
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
    const { args, warnings } = await this.getArgs(options);
    const { generateOpenRouterResponse, completionResponseSchema } =
      await loadGeneratePath();
    const { answer, choice, request, response } =
      await generateOpenRouterResponse({
        config: this.config,
        path: '/completions',
        args,
        options,
        schema: completionResponseSchema,
      });

    return {
      content:
        choice.text != null && choice.text !== ''
          ? [{ type: 'text', text: choice.text }]
          : [],
      finishReason: {
        unified: mapOpenRouterFinishReason(choice.finish_reason),
        raw: choice.finish_reason ?? undefined,
      },
      usage: convertOpenRouterUsage(answer.usage),
      providerMetadata: buildOpenRouterProviderMetadata({
        generationId: answer.id,
        model: answer.model,
        provider: answer.provider,
        usage: answer.usage,
      }),
      request,
      response,
      warnings,
    };
  }

  async doStream(
    options: LanguageModelV4CallOptions,
  ): Promise<LanguageModelV4StreamResult> {
    const { args, warnings } = await this.getArgs(options);
    return streamOpenRouterParts({
      config: this.config,
      path: '/completions',
      args,
      warnings,
      options,
      validateChunk: validateOpenRouterCompletionChunk,
    });
  }
};
