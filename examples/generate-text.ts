import { generateText } from 'ai';
import { openRouterMetadata } from 'ai-sdk-openrouter';
import { connect } from './support/connect';

// One request, one answer, with what it cost and who served it.
const { openrouter, close } = await connect();

try {
  const result = await generateText({
    model: openrouter(process.env.OPENROUTER_MODEL ?? 'openai/gpt-4o-mini'),
    prompt: process.argv.slice(2).join(' ') || 'Name three uses of a router.',
  });
  // Typed and checked: `usage.cost` is a number or undefined.
  const metadata = openRouterMetadata(result);

  console.log(result.text);
  console.log(
    `Served by ${metadata?.provider ?? 'unknown'}; ${result.usage.totalTokens} tokens; $${(metadata?.usage?.cost ?? 0).toFixed(6)}`,
  );
} finally {
  await close();
}
