import { serveSpecialistModel } from './emulator-audio-routes';
import { estimateTokens } from './emulator-chat-model';
import { embedText } from './emulator-embedding-routes';
import { requireIntegerInRange } from './emulator-limits';
import { type EmulatorRoute, errorReply, jsonReply } from './emulator-routes';

/** Documents one rerank request takes (Cohere's limit). */
const RERANK_DOCUMENTS_RANGE = { min: 1, max: 1000 } as const;
/** USD per search unit (a query with up to 100 documents). */
const PRICE_PER_SEARCH_UNIT = 0.002;
/** Vector size of the word hashing the scores come from. */
const SCORE_DIMENSIONS = 256;

/**
 * `POST /rerank`. A document's score is how many words it shares with the
 * query (the cosine of their hashed word vectors, as the emulator embeds
 * them), mapped to 0..1: deterministic, and a document about the query
 * ranks first.
 */
export const rerankRoutes: EmulatorRoute[] = [
  {
    method: 'POST',
    path: '/rerank',
    handle(request, context) {
      const body = request.body as Record<string, unknown> | null;
      if (typeof body?.query !== 'string' || body.query.trim() === '') {
        return errorReply(400, 'Input required: "query" must be text');
      }
      const documents = body.documents;
      if (!Array.isArray(documents)) {
        return errorReply(400, 'Input required: "documents" must be a list');
      }
      requireIntegerInRange(
        'documents length',
        documents.length,
        RERANK_DOCUMENTS_RANGE,
      );
      const texts: string[] = [];
      for (const [index, document] of documents.entries()) {
        const text = documentText(document);
        if (text == null) {
          return errorReply(
            400,
            `documents[${index}] must be a string or an object with "text" and/or "image"`,
          );
        }
        texts.push(text);
      }
      const topN =
        body.top_n == null
          ? documents.length
          : requireIntegerInRange('top_n', body.top_n, {
              min: 1,
              max: RERANK_DOCUMENTS_RANGE.max,
            });
      const served = serveSpecialistModel(context, body.model, 'rerank');
      const query = embedText(body.query, SCORE_DIMENSIONS);
      const results = texts
        .map((text, index) => {
          const vector = embedText(text, SCORE_DIMENSIONS);
          const cosine = vector.reduce(
            (sum, value, position) => sum + value * (query[position] ?? 0),
            0,
          );
          return {
            index,
            relevance_score: Math.round(((cosine + 1) / 2) * 1e6) / 1e6,
            document: documentEcho(documents[index]),
          };
        })
        .sort(
          (first, second) =>
            second.relevance_score - first.relevance_score ||
            first.index - second.index,
        )
        .slice(0, topN);
      const searchUnits = Math.ceil(documents.length / 100);
      const sequence = context.nextSequence();
      return jsonReply({
        id: `gen-rerank-emulator-${sequence}`,
        model: served.id,
        provider: served.provider,
        results,
        usage: {
          search_units: searchUnits,
          total_tokens: texts.reduce(
            (sum, text) =>
              sum + estimateTokens(text) + estimateTokens(body.query as string),
            0,
          ),
          cost: Math.round(searchUnits * PRICE_PER_SEARCH_UNIT * 1e6) / 1e6,
        },
      });
    },
  },
];

function documentText(document: unknown): string | undefined {
  if (typeof document === 'string') {
    return document;
  }
  if (typeof document !== 'object' || document === null) {
    return undefined;
  }
  const { text, image } = document as { text?: unknown; image?: unknown };
  if (text == null && image == null) {
    return undefined;
  }
  if (
    (text != null && typeof text !== 'string') ||
    (image != null && typeof image !== 'string')
  ) {
    return undefined;
  }
  return text ?? '';
}

function documentEcho(document: unknown) {
  return typeof document === 'string' ? { text: document } : document;
}
