import {
  areaState,
  decodePathSegment,
  type EmulatorContext,
  type EmulatorRequest,
  type EmulatorRoute,
  errorReply,
  jsonReply,
} from './emulator-routes';

/** OpenRouter's documented limit for one file: 100 MB. */
export const DEFAULT_MAX_FILE_BYTES = 100 * 1024 * 1024;
/** Files one emulator keeps at most, so a test process stays bounded. */
const MAX_STORED_FILES = 1000;

type StoredFile = {
  id: string;
  filename: string;
  mimeType: string;
  bytes: Uint8Array;
  createdAt: string;
};

function storedFiles(context: EmulatorContext) {
  return areaState(context, 'files', () => new Map<string, StoredFile>());
}

/** How the emulated chat model names an uploaded file, or undefined. */
export function describeUploadedFile(
  context: EmulatorContext,
  id: string,
): string | undefined {
  const file = storedFiles(context).get(id);
  return file == null
    ? undefined
    : `a file named ${file.filename} (uploaded ${file.id}, ${file.mimeType}, ${file.bytes.byteLength} bytes)`;
}

/** The `file_id`s a chat request refers to that the emulator does not hold. */
export function unknownFileIds(
  context: EmulatorContext,
  body: object,
): string[] {
  const messages = (body as { messages?: unknown }).messages;
  const unknown: string[] = [];
  if (!Array.isArray(messages)) {
    return unknown;
  }
  const files = storedFiles(context);
  for (const message of messages) {
    const content = (message as { content?: unknown } | null)?.content;
    if (!Array.isArray(content)) {
      continue;
    }
    for (const part of content) {
      const id = part?.type === 'file' ? part.file?.file_id : undefined;
      if (typeof id === 'string' && !files.has(id)) {
        unknown.push(id);
      }
    }
  }
  return unknown;
}

function wireFile(file: StoredFile) {
  return {
    _shape: 'openrouter',
    id: file.id,
    type: 'file',
    filename: file.filename,
    mime_type: file.mimeType,
    size_bytes: file.bytes.byteLength,
    created_at: file.createdAt,
    downloadable: true,
  };
}

const FILE_PATH = /^\/files\/([^/]+)$/;
const CONTENT_PATH = /^\/files\/([^/]+)\/content$/;

function fileOf(
  context: EmulatorContext,
  path: string,
  pattern: RegExp,
): StoredFile | undefined {
  const match = pattern.exec(path);
  return match?.[1] == null
    ? undefined
    : storedFiles(context).get(decodePathSegment(match[1]));
}

/**
 * OpenRouter's file storage, in memory: multipart upload with the field
 * `file` (at most `maxFileBytes`, never empty, one of the kinds OpenRouter
 * accepts, recognised from the bytes), metadata, content, delete and a
 * list paged by `limit` and `cursor`. Ids are `file-emulator-N`.
 */
export const fileRoutes: EmulatorRoute[] = [
  {
    method: 'POST',
    path: '/files',
    async handle(request, context) {
      const upload = await readUpload(request);
      if (typeof upload === 'string') {
        return errorReply(400, upload);
      }
      const limit = context.options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
      if (upload.bytes.byteLength > limit) {
        return errorReply(
          413,
          `File too large: ${upload.bytes.byteLength} bytes; the maximum is ${limit} bytes`,
        );
      }
      if (upload.bytes.byteLength === 0) {
        return errorReply(400, 'File is empty');
      }
      const mimeType = detectMediaType(upload.bytes);
      if (mimeType == null) {
        return errorReply(
          400,
          'Unsupported file type: upload a PDF, a PNG, JPEG, GIF or WebP image, an MP3, WAV, FLAC or OGG audio file, or UTF-8 text',
        );
      }
      const files = storedFiles(context);
      if (files.size >= MAX_STORED_FILES) {
        return errorReply(
          429,
          `The emulator keeps at most ${MAX_STORED_FILES} files; delete some first`,
        );
      }
      const sequence = context.nextSequence();
      const file: StoredFile = {
        id: `file-emulator-${sequence}`,
        filename: upload.filename,
        mimeType,
        bytes: upload.bytes,
        createdAt: new Date(Date.UTC(2025, 0, 1, 0, 0, sequence)).toISOString(),
      };
      files.set(file.id, file);
      return jsonReply(wireFile(file));
    },
  },
  {
    method: 'GET',
    path: '/files',
    handle(request, context) {
      const limitText = request.query.get('limit');
      const limit = limitText == null ? 100 : Number(limitText);
      if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
        return errorReply(400, 'limit must be an integer from 1 to 1000');
      }
      const all = [...storedFiles(context).values()];
      const cursor = request.query.get('cursor');
      const start =
        cursor == null ? 0 : all.findIndex(file => file.id === cursor) + 1;
      const page = all.slice(start, start + limit);
      const hasMore = start + limit < all.length;
      return jsonReply({
        _shape: 'openrouter',
        data: page.map(wireFile),
        has_more: hasMore,
        cursor: hasMore ? (page.at(-1)?.id ?? null) : null,
        first_id: page[0]?.id ?? null,
        last_id: page.at(-1)?.id ?? null,
      });
    },
  },
  {
    method: 'GET',
    path: CONTENT_PATH,
    handle(request, context) {
      const file = fileOf(context, request.path, CONTENT_PATH);
      if (file == null) {
        return errorReply(404, 'File not found');
      }
      return {
        type: 'binary',
        status: 200,
        contentType: file.mimeType,
        body: file.bytes,
      };
    },
  },
  {
    method: 'GET',
    path: FILE_PATH,
    handle(request, context) {
      const file = fileOf(context, request.path, FILE_PATH);
      return file == null
        ? errorReply(404, 'File not found')
        : jsonReply(wireFile(file));
    },
  },
  {
    method: 'DELETE',
    path: FILE_PATH,
    handle(request, context) {
      const file = fileOf(context, request.path, FILE_PATH);
      if (file == null) {
        return errorReply(404, 'File not found');
      }
      storedFiles(context).delete(file.id);
      return jsonReply({
        _shape: 'openrouter',
        id: file.id,
        type: 'file_deleted',
      });
    },
  },
];

/** The `file` field of a multipart body, or what is wrong with the body. */
async function readUpload(
  request: EmulatorRequest,
): Promise<{ filename: string; bytes: Uint8Array } | string> {
  const contentType = request.headers['content-type'];
  if (
    typeof contentType !== 'string' ||
    !contentType.toLowerCase().startsWith('multipart/form-data')
  ) {
    return 'Expected a multipart/form-data body with a "file" field';
  }
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(request.rawBytes ?? []), {
      headers: { 'content-type': contentType },
    }).formData();
  } catch {
    return 'Malformed multipart/form-data body';
  }
  const file = form.get('file');
  if (file == null || typeof file === 'string') {
    return 'Missing "file" field: send the file as multipart/form-data field "file"';
  }
  return {
    filename: file.name || 'file',
    bytes: new Uint8Array(await file.arrayBuffer()),
  };
}

/** The media type OpenRouter would report, recognised from the bytes. */
function detectMediaType(bytes: Uint8Array): string | undefined {
  const startsWith = (...values: number[]) =>
    values.every((value, index) => bytes[index] === value);
  const ascii = (offset: number, text: string) =>
    [...text].every(
      (character, index) => bytes[offset + index] === character.charCodeAt(0),
    );
  if (ascii(0, '%PDF-')) return 'application/pdf';
  if (startsWith(0x89, 0x50, 0x4e, 0x47)) return 'image/png';
  if (startsWith(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (ascii(0, 'GIF8')) return 'image/gif';
  if (ascii(0, 'RIFF') && ascii(8, 'WEBP')) return 'image/webp';
  if (ascii(0, 'RIFF') && ascii(8, 'WAVE')) return 'audio/wav';
  if (
    ascii(0, 'ID3') ||
    (bytes[0] === 0xff && ((bytes[1] ?? 0) & 0xe0) === 0xe0)
  )
    return 'audio/mpeg';
  if (ascii(0, 'fLaC')) return 'audio/flac';
  if (ascii(0, 'OggS')) return 'audio/ogg';
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
  try {
    JSON.parse(text);
    return 'application/json';
  } catch {
    return 'text/plain';
  }
}
