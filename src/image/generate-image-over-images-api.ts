import type {
  ImageModelV4CallOptions,
  ImageModelV4File,
  ImageModelV4Result,
  JSONObject,
  SharedV4Warning,
} from '@ai-sdk/provider';
import {
  convertUint8ArrayToBase64,
  lazySchema,
  zodSchema,
} from '@ai-sdk/provider-utils';
import * as z from 'zod/v4';
import { convertOpenRouterUsageToMetadata } from '../chat/convert-openrouter-usage';
import { openRouterUsageSchema } from '../chat/openrouter-chat-response-schemas';
import { createOpenRouterJsonResponseHandler } from '../http/openrouter-response-handlers';
import { sendModelRequest } from '../http/send-openrouter-request';
import type { LazyModelSource } from '../model-base/load-on-first-use';
import { buildRequestBody } from '../options/build-request-body';
import {
  type OpenRouterImageInputReference,
  type OpenRouterImageModelId,
  type OpenRouterImageSettings,
  parseOpenRouterImageOptions,
} from './openrouter-image-options';

// `ImageGenerationResponse` of OpenRouter's published API types: every image
// is base64 (`b64_json`), with its media type when OpenRouter knows it.
const imageResponseSchema = lazySchema(() =>
  zodSchema(
    z.looseObject({
      created: z.number().nullish(),
      data: z.array(
        z.looseObject({
          b64_json: z.string(),
          media_type: z.string().nullish(),
        }),
      ),
      usage: openRouterUsageSchema.nullish(),
    }),
  ),
);

/**
 * Generates images with one `POST /images` request: the call's `n`, `size`,
 * `aspectRatio`, `seed` and files, the model's settings and the call's
 * `providerOptions.openrouter` become one body (see `imagesApiRequestBody`).
 */
export class OpenRouterImagesApi {
  constructor(
    private readonly source: LazyModelSource<
      OpenRouterImageModelId,
      OpenRouterImageSettings
    >,
  ) {}

  async doGenerate(
    options: ImageModelV4CallOptions,
  ): Promise<ImageModelV4Result> {
    const { config, modelId, settings } = this.source;
    const { body, warnings } = imagesApiRequestBody({
      modelId,
      settings,
      extraBody: config.extraBody,
      options,
    });

    const { value, responseHeaders } = await sendModelRequest(config, {
      method: 'POST',
      url: `${config.baseURL}/images`,
      callHeaders: options.headers,
      body,
      successfulResponseHandler:
        createOpenRouterJsonResponseHandler(imageResponseSchema),
      abortSignal: options.abortSignal,
    });

    const images = value.data.map(image => image.b64_json);
    if (images.length < options.n) {
      warnings.push({
        type: 'other',
        message:
          images.length === 0
            ? `${modelId} answered without an image.`
            : `${options.n} images were asked for and ${modelId} made ${images.length}; OpenRouter's n is an upper bound.`,
      });
    }

    const metadata: JSONObject = {
      images: value.data.map(image =>
        image.media_type != null ? { mediaType: image.media_type } : {},
      ),
    };
    const usage = value.usage;
    if (usage?.cost != null) {
      metadata.cost = usage.cost;
    }
    if (usage != null) {
      metadata.usage = convertOpenRouterUsageToMetadata(usage);
    }

    return {
      images,
      warnings,
      providerMetadata: {
        openrouter: metadata as JSONObject & { images: JSONObject[] },
      },
      response: {
        timestamp:
          value.created != null ? new Date(value.created * 1000) : new Date(),
        modelId,
        headers: responseHeaders,
      },
      ...(usage != null
        ? {
            usage: {
              inputTokens: usage.prompt_tokens ?? undefined,
              outputTokens: usage.completion_tokens ?? undefined,
              totalTokens: usage.total_tokens ?? undefined,
            },
          }
        : {}),
    };
  }
}

/**
 * The `POST /images` body of a call, lowest precedence first: the provider's
 * `extraBody`, the model's settings, the call's standard options, its
 * `providerOptions.openrouter`. `model`, `prompt` and `n` are the call's
 * own; `stream` is never sent, since the answer is read as one JSON body.
 */
export function imagesApiRequestBody({
  modelId,
  settings,
  extraBody,
  options,
}: {
  modelId: string;
  settings: unknown;
  extraBody: Record<string, unknown> | undefined;
  options: Pick<
    ImageModelV4CallOptions,
    | 'prompt'
    | 'n'
    | 'size'
    | 'aspectRatio'
    | 'seed'
    | 'files'
    | 'providerOptions'
  >;
}): { body: Record<string, unknown>; warnings: SharedV4Warning[] } {
  const warnings: SharedV4Warning[] = [];
  const modelOptions = parseOpenRouterImageOptions(
    settings,
    'settings',
    warnings,
  );
  const callOptions = parseOpenRouterImageOptions(
    options.providerOptions?.openrouter,
    'providerOptions.openrouter',
    warnings,
  );

  let aspectRatio: string | undefined = options.aspectRatio;
  if (
    options.size != null &&
    aspectRatio != null &&
    !sizeMatchesAspectRatio(options.size, aspectRatio)
  ) {
    warnings.push({
      type: 'unsupported',
      feature: 'aspectRatio',
      details: `OpenRouter refuses an aspect ratio that disagrees with an explicit size; size ${options.size} was sent without aspect ratio ${aspectRatio}.`,
    });
    aspectRatio = undefined;
  }

  const files = options.files ?? [];
  const body = buildRequestBody({
    fixed: {
      model: modelId,
      prompt: options.prompt ?? '',
      n: options.n,
    },
    layers: [
      { source: 'extraBody', values: extraBody },
      { source: 'model settings', values: modelOptions },
      {
        source: 'call settings',
        values: {
          size: options.size,
          aspect_ratio: aspectRatio,
          seed: options.seed,
          input_references:
            files.length > 0 ? files.map(toInputReference) : undefined,
        },
      },
      { source: 'providerOptions.openrouter', values: callOptions },
    ],
    reservedKeys: ['stream'],
    warnings,
  });
  return { body, warnings };
}

/**
 * An AI SDK image file as OpenRouter's `input_references` entry: a URL as
 * is, bytes or base64 as a `data:` URL of the file's media type.
 */
export function toInputReference(
  file: ImageModelV4File,
): OpenRouterImageInputReference {
  if (file.type === 'url') {
    return { type: 'image_url', image_url: { url: file.url } };
  }
  const base64 =
    typeof file.data === 'string'
      ? file.data
      : convertUint8ArrayToBase64(file.data);
  return {
    type: 'image_url',
    image_url: { url: `data:${file.mediaType};base64,${base64}` },
  };
}

/** Whether a `{width}x{height}` size has the `{w}:{h}` aspect ratio. */
export function sizeMatchesAspectRatio(
  size: string,
  aspectRatio: string,
): boolean {
  const pixels = /^(\d+)x(\d+)$/.exec(size);
  const ratio = /^(\d+(?:\.\d+)?):(\d+(?:\.\d+)?)$/.exec(aspectRatio);
  if (pixels == null || ratio == null) {
    // Not explicit pixels, or not a ratio OpenRouter could compare: let
    // OpenRouter decide.
    return true;
  }
  const width = Number(pixels[1]);
  const height = Number(pixels[2]);
  const ratioWidth = Number(ratio[1]);
  const ratioHeight = Number(ratio[2]);
  return Math.abs(width * ratioHeight - height * ratioWidth) < 1e-9;
}
