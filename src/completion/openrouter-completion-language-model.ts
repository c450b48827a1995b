import type {
  LanguageModelV4,
  LanguageModelV4CallOptions,
  LanguageModelV4GenerateResult,
  LanguageModelV4StreamResult,
} from '@ai-sdk/provider';
import {
  WORKFLOW_DESERIALIZE,
  WORKFLOW_SERIALIZE,
} from '@ai-sdk/provider-utils';
import type { OpenRouterChatSettings } from '../chat/openrouter-chat-options';
import { LazyOpenRouterModel } from '../model-base/lazy-openrouter-model';
import type { LazyModelSource } from '../model-base/load-on-first-use';
import {
  deserializeOpenRouterModel,
  type SerializedOpenRouterModel,
  serializeOpenRouterModel,
} from '../model-base/workflow-serialization';

/** Completion models, e.g. `openai/gpt-3.5-turbo-instruct`. */
export type OpenRouterCompletionModelId =
  | 'openai/gpt-3.5-turbo-instruct'
  | (string & {});

/** Completion settings take the same fields as chat settings. */
export type OpenRouterCompletionSettings = OpenRouterChatSettings;

/**
 * A language model over OpenRouter's legacy `POST /completions`: the prompt
 * becomes one text to continue. Its code is loaded on the first call, so an
 * app that only chats does not ship it.
 */
export class OpenRouterCompletionLanguageModel
  extends LazyOpenRouterModel<
    OpenRouterCompletionModelId,
    OpenRouterCompletionSettings,
    Pick<LanguageModelV4, 'doGenerate' | 'doStream'>
  >
  implements LanguageModelV4
{
  readonly supportedUrls: Record<string, RegExp[]> = {};

  static [WORKFLOW_SERIALIZE](
    model: OpenRouterCompletionLanguageModel,
  ): SerializedOpenRouterModel<
    OpenRouterCompletionModelId,
    OpenRouterCompletionSettings
  > {
    return serializeOpenRouterModel(
      model.modelId,
      model.settings,
      model.config,
    );
  }

  static [WORKFLOW_DESERIALIZE](
    serialized: SerializedOpenRouterModel<
      OpenRouterCompletionModelId,
      OpenRouterCompletionSettings
    >,
  ) {
    return new OpenRouterCompletionLanguageModel(
      ...deserializeOpenRouterModel(serialized),
    );
  }

  protected async loadImplementation(
    source: LazyModelSource<
      OpenRouterCompletionModelId,
      OpenRouterCompletionSettings
    >,
  ): Promise<Pick<LanguageModelV4, 'doGenerate' | 'doStream'>> {
    return new (
      await import('./openrouter-completion-language-model-implementation')
    ).OpenRouterCompletionLanguageModelImplementation(source);
  }

  async doGenerate(
    options: LanguageModelV4CallOptions,
  ): Promise<LanguageModelV4GenerateResult> {
    return (await this.implementation()).doGenerate(options);
  }

  async doStream(
    options: LanguageModelV4CallOptions,
  ): Promise<LanguageModelV4StreamResult> {
    return (await this.implementation()).doStream(options);
  }
}
