import type {
  ImageModelV4,
  ImageModelV4CallOptions,
  ImageModelV4Result,
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

/** Image-output models, e.g. `google/gemini-2.5-flash-image`. */
export type OpenRouterImageModelId =
  | 'google/gemini-2.5-flash-image'
  | 'google/gemini-3-pro-image-preview'
  | 'openai/gpt-5-image'
  | 'openai/gpt-5-image-mini'
  | (string & {});

/** Image model settings take the same fields as chat settings. */
export type OpenRouterImageSettings = OpenRouterChatSettings;

/**
 * An image model over OpenRouter's chat completions with
 * `modalities: ['image', 'text']`, which is how OpenRouter generates images.
 * Each image is one chat call; `n` images are `n` calls. Its code is loaded
 * on the first call, so an app that only chats does not ship it.
 */
export class OpenRouterImageModel
  extends LazyOpenRouterModel<
    OpenRouterImageModelId,
    OpenRouterImageSettings,
    Pick<ImageModelV4, 'doGenerate'>
  >
  implements ImageModelV4
{
  readonly maxImagesPerCall = 1;
  readonly supportsFileInputs = true;
  readonly supportsMaskInputs = false;

  static [WORKFLOW_SERIALIZE](
    model: OpenRouterImageModel,
  ): SerializedOpenRouterModel<
    OpenRouterImageModelId,
    OpenRouterImageSettings
  > {
    return serializeOpenRouterModel(
      model.modelId,
      model.settings,
      model.config,
    );
  }

  static [WORKFLOW_DESERIALIZE](
    serialized: SerializedOpenRouterModel<
      OpenRouterImageModelId,
      OpenRouterImageSettings
    >,
  ) {
    return new OpenRouterImageModel(...deserializeOpenRouterModel(serialized));
  }

  protected async loadImplementation(
    source: LazyModelSource<OpenRouterImageModelId, OpenRouterImageSettings>,
  ): Promise<Pick<ImageModelV4, 'doGenerate'>> {
    return new (
      await import('./openrouter-image-model-implementation')
    ).OpenRouterImageModelImplementation(source);
  }

  async doGenerate(
    options: ImageModelV4CallOptions,
  ): Promise<ImageModelV4Result> {
    return (await this.implementation()).doGenerate(options);
  }
}
