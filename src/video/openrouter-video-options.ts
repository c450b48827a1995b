import type { OpenRouterMediaProviderRouting } from '../chat/openrouter-chat-options';

/** Video models, e.g. `google/veo-3.1`. */
export type OpenRouterVideoModelId =
  | 'google/veo-3.1'
  | 'openai/sora-2-pro'
  | 'bytedance/seedance-2.0'
  | 'alibaba/wan-2.6'
  | (string & {});

/** An image to use as the first or last frame of the video. */
export type OpenRouterVideoFrameImage = {
  type: 'image_url';
  /** A base64 `data:` URL or an HTTP(S) URL. */
  image_url: { url: string };
  /** Which frame the image is: `'first_frame'` or `'last_frame'`. */
  frame_type: 'first_frame' | 'last_frame' | (string & {});
};

/**
 * A reference asset to guide the video: an image, audio or video content
 * part, e.g. `{ type: 'image_url', image_url: { url } }`. Providers that do
 * not take audio or video references ignore them.
 */
export type OpenRouterVideoInputReference = {
  /** `'image_url'`, `'input_audio'` or `'video_url'`. */
  type: string;
  /** The part's content, e.g. `image_url: { url }`. */
  [field: string]: unknown;
};

/**
 * Video model settings, and `providerOptions.openrouter` of a video call.
 * Other fields of OpenRouter's `POST /videos` body pass through as given.
 */
export type OpenRouterVideoSettings = {
  /** Whether the model generates audio too, unless the call says. */
  generateAudio?: boolean | undefined;
  /**
   * How often `doGenerate` polls the job, in milliseconds. (With a `poll`
   * option, `experimental_generateVideo` polls instead.) @default 2000
   */
  pollIntervalMs?: number | undefined;
  /**
   * How long `doGenerate` waits for the job, in milliseconds. @default 600000
   */
  maxPollTimeMs?: number | undefined;
  /** A resolution such as `'720p'` or `'1080p'`, where the model takes one. */
  resolution?: string | undefined;
  /**
   * Exact pixel dimensions, `'WIDTHxHEIGHT'` (e.g. `'1280x720'`); the call's
   * `resolution` is sent here. Interchangeable with `resolution` and
   * `aspect_ratio`.
   */
  size?: string | undefined;
  /** Aspect ratio, e.g. `'16:9'`; the call's `aspectRatio` is sent here. */
  aspect_ratio?: string | undefined;
  /** Length of the video in seconds; the call's `duration` is sent here. */
  duration?: number | undefined;
  /** Seed for deterministic sampling, where the provider supports it. */
  seed?: number | undefined;
  /** OpenRouter's own spelling of `generateAudio`; the call's wins. */
  generate_audio?: boolean | undefined;
  /**
   * An HTTPS URL OpenRouter notifies when the job completes, instead of the
   * workspace's default.
   */
  callback_url?: string | undefined;
  /** Images for the first and last frames; the call's `image` is sent here. */
  frame_images?: OpenRouterVideoFrameImage[] | undefined;
  /** Reference images, audio or video to guide the generation. */
  input_references?: OpenRouterVideoInputReference[] | undefined;
  /**
   * Provider routing, as for chat models, and `options` keyed by provider
   * slug.
   */
  provider?: OpenRouterMediaProviderRouting | undefined;
  /** Extra body fields. */
  extraBody?: Record<string, unknown> | undefined;
};
