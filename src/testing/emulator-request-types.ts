/**
 * The request bodies the emulator records, typed as OpenRouter's chat
 * completions API takes them (snake_case, as on the wire). The emulator
 * does not check a body against these types: they describe what this
 * package's provider sends, so a test can read a recorded body without
 * casting it.
 */

/** A text part of a message. */
export type RecordedTextPart = {
  type: 'text';
  text: string;
  cache_control?: { type: 'ephemeral'; ttl?: string | undefined } | undefined;
};

/** A part of a user or tool message. */
export type RecordedContentPart =
  | RecordedTextPart
  | {
      type: 'image_url';
      image_url: { url: string; detail?: string | undefined };
    }
  | {
      type: 'file';
      file: {
        filename?: string | undefined;
        file_data?: string | undefined;
        file_id?: string | undefined;
      };
    }
  | { type: 'input_audio'; input_audio: { data: string; format: string } }
  | { type: 'video_url'; video_url: { url: string } };

/** A function tool call of an assistant message. */
export type RecordedToolCall = {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
};

/**
 * An entry of `reasoning_details`, sent back with an assistant message:
 * `reasoning.text`, `reasoning.summary`, `reasoning.encrypted` or
 * `reasoning.server_tool_call`, with the fields of its type.
 */
export type RecordedReasoningDetail = {
  type: string;
  index?: number | undefined;
  id?: string | null | undefined;
  format?: string | null | undefined;
  text?: string | undefined;
  signature?: string | null | undefined;
  summary?: string | undefined;
  data?: string | undefined;
  tool_call_id?: string | null | undefined;
  tool_name?: string | undefined;
  arguments?: string | undefined;
  result?: string | undefined;
};

/** A message of a chat request. Narrow on `role` to reach its own fields. */
export type RecordedChatMessage =
  | {
      role: 'system' | 'developer';
      content: string | RecordedTextPart[];
      name?: string | undefined;
    }
  | {
      role: 'user';
      content: string | RecordedContentPart[];
      name?: string | undefined;
    }
  | {
      role: 'assistant';
      content?: string | RecordedTextPart[] | null | undefined;
      name?: string | undefined;
      tool_calls?: RecordedToolCall[] | undefined;
      reasoning?: string | null | undefined;
      reasoning_details?: RecordedReasoningDetail[] | undefined;
      images?: unknown[] | undefined;
    }
  | {
      role: 'tool';
      tool_call_id: string;
      content: string | RecordedContentPart[];
    };

/** A tool offered to the model: a function, or an OpenRouter server tool. */
export type RecordedTool =
  | {
      type: 'function';
      function: {
        name: string;
        description?: string | undefined;
        /** The tool's input as a JSON schema. */
        parameters?: Record<string, unknown> | undefined;
        strict?: boolean | undefined;
      };
      eager_input_streaming?: boolean | undefined;
      cache_control?: { type: 'ephemeral' } | undefined;
    }
  | {
      /** `openrouter:web_search`, `openrouter:datetime`, … */
      type: `openrouter:${string}`;
      parameters?: Record<string, unknown> | undefined;
    };

export type RecordedToolChoice =
  | 'auto'
  | 'none'
  | 'required'
  | { type: 'function'; function: { name: string } }
  | { type: `openrouter:${string}` };

export type RecordedResponseFormat =
  | { type: 'text' }
  | { type: 'json_object' }
  | {
      type: 'json_schema';
      json_schema: {
        name: string;
        description?: string | undefined;
        schema?: Record<string, unknown> | undefined;
        strict?: boolean | undefined;
      };
    };

/** The body of `POST /chat/completions`. */
export type RecordedChatBody = {
  model: string;
  /** Fallback models, tried in order. */
  models: string[];
  messages: RecordedChatMessage[];
  stream: boolean;
  stream_options: { include_usage?: boolean | undefined };
  max_tokens: number;
  temperature: number;
  top_p: number;
  top_k: number;
  frequency_penalty: number;
  presence_penalty: number;
  repetition_penalty: number;
  min_p: number;
  top_a: number;
  seed: number;
  stop: string | string[];
  logit_bias: Record<string, number>;
  logprobs: boolean;
  top_logprobs: number;
  user: string;
  response_format: RecordedResponseFormat;
  tools: RecordedTool[];
  tool_choice: RecordedToolChoice;
  parallel_tool_calls: boolean;
  reasoning: {
    effort?: string | undefined;
    max_tokens?: number | undefined;
    exclude?: boolean | undefined;
    enabled?: boolean | undefined;
  };
  usage: { include?: boolean | undefined };
  /** Provider routing: `order`, `only`, `sort`, `data_collection`, … */
  provider: Record<string, unknown>;
  plugins: Array<{ id: string; [setting: string]: unknown }>;
  transforms: string[];
  modalities: string[];
  web_search_options: Record<string, unknown>;
};

/**
 * A recorded JSON object body. The fields of a chat request are typed, all
 * optional (an embeddings, completion or image request has its own, which
 * are `unknown` here); any field is readable, so fields this type does not
 * name (from `extraBody`, or another endpoint) need no cast either.
 */
export type RecordedRequestBody = Partial<RecordedChatBody> & {
  [field: string]: unknown;
};
