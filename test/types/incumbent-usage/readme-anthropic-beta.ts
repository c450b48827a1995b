// @openrouter/ai-sdk-provider README: "Anthropic Beta Features".
import { generateText, streamObject } from 'ai';
import { createOpenRouter } from 'ai-sdk-openrouter';
import { z } from 'zod';

// The README leaves `yourLargeSchema` to the reader.
declare const yourLargeSchema: z.ZodType<{ title: string }>;

// Fine-grained Tool Streaming: Basic Usage
{
  // INCUMBENT-README: with exactOptionalPropertyTypes, the incumbent's `apiKey` does not take process.env's `string | undefined`; ours does
  const provider = createOpenRouter({
    apiKey: process.env.OPENROUTER_API_KEY,
    headers: {
      'anthropic-beta': 'fine-grained-tool-streaming-2025-05-14',
    },
  });

  const model = provider.chat('anthropic/claude-sonnet-4');

  const result = await streamObject({
    model,
    schema: yourLargeSchema,
    prompt: 'Generate a complex object...',
  });

  for await (const partialObject of result.partialObjectStream) {
    console.log(partialObject);
  }
}

// You can also pass the header at the request level
{
  // INCUMBENT-README: with exactOptionalPropertyTypes, the incumbent's `apiKey` does not take process.env's `string | undefined`; ours does
  const provider = createOpenRouter({
    apiKey: process.env.OPENROUTER_API_KEY,
  });

  const model = provider.chat('anthropic/claude-sonnet-4');

  await generateText({
    model,
    prompt: 'Hello',
    headers: {
      'anthropic-beta': 'fine-grained-tool-streaming-2025-05-14',
    },
  });
}

// Use Case: Large Component Generation
{
  // The README's schema is written for zod 3: zod 4 (which `ai@7` uses)
  // wants a key schema in z.record, and cannot infer a recursive schema
  // without an annotation.
  // @ts-expect-error INCUMBENT-README: componentSchema's recursive type is implicitly any
  const componentSchema = z.object({
    type: z.string(),
    // @ts-expect-error INCUMBENT-README: zod 4's z.record takes two arguments
    props: z.record(z.any()),
    // @ts-expect-error INCUMBENT-README: the recursive z.lazy is implicitly any
    children: z.array(z.lazy(() => componentSchema)).optional(),
  });

  // INCUMBENT-README: with exactOptionalPropertyTypes, the incumbent's `apiKey` does not take process.env's `string | undefined`; ours does
  const provider = createOpenRouter({
    apiKey: process.env.OPENROUTER_API_KEY,
    headers: {
      'anthropic-beta': 'fine-grained-tool-streaming-2025-05-14',
    },
  });

  const model = provider.chat('anthropic/claude-sonnet-4');

  const result = await streamObject({
    model,
    schema: componentSchema,
    prompt: 'Create a responsive dashboard layout',
  });

  for await (const partialComponent of result.partialObjectStream) {
    console.log('Partial component:', partialComponent);
  }
}
