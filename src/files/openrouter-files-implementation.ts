import {
  type FilesV4DeleteFileCallOptions,
  type FilesV4DeleteFileResult,
  type FilesV4DownloadFileCallOptions,
  type FilesV4DownloadFileResult,
  type FilesV4GetFileMetadataCallOptions,
  type FilesV4GetFileMetadataResult,
  type FilesV4UploadFileCallOptions,
  type FilesV4UploadFileResult,
  InvalidArgumentError,
  type SharedV4ProviderMetadata,
  type SharedV4ProviderOptions,
  type SharedV4ProviderReference,
} from '@ai-sdk/provider';
import {
  convertBase64ToUint8Array,
  extractResponseHeaders,
  type ResponseHandler,
  resolveProviderReference,
} from '@ai-sdk/provider-utils';
import * as z from 'zod/v4';
import type { OpenRouterConfig } from '../http/openrouter-config';
import { createOpenRouterJsonResponseHandler } from '../http/openrouter-response-handlers';
import { sendModelRequest } from '../http/send-openrouter-request';
import { closestName } from '../options/closest-name';
import {
  OPENROUTER_MAX_FILE_BYTES,
  type OpenRouterFileInfo,
  type OpenRouterFileList,
  type OpenRouterListFilesOptions,
} from './openrouter-files-options';

// The reference key is the provider's name, as `resolveProviderReference`
// looks it up in a chat prompt.
const PROVIDER_NAME = 'openrouter';

const FILE_OPTION_NAMES = ['workspaceId', 'provider'] as const;
const STORAGE_PROVIDERS = ['openai', 'anthropic'] as const;

// Lenient: OpenRouter answers in the shape of the storage used
// (`_shape`: openrouter, openai or anthropic), which name size and time
// differently.
const fileSchema = z.looseObject({
  id: z.string(),
  filename: z.string().nullish(),
  mime_type: z.string().nullish(),
  size_bytes: z.number().nullish(),
  bytes: z.number().nullish(),
  created_at: z.union([z.string(), z.number()]).nullish(),
  expires_at: z.union([z.string(), z.number()]).nullish(),
  downloadable: z.boolean().nullish(),
});
type WireFile = z.infer<typeof fileSchema>;

const fileListSchema = z.looseObject({
  data: z.array(fileSchema),
  has_more: z.boolean().nullish(),
  cursor: z.string().nullish(),
  last_id: z.string().nullish(),
});

const deletedSchema = z.looseObject({
  id: z.string().nullish(),
  type: z.string().nullish(),
  deleted: z.boolean().nullish(),
});

/** The calls behind `openrouter.files()`, loaded with the first one. */
export function openRouterFileCalls(config: OpenRouterConfig) {
  const fileUrl = (
    reference: SharedV4ProviderReference,
    providerOptions: SharedV4ProviderOptions | undefined,
    suffix = '',
  ) =>
    `${config.baseURL}/files/${encodeURIComponent(fileIdOf(reference))}${suffix}${queryOf(readFileOptions(providerOptions))}`;

  return {
    async uploadFile({
      data,
      mediaType,
      filename,
      abortSignal,
      headers,
      providerOptions,
    }: FilesV4UploadFileCallOptions): Promise<FilesV4UploadFileResult> {
      const query = queryOf(readFileOptions(providerOptions));
      const bytes = await readUploadBytes(data, abortSignal);
      const formData = new FormData();
      formData.append(
        'file',
        new Blob([bytes], { type: mediaType }),
        filename ?? defaultFilename(mediaType),
      );
      const { value } = await sendModelRequest(config, {
        method: 'POST',
        url: `${config.baseURL}/files${query}`,
        callHeaders: headers,
        body: formData,
        successfulResponseHandler:
          createOpenRouterJsonResponseHandler(fileSchema),
        abortSignal,
        effect: 'creates-a-resource',
      });
      return { ...describeFile(value), warnings: [] };
    },

    async getFileMetadata({
      file,
      abortSignal,
      headers,
      providerOptions,
    }: FilesV4GetFileMetadataCallOptions): Promise<FilesV4GetFileMetadataResult> {
      const { value } = await sendModelRequest(config, {
        method: 'GET',
        url: fileUrl(file, providerOptions),
        callHeaders: headers,
        successfulResponseHandler:
          createOpenRouterJsonResponseHandler(fileSchema),
        abortSignal,
      });
      return { ...describeFile(value), warnings: [] };
    },

    async downloadFile({
      file,
      abortSignal,
      headers,
      providerOptions,
    }: FilesV4DownloadFileCallOptions): Promise<FilesV4DownloadFileResult> {
      const { value } = await sendModelRequest(config, {
        method: 'GET',
        url: fileUrl(file, providerOptions, '/content'),
        callHeaders: { accept: 'application/octet-stream', ...headers },
        successfulResponseHandler: contentResponseHandler,
        abortSignal,
      });
      return { ...value, warnings: [] };
    },

    async deleteFile({
      file,
      abortSignal,
      headers,
      providerOptions,
    }: FilesV4DeleteFileCallOptions): Promise<FilesV4DeleteFileResult> {
      const { value } = await sendModelRequest(config, {
        method: 'DELETE',
        url: fileUrl(file, providerOptions),
        callHeaders: headers,
        successfulResponseHandler:
          createOpenRouterJsonResponseHandler(deletedSchema),
        abortSignal,
      });
      const id = value.id ?? fileIdOf(file);
      return {
        providerReference: { [PROVIDER_NAME]: id },
        deleted: value.deleted === true || value.type === 'file_deleted',
        warnings: [],
      };
    },

    async listFiles({
      limit,
      cursor,
      abortSignal,
      headers,
      workspaceId,
      provider,
    }: OpenRouterListFilesOptions): Promise<OpenRouterFileList> {
      if (
        limit != null &&
        !(Number.isInteger(limit) && limit >= 1 && limit <= 1000)
      ) {
        throw new InvalidArgumentError({
          argument: 'limit',
          message: `listFiles: limit must be an integer from 1 to 1000, got ${String(limit)}.`,
        });
      }
      const query = queryOf({
        ...readFileOptions({ openrouter: { workspaceId, provider } }),
        limit: limit != null ? String(limit) : undefined,
        cursor,
      });
      const { value } = await sendModelRequest(config, {
        method: 'GET',
        url: `${config.baseURL}/files${query}`,
        callHeaders: headers,
        successfulResponseHandler:
          createOpenRouterJsonResponseHandler(fileListSchema),
        abortSignal,
      });
      const files: OpenRouterFileInfo[] = value.data.map(file => {
        const described = describeFile(file);
        return {
          ...described,
          id: file.id,
          downloadable: file.downloadable ?? undefined,
        };
      });
      // OpenAI-style storage pages by the last id instead of a cursor.
      const nextCursor = value.cursor ?? value.last_id ?? undefined;
      return {
        files,
        hasMore: value.has_more === true,
        ...(value.has_more === true && nextCursor != null
          ? { cursor: nextCursor }
          : {}),
      };
    },
  };
}

/** The file's id in OpenRouter's storage, from a provider reference. */
function fileIdOf(reference: SharedV4ProviderReference): string {
  return resolveProviderReference({ reference, provider: PROVIDER_NAME });
}

/** The AI SDK's description of a file from OpenRouter's. */
function describeFile(file: WireFile) {
  const byteSize = file.size_bytes ?? file.bytes;
  const createdAt = toDate(file.created_at);
  const expiresAt = toDate(file.expires_at);
  const providerMetadata: SharedV4ProviderMetadata | undefined =
    file.downloadable != null
      ? { [PROVIDER_NAME]: { downloadable: file.downloadable } }
      : undefined;
  return {
    providerReference: { [PROVIDER_NAME]: file.id },
    ...(file.filename != null ? { filename: file.filename } : {}),
    ...(file.mime_type != null ? { mediaType: file.mime_type } : {}),
    ...(byteSize != null ? { byteSize } : {}),
    ...(createdAt != null ? { createdAt } : {}),
    ...(expiresAt != null ? { expiresAt } : {}),
    ...(providerMetadata != null ? { providerMetadata } : {}),
  };
}

/** ISO strings, or Unix seconds as OpenAI-style storage gives them. */
function toDate(value: string | number | null | undefined): Date | undefined {
  if (value == null) {
    return undefined;
  }
  const date = new Date(typeof value === 'number' ? value * 1000 : value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/**
 * The body of `/files/{id}/content`, handed over as a stream without being
 * read; its media type comes from the answer's `content-type`.
 */
const contentResponseHandler: ResponseHandler<{
  content: ReadableStream<Uint8Array>;
  mediaType?: string;
}> = async ({ response }) => {
  const responseHeaders = extractResponseHeaders(response);
  const mediaType = response.headers.get('content-type')?.split(';')[0]?.trim();
  return {
    responseHeaders,
    value: {
      content: response.body ?? new Blob([]).stream(),
      ...(mediaType ? { mediaType } : {}),
    },
  };
};

/**
 * The bytes to upload, refused before any request when the file is empty
 * or over OpenRouter's limit. A stream is counted as it is read and
 * cancelled as soon as it passes the limit.
 */
async function readUploadBytes(
  data: FilesV4UploadFileCallOptions['data'],
  abortSignal: AbortSignal | undefined,
): Promise<Uint8Array<ArrayBuffer>> {
  let bytes: Uint8Array;
  switch (data.type) {
    case 'data':
      bytes =
        typeof data.data === 'string'
          ? convertBase64ToUint8Array(data.data)
          : data.data;
      break;
    case 'text':
      bytes = new TextEncoder().encode(data.text);
      break;
    case 'stream':
      bytes = await readLimitedStream(data.stream, abortSignal);
      break;
    default:
      throw new InvalidArgumentError({
        argument: 'data',
        message: `uploadFile: data of type ${String((data as { type?: unknown }).type)} cannot be uploaded; pass { type: 'data' }, { type: 'text' } or { type: 'stream' }.`,
      });
  }
  checkSize(bytes.byteLength);
  // A copy only when the bytes are a view that `Blob` would not take as is.
  return bytes.buffer instanceof ArrayBuffer &&
    bytes.byteOffset === 0 &&
    bytes.byteLength === bytes.buffer.byteLength
    ? (bytes as Uint8Array<ArrayBuffer>)
    : new Uint8Array(bytes);
}

async function readLimitedStream(
  stream: ReadableStream<Uint8Array>,
  abortSignal: AbortSignal | undefined,
): Promise<Uint8Array> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      abortSignal?.throwIfAborted();
      const { done, value } = await reader.read();
      if (done) {
        break;
      }
      size += value.byteLength;
      if (size > OPENROUTER_MAX_FILE_BYTES) {
        reader.cancel().catch(() => {});
        checkSize(size, 'more than ');
      }
      chunks.push(value);
    }
  } finally {
    reader.releaseLock();
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

function checkSize(byteLength: number, qualifier = '') {
  if (byteLength === 0) {
    throw new InvalidArgumentError({
      argument: 'data',
      message:
        'uploadFile: the file is empty; OpenRouter refuses empty files. Nothing was sent.',
    });
  }
  if (byteLength > OPENROUTER_MAX_FILE_BYTES) {
    throw new InvalidArgumentError({
      argument: 'data',
      message: `uploadFile: the file is ${qualifier}${byteLength} bytes; OpenRouter accepts files of at most 100 MB (${OPENROUTER_MAX_FILE_BYTES} bytes). Nothing was sent.`,
    });
  }
}

/** `providerOptions.openrouter` of a files call, checked. */
function readFileOptions(
  providerOptions: SharedV4ProviderOptions | undefined,
): {
  workspace_id?: string | undefined;
  provider?: string | undefined;
} {
  const options = providerOptions?.[PROVIDER_NAME];
  if (options == null) {
    return {};
  }
  for (const key of Object.keys(options)) {
    if (!(FILE_OPTION_NAMES as readonly string[]).includes(key)) {
      const suggestion = closestName(key, FILE_OPTION_NAMES);
      throw new InvalidArgumentError({
        argument: `providerOptions.openrouter.${key}`,
        message: `Unknown files option providerOptions.openrouter.${key}${suggestion != null ? `; did you mean ${suggestion}?` : ''} Files calls accept ${FILE_OPTION_NAMES.join(' and ')}.`,
      });
    }
  }
  const { workspaceId, provider } = options;
  if (workspaceId != null && typeof workspaceId !== 'string') {
    throw new InvalidArgumentError({
      argument: 'providerOptions.openrouter.workspaceId',
      message: 'providerOptions.openrouter.workspaceId must be a string.',
    });
  }
  if (
    provider != null &&
    !(STORAGE_PROVIDERS as readonly unknown[]).includes(provider)
  ) {
    const suggestion =
      typeof provider === 'string'
        ? closestName(provider, STORAGE_PROVIDERS)
        : undefined;
    throw new InvalidArgumentError({
      argument: 'providerOptions.openrouter.provider',
      message: `providerOptions.openrouter.provider must be ${STORAGE_PROVIDERS.map(name => `'${name}'`).join(' or ')} (or left out for OpenRouter's storage)${suggestion != null ? `; did you mean '${suggestion}'?` : ''}.`,
    });
  }
  return {
    workspace_id: workspaceId ?? undefined,
    provider: (provider as string | undefined) ?? undefined,
  };
}

function queryOf(parameters: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(parameters)) {
    if (value != null) {
      search.set(name, value);
    }
  }
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}

const EXTENSIONS: Record<string, string> = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'audio/mpeg': 'mp3',
  'audio/wav': 'wav',
  'audio/flac': 'flac',
  'audio/ogg': 'ogg',
  'text/plain': 'txt',
  'text/markdown': 'md',
  'text/csv': 'csv',
  'application/json': 'json',
};

/** A name for a file uploaded without one: multipart needs a filename. */
function defaultFilename(mediaType: string) {
  return `file.${EXTENSIONS[mediaType.toLowerCase()] ?? 'bin'}`;
}
