/**
 * OpenRouter model ids are `author/slug`, optionally with a variant suffix
 * such as `:free`, `:nitro`, `:floor`, `:online` or `:thinking`. Any string is
 * accepted; the listed ones are there for autocomplete.
 */
export type OpenRouterChatModelId =
  | 'openrouter/auto'
  | 'openai/gpt-5'
  | 'openai/gpt-5-mini'
  | 'openai/gpt-4o'
  | 'openai/gpt-4o-mini'
  | 'anthropic/claude-sonnet-4.5'
  | 'anthropic/claude-opus-4.1'
  | 'anthropic/claude-haiku-4.5'
  | 'google/gemini-2.5-pro'
  | 'google/gemini-2.5-flash'
  | 'deepseek/deepseek-r1'
  | 'deepseek/deepseek-chat'
  | 'meta-llama/llama-3.3-70b-instruct'
  | 'mistralai/mistral-large'
  | 'x-ai/grok-4'
  | 'qwen/qwen3-235b-a22b'
  | (string & {});
