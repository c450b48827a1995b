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
import { loadOnFirstUse } from '../load-on-first-use';
import type { OpenRouterConfig } from '../openrouter-config';
import {
  deserializeOpenRouterModel,
  type SerializedOpenRouterModel,
  serializeOpenRouterModel,
} from '../workflow-serialization';

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
export class OpenRouterImageModel implements ImageModelV4 {
  readonly specificationVersion = 'v4';
  readonly maxImagesPerCall = 1;
  readonly supportsFileInputs = true;
  readonly supportsMaskInputs = false;
  readonly modelId: OpenRouterImageModelId;

  private readonly settings: OpenRouterImageSettings;
  private readonly config: OpenRouterConfig;
  private readonly implementation = loadOnFirstUse(
    async () =>
      new (
        await import('./openrouter-image-model-implementation')
      ).OpenRouterImageModelImplementation({
        modelId: this.modelId,
        settings: this.settings,
        config: this.config,
      }),
  );

  static [WORKFLOW_SERIALIZE](model: OpenRouterImageModel) {
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

  constructor(
    modelId: OpenRouterImageModelId,
    settings: OpenRouterImageSettings,
    config: OpenRouterConfig,
  ) {
    this.modelId = modelId;
    this.settings = settings;
    this.config = config;
  }

  get provider(): string {
    return this.config.provider;
  }

  async doGenerate(
    options: ImageModelV4CallOptions,
  ): Promise<ImageModelV4Result> {
    return (await this.implementation()).doGenerate(options);
  }
}
