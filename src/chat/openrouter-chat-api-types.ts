/**
 * Request-side wire types of `POST /chat/completions`, spelled as OpenRouter
 * spells them. Only what this package sends is typed here.
 */

export type OpenRouterCacheControl = {
  type: 'ephemeral';
  ttl?: '5m' | '1h' | undefined;
};

export type OpenRouterChatTextPart = {
  type: 'text';
  text: string;
  cache_control?: OpenRouterCacheControl | undefined;
};

export type OpenRouterChatImagePart = {
  type: 'image_url';
  image_url: { url: string; detail?: 'auto' | 'low' | 'high' };
  cache_control?: OpenRouterCacheControl | undefined;
};

export type OpenRouterChatAudioPart = {
  type: 'input_audio';
  input_audio: { data: string; format: string };
  cache_control?: OpenRouterCacheControl | undefined;
};

export type OpenRouterChatVideoPart = {
  type: 'video_url';
  video_url: { url: string };
  cache_control?: OpenRouterCacheControl | undefined;
};

export type OpenRouterChatFilePart = {
  type: 'file';
  /** Inline data (`file_data`), or a file uploaded to `/files` (`file_id`). */
  file:
    | { filename: string; file_data: string }
    | { file_id: string; filename?: string | undefined };
  cache_control?: OpenRouterCacheControl | undefined;
};

export type OpenRouterChatContentPart =
  | OpenRouterChatTextPart
  | OpenRouterChatImagePart
  | OpenRouterChatAudioPart
  | OpenRouterChatVideoPart
  | OpenRouterChatFilePart;

export type OpenRouterChatToolCall = {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
};

export type OpenRouterChatSystemMessage = {
  role: 'system';
  content: string | OpenRouterChatTextPart[];
};

export type OpenRouterChatUserMessage = {
  role: 'user';
  content: string | OpenRouterChatContentPart[];
};

export type OpenRouterChatAssistantMessage = {
  role: 'assistant';
  content: string | OpenRouterChatTextPart[] | null;
  tool_calls?: OpenRouterChatToolCall[] | undefined;
  reasoning?: string | undefined;
  /** Sent back exactly as received; upstreams verify signatures in it. */
  reasoning_details?: unknown[] | undefined;
  /** Parsed-file annotations from the reply, so files are not parsed again. */
  annotations?: unknown[] | undefined;
  /** Audio the model spoke in this turn, by its id. */
  audio?: { id: string } | undefined;
};

export type OpenRouterChatToolMessage = {
  role: 'tool';
  tool_call_id: string;
  content: string | OpenRouterChatContentPart[];
};

export type OpenRouterChatMessage =
  | OpenRouterChatSystemMessage
  | OpenRouterChatUserMessage
  | OpenRouterChatAssistantMessage
  | OpenRouterChatToolMessage;

export type OpenRouterChatPrompt = OpenRouterChatMessage[];
