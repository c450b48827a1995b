import type {
  FilesV4,
  FilesV4DeleteFileCallOptions,
  FilesV4DeleteFileResult,
  FilesV4DownloadFileCallOptions,
  FilesV4DownloadFileResult,
  FilesV4GetFileMetadataCallOptions,
  FilesV4GetFileMetadataResult,
  FilesV4UploadFileCallOptions,
  FilesV4UploadFileResult,
  SharedV4ProviderReference,
} from '@ai-sdk/provider';
import type { OpenRouterConfig } from '../http/openrouter-config';
import { loadOnFirstUse } from '../model-base/load-on-first-use';

/**
 * Largest file `POST /files` accepts, as OpenRouter documents it (100 MB).
 * A larger one is refused before any byte is sent.
 */
export const OPENROUTER_MAX_FILE_BYTES = 100 * 1024 * 1024;

/**
 * `providerOptions.openrouter` of a files call, sent as OpenRouter's query
 * parameters.
 */
export type OpenRouterFilesOptions = {
  /**
   * The workspace the file belongs to (`workspace_id`); by default the
   * workspace of the API key.
   */
  workspaceId?: string | undefined;
  /**
   * Keep the file with this provider under your own key for it (`provider`)
   * instead of OpenRouter's storage. Use the same value for every call on
   * that file.
   */
  provider?: 'openai' | 'anthropic' | undefined;
};

/** Options of `listFiles`. */
export type OpenRouterListFilesOptions = OpenRouterFilesOptions & {
  /** How many files to return, 1 to 1000. */
  limit?: number | undefined;
  /** The `cursor` of the previous page. */
  cursor?: string | undefined;
  abortSignal?: AbortSignal | undefined;
  headers?: Record<string, string | undefined> | undefined;
};

/** One stored file, as `listFiles` describes it. */
export type OpenRouterFileInfo = {
  /** Put this in a file part's `data` to use the file in a prompt. */
  providerReference: SharedV4ProviderReference;
  /** OpenRouter's id of the file. */
  id: string;
  filename?: string | undefined;
  /** The media type OpenRouter found in the file's contents. */
  mediaType?: string | undefined;
  byteSize?: number | undefined;
  createdAt?: Date | undefined;
  /** Whether `downloadFile` can fetch its contents. */
  downloadable?: boolean | undefined;
};

/** One page of `listFiles`. */
export type OpenRouterFileList = {
  files: OpenRouterFileInfo[];
  /** Whether more files follow; pass `cursor` to get them. */
  hasMore: boolean;
  /** The cursor of the next page, when there is one. */
  cursor?: string | undefined;
};

/**
 * OpenRouter's file storage (`/files`) as the AI SDK's `FilesV4`: upload
 * with `uploadFile` from `ai` (or this object's `uploadFile`), then put the
 * returned `providerReference` in a file part of a chat prompt. Every
 * operation is also available here, with `listFiles` besides.
 */
export interface OpenRouterFiles extends FilesV4 {
  /**
   * Uploads a file (`POST /files`, multipart). Files over 100 MB and empty
   * files are refused before anything is sent; a stream is read to its end
   * (and refused as soon as it passes 100 MB) before the upload starts.
   */
  uploadFile(
    options: FilesV4UploadFileCallOptions,
  ): Promise<FilesV4UploadFileResult>;
  /** The file's name, media type, size and creation time (`GET /files/{id}`). */
  getFileMetadata(
    options: FilesV4GetFileMetadataCallOptions,
  ): Promise<FilesV4GetFileMetadataResult>;
  /** The file's contents as a stream (`GET /files/{id}/content`). */
  downloadFile(
    options: FilesV4DownloadFileCallOptions,
  ): Promise<FilesV4DownloadFileResult>;
  /** Deletes the file (`DELETE /files/{id}`). */
  deleteFile(
    options: FilesV4DeleteFileCallOptions,
  ): Promise<FilesV4DeleteFileResult>;
  /** One page of the stored files, oldest first (`GET /files`). */
  listFiles(options?: OpenRouterListFilesOptions): Promise<OpenRouterFileList>;
}

/**
 * The files interface of one provider. Its code loads with the first call,
 * so an app that never uploads does not pay for it.
 */
export function createOpenRouterFiles(
  config: OpenRouterConfig,
): OpenRouterFiles {
  const load = loadOnFirstUse(async () =>
    (await import('./openrouter-files-implementation')).openRouterFileCalls(
      config,
    ),
  );
  return {
    specificationVersion: 'v4',
    provider: config.provider,
    uploadFile: async options => (await load()).uploadFile(options),
    getFileMetadata: async options => (await load()).getFileMetadata(options),
    downloadFile: async options => (await load()).downloadFile(options),
    deleteFile: async options => (await load()).deleteFile(options),
    listFiles: async (options = {}) => (await load()).listFiles(options),
  };
}
