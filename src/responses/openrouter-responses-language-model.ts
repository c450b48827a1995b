import type {
  LanguageModelV4,
  LanguageModelV4CallOptions,
  LanguageModelV4GenerateResult,
  LanguageModelV4StreamResult,
} from '@ai-sdk/provider';
import { LazyOpenRouterModel } from '../model-base/lazy-openrouter-model';
import type { LazyModelSource } from '../model-base/load-on-first-use';
import type { OpenRouterModelClass } from '../model-base/openrouter-model';
import type {
  OpenRouterResponsesModelId,
  OpenRouterResponsesSettings,
} from './openrouter-responses-options';

export type { OpenRouterResponsesModelId };

const HTTP_URL = /^https?:\/\/.+$/;

/**
 * The language model `openrouter.responses(modelId)` returns: an AI SDK
 * language model over OpenRouter's `POST /responses` (beta), the
 * OpenAI-Responses-compatible API in front of every model.
 */
export interface OpenRouterResponsesLanguageModel extends LanguageModelV4 {
  /** The URLs the model passes to OpenRouter rather than downloading. */
  readonly supportedUrls: Record<string, RegExp[]>;
  readonly modelId: OpenRouterResponsesModelId;
  /** The settings the model was created with. */
  readonly settings: OpenRouterResponsesSettings;
  doGenerate(
    options: LanguageModelV4CallOptions,
  ): Promise<LanguageModelV4GenerateResult>;
  doStream(
    options: LanguageModelV4CallOptions,
  ): Promise<LanguageModelV4StreamResult>;
}

type ResponsesImplementation = Pick<LanguageModelV4, 'doGenerate' | 'doStream'>;

/**
 * A language model over OpenRouter's `POST /responses`. Its code loads on
 * the first call, so an app that only uses the chat model does not ship it.
 *
 * @internal The provider builds models with it; the published
 * declarations show the interface above only.
 */
export const OpenRouterResponsesLanguageModel: OpenRouterModelClass<
  OpenRouterResponsesLanguageModel,
  OpenRouterResponsesModelId,
  OpenRouterResponsesSettings
> = class OpenRouterResponsesLanguageModel
  extends LazyOpenRouterModel<
    OpenRouterResponsesModelId,
    OpenRouterResponsesSettings,
    ResponsesImplementation
  >
  implements LanguageModelV4
{
  /**
   * URLs OpenRouter fetches itself: images, PDFs and videos. Anything else
   * is downloaded by the AI SDK and sent as bytes.
   */
  readonly supportedUrls: Record<string, RegExp[]> = {
    'image/*': [HTTP_URL],
    'application/pdf': [HTTP_URL],
    'video/*': [HTTP_URL],
  };

  protected async loadImplementation(
    source: LazyModelSource<
      OpenRouterResponsesModelId,
      OpenRouterResponsesSettings
    >,
  ): Promise<ResponsesImplementation> {
    return new (
      await import('./openrouter-responses-model-implementation')
    ).OpenRouterResponsesModelImplementation(source);
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
};
