import { rerank } from 'ai';
import { openRouterMetadata } from 'ai-sdk-openrouter';
import { connect } from './support/connect';

// Rerank search results: the best matches for a query, most relevant first.
const { openrouter, close } = await connect();

const results = [
  'Quarterly tax filings are due at the end of the month.',
  'The beach was sunny and warm all afternoon.',
  'A cold front brings rain and wind to the coast tomorrow.',
  'Sunny weather returns to the beach this weekend.',
];

try {
  const query = process.argv.slice(2).join(' ') || 'sunny weather at the beach';
  const result = await rerank({
    model: openrouter.rerankingModel(
      process.env.OPENROUTER_RERANK_MODEL ?? 'cohere/rerank-v3.5',
    ),
    query,
    documents: results,
    topN: 3,
  });

  console.log(`Query: ${query}`);
  for (const { originalIndex, score, document } of result.ranking) {
    console.log(`${score.toFixed(3)}  #${originalIndex}  ${document}`);
  }
  const metadata = openRouterMetadata(result, 'reranking');
  console.log(`Cost: $${metadata?.cost?.toFixed(6) ?? 'unknown'}`);
} finally {
  await close();
}
