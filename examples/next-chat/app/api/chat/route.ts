import {
  convertToModelMessages,
  isStepCount,
  streamText,
  tool,
  type UIMessage,
} from 'ai';
import { z } from 'zod';
import { getOpenRouter } from '../../../lib/openrouter';

// A stub, so that the example needs no weather service.
const weather = tool({
  description: 'The current weather in a city',
  inputSchema: z.object({ city: z.string().describe('A city name') }),
  execute: async ({ city }) => ({ city, temperatureCelsius: 21, sky: 'clear' }),
});

export async function POST(request: Request) {
  const { messages }: { messages: UIMessage[] } = await request.json();
  const openrouter = await getOpenRouter();

  const result = streamText({
    model: openrouter(
      process.env.OPENROUTER_MODEL ?? 'anthropic/claude-sonnet-4.5',
    ),
    instructions:
      'You are a helpful assistant. Use the weather tool for weather questions.',
    messages: await convertToModelMessages(messages),
    tools: { weather },
    // Call tools, read their results, answer: up to five model calls.
    stopWhen: isStepCount(5),
    reasoning: 'medium',
    providerOptions: {
      // The web plugin lets the model search the web; its citations come
      // back as sources.
      openrouter: { plugins: [{ id: 'web', max_results: 3 }] },
    },
  });

  return result.toUIMessageStreamResponse({
    sendReasoning: true,
    sendSources: true,
    // Show what went wrong instead of the default "An error occurred.";
    // fine for a local example, too revealing for a public app.
    onError: error => (error instanceof Error ? error.message : String(error)),
  });
}
