import {
  type ImageModelV4,
  type ImageModelV4CallOptions,
  type ImageModelV4Result,
  UnsupportedFunctionalityError,
} from '@ai-sdk/provider';
import type { OpenRouterConfig } from '../http/openrouter-config';
import { LazyOpenRouterModel } from '../model-base/lazy-openrouter-model';
import type { LazyModelSource } from '../model-base/load-on-first-use';
import type { OpenRouterModelClass } from '../model-base/openrouter-model';
import type {
  OpenRouterImageModelId,
  OpenRouterImageSettings,
} from './openrouter-image-options';

/** The most images one `POST /images` request asks for (OpenRouter's `n`). */
const MAX_IMAGES_PER_REQUEST = 10;

type ImageGenerator = Pick<ImageModelV4, 'doGenerate'>;

/**
 * The image model `createOpenRouter().imageModel()` returns, for
 * `generateImage`.
 */
export interface OpenRouterImageModel extends ImageModelV4 {
  readonly modelId: OpenRouterImageModelId;
  /** The settings the model was created with. */
  readonly settings: OpenRouterImageSettings;
  /** 10 over `POST /images`, 1 over chat. */
  readonly maxImagesPerCall: number;
  doGenerate(options: ImageModelV4CallOptions): Promise<ImageModelV4Result>;
}

/**
 * An image model for `generateImage`. By default it uses OpenRouter's image
 * API, `POST /images`, which makes up to 10 images a request; with the
 * setting `endpoint: 'chat'` it uses chat completions with image output, one
 * request per image, for models that generate images only through chat.
 * Its code is loaded on the first call.
 *
 * @internal The provider builds models with it; the published
 * declarations show the interface above only.
 */
export const OpenRouterImageModel: OpenRouterModelClass<
  OpenRouterImageModel,
  OpenRouterImageModelId,
  OpenRouterImageSettings
> = class OpenRouterImageModel
  extends LazyOpenRouterModel<
    OpenRouterImageModelId,
    OpenRouterImageSettings,
    ImageGenerator
  >
  implements ImageModelV4
{
  /** 10 over `POST /images`, 1 over chat. */
  readonly maxImagesPerCall: number;
  readonly supportsFileInputs = true;
  readonly supportsMaskInputs = false;

  constructor(
    modelId: OpenRouterImageModelId,
    settings: OpenRouterImageSettings,
    config: OpenRouterConfig,
  ) {
    super(modelId, settings, config);
    this.maxImagesPerCall =
      settings.endpoint === 'chat' ? 1 : MAX_IMAGES_PER_REQUEST;
  }

  protected async loadImplementation(
    source: LazyModelSource<OpenRouterImageModelId, OpenRouterImageSettings>,
  ): Promise<ImageGenerator> {
    if (source.settings.endpoint === 'chat') {
      return new (
        await import('./generate-image-over-chat')
      ).OpenRouterImagesOverChat(source);
    }
    return new (
      await import('./generate-image-over-images-api')
    ).OpenRouterImagesApi(source);
  }

  async doGenerate(
    options: ImageModelV4CallOptions,
  ): Promise<ImageModelV4Result> {
    // Refused before any request: a masked edit sent without its mask would
    // repaint the whole image, and be paid for.
    if (options.mask != null) {
      throw new UnsupportedFunctionalityError({
        functionality: 'image inpainting (mask)',
        message:
          "OpenRouter's image models do not take a mask: inpainting is not supported. Send the image as a file (prompt: { text, images }) and describe the edit in the prompt instead.",
      });
    }
    return (await this.implementation()).doGenerate(options);
  }
};

export type { OpenRouterImageModelId, OpenRouterImageSettings };
