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
  createReasoning,
  type EmulatedReasoning,
  reasoningDetailDeltas,
} from './emulator-reasoning';

/**
 * The emulator's default chat model: a small deterministic "model" whose
 * replies depend only on the request, so tests and examples can assert them.
 */

/** Emulated price in USD per token, used for `usage.cost`. */
export const EMULATOR_PROMPT_PRICE = 0.000001;
export const EMULATOR_COMPLETION_PRICE = 0.000002;

/** `created` of the first response; each later one adds a second. */
const FIRST_CREATED = 1_767_225_600; // 2026-01-01T00:00:00Z

const UPSTREAM_BY_AUTHOR: Record<string, string> = {
  openai: 'OpenAI',
  anthropic: 'Anthropic',
  google: 'Google',
  'meta-llama': 'Together',
  mistralai: 'Mistral',
  deepseek: 'DeepSeek',
  'x-ai': 'xAI',
  qwen: 'Alibaba',
};

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

export type EmulatedToolCall = { id: string; name: string; arguments: string };

export type EmulatedChatReply = {
  id: string;
  created: number;
  model: string;
  provider: string;
  /** The reply split into the pieces that are streamed one per chunk. */
  textPieces: string[];
  toolCalls: EmulatedToolCall[];
  reasoning: EmulatedReasoning | undefined;
  /** Web citations, when web search was asked for. */
  annotations: unknown[];
  /** Generated images, as OpenRouter returns them. */
  images: unknown[];
  /** `top_logprobs` when log probabilities were asked for. */
  topLogprobs: number | undefined;
  finishReason: 'stop' | 'length' | 'tool_calls';
  usage: EmulatedUsage;
};

type ChatMessage = {
  role?: unknown;
  content?: unknown;
  tool_call_id?: unknown;
  tool_calls?: unknown;
};

type ChatRequestBody = {
  model?: unknown;
  messages?: unknown;
  max_tokens?: unknown;
  plugins?: unknown;
  modalities?: unknown;
  web_search_options?: unknown;
  logprobs?: unknown;
  top_logprobs?: unknown;
  tools?: unknown;
  tool_choice?: unknown;
  response_format?: unknown;
};

type OfferedTool = { name: string; parameters: unknown };

/**
 * The web plugin, an `:online` model, built-in web search options or the
 * `openrouter:web_search` server tool.
 */
function wantsWebSearch(body: ChatRequestBody) {
  const plugins = Array.isArray(body.plugins) ? body.plugins : [];
  const tools = Array.isArray(body.tools) ? body.tools : [];
  return (
    plugins.some(plugin => isRecord(plugin) && plugin.id === 'web') ||
    (typeof body.model === 'string' && body.model.endsWith(':online')) ||
    body.web_search_options != null ||
    tools.some(tool => isRecord(tool) && tool.type === 'openrouter:web_search')
  );
}

function webCitations(said: string) {
  // Only the start of the prompt: the citations are repeated in a stream,
  // and a whole prompt in each would multiply it.
  const query = wellFormed(said.slice(0, 200));
  const topic = encodeURIComponent(query || 'openrouter');
  return [
    {
      type: 'url_citation',
      url_citation: {
        url: `https://example.com/search/${topic}`,
        title: 'Emulated search result',
        content: `What the web says about ${query || 'OpenRouter'}.`,
        start_index: 0,
        end_index: 5,
      },
    },
    {
      type: 'url_citation',
      url_citation: {
        url: 'https://openrouter.ai/docs',
        title: 'OpenRouter documentation',
        start_index: 6,
        end_index: 10,
      },
    },
  ];
}

/**
 * Lone surrogates replaced, as `encodeURIComponent` throws on them and a
 * prompt (or a cut through a pair) may hold one.
 */
function wellFormed(text: string) {
  return text.replace(
    /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    '\uFFFD',
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

export function upstreamFor(model: string) {
  return UPSTREAM_BY_AUTHOR[model.split('/')[0]] ?? 'Emulator';
}

export function buildUsage(
  promptTokens: number,
  completionTokens: number,
  reasoningTokens = 0,
): EmulatedUsage {
  const promptCost = roundCost(promptTokens * EMULATOR_PROMPT_PRICE);
  const completionCost = roundCost(
    completionTokens * EMULATOR_COMPLETION_PRICE,
  );
  // Shaped as recorded traffic shows usage (test/fixtures): every detail
  // key is present, zero when it does not apply.
  return {
    prompt_tokens: promptTokens,
    completion_tokens: completionTokens,
    total_tokens: promptTokens + completionTokens,
    cost: roundCost(promptCost + completionCost),
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

function roundCost(cost: number) {
  return Math.round(cost * 1e12) / 1e12;
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

export function createChatReply(
  body: ChatRequestBody,
  sequence: number,
): EmulatedChatReply {
  const model = typeof body.model === 'string' ? body.model : 'openrouter/auto';
  const messages = (Array.isArray(body.messages) ? body.messages : []).filter(
    isRecord,
  ) as ChatMessage[];

  const promptText = messages
    .map(message => messageText(message.content))
    .join('\n');
  const lastUserMessage = messages.findLast(message => message.role === 'user');
  const said = messageText(lastUserMessage?.content).trim();

  const { text, toolCalls } = decideReply(body, messages, said, sequence);

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
    toolCalls.reduce((sum, call) => sum + estimateTokens(call.arguments), 0);

  return {
    id: `gen-emulator-${sequence}`,
    created: FIRST_CREATED + sequence,
    model,
    provider: upstreamFor(model),
    textPieces,
    toolCalls,
    reasoning,
    annotations: wantsWebSearch(body) ? webCitations(said) : [],
    images: wantsImage(body)
      ? [
          {
            type: 'image_url',
            image_url: {
              url: `data:image/png;base64,${EMULATED_IMAGE_BASE64}`,
            },
          },
        ]
      : [],
    topLogprobs: logprobsWanted(body),
    finishReason,
    usage: buildUsage(
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
 * messages are tool results; otherwise call an offered tool (arguments made
 * from its schema); otherwise answer, as JSON when a format was requested.
 */
function decideReply(
  body: ChatRequestBody,
  messages: ChatMessage[],
  said: string,
  sequence: number,
): { text: string; toolCalls: EmulatedToolCall[] } {
  const toolResults = trailingToolResults(messages);
  const tools = offeredTools(body.tools);
  const toolChoice = body.tool_choice;

  // Server tools (`openrouter:…`) run on OpenRouter's side: they are never
  // function tools to call, and forcing one calls none.
  const forcesServerTool =
    isRecord(toolChoice) &&
    typeof toolChoice.type === 'string' &&
    toolChoice.type.startsWith('openrouter:');
  if (
    toolResults.length === 0 &&
    tools.length > 0 &&
    toolChoice !== 'none' &&
    !forcesServerTool
  ) {
    const chosenName = isRecord(toolChoice)
      ? (toolChoice.function as { name?: unknown } | undefined)?.name
      : undefined;
    const tool =
      tools.find(candidate => candidate.name === chosenName) ?? tools[0];
    return {
      text: '',
      toolCalls: [
        {
          id: `call_emulator_${sequence}_0`,
          name: tool.name,
          arguments: JSON.stringify(
            synthesizeFromSchema(tool.parameters, { text: said }),
          ),
        },
      ],
    };
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
  if (structured != null) {
    return { text: structured, toolCalls: [] };
  }

  if (toolResults.length > 0) {
    return {
      text: toolResults
        .map(result => `The ${result.name} tool returned ${result.content}.`)
        .join(' '),
      toolCalls: [],
    };
  }

  const lastUser = messages.findLast(message => message.role === 'user');
  const attachments = describeAttachments(lastUser?.content);
  if (wantsImage(body)) {
    return {
      text: `Here is an image of ${said || 'something'}.`,
      toolCalls: [],
    };
  }
  if (attachments.length > 0) {
    return {
      text: `I received ${attachments.join(', ')}.${said === '' ? '' : ` You said: "${said}".`}`,
      toolCalls: [],
    };
  }

  return {
    text:
      said === ''
        ? 'Hello from the OpenRouter emulator. Ask me anything.'
        : `Hello from the OpenRouter emulator. You said: "${said}". This reply is deterministic, so tests can rely on it.`,
    toolCalls: [],
  };
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

function offeredTools(tools: unknown): OfferedTool[] {
  if (!Array.isArray(tools)) {
    return [];
  }
  return tools.flatMap(tool => {
    const definition = isRecord(tool) ? tool.function : undefined;
    return isRecord(definition) && typeof definition.name === 'string'
      ? [{ name: definition.name, parameters: definition.parameters }]
      : [];
  });
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
            reply.toolCalls.length > 0 && reply.textPieces.length === 0
              ? null
              : reply.textPieces.join(''),
          refusal: null,
          ...(reply.annotations.length > 0
            ? { annotations: reply.annotations }
            : {}),
          ...(reply.images.length > 0 ? { images: reply.images } : {}),
          ...(reply.reasoning != null && !reply.reasoning.excluded
            ? {
                reasoning: reply.reasoning.pieces.join(''),
                reasoning_details: reply.reasoning.details,
              }
            : { reasoning: null }),
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
  if (reply.reasoning != null && !reply.reasoning.excluded) {
    const deltas = reasoningDetailDeltas(reply.reasoning);
    for (const delta of [...deltas.pieces, deltas.closing]) {
      reasoningChunks.push(chunk({ role: 'assistant', content: '', ...delta }));
    }
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
