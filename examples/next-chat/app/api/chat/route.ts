import {
  convertToModelMessages,
  isStepCount,
  streamText,
  tool,
  type UIMessage,
} from 'ai';
import { z } from 'zod';
import { getOpenRouter, openRouterApi } from '../../../lib/openrouter';

// A stub, so that the example needs no weather service.
const weather = tool({
  description: 'The current weather in a city',
  inputSchema: z.object({ city: z.string().describe('A city name') }),
  execute: async ({ city }) => ({ city, temperatureCelsius: 21, sky: 'clear' }),
});

export async function POST(request: Request) {
  const { messages }: { messages: UIMessage[] } = await request.json();
  const openrouter = await getOpenRouter();
  const modelId = process.env.OPENROUTER_MODEL ?? 'anthropic/claude-sonnet-4.5';
  // The one line that picks OpenRouter's API: Chat Completions by default,
  // the Responses API with OPENROUTER_API=responses (read per request, so
  // one build serves both). To always use Responses, make it
  // `const model = openrouter.responses(modelId);`.
  const model =
    openRouterApi() === 'responses'
      ? openrouter.responses(modelId)
      : openrouter(modelId);

  const result = streamText({
    model,
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
