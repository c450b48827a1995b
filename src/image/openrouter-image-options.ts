import type { JSONObject, SharedV4Warning } from '@ai-sdk/provider';
import * as z from 'zod/v4';
import {
  createRoutedOptionsReader,
  getMediaProviderRoutingSchema,
  type OpenRouterChatSettings,
  type OpenRouterMediaProviderRouting,
} from '../chat/openrouter-chat-options';
import { requestBodyOf } from '../options/read-options';

// The fields of OpenRouter's image API, `POST /images`, as its published API
// types (`ImageGenerationRequest` in `@openrouter/sdk`) define them. Enums
// there are open: OpenRouter may add values, so any string is accepted.

/** Image models, e.g. `google/gemini-2.5-flash-image`. */
export type OpenRouterImageModelId =
  | 'google/gemini-2.5-flash-image'
  | 'google/gemini-3-pro-image-preview'
  | 'openai/gpt-5-image'
  | 'openai/gpt-5-image-mini'
  | (string & {});

/** Aspect ratio of the image; providers clamp it to what they support. */
export type OpenRouterImageAspectRatio =
  | '1:1'
  | '1:2'
  | '1:4'
  | '1:8'
  | '2:1'
  | '2:3'
  | '2.35:1'
  | '3:2'
  | '3:4'
  | '4:1'
  | '4:3'
  | '4:5'
  | '5:2'
  | '5:4'
  | '8:1'
  | '9:16'
  | '16:9'
  | '9:19.5'
  | '19.5:9'
  | '9:20'
  | '20:9'
  | '9:21'
  | '21:9'
  | 'auto'
  | (string & {});

/** Resolution tier; each provider derives its own pixel size from it. */
export type OpenRouterImageResolution =
  | '512'
  | '1K'
  | '2K'
  | '4K'
  | (string & {});

/** Rendering quality; providers without a quality setting ignore it. */
export type OpenRouterImageQuality =
  | 'auto'
  | 'low'
  | 'medium'
  | 'high'
  | 'xhigh'
  | 'max'
  | (string & {});

/** Background; `transparent` needs an output format with alpha (png, webp). */
export type OpenRouterImageBackground =
  | 'auto'
  | 'transparent'
  | 'opaque'
  | (string & {});

/** Encoding of the returned image; `svg` is for vectorizing models. */
export type OpenRouterImageOutputFormat =
  | 'png'
  | 'jpeg'
  | 'webp'
  | 'svg'
  | (string & {});

/** A reference image for image-to-image generation. */
export type OpenRouterImageInputReference = {
  type: 'image_url';
  /** A base64 `data:` URL or an HTTP(S) URL. */
  image_url: { url: string };
};

/**
 * `providerOptions.openrouter` of a `generateImage` call over OpenRouter's
 * image API (`POST /images`), and the image model's settings. Each field is
 * sent as named; other fields pass through to the request body unchecked.
 * camelCase spellings of these fields (`aspectRatio`, `outputFormat`) are
 * also accepted, and renamed.
 */
export type OpenRouterImageOptions = {
  /**
   * Aspect ratio, e.g. `'16:9'`. The call's `aspectRatio` is sent here; this
   * option takes precedence over it.
   */
  aspect_ratio?: OpenRouterImageAspectRatio | undefined;
  /**
   * Resolution tier: `'512'`, `'1K'`, `'2K'` or `'4K'`. Combines with
   * `aspect_ratio`.
   */
  resolution?: OpenRouterImageResolution | undefined;
  /**
   * A tier (`'2K'`) or explicit pixels (`'2048x2048'`). The call's `size` is
   * sent here. Explicit pixels are authoritative: OpenRouter refuses a
   * `resolution` or `aspect_ratio` that disagrees with them.
   */
  size?: string | undefined;
  /** Rendering quality, e.g. `'high'`. */
  quality?: OpenRouterImageQuality | undefined;
  /** Background treatment, e.g. `'transparent'`. */
  background?: OpenRouterImageBackground | undefined;
  /** Encoding of the returned images, e.g. `'webp'`. */
  output_format?: OpenRouterImageOutputFormat | undefined;
  /** Compression from 0 to 100, for webp and jpeg output. */
  output_compression?: number | undefined;
  /** Seed for deterministic sampling, where the provider supports it. */
  seed?: number | undefined;
  /**
   * Reference images. The call's `prompt.images` (the AI SDK's `files`) are
   * sent here; this option takes precedence over them.
   */
  input_references?: OpenRouterImageInputReference[] | undefined;
  /**
   * Provider routing (`order`, `only`, `ignore`, `allow_fallbacks`, `sort`,
   * and `options` keyed by provider slug), as for chat models.
   */
  provider?: OpenRouterMediaProviderRouting | undefined;
  /** Your end user's id, for abuse detection. */
  user?: string | undefined;
  /** Groups related requests in OpenRouter's observability (≤ 256 chars). */
  session_id?: string | undefined;
  /** Tracing metadata (`trace_id`, `trace_name`, `span_name`, …). */
  trace?: JSONObject | undefined;
  /** Extra body fields, underneath everything else. */
  extraBody?: JSONObject | undefined;
};

/** Settings of an image model over OpenRouter's image API, the default. */
export type OpenRouterImageApiSettings = Omit<
  OpenRouterImageOptions,
  'extraBody' | 'trace'
> & {
  /** Tracing metadata (`trace_id`, `trace_name`, `span_name`, …). */
  trace?: Record<string, unknown> | undefined;
  /**
   * Extra body fields, underneath everything else. Any object, as in
   * `@openrouter/ai-sdk-provider`'s settings; `providerOptions` must be JSON.
   */
  extraBody?: Record<string, unknown> | undefined;
  /**
   * Which OpenRouter API generates the images:
   * - `'images'` (the default): `POST /images`, up to 10 images a request,
   *   with every option above;
   * - `'chat'`: chat completions with `modalities: ['image', 'text']`, one
   *   request per image, for models that generate images only through chat.
   *   The settings and `providerOptions.openrouter` are then chat options.
   */
  endpoint?: 'images' | undefined;
};

/**
 * Settings of an image model over chat completions (`endpoint: 'chat'`):
 * the chat model's settings, such as `modalities` or `image_config`.
 */
export type OpenRouterImageChatSettings = OpenRouterChatSettings & {
  /** Generate through chat completions with image output. */
  endpoint: 'chat';
};

/** `openrouter.imageModel(id, settings)`: see `endpoint`. */
export type OpenRouterImageSettings =
  | OpenRouterImageApiSettings
  | OpenRouterImageChatSettings;

// Keys that steer this package rather than the request.
const CONTROL_KEYS = new Set(['endpoint', 'extraBody']);

// Chat fields that mean nothing to `POST /images`; a model configured for
// chat without `endpoint: 'chat'` would otherwise send them unnoticed.
const CHAT_ONLY_KEYS = ['modalities', 'image_config', 'messages'];

// The documentation is on the types above.
export function buildImageOptionsSchema() {
  return z.looseObject({
    endpoint: z.enum(['images', 'chat']).optional(),
    aspect_ratio: z.string().optional(),
    resolution: z.string().optional(),
    size: z.string().optional(),
    quality: z.string().optional(),
    background: z.string().optional(),
    output_format: z.string().optional(),
    output_compression: z.number().int().min(0).max(100).optional(),
    seed: z.number().int().optional(),
    input_references: z
      .array(
        z.looseObject({
          type: z.literal('image_url'),
          image_url: z.looseObject({ url: z.string() }),
        }),
      )
      .optional(),
    provider: getMediaProviderRoutingSchema().optional(),
    user: z.string().optional(),
    session_id: z.string().max(256).optional(),
    trace: z.record(z.string(), z.unknown()).optional(),
    extraBody: z.record(z.string(), z.unknown()).optional(),
  });
}

const readImageOptions = /* @__PURE__ */ createRoutedOptionsReader(
  buildImageOptionsSchema,
  // Respelled so that the warning below names it either way.
  { image_config: true },
);

/**
 * Validates image API options from `source` (`settings` or
 * `providerOptions.openrouter`) and returns their request-body fields, or
 * undefined when there are none. An invalid value throws an
 * `InvalidArgumentError` naming the field.
 */
export function parseOpenRouterImageOptions(
  options: unknown,
  source: string,
  warnings: SharedV4Warning[],
): Record<string, unknown> | undefined {
  const parsed = readImageOptions(options, source, warnings);
  if (parsed == null) {
    return undefined;
  }
  if (source !== 'settings' && parsed.endpoint !== undefined) {
    warnings.push({
      type: 'other',
      message: `${source}.endpoint was ignored: the endpoint is a model setting, openrouter.imageModel(id, { endpoint }).`,
    });
  }
  const body = requestBodyOf(parsed, CONTROL_KEYS);
  for (const key of CHAT_ONLY_KEYS) {
    if (Object.hasOwn(body, key)) {
      delete body[key];
      warnings.push({
        type: 'other',
        message: `${source}.${key} is a chat field, which OpenRouter's image API does not take; it was not sent. For a model that generates images only through chat, create it with { endpoint: 'chat' }.`,
      });
    }
  }
  return body;
}
