// @openrouter/ai-sdk-provider README: "Provider Instance" and "Example".
// Each snippet as the README writes it, with the import changed to
// 'ai-sdk-openrouter'. Compiled by test/type-parity.test.ts.
import { generateText } from 'ai';
import { openrouter } from 'ai-sdk-openrouter';

const { text } = await generateText({
  model: openrouter('openai/gpt-4o'),
  prompt: 'Write a vegetarian lasagna recipe for 4 people.',
});

export { text };
