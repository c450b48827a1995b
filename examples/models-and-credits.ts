import { toPerMillionTokens } from 'ai-sdk-openrouter';
import { connect } from './support/connect';

// The catalogue and the account: the cheapest models that can call tools,
// and how many credits are left.
const { openrouter, close } = await connect();

try {
  const models = await openrouter.models.list({
    supportedParameters: ['tools'],
  });
  const cheapest = models
    .filter(model => model.pricing.prompt >= 0)
    .sort(
      (a, b) =>
        a.pricing.prompt - b.pricing.prompt ||
        a.pricing.completion - b.pricing.completion,
    )
    .slice(0, 5);

  console.log('Cheapest models with tool calling:');
  for (const model of cheapest) {
    console.log(
      `- ${model.id}: $${toPerMillionTokens(model.pricing.prompt)}/M in, $${toPerMillionTokens(model.pricing.completion)}/M out`,
    );
  }

  const credits = await openrouter.credits.get();
  console.log(
    `Credits: $${credits.totalCredits.toFixed(2)} bought, $${credits.totalUsage.toFixed(2)} used, $${credits.remaining.toFixed(2)} left`,
  );
} finally {
  await close();
}
