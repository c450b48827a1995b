// @openrouter/ai-sdk-provider README: "Use Cases": Response Healing and
// Debugging API Requests.
import { generateObject, streamText } from 'ai';
import { createOpenRouter } from 'ai-sdk-openrouter';
import { z } from 'zod';

// Response Healing for Structured Outputs
{
  const openrouter = createOpenRouter({ apiKey: 'your-api-key' });
  const model = openrouter('openai/gpt-4o', {
    plugins: [{ id: 'response-healing' }],
  });

  const { object } = await generateObject({
    model,
    schema: z.object({
      name: z.string(),
      age: z.number(),
    }),
    prompt: 'Generate a person with name and age.',
  });

  console.log(object); // { name: "John", age: 30 }
}

// Debugging API Requests
{
  const openrouter = createOpenRouter({ apiKey: 'your-api-key' });
  const model = openrouter('anthropic/claude-3.5-sonnet', {
    debug: {
      echo_upstream_body: true,
    },
  });

  const result = await streamText({
    model,
    prompt: 'Hello, how are you?',
  });

  // The debug data is available in the stream's first chunk
  // and in the final response's providerMetadata
  for await (const chunk of result.fullStream) {
    // Debug chunks have empty choices and contain debug.echo_upstream_body
    console.log(chunk);
  }
}
