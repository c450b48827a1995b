import { generateText } from 'ai';
import { connect } from './support/connect';

// One request, one answer, with what it cost and who served it.
const { openrouter, close } = await connect();

try {
  const { text, usage, providerMetadata } = await generateText({
    model: openrouter(process.env.OPENROUTER_MODEL ?? 'openai/gpt-4o-mini'),
    prompt: process.argv.slice(2).join(' ') || 'Name three uses of a router.',
  });
  const metadata = providerMetadata?.openrouter as
    | { provider?: string; usage?: { cost?: number } }
    | undefined;

  console.log(text);
  console.log(
    `Served by ${metadata?.provider ?? 'unknown'}; ${usage.totalTokens} tokens; $${(metadata?.usage?.cost ?? 0).toFixed(6)}`,
  );
} finally {
  await close();
}
