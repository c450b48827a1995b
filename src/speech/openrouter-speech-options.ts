import type { JSONObject } from '@ai-sdk/provider';

/**
 * Text-to-speech models on OpenRouter, e.g. `openai/gpt-4o-mini-tts-2025-12-15`.
 * `GET /models?output_modalities=speech` lists them.
 */
export type OpenRouterSpeechModelId =
  | 'openai/gpt-4o-mini-tts-2025-12-15'
  | 'openai/tts-1'
  | 'assemblyai/assemblyai-tts-1'
  | 'speechify/simba-3.5'
  | (string & {});

/**
 * `providerOptions.openrouter` of a speech call, and the settings of a
 * speech model (the call's options win). Fields not listed here pass
 * through to `POST /audio/speech` as written.
 */
export type OpenRouterSpeechOptions = {
  /** The voice, by the provider's name for it (`'alloy'` for OpenAI). */
  voice?: string | undefined;
  /**
   * The audio format: `'mp3'` (the default here) or `'pcm'` (raw 16-bit
   * samples, `audio/pcm;rate=24000;channels=1` for OpenAI). Some providers
   * also take `'wav'`, `'opus'`, `'aac'` or `'flac'`. The AI SDK's
   * `outputFormat` is sent here when this is not set.
   */
  response_format?: 'mp3' | 'pcm' | (string & {}) | undefined;
  /** Playback speed, for models that take it (OpenAI's: 0.25 to 4). */
  speed?: number | undefined;
  /**
   * Options for each provider, keyed by provider slug, e.g.
   * `{ openai: { instructions: 'Speak slowly.' } }` or
   * `{ assemblyai: { language: 'de' } }`. Only the options of the provider
   * that serves the request are passed on.
   */
  provider?: { options?: Record<string, JSONObject> | undefined } | undefined;
  /** Your end user's id, for OpenRouter's logs; not sent to the provider. */
  user?: string | undefined;
  /** Groups related requests in OpenRouter's logs (at most 256 characters). */
  session_id?: string | undefined;
  /** Extra body fields, underneath the typed ones. */
  extraBody?: Record<string, unknown> | undefined;
};

/** Speech model settings take the same fields as its call options. */
export type OpenRouterSpeechSettings = OpenRouterSpeechOptions;
