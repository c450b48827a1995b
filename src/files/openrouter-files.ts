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
} from '@ai-sdk/provider';
import type { OpenRouterConfig } from '../http/openrouter-config';
import { loadOnFirstUse } from '../model-base/load-on-first-use';
import type {
  OpenRouterFileList,
  OpenRouterListFilesOptions,
} from './openrouter-files-options';

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
