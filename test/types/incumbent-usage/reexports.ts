// The two @ai-sdk/provider types @openrouter/ai-sdk-provider re-exports.
// One import each, so that each directive covers one name.
import type { LanguageModelV4 } from 'ai-sdk-openrouter';
import type { LanguageModelV4Prompt } from 'ai-sdk-openrouter';
import { openrouter } from 'ai-sdk-openrouter';

export const asLanguageModel: LanguageModelV4 = openrouter('openai/gpt-4o');
export const prompt: LanguageModelV4Prompt = [
  { role: 'user', content: [{ type: 'text', text: 'Hi' }] },
];
