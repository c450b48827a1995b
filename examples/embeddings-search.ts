import { cosineSimilarity, embed, embedMany } from 'ai';
import { connect } from './support/connect';

// Semantic search: embed documents once, then rank them against a query.
const { openrouter, close } = await connect();
const model = openrouter.embeddingModel(
  process.env.OPENROUTER_EMBEDDING_MODEL ?? 'openai/text-embedding-3-small',
);

const documents = [
  'The beach was sunny and warm all afternoon.',
  'Quarterly tax filings are due at the end of the month.',
  'A cold front brings rain and wind to the coast tomorrow.',
  'The new phone has a faster chip and a brighter screen.',
];

try {
  const { embeddings, usage } = await embedMany({ model, values: documents });
  const query = process.argv.slice(2).join(' ') || 'sunny weather at the beach';
  const { embedding } = await embed({ model, value: query });

  const ranked = documents
    .map((document, index) => ({
      document,
      score: cosineSimilarity(embedding, embeddings[index]),
    }))
    .sort((a, b) => b.score - a.score);

  console.log(`Query: ${query}`);
  for (const { document, score } of ranked) {
    console.log(`${score.toFixed(3)}  ${document}`);
  }
  console.log(
    `Embedded ${documents.length} documents with ${usage.tokens} tokens.`,
  );
} finally {
  await close();
}
