// @openrouter/ai-sdk-provider README: "Embeddings".
import { embed, embedMany } from 'ai';
import { openrouter } from 'ai-sdk-openrouter';

// Basic Usage
{
  const { embedding } = await embed({
    model: openrouter.textEmbeddingModel('openai/text-embedding-3-small'),
    value: 'sunny day at the beach',
  });

  console.log(embedding); // Array of numbers representing the embedding
}

// Batch Embeddings
{
  const { embeddings } = await embedMany({
    model: openrouter.textEmbeddingModel('openai/text-embedding-3-small'),
    values: [
      'sunny day at the beach',
      'rainy day in the city',
      'snowy mountain peak',
    ],
  });

  console.log(embeddings); // Array of embedding arrays
}
