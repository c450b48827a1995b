import type { SharedV4ProviderReference } from '@ai-sdk/provider';

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
