import type {
  LanguageModelV4Content,
  SharedV4ProviderMetadata,
} from '@ai-sdk/provider';

/**
 * `message.audio` (and, piece by piece, `delta.audio`) of a chat reply
 * asked for with `modalities: ['text', 'audio']`.
 */
export type OpenRouterChatAudio = {
  id?: string | null | undefined;
  data?: string | null | undefined;
  transcript?: string | null | undefined;
  expires_at?: number | null | undefined;
};

// The `audio.format` values OpenRouter's guide lists; anything else is
// labelled by its name under `audio/`.
const AUDIO_MEDIA_TYPES: Record<string, string> = {
  wav: 'audio/wav',
  mp3: 'audio/mpeg',
  flac: 'audio/flac',
  opus: 'audio/ogg',
  aac: 'audio/aac',
  pcm16: 'audio/pcm',
  pcm: 'audio/pcm',
};

/**
 * The media type of the audio a request asked for (`audio.format` of the
 * request body). A request without a format gets the upstream's default,
 * which for OpenAI's audio models is WAV.
 */
export function requestedAudioMediaType(requestBody: unknown): string {
  const format = (requestBody as { audio?: { format?: unknown } } | null)?.audio
    ?.format;
  if (typeof format !== 'string') {
    return 'audio/wav';
  }
  return AUDIO_MEDIA_TYPES[format.toLowerCase()] ?? `audio/${format}`;
}

/**
 * The audio's provider metadata: its id, which replaying the turn sends back
 * as `audio: { id }`, its transcript and when OpenRouter forgets it.
 */
export function audioProviderMetadata(
  audio: OpenRouterChatAudio,
  transcript: string | undefined,
): SharedV4ProviderMetadata {
  return {
    openrouter: {
      ...(audio.id != null ? { audioId: audio.id } : {}),
      ...(transcript != null && transcript !== '' ? { transcript } : {}),
      ...(audio.expires_at != null ? { audioExpiresAt: audio.expires_at } : {}),
    },
  };
}

/**
 * A reply's audio as content: a `file` part with the audio (base64, as
 * received), and its transcript as text when the reply has no text of its
 * own. Audio models answer with `content: null` and say the answer in the
 * transcript, so without it `result.text` would be empty; when the reply
 * has text, the transcript stays only in the file's metadata.
 */
export function mapOpenRouterAudio(
  audio: OpenRouterChatAudio | null | undefined,
  {
    mediaType,
    hasText,
  }: {
    mediaType: string;
    hasText: boolean;
  },
): LanguageModelV4Content[] {
  if (audio == null) {
    return [];
  }
  const transcript = audio.transcript ?? undefined;
  const content: LanguageModelV4Content[] = [];
  if (!hasText && transcript != null && transcript !== '') {
    content.push({ type: 'text', text: transcript });
  }
  if (audio.data != null && audio.data !== '') {
    content.push({
      type: 'file',
      mediaType,
      data: { type: 'data', data: audio.data },
      providerMetadata: audioProviderMetadata(audio, transcript),
    });
  }
  return content;
}
