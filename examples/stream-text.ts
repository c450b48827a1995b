import { streamText } from 'ai';
import { connect } from './support/connect';

// Text as it is generated, then the finish reason and usage.
const { openrouter, close } = await connect();

try {
  const result = streamText({
    model: openrouter(process.env.OPENROUTER_MODEL ?? 'openai/gpt-4o-mini'),
    prompt: process.argv.slice(2).join(' ') || 'Write a haiku about routers.',
  });

  for await (const delta of result.textStream) {
    process.stdout.write(delta);
  }
  const usage = await result.totalUsage;
  console.log(
    `\nFinished (${await result.finishReason}) after ${usage.outputTokens} output tokens.`,
  );
} finally {
  await close();
}
