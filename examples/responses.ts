import { isStepCount, streamText, tool } from 'ai';
import { openRouterMetadata } from 'ai-sdk-openrouter';
import { z } from 'zod/v4';
import { connect } from './support/connect';

// OpenRouter's Responses API (`POST /responses`, beta) as an AI SDK model:
// a reasoning model streams a tool loop, and its encrypted reasoning goes
// back with every step, so the model keeps thinking where it left off.
const { openrouter, close } = await connect();
const model = openrouter.responses(
  process.env.OPENROUTER_MODEL ?? 'openai/o4-mini',
);

try {
  const result = streamText({
    model,
    prompt:
      process.argv.slice(2).join(' ') ||
      'Use the weather tool for Lisbon, then tell me what to wear.',
    reasoning: 'low',
    tools: {
      weather: tool({
        description: 'The weather in a city',
        inputSchema: z.object({ city: z.string() }),
        execute: async ({ city }) => ({ city, temperatureCelsius: 21 }),
      }),
    },
    stopWhen: isStepCount(3),
  });

  for await (const part of result.fullStream) {
    if (part.type === 'tool-call') {
      console.log(`Called ${part.toolName}(${JSON.stringify(part.input)})`);
    }
  }
  const steps = await result.steps;
  const metadata = openRouterMetadata({
    providerMetadata: await result.providerMetadata,
  });
  console.log(`Answer: ${await result.text}`);
  console.log(
    `Steps: ${steps.length}, encrypted reasoning items: ${
      steps
        .flatMap(step => step.reasoning)
        .filter(
          part =>
            part.providerOptions?.openrouter?.reasoningEncryptedContent != null,
        ).length
    }`,
  );
  console.log(`Cost of the last step: $${metadata?.usage?.cost?.toFixed(6)}`);
} finally {
  await close();
}
