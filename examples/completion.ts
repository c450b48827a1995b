import { generateText } from 'ai';
import { connect } from './support/connect';

// The legacy completion endpoint: the model continues a text.
const { openrouter, close } = await connect();

try {
  const { text, usage } = await generateText({
    model: openrouter.completion(
      process.env.OPENROUTER_MODEL ?? 'openai/gpt-3.5-turbo-instruct',
    ),
    prompt: process.argv.slice(2).join(' ') || 'Once upon a time, a router',
    maxOutputTokens: 60,
  });

  console.log(`Completion:${text}`);
  console.log(`Tokens: ${usage.inputTokens} in, ${usage.outputTokens} out`);
} finally {
  await close();
}
