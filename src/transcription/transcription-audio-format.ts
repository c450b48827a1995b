/**
 * OpenRouter's name (`input_audio.format`) for each audio media type it
 * transcribes, including the older and vendor spellings that files and
 * servers still carry (`audio/x-wav`, `audio/mp3`, `audio/x-m4a`).
 */
const FORMAT_BY_MEDIA_TYPE: Readonly<Record<string, string>> = {
  'audio/wav': 'wav',
  'audio/wave': 'wav',
  'audio/x-wav': 'wav',
  'audio/vnd.wave': 'wav',
  'audio/mpeg': 'mp3',
  'audio/mp3': 'mp3',
  'audio/mpeg3': 'mp3',
  'audio/x-mpeg-3': 'mp3',
  'audio/flac': 'flac',
  'audio/x-flac': 'flac',
  'audio/mp4': 'm4a',
  'audio/m4a': 'm4a',
  'audio/x-m4a': 'm4a',
  'audio/ogg': 'ogg',
  'audio/opus': 'ogg',
  'audio/webm': 'webm',
  'video/webm': 'webm',
  'audio/aac': 'aac',
  'audio/x-aac': 'aac',
};

/**
 * The `input_audio.format` for a media type (parameters such as
 * `;codecs=opus` ignored), or undefined when OpenRouter does not take it.
 */
export function transcriptionAudioFormat(
  mediaType: string,
): string | undefined {
  const essence = mediaType.split(';')[0]?.trim().toLowerCase() ?? '';
  return Object.hasOwn(FORMAT_BY_MEDIA_TYPE, essence)
    ? FORMAT_BY_MEDIA_TYPE[essence]
    : undefined;
}
