import { generateText, Output } from 'ai';
import { z } from 'zod/v4';
import { connect } from './support/connect';

// Structured output: the reply is validated against a schema and typed.
const { openrouter, close } = await connect();

const recipeSchema = z.object({
  name: z.string().describe('The name of the dish'),
  servings: z.number().int().describe('How many people it feeds'),
  vegetarian: z.boolean(),
  ingredients: z.array(z.string()),
});

try {
  const { output } = await generateText({
    model: openrouter(process.env.OPENROUTER_MODEL ?? 'openai/gpt-4o-mini'),
    prompt: process.argv.slice(2).join(' ') || 'A simple tomato soup',
    output: Output.object({ schema: recipeSchema, name: 'recipe' }),
  });

  console.log(`Recipe: ${output.name}`);
  console.log(`Servings: ${output.servings}, vegetarian: ${output.vegetarian}`);
  console.log(`Ingredients: ${output.ingredients.join(', ')}`);
} finally {
  await close();
}
