/** Builders for OpenRouter chat completion chunks, for scripted streams. */

type ToolCallDelta = {
  index?: number;
  id?: string;
  type?: 'function';
  function?: { name?: string; arguments?: string };
};

const base = {
  id: 'gen-scripted-1',
  object: 'chat.completion.chunk',
  created: 1_767_225_600,
  model: 'openai/gpt-4o',
  provider: 'OpenAI',
};

export function deltaChunk(
  delta: Record<string, unknown>,
  finishReason: string | null = null,
) {
  return {
    ...base,
    choices: [
      {
        index: 0,
        delta,
        finish_reason: finishReason,
        native_finish_reason: finishReason,
      },
    ],
  };
}

export function textChunk(content: string) {
  return deltaChunk({ role: 'assistant', content });
}

export function toolCallChunk(...toolCalls: ToolCallDelta[]) {
  return deltaChunk({
    role: 'assistant',
    content: null,
    tool_calls: toolCalls,
  });
}

export function finishChunk(finishReason: string) {
  return deltaChunk({ role: 'assistant', content: '' }, finishReason);
}

export function usageChunk(promptTokens = 12, completionTokens = 8) {
  return {
    ...base,
    choices: [],
    usage: {
      prompt_tokens: promptTokens,
      completion_tokens: completionTokens,
      total_tokens: promptTokens + completionTokens,
      cost: 0.00002,
    },
  };
}
