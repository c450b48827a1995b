import { generateText, type ModelMessage } from 'ai';
import { openRouterMetadata } from 'ai-sdk-openrouter';
import { connect } from './support/connect';

// A reasoning model over two turns. The first turn's signed reasoning goes
// back with the second request, exactly as received, so the conversation
// keeps working on models that verify it.
const { openrouter, close } = await connect();
const model = openrouter(
  process.env.OPENROUTER_MODEL ?? 'anthropic/claude-sonnet-4.5',
);

try {
  const messages: ModelMessage[] = [
    {
      role: 'user',
      content: process.argv.slice(2).join(' ') || 'Is 1,001 a prime number?',
    },
  ];

  for (const turn of [1, 2]) {
    const result = await generateText({ model, messages, reasoning: 'high' });
    const details = openRouterMetadata(result)?.reasoning_details;

    console.log(
      `Turn ${turn} reasoning: ${result.reasoningText ?? '(none shown)'}`,
    );
    console.log(`Turn ${turn} answer: ${result.text}`);
    console.log(
      `Turn ${turn}: ${details?.length ?? 0} reasoning detail(s), ${result.usage.outputTokenDetails.reasoningTokens ?? 0} reasoning tokens`,
    );

    messages.push(...result.response.messages, {
      role: 'user',
      content: 'Explain that in one sentence.',
    });
  }
} finally {
  await close();
}
