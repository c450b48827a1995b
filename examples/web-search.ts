import { streamText } from 'ai';
import { connect } from './support/connect';

// Web search: the web plugin adds search results, returned as sources.
const { openrouter, close } = await connect();

try {
  const result = streamText({
    model: openrouter(process.env.OPENROUTER_MODEL ?? 'openai/gpt-4o-mini'),
    prompt: process.argv.slice(2).join(' ') || 'What is new at OpenRouter?',
    providerOptions: {
      openrouter: { plugins: [{ id: 'web', max_results: 3 }] },
    },
  });

  for await (const delta of result.textStream) {
    process.stdout.write(delta);
  }
  process.stdout.write('\n\nSources:\n');
  for (const source of await result.sources) {
    if (source.sourceType === 'url') {
      console.log(`- ${source.title ?? source.url}: ${source.url}`);
    }
  }
} finally {
  await close();
}
