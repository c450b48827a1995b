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
  prompt_tokens_details: { cached_tokens: number };
  completion_tokens_details: { reasoning_tokens: number };
  cost_details: { upstream_inference_cost: null };
};

export type EmulatedChatReply = {
  id: string;
  created: number;
  model: string;
  provider: string;
  /** The reply split into the pieces that are streamed one per chunk. */
  textPieces: string[];
  finishReason: 'stop' | 'length';
  usage: EmulatedUsage;
};

type ChatRequestBody = {
  model?: unknown;
  messages?: unknown;
  max_tokens?: unknown;
};

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
  return {
    prompt_tokens: promptTokens,
    completion_tokens: completionTokens,
    total_tokens: promptTokens + completionTokens,
    cost: roundCost(
      promptTokens * EMULATOR_PROMPT_PRICE +
        completionTokens * EMULATOR_COMPLETION_PRICE,
    ),
    is_byok: false,
    prompt_tokens_details: { cached_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: reasoningTokens },
    cost_details: { upstream_inference_cost: null },
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
  const messages = Array.isArray(body.messages) ? body.messages : [];

  const promptText = messages
    .map(message => messageText((message as { content?: unknown })?.content))
    .join('\n');
  const lastUserMessage = [...messages]
    .reverse()
    .find(message => (message as { role?: unknown })?.role === 'user') as
    | { content?: unknown }
    | undefined;
  const said = messageText(lastUserMessage?.content).trim();

  const reply =
    said === ''
      ? 'Hello from the OpenRouter emulator. Ask me anything.'
      : `Hello from the OpenRouter emulator. You said: "${said}". This reply is deterministic, so tests can rely on it.`;

  let textPieces: string[] = splitIntoPieces(reply);
  let finishReason: EmulatedChatReply['finishReason'] = 'stop';
  const maxTokens = body.max_tokens;
  if (typeof maxTokens === 'number' && textPieces.length > maxTokens) {
    textPieces = textPieces.slice(0, Math.max(0, maxTokens));
    finishReason = 'length';
  }

  return {
    id: `gen-emulator-${sequence}`,
    created: FIRST_CREATED + sequence,
    model,
    provider: upstreamFor(model),
    textPieces,
    finishReason,
    usage: buildUsage(estimateTokens(promptText), textPieces.length),
  };
}

/** Words with their following space, one token each for the emulator. */
function splitIntoPieces(text: string) {
  return [...(text.match(/\S+\s*/g) ?? [])];
}

export function chatReplyToResponse(reply: EmulatedChatReply) {
  return {
    id: reply.id,
    object: 'chat.completion',
    created: reply.created,
    model: reply.model,
    provider: reply.provider,
    system_fingerprint: null,
    choices: [
      {
        index: 0,
        logprobs: null,
        finish_reason: reply.finishReason,
        native_finish_reason: reply.finishReason,
        message: {
          role: 'assistant',
          content: reply.textPieces.join(''),
          refusal: null,
          reasoning: null,
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
        logprobs: null,
      },
    ],
  });

  return [
    chunk({ role: 'assistant', content: '' }),
    ...reply.textPieces.map(piece =>
      chunk({ role: 'assistant', content: piece }),
    ),
    chunk({ role: 'assistant', content: '' }, reply.finishReason),
    {
      id: reply.id,
      object: 'chat.completion.chunk',
      created: reply.created,
      model: reply.model,
      provider: reply.provider,
      choices: [],
      usage: reply.usage,
    },
  ];
}
