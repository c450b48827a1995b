import type {
  JSONValue,
  Experimental_VideoModelV4 as VideoModelV4,
  Experimental_VideoModelV4CallOptions as VideoModelV4CallOptions,
  Experimental_VideoModelV4OperationStartResult as VideoModelV4OperationStartResult,
  Experimental_VideoModelV4OperationStatusResult as VideoModelV4OperationStatusResult,
  Experimental_VideoModelV4OperationWebhook as VideoModelV4OperationWebhook,
  Experimental_VideoModelV4Result as VideoModelV4Result,
} from '@ai-sdk/provider';
import { LazyOpenRouterModel } from '../model-base/lazy-openrouter-model';
import type { LazyModelSource } from '../model-base/load-on-first-use';
import type { OpenRouterModelClass } from '../model-base/openrouter-model';
import type {
  OpenRouterVideoModelId,
  OpenRouterVideoSettings,
} from './openrouter-video-options';

/**
 * The video model `createOpenRouter().videoModel()` returns, for
 * `experimental_generateVideo`: it polls jobs itself (`doGenerate`), lets
 * the SDK or a workflow poll them (`doStart`, `doStatus`), and takes the
 * SDK's `webhook` option.
 */
export interface OpenRouterVideoModel extends Required<VideoModelV4> {
  readonly modelId: OpenRouterVideoModelId;
  /** The settings the model was created with. */
  readonly settings: OpenRouterVideoSettings;
  /** One video per job. */
  readonly maxVideosPerCall: number;
  doGenerate(options: VideoModelV4CallOptions): Promise<VideoModelV4Result>;
  doStart(
    options: VideoModelV4CallOptions & { webhookUrl?: string | undefined },
  ): Promise<VideoModelV4OperationStartResult>;
  doStatus(options: {
    operation: JSONValue;
    abortSignal?: AbortSignal | undefined;
    headers?: Record<string, string | undefined> | undefined;
  }): Promise<VideoModelV4OperationStatusResult>;
}

/**
 * A video model over OpenRouter's asynchronous `POST /videos`: a job is
 * submitted, polled until it ends, and its video downloaded. It implements
 * both `doGenerate` (which polls itself) and `doStart` / `doStatus` (with
 * which `experimental_generateVideo` polls, or a workflow does). Its code is
 * loaded on the first call, so an app that does not make videos does not
 * ship it.
 *
 * @internal The provider builds models with it; the published
 * declarations show the interface above only.
 */
export const OpenRouterVideoModel: OpenRouterModelClass<
  OpenRouterVideoModel,
  OpenRouterVideoModelId,
  OpenRouterVideoSettings
> = class OpenRouterVideoModel
  extends LazyOpenRouterModel<
    OpenRouterVideoModelId,
    OpenRouterVideoSettings,
    Required<Pick<VideoModelV4, 'doGenerate' | 'doStart' | 'doStatus'>>
  >
  implements VideoModelV4
{
  readonly maxVideosPerCall = 1;

  protected async loadImplementation(
    source: LazyModelSource<OpenRouterVideoModelId, OpenRouterVideoSettings>,
  ): Promise<
    Required<Pick<VideoModelV4, 'doGenerate' | 'doStart' | 'doStatus'>>
  > {
    return new (
      await import('./openrouter-video-model-implementation')
    ).OpenRouterVideoModelImplementation(source);
  }

  async doGenerate(
    options: VideoModelV4CallOptions,
  ): Promise<VideoModelV4Result> {
    return (await this.implementation()).doGenerate(options);
  }

  /**
   * OpenRouter calls a `callback_url` when a job ends, so the AI SDK's
   * `webhook` option is supported: its URL is sent with the job, and the SDK
   * waits for the call instead of polling.
   */
  async handleWebhookOption({
    webhook,
  }: {
    webhook: () => PromiseLike<{
      url: string;
      received: PromiseLike<VideoModelV4OperationWebhook>;
    }>;
  }) {
    const { url, received } = await webhook();
    return { webhookUrl: url, received };
  }

  async doStart(
    options: VideoModelV4CallOptions & { webhookUrl?: string },
  ): Promise<VideoModelV4OperationStartResult> {
    return (await this.implementation()).doStart(options);
  }

  async doStatus(options: {
    operation: JSONValue;
    abortSignal?: AbortSignal | undefined;
    headers?: Record<string, string | undefined> | undefined;
  }): Promise<VideoModelV4OperationStatusResult> {
    return (await this.implementation()).doStatus(options);
  }
};

export type { OpenRouterVideoModelId, OpenRouterVideoSettings };
