import { streamText } from 'ai';
import { openRouterMetadata } from 'ai-sdk-openrouter';
import { connect } from './support/connect';

// The main job: stream a reply to the terminal, then say what it cost.
const { openrouter, close } = await connect();
const modelId = process.env.OPENROUTER_MODEL ?? 'openai/gpt-4o-mini';
const prompt =
  process.argv.slice(2).join(' ') ||
  'In two sentences, what does OpenRouter do?';

try {
  const result = streamText({ model: openrouter(modelId), prompt });

  for await (const delta of result.textStream) {
    process.stdout.write(delta);
  }
  process.stdout.write('\n\n');

  const usage = await result.totalUsage;
  const metadata = openRouterMetadata(await result.providerMetadata);
  console.log(
    `Model: ${metadata?.model ?? modelId}, served by ${metadata?.provider ?? 'unknown'}`,
  );
  console.log(
    `Tokens: ${usage.inputTokens ?? '?'} in, ${usage.outputTokens ?? '?'} out, ${usage.totalTokens ?? '?'} total`,
  );
  console.log(
    `Cost: ${metadata?.usage?.cost != null ? `$${metadata.usage.cost.toFixed(6)}` : 'not reported'}`,
  );
} finally {
  await close();
}
