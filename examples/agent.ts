import { isStepCount, ToolLoopAgent, tool } from 'ai';
import { z } from 'zod/v4';
import { connect } from './support/connect';

// A tool-calling agent: the model calls `weather`, reads the result, answers.
const { openrouter, close } = await connect();

const weatherAgent = new ToolLoopAgent({
  model: openrouter(process.env.OPENROUTER_MODEL ?? 'openai/gpt-4o-mini'),
  instructions: 'Answer weather questions with the weather tool.',
  tools: {
    weather: tool({
      description: 'The current weather in a city',
      inputSchema: z.object({ city: z.string().describe('A city name') }),
      execute: async ({ city }) => ({
        city,
        temperatureCelsius: 21,
        sky: 'clear',
      }),
    }),
  },
  stopWhen: isStepCount(5),
});

try {
  const result = await weatherAgent.generate({
    prompt: process.argv.slice(2).join(' ') || 'What is the weather in Paris?',
  });

  for (const [index, step] of result.steps.entries()) {
    for (const call of step.toolCalls) {
      console.log(
        `Step ${index + 1}: called ${call.toolName}(${JSON.stringify(call.input)})`,
      );
    }
    for (const toolResult of step.toolResults) {
      console.log(
        `Step ${index + 1}: ${toolResult.toolName} returned ${JSON.stringify(toolResult.output)}`,
      );
    }
  }
  console.log(`Answer: ${result.text}`);
} finally {
  await close();
}
