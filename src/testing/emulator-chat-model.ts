import { isRecord } from '@ai-sdk/provider-utils';
import {
  describeAttachments,
  EMULATED_IMAGE_BASE64,
} from './emulator-attachments';
import { type SchemaHint, synthesizeFromSchema } from './emulator-json-schema';
import {
  MAX_COMPLETION_TOKENS,
  requireIntegerInRange,
  TOP_LOGPROBS_RANGE,
  takeMatches,
} from './emulator-limits';
import {
  type ModelPrices,
  priceTokens,
  type ServedModel,
} from './emulator-models';
import {
  createReasoning,
  type EmulatedReasoning,
  reasoningDetailDeltas,
} from './emulator-reasoning';
import {
  callFunctionTool,
  chooseTools,
  type EmulatedServerToolCall,
  type EmulatedToolCall,
  offeredTools,
  runServerTool,
  serverToolCallDetail,
  urlCitations,
} from './emulator-tools';

/**
 * The emulator's default chat model: a small deterministic "model" whose
 * replies depend only on the request, so tests and examples can assert them.
 */

/** `created` of the first response; each later one adds a second. */
export const FIRST_CREATED = 1_767_225_600; // 2026-01-01T00:00:00Z

export type EmulatedUsage = {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  cost: number;
  is_byok: boolean;
  prompt_tokens_details: {
    cached_tokens: number;
    audio_tokens: number;
    video_tokens: number;
  };
  completion_tokens_details: { reasoning_tokens: number; image_tokens: number };
  cost_details: {
    upstream_inference_cost: null;
    upstream_inference_prompt_cost: number;
    upstream_inference_completions_cost: number;
  };
};

export type EmulatedChatReply = {
  id: string;
  created: number;
  model: string;
  provider: string;
  /** The reply split into the pieces that are streamed one per chunk. */
  textPieces: string[];
  /** A refusal, streamed one piece per chunk after the text. */
  refusalPieces: string[];
  toolCalls: EmulatedToolCall[];
  /** Server tools the emulated OpenRouter ran for this reply. */
  serverToolCalls: EmulatedServerToolCall[];
  reasoning: EmulatedReasoning | undefined;
  /** Web citations, when the web was searched. */
  annotations: unknown[];
  /** Generated images, as OpenRouter returns them. */
  images: unknown[];
  /** `top_logprobs` when log probabilities were asked for. */
  topLogprobs: number | undefined;
  finishReason: 'stop' | 'length' | 'tool_calls' | 'content_filter' | 'error';
  usage: EmulatedUsage;
};

type ChatMessage = {
  role?: unknown | undefined;
  content?: unknown | undefined;
  tool_call_id?: unknown | undefined;
  tool_calls?: unknown | undefined;
};

type ChatRequestBody = {
  model?: unknown | undefined;
  messages?: unknown | undefined;
  max_tokens?: unknown | undefined;
  plugins?: unknown | undefined;
  modalities?: unknown | undefined;
  web_search_options?: unknown | undefined;
  logprobs?: unknown | undefined;
  top_logprobs?: unknown | undefined;
  tools?: unknown | undefined;
  tool_choice?: unknown | undefined;
  parallel_tool_calls?: unknown | undefined;
  response_format?: unknown | undefined;
};

/**
 * The web plugin, an `:online` model or built-in web search options: a
 * search that always runs, unlike the `openrouter:web_search` server tool,
 * which runs when the model calls it.
 */
function searchesAlways(body: ChatRequestBody) {
  const plugins = Array.isArray(body.plugins) ? body.plugins : [];
  return (
    plugins.some(plugin => isRecord(plugin) && plugin.id === 'web') ||
    (typeof body.model === 'string' && body.model.endsWith(':online')) ||
    body.web_search_options != null
  );
}

/** Deterministic log probabilities for one streamed piece. */
function pieceLogprobs(piece: string, position: number, topLogprobs: number) {
  const logprob = -((position % 7) + 1) / 10;
  return {
    token: piece,
    logprob,
    bytes: null,
    top_logprobs: Array.from({ length: topLogprobs }, (_, rank) => ({
      token: rank === 0 ? piece : `${piece.trim()}-${rank}`,
      logprob: logprob - rank,
      bytes: null,
    })),
  };
}

/** Roughly four characters a token, like most tokenizers on English. */
export function estimateTokens(text: string) {
  return Math.max(1, Math.ceil(text.length / 4));
}

/**
 * Usage as OpenRouter reports it, priced from the serving model's
 * catalogue prices the way `estimateCost` prices it.
 */
export function buildUsage(
  prices: ModelPrices,
  promptTokens: number,
  completionTokens: number,
  reasoningTokens = 0,
): EmulatedUsage {
  const { cost, promptCost, completionCost } = priceTokens(prices, {
    prompt: promptTokens,
    completion: completionTokens,
    reasoning: reasoningTokens,
  });
  // Shaped as recorded traffic shows usage (test/fixtures): every detail
  // key is present, zero when it does not apply.
  return {
    prompt_tokens: promptTokens,
    completion_tokens: completionTokens,
    total_tokens: promptTokens + completionTokens,
    cost,
    is_byok: false,
    prompt_tokens_details: {
      cached_tokens: 0,
      audio_tokens: 0,
      video_tokens: 0,
    },
    completion_tokens_details: {
      reasoning_tokens: reasoningTokens,
      image_tokens: 0,
    },
    cost_details: {
      upstream_inference_cost: null,
      upstream_inference_prompt_cost: promptCost,
      upstream_inference_completions_cost: completionCost,
    },
  };
}

/** The text of a message's content, whether a string or an array of parts. */
export function messageText(content: unknown): string {
  if (typeof content === 'string') {
    return content;
  }
  if (Array.isArray(content)) {
    return content
      .map(part =>
        part != null && typeof part === 'object' && 'text' in part
          ? String((part as { text: unknown }).text)
          : '',
      )
      .join('');
  }
  return '';
}

/**
 * The default model's reply to a chat request, served by `model` (from
 * `serveModel`, which has checked the id against the catalogue).
 */
export function createChatReply(
  body: ChatRequestBody,
  sequence: number,
  model: ServedModel,
  /** Names a file uploaded to `/files` by its id. */
  describeUploadedFile?: ((id: string) => string | undefined) | undefined,
): EmulatedChatReply {
  const messages = (Array.isArray(body.messages) ? body.messages : []).filter(
    isRecord,
  ) as ChatMessage[];

  const promptText = messages
    .map(message => messageText(message.content))
    .join('\n');
  const lastUserMessage = messages.findLast(message => message.role === 'user');
  const said = messageText(lastUserMessage?.content).trim();
  const created = FIRST_CREATED + sequence;

  const { text, toolCalls, serverToolCalls } = decideReply(
    body,
    messages,
    said,
    sequence,
    created,
    describeUploadedFile,
  );

  const maxTokens =
    typeof body.max_tokens === 'number'
      ? Math.max(
          0,
          Math.min(Math.floor(body.max_tokens), MAX_COMPLETION_TOKENS),
        )
      : MAX_COMPLETION_TOKENS;
  // JSON comes in even slices, prose a word at a time.
  const { pieces: textPieces, truncated } = takeMatches(
    text,
    text.startsWith('{') ? /[\s\S]{1,12}/g : /\S+\s*/g,
    maxTokens,
  );
  const finishReason: EmulatedChatReply['finishReason'] = truncated
    ? 'length'
    : toolCalls.length > 0
      ? 'tool_calls'
      : 'stop';

  const reasoning = createReasoning(body, said);
  const reasoningTokens = reasoning?.pieces.length ?? 0;
  const completionTokens =
    reasoningTokens +
    textPieces.length +
    [...toolCalls, ...serverToolCalls].reduce(
      (sum, call) => sum + estimateTokens(call.arguments),
      0,
    );

  const images = [
    ...serverToolCalls.flatMap(call => call.images),
    ...(wantsImage(body)
      ? [
          {
            type: 'image_url',
            image_url: {
              url: `data:image/png;base64,${EMULATED_IMAGE_BASE64}`,
            },
          },
        ]
      : []),
  ];
  const annotations = [
    // Only the start of the prompt: the citations are repeated in a
    // stream, and a whole prompt in each would multiply it.
    ...(searchesAlways(body) ? urlCitations(said.slice(0, 200)) : []),
    ...serverToolCalls.flatMap(call => call.citations),
  ];

  return {
    id: `gen-emulator-${sequence}`,
    created,
    model: model.id,
    provider: model.provider,
    textPieces,
    refusalPieces: [],
    toolCalls,
    serverToolCalls,
    reasoning,
    annotations,
    images,
    topLogprobs: logprobsWanted(body),
    finishReason,
    usage: buildUsage(
      model.prices,
      estimateTokens(promptText),
      completionTokens,
      reasoningTokens,
    ),
  };
}

/** `top_logprobs` when log probabilities were asked for; checked anyway. */
function logprobsWanted(body: ChatRequestBody) {
  const topLogprobs =
    body.top_logprobs == null
      ? 0
      : requireIntegerInRange(
          'top_logprobs',
          body.top_logprobs,
          TOP_LOGPROBS_RANGE,
        );
  return body.logprobs === true ? topLogprobs : undefined;
}

/**
 * What the emulated model does: answer from tool results when the last
 * messages are tool results; otherwise use the tools the rule in
 * `emulator-tools.ts` picks (server tools run at once, function tools are
 * called for the client); otherwise answer, as JSON when a format was
 * requested.
 */
function decideReply(
  body: ChatRequestBody,
  messages: ChatMessage[],
  said: string,
  sequence: number,
  created: number,
  describeUploadedFile: ((id: string) => string | undefined) | undefined,
): {
  text: string;
  toolCalls: EmulatedToolCall[];
  serverToolCalls: EmulatedServerToolCall[];
} {
  const toolResults = trailingToolResults(messages);
  const chosen =
    toolResults.length > 0
      ? []
      : chooseTools(offeredTools(body.tools), body.tool_choice, said);

  const serverToolCalls = chosen.flatMap((tool, index) =>
    tool.kind === 'server'
      ? [
          runServerTool(
            tool,
            said,
            `srv_emulator_${sequence}_${index}`,
            created,
          ),
        ]
      : [],
  );
  const functionTools = chosen.flatMap(tool =>
    tool.kind === 'function' ? [tool] : [],
  );
  const toolCalls = (
    body.parallel_tool_calls === false
      ? functionTools.slice(0, 1)
      : functionTools
  ).map((tool, index) =>
    callFunctionTool(tool, said, `call_emulator_${sequence}_${index}`),
  );
  if (toolCalls.length > 0) {
    return { text: '', toolCalls, serverToolCalls };
  }

  const structured = structuredAnswer(
    body.response_format,
    toolResults.length > 0
      ? {
          text: toolResults.map(result => result.content).join(' '),
          values: mergeObjects(
            toolResults.map(result => parseObject(result.content)),
          ),
        }
      : { text: said },
  );
  const answer = (text: string) => ({
    text: structured ?? text,
    toolCalls: [],
    serverToolCalls,
  });

  if (toolResults.length > 0) {
    return answer(
      toolResults
        .map(result => `The ${result.name} tool returned ${result.content}.`)
        .join(' '),
    );
  }
  if (serverToolCalls.length > 0) {
    return answer(serverToolCalls.map(call => call.summary).join(' '));
  }

  const lastUser = messages.findLast(message => message.role === 'user');
  const attachments = describeAttachments(
    lastUser?.content,
    describeUploadedFile,
  );
  if (wantsImage(body)) {
    return answer(`Here is an image of ${said || 'something'}.`);
  }
  if (attachments.length > 0) {
    return answer(
      `I received ${attachments.join(', ')}.${said === '' ? '' : ` You said: "${said}".`}`,
    );
  }

  return answer(
    said === ''
      ? 'Hello from the OpenRouter emulator. Ask me anything.'
      : `Hello from the OpenRouter emulator. You said: "${said}". This reply is deterministic, so tests can rely on it.`,
  );
}

/** `modalities` that include `image` ask for a generated image. */
function wantsImage(body: ChatRequestBody) {
  return Array.isArray(body.modalities) && body.modalities.includes('image');
}

// A loop, not `Object.assign({}, ...objects)`: a request may hold more
// tool results than a call takes arguments.
function mergeObjects(objects: Array<Record<string, unknown>>) {
  const merged: Record<string, unknown> = {};
  for (const object of objects) {
    Object.assign(merged, object);
  }
  return merged;
}

function parseObject(text: string): Record<string, unknown> {
  try {
    const value = JSON.parse(text);
    return isRecord(value) ? value : {};
  } catch {
    return {};
  }
}

function structuredAnswer(responseFormat: unknown, hint: SchemaHint) {
  if (!isRecord(responseFormat)) {
    return undefined;
  }
  if (responseFormat.type === 'json_schema') {
    const jsonSchema = responseFormat.json_schema as
      | { schema?: unknown }
      | undefined;
    return JSON.stringify(synthesizeFromSchema(jsonSchema?.schema, hint));
  }
  if (responseFormat.type === 'json_object') {
    return JSON.stringify({ answer: hint.text });
  }
  return undefined;
}

/** The tool results after the last assistant turn, with their tool names. */
function trailingToolResults(messages: ChatMessage[]) {
  const results: Array<{ name: string; content: string }> = [];
  let index = messages.length - 1;
  while (index >= 0 && messages[index].role === 'tool') {
    index--;
  }
  const assistantCalls = messages[index]?.tool_calls;
  const calls: unknown[] = Array.isArray(assistantCalls) ? assistantCalls : [];
  for (const message of messages.slice(index + 1)) {
    const call = calls.find(
      candidate => isRecord(candidate) && candidate.id === message.tool_call_id,
    ) as { function?: { name?: unknown } } | undefined;
    const name = call?.function?.name;
    results.push({
      name: typeof name === 'string' ? name : 'tool',
      content: messageText(message.content),
    });
  }
  return results;
}

/**
 * Tool arguments in pieces of eight characters, as real upstreams send
 * them, but larger ones when that would make more than
 * {@link MAX_COMPLETION_TOKENS} chunks: arguments must arrive whole.
 */
function argumentPieces(text: string) {
  const size = Math.max(8, Math.ceil(text.length / MAX_COMPLETION_TOKENS));
  const pieces: string[] = [];
  for (let index = 0; index < text.length; index += size) {
    pieces.push(text.slice(index, index + size));
  }
  return pieces;
}

/** The reasoning a reply shows: none when `reasoning.exclude` hid it. */
function shownReasoning(reply: EmulatedChatReply) {
  return reply.reasoning != null && !reply.reasoning.excluded
    ? reply.reasoning
    : undefined;
}

/**
 * Server-tool calls as `reasoning_details` entries, numbered after the
 * reasoning's own entries (a delta's `index` says which entry it extends).
 */
function serverToolDetails(reply: EmulatedChatReply) {
  const first = shownReasoning(reply)?.details.length ?? 0;
  return reply.serverToolCalls.map((call, position) =>
    serverToolCallDetail(call, first + position),
  );
}

/** The complete `reasoning_details` of a reply. */
function replyDetails(reply: EmulatedChatReply): unknown[] {
  return [
    ...(shownReasoning(reply)?.details ?? []),
    ...serverToolDetails(reply),
  ];
}

export function chatReplyToResponse(reply: EmulatedChatReply) {
  return {
    id: reply.id,
    object: 'chat.completion',
    created: reply.created,
    model: reply.model,
    provider: reply.provider,
    // Recorded answers carry `system_fingerprint` only from OpenAI.
    ...(reply.model.startsWith('openai/') ? { system_fingerprint: null } : {}),
    choices: [
      {
        index: 0,
        logprobs:
          reply.topLogprobs == null
            ? null
            : {
                content: reply.textPieces.map((piece, position) =>
                  pieceLogprobs(piece, position, reply.topLogprobs ?? 0),
                ),
                refusal: null,
              },
        finish_reason: reply.finishReason,
        native_finish_reason: reply.finishReason,
        message: {
          role: 'assistant',
          content:
            (reply.toolCalls.length > 0 || reply.refusalPieces.length > 0) &&
            reply.textPieces.length === 0
              ? null
              : reply.textPieces.join(''),
          refusal:
            reply.refusalPieces.length > 0
              ? reply.refusalPieces.join('')
              : null,
          ...(reply.annotations.length > 0
            ? { annotations: reply.annotations }
            : {}),
          ...(reply.images.length > 0 ? { images: reply.images } : {}),
          ...(shownReasoning(reply) != null
            ? { reasoning: shownReasoning(reply)?.pieces.join('') }
            : { reasoning: null }),
          ...(replyDetails(reply).length > 0
            ? { reasoning_details: replyDetails(reply) }
            : {}),
          ...(reply.toolCalls.length > 0
            ? {
                tool_calls: reply.toolCalls.map(call => ({
                  id: call.id,
                  type: 'function',
                  function: { name: call.name, arguments: call.arguments },
                })),
              }
            : {}),
        },
      },
    ],
    usage: reply.usage,
  };
}

/** The reply as OpenRouter streams it: role, pieces, finish, then usage. */
export function chatReplyToChunks(reply: EmulatedChatReply): unknown[] {
  const chunk = (
    delta: Record<string, unknown>,
    finishReason: string | null = null,
    logprobs: unknown = null,
  ) => ({
    id: reply.id,
    object: 'chat.completion.chunk',
    created: reply.created,
    model: reply.model,
    provider: reply.provider,
    choices: [
      {
        index: 0,
        delta,
        finish_reason: finishReason,
        native_finish_reason: finishReason,
        logprobs,
      },
    ],
  });
  // Citations come with the last piece of text and again with the finish,
  // as OpenRouter repeats them; a client must not show them twice.
  const withAnnotations = (delta: Record<string, unknown>) =>
    reply.annotations.length > 0
      ? { ...delta, annotations: reply.annotations }
      : delta;

  // Tool arguments arrive in small pieces, as real upstreams send them.
  const toolCallChunks = reply.toolCalls.flatMap((call, index) => [
    chunk({
      role: 'assistant',
      content: null,
      tool_calls: [
        {
          index,
          id: call.id,
          type: 'function',
          function: { name: call.name, arguments: '' },
        },
      ],
    }),
    ...argumentPieces(call.arguments).map(piece =>
      chunk({
        role: 'assistant',
        content: null,
        tool_calls: [{ index, function: { arguments: piece } }],
      }),
    ),
  ]);

  const reasoningChunks: unknown[] = [];
  const reasoning = shownReasoning(reply);
  if (reasoning != null) {
    const deltas = reasoningDetailDeltas(reasoning);
    for (const delta of [...deltas.pieces, deltas.closing]) {
      reasoningChunks.push(chunk({ role: 'assistant', content: '', ...delta }));
    }
  }
  // Each server-tool call arrives whole, in a delta of its own, once it has
  // run and before the text that answers from it.
  for (const detail of serverToolDetails(reply)) {
    reasoningChunks.push(
      chunk({ role: 'assistant', content: '', reasoning_details: [detail] }),
    );
  }

  return [
    chunk({ role: 'assistant', content: '' }),
    ...reasoningChunks,
    ...reply.textPieces.map((piece, position) =>
      chunk(
        position === reply.textPieces.length - 1
          ? withAnnotations({ role: 'assistant', content: piece })
          : { role: 'assistant', content: piece },
        null,
        reply.topLogprobs == null
          ? null
          : {
              content: [pieceLogprobs(piece, position, reply.topLogprobs)],
              refusal: null,
            },
      ),
    ),
    ...reply.refusalPieces.map(piece =>
      chunk({ role: 'assistant', content: '', refusal: piece }),
    ),
    ...toolCallChunks,
    ...(reply.images.length > 0
      ? [chunk({ role: 'assistant', content: '', images: reply.images })]
      : []),
    chunk(
      withAnnotations({ role: 'assistant', content: '' }),
      reply.finishReason,
    ),
    {
      id: reply.id,
      object: 'chat.completion.chunk',
      created: reply.created,
      model: reply.model,
      provider: reply.provider,
      // Recorded usage chunks still carry an empty choice (test/fixtures).
      choices: [
        {
          index: 0,
          delta: { role: 'assistant', content: '' },
          finish_reason: null,
          native_finish_reason: null,
          logprobs: null,
        },
      ],
      usage: reply.usage,
    },
  ];
}

/** What an OpenRouter error chunk says about the failed generation. */
export type ErrorChunkSource = {
  id: string;
  created: number;
  model: string;
  provider: string;
};

/**
 * OpenRouter's mid-stream error: a chunk with `error` and a choice whose
 * finish reason is `error`, after which the stream ends.
 */
export function errorChunk(
  source: ErrorChunkSource,
  error: {
    code?: number | string | undefined;
    message: string;
    metadata?: Record<string, unknown> | undefined;
  },
) {
  return {
    id: source.id,
    object: 'chat.completion.chunk',
    created: source.created,
    model: source.model,
    provider: source.provider,
    error: {
      code: error.code ?? 'server_error',
      message: error.message,
      ...(error.metadata != null ? { metadata: error.metadata } : {}),
    },
    choices: [{ index: 0, delta: { content: '' }, finish_reason: 'error' }],
  };
}
