import { generateText, streamText } from 'ai';
import { createOpenRouter } from 'ai-sdk-openrouter';
import { createOpenRouterEmulator } from 'ai-sdk-openrouter/testing';
import { expect, it } from 'vitest';

it('smoke', async () => {
  const emulator = await createOpenRouterEmulator();
  const openrouter = createOpenRouter({ apiKey: 'sk-test', baseURL: emulator.baseURL });
  const result = await generateText({ model: openrouter('openai/gpt-4o'), prompt: 'Hi there' });
  console.log(result.text, result.usage, result.finishReason, result.response.id, result.providerMetadata);
  const stream = streamText({ model: openrouter('openai/gpt-4o'), prompt: 'Hi there' });
  const parts = [];
  for await (const part of stream.fullStream) parts.push(part.type);
  console.log(parts.join(','), await stream.text);
  console.log(JSON.stringify(emulator.requests, null, 1));
  await emulator.close();
  expect(result.text).toContain('Hi there');
});
