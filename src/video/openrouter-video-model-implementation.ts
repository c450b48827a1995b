import {
  APICallError,
  type JSONValue,
  type SharedV4ProviderMetadata,
  type SharedV4Warning,
  type Experimental_VideoModelV4CallOptions as VideoModelV4CallOptions,
  type Experimental_VideoModelV4File as VideoModelV4File,
  type Experimental_VideoModelV4OperationStartResult as VideoModelV4OperationStartResult,
  type Experimental_VideoModelV4OperationStatusResult as VideoModelV4OperationStatusResult,
  type Experimental_VideoModelV4Result as VideoModelV4Result,
  type Experimental_VideoModelV4VideoData as VideoModelV4VideoData,
} from '@ai-sdk/provider';
import {
  convertUint8ArrayToBase64,
  createBinaryResponseHandler,
  delay,
  isAbortError,
} from '@ai-sdk/provider-utils';
import * as z from 'zod/v4';
import {
  createRoutedOptionsReader,
  getMediaProviderRoutingSchema,
} from '../chat/openrouter-chat-options';
import { createOpenRouterJsonResponseHandler } from '../http/openrouter-response-handlers';
import { createRequestRedactor, redactValue } from '../http/redact-secrets';
import { sendModelRequest } from '../http/send-openrouter-request';
import type { LazyModelSource } from '../model-base/load-on-first-use';
import { buildRequestBody } from '../options/build-request-body';
import { openObject, requestBodyOf } from '../options/read-options';
import type {
  OpenRouterVideoFrameImage,
  OpenRouterVideoModelId,
  OpenRouterVideoSettings,
} from './openrouter-video-options';

const DEFAULT_POLL_INTERVAL_MS = 2000;
const DEFAULT_MAX_POLL_TIME_MS = 600_000;
// A poll or download is not started with less time than this left.
const MIN_REQUEST_TIME_MS = 50;

// Keys that steer this package rather than the request.
const CONTROL_KEYS = new Set([
  'generateAudio',
  'pollIntervalMs',
  'maxPollTimeMs',
  'extraBody',
]);

const readVideoOptions = /* @__PURE__ */ createRoutedOptionsReader(
  buildVideoOptionsSchema,
);

type FrameType = OpenRouterVideoFrameImage['frame_type'];

// The documentation is on `OpenRouterVideoSettings`.
export function buildVideoOptionsSchema() {
  return z.looseObject({
    generateAudio: z.boolean().optional(),
    pollIntervalMs: z.number().int().positive().optional(),
    maxPollTimeMs: z.number().int().positive().optional(),
    extraBody: z.record(z.string(), z.unknown()).optional(),
    resolution: z.string().optional(),
    size: z.string().optional(),
    aspect_ratio: z.string().optional(),
    duration: z.number().positive().optional(),
    seed: z.number().int().optional(),
    generate_audio: z.boolean().optional(),
    callback_url: z.string().optional(),
    frame_images: z
      .array(
        z.looseObject({
          type: z.literal('image_url'),
          image_url: z.looseObject({ url: z.string() }),
          frame_type: z.string() as z.ZodType<FrameType, FrameType>,
        }),
      )
      .optional(),
    // Content parts of several kinds, passed on as given.
    input_references: z
      .array(openObject(z.looseObject({ type: z.string() })))
      .optional(),
    provider: getMediaProviderRoutingSchema().optional(),
  });
}

type ParsedVideoOptions = {
  body: Record<string, unknown>;
  generateAudio?: boolean | undefined;
  pollIntervalMs?: number | undefined;
  maxPollTimeMs?: number | undefined;
};

function parseVideoOptions(
  options: unknown,
  source: string,
  warnings: SharedV4Warning[],
): ParsedVideoOptions | undefined {
  const parsed = readVideoOptions(options, source, warnings) as
    | (Record<string, unknown> & Omit<ParsedVideoOptions, 'body'>)
    | undefined;
  if (parsed == null) {
    return undefined;
  }
  return {
    body: requestBodyOf(parsed, CONTROL_KEYS),
    generateAudio: parsed.generateAudio,
    pollIntervalMs: parsed.pollIntervalMs,
    maxPollTimeMs: parsed.maxPollTimeMs,
  };
}

/** What `doStart` hands to `doStatus`: the job, and where to poll it. */
type VideoOperation = { jobId: string; pollingUrl: string };

const submittedJobSchema = z.looseObject({
  id: z.string(),
  polling_url: z.string().nullish(),
  status: z.string().nullish(),
});

const jobStatusSchema = z.looseObject({
  id: z.string().nullish(),
  status: z.string(),
  error: z.string().nullish(),
  generation_id: z.string().nullish(),
  urls: z.array(z.string()).nullish(),
  unsigned_urls: z.array(z.string()).nullish(),
  usage: z.looseObject({ cost: z.number().nullish() }).nullish(),
});

type JobStatus = z.infer<typeof jobStatusSchema>;

const FAILED_STATUSES = new Set(['failed', 'cancelled', 'expired']);

export class OpenRouterVideoModelImplementation {
  constructor(
    private readonly source: LazyModelSource<
      OpenRouterVideoModelId,
      OpenRouterVideoSettings
    >,
  ) {}

  private getArgs(options: VideoModelV4CallOptions & { webhookUrl?: string }) {
    const warnings: SharedV4Warning[] = [];
    const modelOptions = parseVideoOptions(
      this.source.settings,
      'settings',
      warnings,
    );
    const callOptions = parseVideoOptions(
      options.providerOptions?.openrouter,
      'providerOptions.openrouter',
      warnings,
    );

    if (options.fps != null) {
      warnings.push({
        type: 'unsupported',
        feature: 'fps',
        details: 'OpenRouter video models choose their own frame rate.',
      });
    }
    if (options.n > 1) {
      warnings.push({
        type: 'unsupported',
        feature: 'n',
        details: 'Each OpenRouter video job makes one video; one was made.',
      });
    }
    const frameImages = convertFrameImages(options);
    // OpenRouter has no `adaptive`: without an aspect ratio, a model follows
    // its input frame, which is what `adaptive` asks for.
    const aspectRatio =
      options.aspectRatio === 'adaptive' ? undefined : options.aspectRatio;
    if (options.aspectRatio === 'adaptive' && frameImages == null) {
      warnings.push({
        type: 'unsupported',
        feature: 'aspectRatio',
        details:
          "'adaptive' follows an input image, and there is none; the model's default aspect ratio is used.",
      });
    }

    const body = buildRequestBody({
      fixed: {
        model: this.source.modelId,
        ...(options.prompt != null ? { prompt: options.prompt } : {}),
        // The AI SDK waits for a call to its webhook, so no option may send
        // OpenRouter's call elsewhere.
        ...(options.webhookUrl != null
          ? { callback_url: options.webhookUrl }
          : {}),
      },
      layers: [
        { source: 'extraBody', values: this.source.config.extraBody },
        { source: 'model settings', values: modelOptions?.body },
        {
          source: 'call settings',
          values: {
            duration: options.duration,
            aspect_ratio: aspectRatio,
            // The AI SDK's resolution is `{width}x{height}`, which OpenRouter
            // calls `size`; its `resolution` is a name such as `720p`.
            size: options.resolution,
            seed: options.seed,
            // The call's option wins over the model's setting and loses to
            // its own provider options, as every other field does.
            generate_audio:
              callOptions?.generateAudio ??
              options.generateAudio ??
              modelOptions?.generateAudio,
            frame_images: frameImages,
            input_references: convertInputReferences(
              options.inputReferences,
              warnings,
            ),
          },
        },
        { source: 'providerOptions.openrouter', values: callOptions?.body },
      ],
      reservedKeys: ['model', 'prompt'],
      warnings,
    });

    return {
      body,
      warnings,
      pollIntervalMs:
        callOptions?.pollIntervalMs ??
        modelOptions?.pollIntervalMs ??
        DEFAULT_POLL_INTERVAL_MS,
      maxPollTimeMs:
        callOptions?.maxPollTimeMs ??
        modelOptions?.maxPollTimeMs ??
        DEFAULT_MAX_POLL_TIME_MS,
    };
  }

  async doStart(
    options: VideoModelV4CallOptions & { webhookUrl?: string },
  ): Promise<VideoModelV4OperationStartResult> {
    const { body, warnings } = this.getArgs(options);
    const { operation, responseHeaders } = await this.submit(body, options);
    return {
      operation,
      warnings,
      providerMetadata: { openrouter: { jobId: operation.jobId } },
      response: this.responseInfo(responseHeaders),
    };
  }

  async doStatus({
    operation,
    abortSignal,
    headers,
  }: {
    operation: JSONValue;
    abortSignal?: AbortSignal | undefined;
    headers?: Record<string, string | undefined> | undefined;
  }): Promise<VideoModelV4OperationStatusResult> {
    const job = readOperation(operation);
    const { status, responseHeaders } = await this.poll(job, {
      abortSignal,
      headers,
    });
    const response = this.responseInfo(responseHeaders);
    if (status.status === 'completed') {
      return {
        status: 'completed',
        videos: await this.collectVideos(job, status, { abortSignal, headers }),
        warnings: [],
        providerMetadata: jobMetadata(job, status),
        response,
      };
    }
    if (FAILED_STATUSES.has(status.status)) {
      return {
        status: 'error',
        error: describeFailure(job, status),
        providerMetadata: jobMetadata(job, status),
        response,
      };
    }
    return { status: 'pending', response };
  }

  /**
   * Submits the job and polls it until it ends. Once the job may exist, no
   * error is retryable: the AI SDK would retry by submitting (and paying
   * for) another job. Polls that fail are tried again here instead, until
   * the deadline, which also bounds every request in flight.
   */
  async doGenerate(
    options: VideoModelV4CallOptions,
  ): Promise<VideoModelV4Result> {
    const { body, warnings, pollIntervalMs, maxPollTimeMs } =
      this.getArgs(options);
    const { operation: job } = await this.submit(body, options);

    const deadline = Date.now() + maxPollTimeMs;
    const stopPolling = (lastPollError: unknown) =>
      lastPollError == null
        ? this.jobError(
            job,
            `OpenRouter video job ${job.jobId} did not finish within ${maxPollTimeMs} ms. It may still finish: poll it with doStatus({ operation: ${JSON.stringify(job)} }) instead of starting a new one.`,
          )
        : this.wrapJobError(
            job,
            `could not be polled within ${maxPollTimeMs} ms`,
            lastPollError,
          );
    let lastPollError: unknown;
    while (true) {
      await delay(Math.min(pollIntervalMs, deadline - Date.now()), {
        abortSignal: options.abortSignal,
      });
      // No request is started that the deadline would cut off at once.
      if (deadline - Date.now() < MIN_REQUEST_TIME_MS) {
        throw stopPolling(lastPollError);
      }

      const requestDeadline = abortAtDeadline(options.abortSignal, deadline);
      const requestOptions = {
        abortSignal: requestDeadline.signal,
        headers: options.headers,
      };
      try {
        let polled: Awaited<ReturnType<typeof this.poll>>;
        try {
          polled = await this.poll(job, requestOptions);
          lastPollError = undefined;
        } catch (error) {
          if (requestDeadline.passed()) {
            throw stopPolling(lastPollError);
          }
          if (APICallError.isInstance(error) && error.isRetryable) {
            lastPollError = error;
            continue;
          }
          throw this.wrapJobError(job, 'could not be polled', error);
        }

        const { status, responseHeaders } = polled;
        if (status.status === 'completed') {
          let videos: VideoModelV4VideoData[];
          try {
            videos = await this.collectVideos(job, status, requestOptions);
          } catch (error) {
            throw this.wrapJobError(
              job,
              requestDeadline.passed()
                ? `finished, but its video could not be downloaded within ${maxPollTimeMs} ms`
                : 'finished, but its video could not be downloaded',
              error,
            );
          }
          return {
            videos,
            warnings,
            providerMetadata: jobMetadata(job, status),
            response: this.responseInfo(responseHeaders),
          };
        }
        if (FAILED_STATUSES.has(status.status)) {
          throw this.jobError(job, describeFailure(job, status), status);
        }
      } finally {
        requestDeadline.clear();
      }
    }
  }

  /**
   * Submits a job. Only a refusal (a 4xx status other than 408 and 409) says
   * for sure that no job was made; a timeout, a 5xx, an answer that could
   * not be read or a connection that failed may each hide a job that exists,
   * so they are not retried, which could pay for a second video.
   */
  private async submit(
    body: Record<string, unknown>,
    {
      abortSignal,
      headers,
    }: Pick<VideoModelV4CallOptions, 'abortSignal' | 'headers'>,
  ) {
    const { config } = this.source;
    // Once the job may exist, no error is retryable: a second submission
    // would pay for a second video. Only a refusal (a 429, say) is retried.
    const { value, responseHeaders } = await sendModelRequest(config, {
      method: 'POST',
      url: `${config.baseURL}/videos`,
      callHeaders: headers,
      body,
      // An error body with a 2xx status is not a refusal: the schema
      // check fails on it with the real status instead.
      successfulResponseHandler: createOpenRouterJsonResponseHandler(
        submittedJobSchema,
        { errorBody: 'part-of-answer' },
      ),
      abortSignal,
      effect: 'creates-a-resource',
    });
    const operation: VideoOperation = {
      jobId: value.id,
      pollingUrl: this.ownUrl(value.polling_url, this.jobUrl(value.id)),
    };
    return { operation, responseHeaders };
  }

  /** Polls the job. */
  private async poll(
    job: VideoOperation,
    {
      abortSignal,
      headers,
    }: Pick<VideoModelV4CallOptions, 'abortSignal' | 'headers'>,
  ): Promise<{ status: JobStatus; responseHeaders?: Record<string, string> }> {
    const { config } = this.source;
    const { value, responseHeaders, sentHeaders } = await sendModelRequest(
      config,
      {
        method: 'GET',
        url: this.ownUrl(job.pollingUrl, this.jobUrl(job.jobId)),
        callHeaders: headers,
        // A failed job says why in its own `error` field.
        successfulResponseHandler: createOpenRouterJsonResponseHandler(
          jobStatusSchema,
          { errorBody: 'part-of-answer' },
        ),
        abortSignal,
      },
    );
    // A failed job's message becomes an error's; it may echo a key.
    return {
      status: redactValue(value, createRequestRedactor(sentHeaders)),
      responseHeaders,
    };
  }

  /**
   * A signed storage URL is handed to the AI SDK to download. The content
   * endpoint needs the API key, so its bytes are fetched here, from
   * `baseURL`, and returned as binary.
   */
  private async collectVideos(
    job: VideoOperation,
    status: JobStatus,
    options: Pick<VideoModelV4CallOptions, 'abortSignal' | 'headers'>,
  ): Promise<VideoModelV4VideoData[]> {
    const signedUrls = status.urls ?? [];
    if (signedUrls.length > 0) {
      return signedUrls.map(url => ({
        type: 'url',
        url,
        mediaType: 'video/mp4',
      }));
    }
    // Without a list, the job's first video is still served by index.
    const unsignedUrls = status.unsigned_urls ?? [undefined];
    return Promise.all(
      unsignedUrls.map((url, index) =>
        this.downloadVideo(
          this.ownUrl(url, this.jobUrl(job.jobId, `/content?index=${index}`)),
          options,
        ),
      ),
    );
  }

  private async downloadVideo(
    url: string,
    {
      abortSignal,
      headers,
    }: Pick<VideoModelV4CallOptions, 'abortSignal' | 'headers'>,
  ): Promise<VideoModelV4VideoData> {
    const { value, responseHeaders } = await sendModelRequest(
      this.source.config,
      {
        method: 'GET',
        url,
        callHeaders: headers,
        successfulResponseHandler: createBinaryResponseHandler(),
        abortSignal,
      },
    );
    const mediaType = responseHeaders?.['content-type']?.split(';')[0];
    return {
      type: 'binary',
      data: value,
      mediaType: mediaType?.startsWith('video/') ? mediaType : 'video/mp4',
    };
  }

  private jobUrl(jobId: string, suffix = '') {
    return `${this.source.config.baseURL}/videos/${encodeURIComponent(jobId)}${suffix}`;
  }

  /**
   * A URL from a response, when it is absolute and on `baseURL`'s origin;
   * otherwise the URL built from `baseURL`. The key goes with these
   * requests, so it never follows a response to another host, and a path
   * relative to OpenRouter's own origin would miss a gateway's `baseURL`.
   */
  private ownUrl(fromResponse: string | null | undefined, built: string) {
    if (fromResponse == null || !URL.canParse(fromResponse)) {
      return built;
    }
    return new URL(fromResponse).origin ===
      new URL(this.source.config.baseURL).origin
      ? fromResponse
      : built;
  }

  private responseInfo(headers: Record<string, string> | undefined) {
    return { timestamp: new Date(), modelId: this.source.modelId, headers };
  }

  private jobError(
    job: VideoOperation,
    message: string,
    status?: JobStatus,
    cause?: unknown,
  ) {
    return new APICallError({
      message,
      url: this.jobUrl(job.jobId),
      requestBodyValues: { jobId: job.jobId },
      statusCode: APICallError.isInstance(cause) ? cause.statusCode : undefined,
      responseBody: status != null ? JSON.stringify(status) : undefined,
      data: status,
      cause,
      isRetryable: false,
    });
  }

  /** An error after the job exists, naming it so it can still be collected. */
  private wrapJobError(job: VideoOperation, what: string, error: unknown) {
    if (isAbortError(error)) {
      return error;
    }
    return this.jobError(
      job,
      `OpenRouter video job ${job.jobId} ${what}: ${errorMessage(error)} Collect it later with doStatus({ operation: ${JSON.stringify(job)} }).`,
      undefined,
      error,
    );
  }
}

/**
 * A signal that aborts when the caller's does or at the deadline, with a
 * timer that `clear` stops. (`AbortSignal.any` is missing in some edge
 * runtimes, and a timer per poll should not outlive it.)
 */
function abortAtDeadline(
  callerSignal: AbortSignal | undefined,
  deadline: number,
) {
  const controller = new AbortController();
  let passed = false;
  const timer = setTimeout(
    () => {
      passed = true;
      controller.abort(
        new DOMException('The video deadline passed.', 'TimeoutError'),
      );
    },
    Math.max(0, deadline - Date.now()),
  );
  const forwardAbort = () => controller.abort(callerSignal?.reason);
  if (callerSignal?.aborted) {
    forwardAbort();
  } else {
    callerSignal?.addEventListener('abort', forwardAbort, { once: true });
  }
  return {
    signal: controller.signal,
    passed: () => passed,
    clear: () => {
      clearTimeout(timer);
      callerSignal?.removeEventListener('abort', forwardAbort);
    },
  };
}

function errorMessage(error: unknown) {
  return error instanceof Error ? error.message : String(error);
}

function readOperation(operation: JSONValue): VideoOperation {
  const candidate = operation as Partial<VideoOperation> | null;
  if (
    typeof candidate?.jobId !== 'string' ||
    typeof candidate.pollingUrl !== 'string'
  ) {
    throw new Error(
      `Not an OpenRouter video operation: ${JSON.stringify(operation)}. Pass the operation doStart returned.`,
    );
  }
  return { jobId: candidate.jobId, pollingUrl: candidate.pollingUrl };
}

function describeFailure(job: VideoOperation, status: JobStatus) {
  return `OpenRouter video job ${job.jobId} ${status.status}${
    status.error != null && status.error !== '' ? `: ${status.error}` : '.'
  }`;
}

function jobMetadata(
  job: VideoOperation,
  status: JobStatus,
): SharedV4ProviderMetadata {
  const generation = {
    ...(status.generation_id != null
      ? { generationId: status.generation_id }
      : {}),
    ...(status.usage?.cost != null ? { cost: status.usage.cost } : {}),
  };
  // `generationId` and `cost` also at the top, where
  // `@openrouter/ai-sdk-provider` puts them.
  return {
    openrouter: {
      ...generation,
      videos: [{ jobId: job.jobId, ...generation }],
    },
  };
}

function convertFrameImages(options: VideoModelV4CallOptions) {
  const frames = [...(options.frameImages ?? [])];
  // `image` is the prompt's image or the first frame; it is the first frame
  // unless the frames already have one.
  if (
    options.image != null &&
    !frames.some(frame => frame.frameType === 'first_frame')
  ) {
    frames.unshift({ image: options.image, frameType: 'first_frame' });
  }
  return frames.length === 0
    ? undefined
    : frames.map(frame => ({
        type: 'image_url',
        image_url: { url: toUrl(frame.image) },
        frame_type: frame.frameType,
      }));
}

const VIDEO_EXTENSION = /\.(mp4|webm|mov|m4v|avi|mkv)(\?|#|$)/i;

function convertInputReferences(
  references: VideoModelV4File[] | undefined,
  warnings: SharedV4Warning[],
) {
  const images = (references ?? []).filter(reference => {
    const isImage =
      reference.mediaType != null
        ? reference.mediaType.startsWith('image/')
        : !(reference.type === 'url' && VIDEO_EXTENSION.test(reference.url));
    if (!isImage) {
      warnings.push({
        type: 'unsupported',
        feature: 'video input references',
        details: `OpenRouter takes images as references; a ${reference.mediaType ?? 'video'} reference was left out.`,
      });
    }
    return isImage;
  });
  return images.length === 0
    ? undefined
    : images.map(reference => ({
        type: 'image_url',
        image_url: { url: toUrl(reference) },
      }));
}

/** A file as a URL OpenRouter can read: its own URL, or a `data:` URL. */
function toUrl(file: VideoModelV4File) {
  if (file.type === 'url') {
    return file.url;
  }
  const base64 =
    typeof file.data === 'string'
      ? file.data
      : convertUint8ArrayToBase64(file.data);
  return `data:${file.mediaType};base64,${base64}`;
}
