import type { LanguageModelV4File } from '@ai-sdk/provider';

const DATA_URL = /^data:([^;,]+)?(;base64)?,(.*)$/s;

const MEDIA_TYPE_BY_EXTENSION: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  gif: 'image/gif',
  svg: 'image/svg+xml',
};

/**
 * Generated images (`message.images` or `delta.images`) as AI SDK files.
 * OpenRouter sends them as `data:` URLs; a plain URL is passed on as a URL.
 */
export function mapOpenRouterImages(
  images: readonly unknown[] | null | undefined,
): LanguageModelV4File[] {
  const files: LanguageModelV4File[] = [];
  for (const image of images ?? []) {
    const url = (image as { image_url?: { url?: unknown } } | null)?.image_url
      ?.url;
    if (typeof url !== 'string') {
      continue;
    }
    const file = toFile(url);
    if (file != null) {
      files.push(file);
    }
  }
  return files;
}

function toFile(url: string): LanguageModelV4File | undefined {
  const dataUrl = DATA_URL.exec(url);
  if (dataUrl != null) {
    const [, mediaType = 'image/png', base64Flag, payload] = dataUrl;
    return {
      type: 'file',
      mediaType,
      data: {
        type: 'data',
        // Non-base64 data URLs are rare for images; decode them to bytes.
        data: base64Flag != null ? payload : decodePercentEncoded(payload),
      },
    };
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  const extension = parsed.pathname.split('.').pop()?.toLowerCase() ?? '';
  return {
    type: 'file',
    mediaType: MEDIA_TYPE_BY_EXTENSION[extension] ?? 'image/png',
    data: { type: 'url', url: parsed },
  };
}

/** A percent-encoded payload as bytes; malformed escapes are kept as text. */
function decodePercentEncoded(payload: string): Uint8Array {
  let text: string;
  try {
    text = decodeURIComponent(payload);
  } catch {
    text = payload;
  }
  return new TextEncoder().encode(text);
}
