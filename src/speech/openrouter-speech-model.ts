import type {
  SpeechModelV4,
  SpeechModelV4CallOptions,
  SpeechModelV4Result,
} from '@ai-sdk/provider';
import { LazyOpenRouterModel } from '../model-base/lazy-openrouter-model';
import type { LazyModelSource } from '../model-base/load-on-first-use';
import type { OpenRouterModelClass } from '../model-base/openrouter-model';
import type {
  OpenRouterSpeechModelId,
  OpenRouterSpeechSettings,
} from './openrouter-speech-options';

type SpeechImplementation = Pick<SpeechModelV4, 'doGenerate'>;

/**
 * The speech model `createOpenRouter().speechModel()` returns,
 * for `generateSpeech` (`experimental_generateSpeech`), over OpenRouter's
 * `POST /audio/speech`.
 */
export interface OpenRouterSpeechModel extends SpeechModelV4 {
  readonly modelId: OpenRouterSpeechModelId;
  /** The settings the model was created with. */
  readonly settings: OpenRouterSpeechSettings;
  doGenerate(options: SpeechModelV4CallOptions): Promise<SpeechModelV4Result>;
}

/**
 * A speech model over `POST /audio/speech`. Its code is
 * loaded on the first call, so an app that only chats does not ship it.
 *
 * @internal The provider builds models with it; the published
 * declarations show the interface above only.
 */
export const OpenRouterSpeechModel: OpenRouterModelClass<
  OpenRouterSpeechModel,
  OpenRouterSpeechModelId,
  OpenRouterSpeechSettings
> = class OpenRouterSpeechModel
  extends LazyOpenRouterModel<
    OpenRouterSpeechModelId,
    OpenRouterSpeechSettings,
    SpeechImplementation
  >
  implements SpeechModelV4
{
  protected async loadImplementation(
    source: LazyModelSource<OpenRouterSpeechModelId, OpenRouterSpeechSettings>,
  ): Promise<SpeechImplementation> {
    return new (
      await import('./openrouter-speech-model-implementation')
    ).OpenRouterSpeechModelImplementation(source);
  }

  async doGenerate(
    options: SpeechModelV4CallOptions,
  ): Promise<SpeechModelV4Result> {
    return (await this.implementation()).doGenerate(options);
  }
};
