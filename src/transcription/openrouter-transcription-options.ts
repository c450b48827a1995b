import type { JSONObject } from '@ai-sdk/provider';

/**
 * Speech-to-text models on OpenRouter, e.g. `openai/whisper-large-v3`.
 * `GET /models?output_modalities=transcription` lists them.
 */
export type OpenRouterTranscriptionModelId =
  | 'openai/whisper-large-v3'
  | 'google/chirp-3'
  | 'x-ai/grok-stt-2.0'
  | 'nvidia/nemotron-3.5-transcribe'
  | (string & {});

/** How detailed a transcript's timings are. */
export type OpenRouterTimestampGranularity = 'segment' | 'word';

/**
 * The `provider` object of the audio endpoints: options for the provider
 * that serves the request.
 */
export type OpenRouterAudioProviderOptions = {
  /**
   * Options for each provider, keyed by provider slug, e.g.
   * `{ assemblyai: { language: 'de' } }`. Only the options of the provider
   * that serves the request are passed on; OpenRouter drops the rest.
   */
  options?: Record<string, JSONObject> | undefined;
};

/**
 * `providerOptions.openrouter` of a transcription call, and the settings of
 * a transcription model (the call's options win). Fields not listed here
 * pass through to `POST /audio/transcriptions` as written.
 */
export type OpenRouterTranscriptionOptions = {
  /**
   * The language of the audio as an ISO-639-1 code (`'en'`, `'ja'`), which
   * helps accuracy and speed; detected when omitted.
   */
  language?: string | undefined;
  /**
   * Text that guides the model's style or continues an earlier segment
   * (OpenAI-compatible providers). OpenRouter's published request type does
   * not list it, so providers that do not take it ignore it.
   */
  prompt?: string | undefined;
  /** Sampling temperature, from 0 to 1. */
  temperature?: number | undefined;
  /**
   * `'verbose_json'` adds the language, the duration and timed segments
   * (OpenAI-compatible providers only). Sent as `'verbose_json'` when
   * timestamps are asked for and this is not set; OpenRouter's default is
   * `'json'`, the text and usage only.
   */
  response_format?: 'json' | 'verbose_json' | undefined;
  /**
   * Timings to return with `'verbose_json'`: `'segment'`, and `'word'` for
   * each word's timing. The AI SDK's `timestampGranularities` is sent here
   * when this is not set.
   */
  timestamp_granularities?: OpenRouterTimestampGranularity[] | undefined;
  /** Options for the provider that serves the request. */
  provider?: OpenRouterAudioProviderOptions | undefined;
  /** Your end user's id, for OpenRouter's logs; not sent to the provider. */
  user?: string | undefined;
  /** Groups related requests in OpenRouter's logs (at most 256 characters). */
  session_id?: string | undefined;
  /** Extra body fields, underneath the typed ones. */
  extraBody?: Record<string, unknown> | undefined;
};

/** Transcription model settings take the same fields as its call options. */
export type OpenRouterTranscriptionSettings = OpenRouterTranscriptionOptions;
