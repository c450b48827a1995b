// @openrouter/ai-sdk-provider README: "Usage Accounting". The README's
// snippets leave out their imports; these are the ones they need.
import { generateText } from 'ai';
import type { OpenRouterUsageAccounting } from 'ai-sdk-openrouter';
import { openrouter } from 'ai-sdk-openrouter';

{
  // Enable usage accounting
  const model = openrouter('openai/gpt-3.5-turbo', {
    usage: {
      include: true,
    },
  });

  // Access usage accounting data
  const result = await generateText({
    model,
    prompt: 'Hello, how are you today?',
  });

  // AI SDK v7 standard usage details
  console.log('Input tokens:', result.usage.inputTokens);
  console.log(
    'Cached input tokens:',
    result.usage.inputTokenDetails.cacheReadTokens,
  );
  console.log(
    'Reasoning tokens:',
    result.usage.outputTokenDetails.reasoningTokens,
  );

  // Provider-specific usage details (available in providerMetadata)
  if (result.providerMetadata?.openrouter?.usage) {
    // @ts-expect-error INCUMBENT-README: providerMetadata values are JSONValue, so `.cost` needs a cast
    console.log('Cost:', result.providerMetadata.openrouter.usage.cost);
    console.log(
      'Total Tokens:',
      // @ts-expect-error INCUMBENT-README: providerMetadata values are JSONValue, so `.totalTokens` needs a cast
      result.providerMetadata.openrouter.usage.totalTokens,
    );
  }
}

// BYOK usage accounting
{
  // Assuming you have set an OpenAI API key in https://openrouter.ai/settings/integrations

  // Enable usage accounting
  const model = openrouter('openai/gpt-3.5-turbo', {
    usage: {
      include: true,
    },
  });

  // Access usage accounting data
  const result = await generateText({
    model,
    prompt: 'Hello, how are you today?',
  });

  console.log('Input tokens:', result.usage.inputTokens);
  console.log(
    'Cached input tokens:',
    result.usage.inputTokenDetails.cacheReadTokens,
  );
  console.log(
    'Reasoning tokens:',
    result.usage.outputTokenDetails.reasoningTokens,
  );

  // Provider-specific BYOK usage details (available in providerMetadata)
  if (result.providerMetadata?.openrouter?.usage) {
    // @ts-expect-error INCUMBENT-README: providerMetadata values are JSONValue, so `.costDetails` needs a cast
    const costDetails = result.providerMetadata.openrouter.usage.costDetails;
    if (costDetails) {
      console.log('BYOK cost:', costDetails.upstreamInferenceCost);
    }
    console.log(
      'OpenRouter credits cost:',
      // @ts-expect-error INCUMBENT-README: providerMetadata values are JSONValue, so `.cost` needs a cast
      result.providerMetadata.openrouter.usage.cost,
    );
    console.log(
      'Total Tokens:',
      // @ts-expect-error INCUMBENT-README: providerMetadata values are JSONValue, so `.totalTokens` needs a cast
      result.providerMetadata.openrouter.usage.totalTokens,
    );
  }
}

// Not in the README: the typed way to read the same fields, with the
// exported OpenRouterUsageAccounting.
{
  const result = await generateText({
    model: openrouter('openai/gpt-3.5-turbo', { usage: { include: true } }),
    prompt: 'Hello, how are you today?',
  });
  const usage = result.providerMetadata?.openrouter?.usage as
    | OpenRouterUsageAccounting
    | undefined;
  if (usage) {
    console.log('Cost:', usage.cost, 'Total Tokens:', usage.totalTokens);
    console.log('BYOK cost:', usage.costDetails?.upstreamInferenceCost);
  }
}
