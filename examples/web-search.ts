import { streamText } from 'ai';
import { connect } from './support/connect';

// Web search with OpenRouter's server tool: OpenRouter runs the searches
// while the model answers, and the results come back as sources.
const { openrouter, close } = await connect();

try {
  const result = streamText({
    model: openrouter(process.env.OPENROUTER_MODEL ?? 'openai/gpt-4o-mini'),
    prompt:
      process.argv.slice(2).join(' ') ||
      'Use web search: what is new at OpenRouter?',
    tools: {
      // Sent as { type: 'openrouter:web_search', parameters: { max_results: 3 } }.
      web_search: openrouter.tools.webSearch({ maxResults: 3 }),
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
