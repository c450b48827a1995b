import type {
  TranscriptionModelV4,
  TranscriptionModelV4CallOptions,
  TranscriptionModelV4Result,
} from '@ai-sdk/provider';
import { LazyOpenRouterModel } from '../model-base/lazy-openrouter-model';
import type { LazyModelSource } from '../model-base/load-on-first-use';
import type { OpenRouterModelClass } from '../model-base/openrouter-model';
import type {
  OpenRouterTranscriptionModelId,
  OpenRouterTranscriptionSettings,
} from './openrouter-transcription-options';

type TranscriptionImplementation = Pick<TranscriptionModelV4, 'doGenerate'>;

/**
 * The transcription model `createOpenRouter().transcriptionModel()` returns,
 * for `transcribe` (`experimental_transcribe`), over OpenRouter's
 * `POST /audio/transcriptions`.
 */
export interface OpenRouterTranscriptionModel extends TranscriptionModelV4 {
  readonly modelId: OpenRouterTranscriptionModelId;
  /** The settings the model was created with. */
  readonly settings: OpenRouterTranscriptionSettings;
  doGenerate(
    options: TranscriptionModelV4CallOptions,
  ): Promise<TranscriptionModelV4Result>;
}

/**
 * A transcription model over `POST /audio/transcriptions`. Its code is
 * loaded on the first call, so an app that only chats does not ship it.
 *
 * @internal The provider builds models with it; the published
 * declarations show the interface above only.
 */
export const OpenRouterTranscriptionModel: OpenRouterModelClass<
  OpenRouterTranscriptionModel,
  OpenRouterTranscriptionModelId,
  OpenRouterTranscriptionSettings
> = class OpenRouterTranscriptionModel
  extends LazyOpenRouterModel<
    OpenRouterTranscriptionModelId,
    OpenRouterTranscriptionSettings,
    TranscriptionImplementation
  >
  implements TranscriptionModelV4
{
  protected async loadImplementation(
    source: LazyModelSource<
      OpenRouterTranscriptionModelId,
      OpenRouterTranscriptionSettings
    >,
  ): Promise<TranscriptionImplementation> {
    return new (
      await import('./openrouter-transcription-model-implementation')
    ).OpenRouterTranscriptionModelImplementation(source);
  }

  async doGenerate(
    options: TranscriptionModelV4CallOptions,
  ): Promise<TranscriptionModelV4Result> {
    return (await this.implementation()).doGenerate(options);
  }
};
