/**
 * The names `@openrouter/ai-sdk-provider` gives OpenRouter fields, accepted
 * for drop-in use and renamed before validation; a snake_case field set
 * beside one wins, with a warning. This table is their one declaration: the
 * respelling reads it, a test checks that the options type marks each of
 * them `@deprecated` (the JSDoc has to be written out to reach editors), and
 * another that the README lists exactly these.
 */
export const INCUMBENT_SPELLINGS: Readonly<Record<string, string>> = {
  logitBias: 'logit_bias',
  parallelToolCalls: 'parallel_tool_calls',
  topP: 'top_p',
  topK: 'top_k',
  frequencyPenalty: 'frequency_penalty',
  presencePenalty: 'presence_penalty',
  maxTokens: 'max_tokens',
  // OpenRouter defines `include_reasoning` itself (`false` hides the
  // reasoning, it does not turn it off), so it is sent as is, as the
  // incumbent sends it.
  includeReasoning: 'include_reasoning',
};
