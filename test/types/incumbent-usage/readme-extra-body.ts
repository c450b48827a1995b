// @openrouter/ai-sdk-provider README: "Passing Extra Body to OpenRouter".
import { streamText } from 'ai';
import { createOpenRouter } from 'ai-sdk-openrouter';

// 1. Via the `providerOptions.openrouter` property
{
  const openrouter = createOpenRouter({ apiKey: 'your-api-key' });
  const model = openrouter('anthropic/claude-3.7-sonnet:thinking');
  await streamText({
    model,
    messages: [{ role: 'user', content: 'Hello' }],
    providerOptions: {
      openrouter: {
        reasoning: {
          max_tokens: 10,
        },
      },
    },
  });
}

// 2. Via the `extraBody` property in the model settings
{
  const openrouter = createOpenRouter({ apiKey: 'your-api-key' });
  const model = openrouter('anthropic/claude-3.7-sonnet:thinking', {
    extraBody: {
      reasoning: {
        max_tokens: 10,
      },
    },
  });
  await streamText({
    model,
    messages: [{ role: 'user', content: 'Hello' }],
  });
}

// 3. Via the `extraBody` property in the model factory
{
  const openrouter = createOpenRouter({
    apiKey: 'your-api-key',
    extraBody: {
      reasoning: {
        max_tokens: 10,
      },
    },
  });
  const model = openrouter('anthropic/claude-3.7-sonnet:thinking');
  await streamText({
    model,
    messages: [{ role: 'user', content: 'Hello' }],
  });
}
