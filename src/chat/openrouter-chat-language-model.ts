import type {
  LanguageModelV4,
  LanguageModelV4CallOptions,
  LanguageModelV4GenerateResult,
  LanguageModelV4StreamResult,
  SharedV4Warning,
} from '@ai-sdk/provider';
import {
  OpenRouterModel,
  type OpenRouterModelClass,
} from '../model-base/openrouter-model';
import {
  buildRequestBody,
  standardCallSettings,
} from '../options/build-request-body';
import { readResponseFormat } from '../options/response-format';
import {
  collectToolCallIds,
  convertToOpenRouterChatMessages,
  findReasoningUpstream,
} from './convert-to-openrouter-chat-messages';
import { mapOpenRouterReasoningOption } from './map-openrouter-reasoning-option';
import {
  countCacheBreakpoints,
  MAX_CACHE_BREAKPOINTS,
} from './openrouter-cache-control';
import type { OpenRouterChatModelId } from './openrouter-chat-model-id';
import type { OpenRouterChatSettings } from './openrouter-chat-options';
import { validateOpenRouterChatChunk } from './openrouter-chat-stream-parser';
import { toProviderSlug } from './openrouter-provider-slug';
import { readOpenRouterChatOptions } from './read-openrouter-chat-options';
import { streamOpenRouterParts } from './stream-openrouter-parts';

const HTTP_URL = /^https?:\/\/.+$/;
// The rule of `@openrouter/ai-sdk-provider`: an extension at the end of the
// path, before any query or fragment.
const IMAGE_FILE_URL = /^https?:\/\/.+\.(jpg|jpeg|png|gif|webp)(?:[?#].*)?$/i;

type GenerateOpenRouterChat =
  typeof import('./generate-openrouter-chat')['generateOpenRouterChat'];

// The non-streaming path loads with the first `doGenerate`, so a streaming
// app never ships it. Once loaded it is kept: an agent calls `doGenerate` at
// every step, and each `import()` of a loaded module still costs about 8 µs.
let loadedGenerateOpenRouterChat: GenerateOpenRouterChat | undefined;

async function loadGenerateOpenRouterChat() {
  const { generateOpenRouterChat } = await import('./generate-openrouter-chat');
  loadedGenerateOpenRouterChat = generateOpenRouterChat;
  return generateOpenRouterChat;
}

type PrepareOpenRouterTools =
  typeof import('./openrouter-prepare-tools')['prepareOpenRouterTools'];

// The tool mapping loads with the first call that has tools, so an app
// without tools never ships it, and is kept once loaded, like the
// non-streaming path.
let loadedPrepareOpenRouterTools: PrepareOpenRouterTools | undefined;

async function prepareTools(
  tools: LanguageModelV4CallOptions['tools'],
  toolChoice: LanguageModelV4CallOptions['toolChoice'],
): Promise<ReturnType<PrepareOpenRouterTools>> {
  // Without tools nothing is sent, whatever the tool choice.
  if (tools == null || tools.length === 0) {
    return { tools: undefined, toolChoice: undefined, toolWarnings: [] };
  }
  loadedPrepareOpenRouterTools ??= (await import('./openrouter-prepare-tools'))
    .prepareOpenRouterTools;
  return loadedPrepareOpenRouterTools({ tools, toolChoice });
}

/**
 * The chat model `createOpenRouter` returns: an AI SDK language model over
 * OpenRouter's `POST /chat/completions`.
 */
export interface OpenRouterChatLanguageModel extends LanguageModelV4 {
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
  readonly defaultObjectGenerationMode: 'tool';
  readonly modelId: OpenRouterChatModelId;
  /** The settings the model was created with. */
  readonly settings: OpenRouterChatSettings;
  doGenerate(
    options: LanguageModelV4CallOptions,
  ): Promise<LanguageModelV4GenerateResult>;
  doStream(
    options: LanguageModelV4CallOptions,
  ): Promise<LanguageModelV4StreamResult>;
}

/** A chat model over OpenRouter's `POST /chat/completions`. *
 * @internal The provider builds models with it; the published
 * declarations show the interface above only.
 */
export const OpenRouterChatLanguageModel: OpenRouterModelClass<
  OpenRouterChatLanguageModel,
  OpenRouterChatModelId,
  OpenRouterChatSettings
> = class OpenRouterChatLanguageModel
  extends OpenRouterModel<OpenRouterChatModelId, OpenRouterChatSettings>
  implements LanguageModelV4
{
  /**
   * Declared by `@openrouter/ai-sdk-provider`'s chat model, and kept for code
   * that reads it: earlier AI SDK versions passed image URLs through when it
   * was `true`. AI SDK v7 reads `supportedUrls` instead.
   */
  readonly supportsImageUrls = true;

  /**
   * Declared by `@openrouter/ai-sdk-provider`'s chat model, and kept for code
   * that reads it: earlier AI SDK versions generated objects through a tool
   * call by default when it was `'tool'`. AI SDK v7 does not read it.
   */
  readonly defaultObjectGenerationMode = 'tool';

  /**
   * URLs OpenRouter fetches itself, so the AI SDK passes them through instead
   * of downloading them first: image URLs whose path ends in an image
   * extension, PDFs and videos (YouTube included). The AI SDK downloads any
   * other image URL (a dynamic or private one, which OpenRouter may not
   * reach) and it is sent as bytes, as `@openrouter/ai-sdk-provider` does.
   */
  readonly supportedUrls: Record<string, RegExp[]> = {
    'image/*': [IMAGE_FILE_URL],
    'application/pdf': [HTTP_URL],
    'video/*': [HTTP_URL],
  };

  private async getArgs(options: LanguageModelV4CallOptions) {
    const {
      prompt,
      responseFormat,
      tools,
      toolChoice,
      reasoning,
      providerOptions,
    } = options;
    const warnings: SharedV4Warning[] = [];

    const { modelOptions, callOptions } = await readOpenRouterChatOptions(
      this.settings,
      providerOptions,
    );
    warnings.push(
      ...(modelOptions?.warnings ?? []),
      ...(callOptions?.warnings ?? []),
    );

    const {
      tools: openRouterTools,
      toolChoice: openRouterToolChoice,
      toolWarnings,
    } = await prepareTools(tools, toolChoice);
    warnings.push(...toolWarnings);

    const messages = await convertToOpenRouterChatMessages(prompt, warnings);
    const body = buildRequestBody({
      fixed: { model: this.modelId, messages },
      layers: [
        { source: 'extraBody', values: this.config.extraBody },
        { source: 'model settings', values: modelOptions?.body },
        {
          source: 'call settings',
          values: {
            ...standardCallSettings(options),
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
      countCacheBreakpoints(messages) + (body.cache_control != null ? 1 : 0);
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
    const generateOpenRouterChat =
      loadedGenerateOpenRouterChat ?? (await loadGenerateOpenRouterChat());
    return generateOpenRouterChat({
      config: this.config,
      args,
      warnings,
      options,
    });
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
};

/** `responseFormat` in this API's words (see `readResponseFormat`). */
function convertResponseFormat(
  responseFormat: LanguageModelV4CallOptions['responseFormat'],
  strict: boolean | undefined,
) {
  const format = readResponseFormat(responseFormat, strict);
  if (format === undefined) {
    return undefined;
  }
  if (format === 'json_object') {
    return { type: 'json_object' };
  }
  // Chat's `response_format` nests the schema under `json_schema`.
  return { type: 'json_schema', json_schema: format };
}

/** Body keys that only this provider sets; options cannot override them. */
const RESERVED_BODY_KEYS = [
  'model',
  'messages',
  'prompt',
  'stream',
  'tools',
] as const;
