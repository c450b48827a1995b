import {
  type SharedV4FileData,
  type SharedV4ProviderOptions,
  UnsupportedFunctionalityError,
} from '@ai-sdk/provider';
import {
  convertBase64ToUint8Array,
  convertToBase64,
  getTopLevelMediaType,
  resolveFullMediaType,
  resolveProviderReference,
} from '@ai-sdk/provider-utils';
import type { OpenRouterChatContentPart } from './openrouter-chat-api-types';

/** A file in a user message or in a tool result's content. */
export type FileLikePart = {
  mediaType: string;
  data: SharedV4FileData;
  filename?: string | undefined;
  providerOptions?: SharedV4ProviderOptions | undefined;
};

const AUDIO_FORMATS: Record<string, string> = {
  'audio/wav': 'wav',
  'audio/wave': 'wav',
  'audio/x-wav': 'wav',
  'audio/vnd.wave': 'wav',
  'audio/mpeg': 'mp3',
  'audio/mp3': 'mp3',
  'audio/mpeg3': 'mp3',
  'audio/flac': 'flac',
  'audio/x-flac': 'flac',
  'audio/mp4': 'm4a',
  'audio/m4a': 'm4a',
  'audio/x-m4a': 'm4a',
  'audio/ogg': 'ogg',
  'audio/pcm': 'pcm16',
  'audio/l16': 'pcm16',
  'audio/pcm16': 'pcm16',
  'audio/pcm24': 'pcm24',
};

// Documents that are text in disguise; they are inlined like text files.
const TEXT_APPLICATION_TYPES = new Set([
  'application/json',
  'application/ld+json',
  'application/xml',
  'application/x-yaml',
  'application/yaml',
  'application/javascript',
  'application/x-sh',
  'application/sql',
  'application/graphql',
  'application/toml',
]);

/**
 * One file as an OpenRouter content part: images as `image_url`, PDFs as
 * `file`, audio as `input_audio`, video as `video_url`, text inline. URLs
 * stay URLs (OpenRouter fetches them); bytes become base64 `data:` URLs;
 * a reference to a file uploaded with `openrouter.files()` becomes
 * `file: { file_id }`.
 */
export function convertFileToContentPart(
  part: FileLikePart,
): OpenRouterChatContentPart {
  const { data } = part;
  if (data.type === 'reference') {
    // A file uploaded with `openrouter.files()`: OpenRouter reads it by id,
    // whatever its kind. A reference from another provider only has ids
    // OpenRouter cannot resolve, which the helper's error says.
    return {
      type: 'file',
      file: {
        file_id: resolveProviderReference({
          reference: data.reference,
          provider: 'openrouter',
        }),
        ...(part.filename != null ? { filename: part.filename } : {}),
      },
    };
  }

  const mediaType = part.mediaType.toLowerCase();
  const topLevelType = getTopLevelMediaType(mediaType);

  if (data.type === 'text' || isTextMediaType(mediaType)) {
    return { type: 'text', text: inlineText(part) };
  }

  switch (topLevelType) {
    case 'image':
      return {
        type: 'image_url',
        image_url: {
          url: toUrl(part),
          ...imageDetail(part.providerOptions),
        },
      };
    case 'video':
      return { type: 'video_url', video_url: { url: toUrl(part) } };
    case 'audio': {
      if (data.type === 'url') {
        throw new UnsupportedFunctionalityError({
          functionality: `audio URLs (${data.url.href}); OpenRouter only accepts audio as base64 data, so pass the audio's bytes`,
        });
      }
      const fullType = resolveMediaType(part);
      const format = AUDIO_FORMATS[fullType];
      if (format == null) {
        throw new UnsupportedFunctionalityError({
          functionality: `audio of media type ${fullType}; OpenRouter accepts ${[...new Set(Object.values(AUDIO_FORMATS))].join(', ')}`,
        });
      }
      return {
        type: 'input_audio',
        input_audio: { data: convertToBase64(data.data), format },
      };
    }
  }

  if (mediaType === 'application/pdf') {
    return {
      type: 'file',
      file: {
        filename: part.filename ?? 'document.pdf',
        file_data: toUrl(part),
      },
    };
  }

  throw new UnsupportedFunctionalityError({
    functionality: `file parts of media type ${part.mediaType}`,
  });
}

function isTextMediaType(mediaType: string) {
  return (
    mediaType.startsWith('text/') ||
    mediaType === 'text' ||
    TEXT_APPLICATION_TYPES.has(mediaType)
  );
}

function inlineText(part: FileLikePart): string {
  const { data } = part;
  let text: string;
  if (data.type === 'text') {
    text = data.text;
  } else if (data.type === 'data') {
    text =
      typeof data.data === 'string'
        ? new TextDecoder().decode(convertBase64ToUint8Array(data.data))
        : new TextDecoder().decode(data.data);
  } else {
    throw new UnsupportedFunctionalityError({
      functionality: `text file URLs (${data.type === 'url' ? data.url.href : ''}); pass the file's contents`,
    });
  }
  return part.filename != null ? `${part.filename}:\n${text}` : text;
}

/** The part's URL, or its bytes as a `data:` URL with a full media type. */
function toUrl(part: FileLikePart): string {
  const { data } = part;
  if (data.type === 'url') {
    return data.url.href;
  }
  if (data.type === 'data') {
    return `data:${resolveMediaType(part)};base64,${convertToBase64(data.data)}`;
  }
  throw new UnsupportedFunctionalityError({
    functionality: `file data of type ${data.type} for ${part.mediaType}`,
  });
}

/**
 * `image`, `image/*` and friends name only the kind of file; a `data:` URL
 * needs the exact type, which is sniffed from the bytes. Media types are
 * compared in lower case, as everywhere in this converter.
 */
function resolveMediaType(part: FileLikePart): string {
  return resolveFullMediaType({
    part: {
      type: 'file',
      mediaType: part.mediaType.toLowerCase(),
      data: part.data,
    },
  });
}

const IMAGE_DETAILS = ['auto', 'low', 'high'] as const;

/** `providerOptions.openrouter.imageDetail` on the part, when valid. */
function imageDetail(providerOptions: SharedV4ProviderOptions | undefined): {
  detail?: (typeof IMAGE_DETAILS)[number] | undefined;
} {
  const detail = IMAGE_DETAILS.find(
    value => value === providerOptions?.openrouter?.imageDetail,
  );
  return detail != null ? { detail } : {};
}
