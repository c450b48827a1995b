/**
 * The streams the benchmark replays: OpenRouter chat chunks shaped like the
 * ones it sends today, built deterministically so every candidate parses the
 * very same bytes.
 */

export type ScenarioName =
  | 'text-2k'
  | 'text-20k'
  | 'reasoning'
  | 'tool-calls'
  | 'usage-final';

export type Scenario = {
  name: ScenarioName;
  description: string;
  /** How many chunks the stream has at full size. */
  chunkCount: number;
  /** Whether the scenario is one the plain-text targets apply to. */
  isPlainText: boolean;
};

export const SCENARIOS: Scenario[] = [
  {
    name: 'text-2k',
    description: 'plain text, 2,000 chunks',
    chunkCount: 2_000,
    isPlainText: true,
  },
  {
    name: 'text-20k',
    description: 'plain text, 20,000 chunks',
    chunkCount: 20_000,
    isPlainText: true,
  },
  {
    name: 'reasoning',
    description: 'reasoning (text and details) then text, 2,000 chunks',
    chunkCount: 2_000,
    isPlainText: false,
  },
  {
    name: 'tool-calls',
    description: 'two tool calls in small argument deltas, 2,000 chunks',
    chunkCount: 2_000,
    isPlainText: false,
  },
  {
    name: 'usage-final',
    description: 'plain text, 2,000 chunks, then a usage-only chunk',
    chunkCount: 2_000,
    isPlainText: false,
  },
];

export const TOOL_NAME = 'write_file';

/** What a correct client must have seen once the stream is drained. */
export type ExpectedOutput = {
  text: string;
  reasoning: string;
  toolInputs: string[];
};

export type BuiltStream = {
  /** The whole `text/event-stream` body. */
  body: string;
  /** Data events in the body, `[DONE]` not counted. */
  eventCount: number;
  expected: ExpectedOutput;
};

// Tokens as models emit them: mostly short words with their leading space,
// some punctuation, and some multi-byte characters, so that reads split
// inside UTF-8 sequences.
const TOKENS = [
  ' the',
  ' router',
  ' sends',
  ' each',
  ' token',
  ',',
  ' as',
  ' soon',
  ' as',
  ' it',
  ' is',
  ' ready',
  '.',
  ' Café',
  ' naïve',
  ' —',
  ' 東京',
  ' 🙂',
  '\n\n',
  ' "quoted"',
];

const GENERATION_ID = 'gen-1767225600-Xy8fK2mQ9LpR3tWvZa1b';
const CREATED = 1_767_225_600;

function chunk(
  model: string,
  provider: string,
  delta: Record<string, unknown>,
  finishReason: string | null = null,
) {
  return {
    id: GENERATION_ID,
    provider,
    model,
    object: 'chat.completion.chunk',
    created: CREATED,
    choices: [
      {
        index: 0,
        delta: { role: 'assistant', ...delta },
        finish_reason: finishReason,
        native_finish_reason: finishReason,
        logprobs: null,
      },
    ],
    system_fingerprint: 'fp_560af6e559',
  };
}

const USAGE = {
  prompt_tokens: 1_204,
  completion_tokens: 2_000,
  total_tokens: 3_204,
  cost: 0.0012306,
  is_byok: false,
  prompt_tokens_details: { cached_tokens: 1_024, audio_tokens: 0 },
  cost_details: {
    upstream_inference_cost: null,
    upstream_inference_prompt_cost: 0.0001806,
    upstream_inference_completions_cost: 0.00105,
  },
  completion_tokens_details: { reasoning_tokens: 0, image_tokens: 0 },
};

function textChunks(count: number, model: string, provider: string) {
  const chunks: object[] = [];
  let text = '';
  for (let index = 0; index < count; index++) {
    const token = TOKENS[index % TOKENS.length];
    text += token;
    chunks.push(
      chunk(
        model,
        provider,
        { content: token },
        index === count - 1 ? 'stop' : null,
      ),
    );
  }
  return { chunks, text };
}

function buildTextStream(count: number, withUsageChunk: boolean) {
  const model = 'openai/gpt-4o-mini';
  const { chunks, text } = textChunks(count, model, 'OpenAI');
  if (withUsageChunk) {
    chunks.push({
      id: GENERATION_ID,
      provider: 'OpenAI',
      model,
      object: 'chat.completion.chunk',
      created: CREATED,
      choices: [],
      usage: USAGE,
    });
  }
  return {
    chunks,
    expected: { text, reasoning: '', toolInputs: [] },
  };
}

function buildReasoningStream(count: number) {
  const model = 'anthropic/claude-sonnet-4.5';
  const provider = 'Anthropic';
  const reasoningCount = Math.max(1, Math.floor(count / 2));
  const chunks: object[] = [];
  let reasoning = '';
  // OpenRouter sends the reasoning twice: as `reasoning` text and as a
  // `reasoning_details` entry; the signature comes alone at the end.
  for (let index = 0; index < reasoningCount - 1; index++) {
    const token = TOKENS[index % TOKENS.length];
    reasoning += token;
    chunks.push(
      chunk(model, provider, {
        content: '',
        reasoning: token,
        reasoning_details: [
          {
            type: 'reasoning.text',
            text: token,
            format: 'anthropic-claude-v1',
            index: 0,
          },
        ],
      }),
    );
  }
  chunks.push(
    chunk(model, provider, {
      content: '',
      reasoning: '',
      reasoning_details: [
        {
          type: 'reasoning.text',
          signature: 'EqQBCkgIBhABGAIiQL5pT4k7Zk1bWJ0a2dGc1hUd3Z6eVpIR0pB',
          format: 'anthropic-claude-v1',
          index: 0,
        },
      ],
    }),
  );
  const text = textChunks(count - reasoningCount, model, provider);
  chunks.push(...text.chunks);
  return {
    chunks,
    expected: { text: text.text, reasoning, toolInputs: [] },
  };
}

/** Arguments of a file-writing call: long, and streamed a few bytes a time. */
function toolArguments(call: number, deltaCount: number) {
  const lines: string[] = [];
  for (let line = 0; lines.join('\n').length < deltaCount * 4; line++) {
    lines.push(`line ${line} of file ${call}: "naïve" café — ok`);
  }
  return JSON.stringify({ path: `src/file-${call}.ts`, content: lines });
}

function splitIntoPieces(text: string, pieceCount: number) {
  const pieces: string[] = [];
  const size = Math.max(1, Math.ceil(text.length / pieceCount));
  for (let start = 0; start < text.length; start += size) {
    pieces.push(text.slice(start, start + size));
  }
  return pieces;
}

function buildToolCallStream(count: number) {
  const model = 'openai/gpt-4o-mini';
  const provider = 'OpenAI';
  const callCount = 2;
  const deltasPerCall = Math.max(2, Math.floor(count / callCount));
  const chunks: object[] = [];
  const toolInputs: string[] = [];
  for (let call = 0; call < callCount; call++) {
    const input = toolArguments(call, deltasPerCall);
    toolInputs.push(input);
    // The first delta names the call and has empty arguments, as OpenAI's
    // upstream does; the rest are argument pieces with only the index.
    chunks.push(
      chunk(model, provider, {
        content: null,
        tool_calls: [
          {
            index: call,
            id: `call_${call}_Q3v9ZkLx2Rb7`,
            type: 'function',
            function: { name: TOOL_NAME, arguments: '' },
          },
        ],
      }),
    );
    for (const piece of splitIntoPieces(input, deltasPerCall - 1)) {
      chunks.push(
        chunk(model, provider, {
          content: null,
          tool_calls: [{ index: call, function: { arguments: piece } }],
        }),
      );
    }
  }
  chunks.push(chunk(model, provider, { content: '' }, 'tool_calls'));
  return { chunks, expected: { text: '', reasoning: '', toolInputs } };
}

/** Builds a scenario's SSE body with `chunkCount` chunks (about). */
export function buildStream(name: ScenarioName, chunkCount: number) {
  const built =
    name === 'reasoning'
      ? buildReasoningStream(chunkCount)
      : name === 'tool-calls'
        ? buildToolCallStream(chunkCount)
        : buildTextStream(chunkCount, name === 'usage-final');
  // A keep-alive comment first, as OpenRouter sends while a model warms up.
  let body = ': OPENROUTER PROCESSING\n\n';
  for (const value of built.chunks) {
    body += `data: ${JSON.stringify(value)}\n\n`;
  }
  body += 'data: [DONE]\n\n';
  return {
    body,
    eventCount: built.chunks.length,
    expected: built.expected,
  } satisfies BuiltStream;
}

/**
 * The scenarios also replayed as an OpenRouter Responses API stream
 * (`POST …/responses`), with the same text and tool inputs as their chat
 * stream, so that the two models can be compared on the same content.
 */
export const RESPONSES_SCENARIOS: ScenarioName[] = ['text-2k', 'tool-calls'];

const RESPONSE_ID = 'gen-1767225600-Rs8fK2mQ9LpR3tWvZa1b';

/**
 * Builds a scenario's Responses stream: the events OpenRouter's published
 * types define (`response.created`, `output_item.added`, the deltas, the
 * `.done` events that repeat the whole text, `response.completed` with the
 * usage and cost), one delta per token or argument piece.
 */
export function buildResponsesStream(
  name: ScenarioName,
  chunkCount: number,
): BuiltStream {
  const model = 'openai/gpt-4o-mini';
  const events: Array<Record<string, unknown>> = [];
  const output: Array<Record<string, unknown>> = [];
  const envelope = (status: string) => ({
    id: RESPONSE_ID,
    object: 'response',
    created_at: CREATED,
    model,
    status,
    output: status === 'completed' ? output : [],
    error: null,
    incomplete_details: null,
  });
  events.push({ type: 'response.created', response: envelope('in_progress') });
  events.push({
    type: 'response.in_progress',
    response: envelope('in_progress'),
  });
  const expected: ExpectedOutput = { text: '', reasoning: '', toolInputs: [] };

  if (name === 'tool-calls') {
    const callCount = 2;
    const deltasPerCall = Math.max(2, Math.floor(chunkCount / callCount));
    for (let call = 0; call < callCount; call++) {
      const input = toolArguments(call, deltasPerCall);
      expected.toolInputs.push(input);
      const item = {
        type: 'function_call',
        id: `fc_${call}_Q3v9ZkLx2Rb7`,
        call_id: `call_${call}_Q3v9ZkLx2Rb7`,
        name: TOOL_NAME,
        arguments: '',
        status: 'in_progress',
      };
      events.push({
        type: 'response.output_item.added',
        output_index: call,
        item,
      });
      for (const piece of splitIntoPieces(input, deltasPerCall - 1)) {
        events.push({
          type: 'response.function_call_arguments.delta',
          item_id: item.id,
          output_index: call,
          delta: piece,
        });
      }
      events.push({
        type: 'response.function_call_arguments.done',
        item_id: item.id,
        output_index: call,
        arguments: input,
      });
      const done = { ...item, arguments: input, status: 'completed' };
      output.push(done);
      events.push({
        type: 'response.output_item.done',
        output_index: call,
        item: done,
      });
    }
  } else {
    const itemId = 'msg_Q3v9ZkLx2Rb7';
    events.push({
      type: 'response.output_item.added',
      output_index: 0,
      item: {
        type: 'message',
        id: itemId,
        role: 'assistant',
        status: 'in_progress',
        content: [],
      },
    });
    events.push({
      type: 'response.content_part.added',
      item_id: itemId,
      output_index: 0,
      content_index: 0,
      part: { type: 'output_text', text: '', annotations: [] },
    });
    for (let index = 0; index < chunkCount; index++) {
      const token = TOKENS[index % TOKENS.length];
      expected.text += token;
      events.push({
        type: 'response.output_text.delta',
        item_id: itemId,
        output_index: 0,
        content_index: 0,
        delta: token,
        logprobs: [],
      });
    }
    const part = { type: 'output_text', text: expected.text, annotations: [] };
    events.push({
      type: 'response.output_text.done',
      item_id: itemId,
      output_index: 0,
      content_index: 0,
      text: expected.text,
      logprobs: [],
    });
    events.push({
      type: 'response.content_part.done',
      item_id: itemId,
      output_index: 0,
      content_index: 0,
      part,
    });
    const item = {
      type: 'message',
      id: itemId,
      role: 'assistant',
      status: 'completed',
      content: [part],
    };
    output.push(item);
    events.push({ type: 'response.output_item.done', output_index: 0, item });
  }

  events.push({
    type: 'response.completed',
    response: {
      ...envelope('completed'),
      usage: {
        input_tokens: USAGE.prompt_tokens,
        input_tokens_details: { cached_tokens: 1_024 },
        output_tokens: USAGE.completion_tokens,
        output_tokens_details: { reasoning_tokens: 0 },
        total_tokens: USAGE.total_tokens,
        cost: USAGE.cost,
      },
    },
  });

  let body = ': OPENROUTER PROCESSING\n\n';
  for (const [index, event] of events.entries()) {
    body += `data: ${JSON.stringify({ ...event, sequence_number: index })}\n\n`;
  }
  body += 'data: [DONE]\n\n';
  return { body, eventCount: events.length, expected };
}
