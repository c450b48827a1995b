import type { OpenRouterProviderRouting } from '../chat/openrouter-chat-options';

/** Video models, e.g. `google/veo-3.1`. */
export type OpenRouterVideoModelId =
  | 'google/veo-3.1'
  | 'openai/sora-2-pro'
  | 'bytedance/seedance-2.0'
  | 'alibaba/wan-2.6'
  | (string & {});

/**
 * Video model settings, and `providerOptions.openrouter` of a video call.
 * Other fields of OpenRouter's `POST /videos` body pass through as given.
 */
export type OpenRouterVideoSettings = {
  /** Whether the model generates audio too, unless the call says. */
  generateAudio?: boolean;
  /**
   * How often `doGenerate` polls the job, in milliseconds. (With a `poll`
   * option, `experimental_generateVideo` polls instead.) @default 2000
   */
  pollIntervalMs?: number;
  /**
   * How long `doGenerate` waits for the job, in milliseconds. @default 600000
   */
  maxPollTimeMs?: number;
  /** A resolution such as `'720p'` or `'1080p'`, where the model takes one. */
  resolution?: string;
  /** Provider routing, as for chat models. */
  provider?: OpenRouterProviderRouting;
  /** Extra body fields. */
  extraBody?: Record<string, unknown>;
};
