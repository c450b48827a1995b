import { buildUsage, estimateTokens } from './emulator-chat-model';
import {
  EMBEDDING_DIMENSIONS_RANGE,
  EMBEDDING_INPUTS_RANGE,
  EMBEDDING_VALUES_RANGE,
  requireIntegerInRange,
} from './emulator-limits';
import { serveModel } from './emulator-models';
import { type EmulatorRoute, errorReply, jsonReply } from './emulator-routes';

/** Vector size when the request does not ask for `dimensions`. */
export const EMULATOR_EMBEDDING_DIMENSIONS = 128;

// Words that say little about what a text is about.
const STOP_WORDS = new Set(
  'a an and are as at be by for from has in is it of on or that the to was were will with'.split(
    ' ',
  ),
);

/**
 * A deterministic embedding by feature hashing: every word adds a signed unit
 * at a position chosen by its hash, and the vector is normalised. The same
 * text always gives the same vector, and texts sharing words point the same
 * way, so a semantic search works offline.
 */
export function embedText(text: string, dimensions: number): number[] {
  const vector = new Array<number>(dimensions).fill(0);
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  for (const word of words) {
    if (STOP_WORDS.has(word)) {
      continue;
    }
    const hash = mix(fnv1a(word));
    vector[hash % dimensions] += hash & 0x80000000 ? -1 : 1;
  }
  // At most EMBEDDING_DIMENSIONS_RANGE.max arguments: well within what a
  // call takes.
  const length = Math.hypot(...vector);
  return length === 0
    ? vector.map((_, index) => (index === 0 ? 1 : 0))
    : vector.map(value => value / length);
}

/** MurmurHash3's finaliser: spreads FNV's weak low bits over all 32. */
function mix(hash: number) {
  let mixed = hash;
  mixed ^= mixed >>> 16;
  mixed = Math.imul(mixed, 0x85ebca6b);
  mixed ^= mixed >>> 13;
  mixed = Math.imul(mixed, 0xc2b2ae35);
  mixed ^= mixed >>> 16;
  return mixed >>> 0;
}

function fnv1a(text: string) {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

function toBase64Floats(vector: number[]) {
  const bytes = new Uint8Array(vector.length * 4);
  const view = new DataView(bytes.buffer);
  for (const [index, value] of vector.entries()) {
    view.setFloat32(index * 4, value, true);
  }
  return Buffer.from(bytes).toString('base64');
}

export const embeddingRoutes: EmulatorRoute[] = [
  {
    method: 'POST',
    path: '/embeddings',
    handle(request, context) {
      const body = request.body as {
        model?: unknown | undefined;
        input?: unknown | undefined;
        dimensions?: unknown | undefined;
        encoding_format?: unknown | undefined;
      };
      const inputs =
        typeof body?.input === 'string'
          ? [body.input]
          : Array.isArray(body?.input)
            ? body.input
            : undefined;
      if (inputs == null || inputs.some(input => typeof input !== 'string')) {
        return errorReply(400, 'Input required: "input" must be text');
      }
      requireIntegerInRange(
        'input length',
        inputs.length,
        EMBEDDING_INPUTS_RANGE,
      );
      const dimensions =
        body.dimensions != null
          ? requireIntegerInRange(
              'dimensions',
              body.dimensions,
              EMBEDDING_DIMENSIONS_RANGE,
            )
          : (context.options.embeddingDimensions ??
            EMULATOR_EMBEDDING_DIMENSIONS);
      requireIntegerInRange(
        'dimensions × input length',
        dimensions * inputs.length,
        EMBEDDING_VALUES_RANGE,
      );
      if (typeof body.model !== 'string') {
        return errorReply(400, 'Input required: specify "model"');
      }
      const served = serveModel(context, body.model, 'embedding');
      const model = served.id;
      const sequence = context.nextSequence();
      const promptTokens = inputs.reduce(
        (sum: number, input: string) => sum + estimateTokens(input),
        0,
      );
      const usage = buildUsage(served.prices, promptTokens, 0);

      return jsonReply({
        id: `gen-emb-emulator-${sequence}`,
        object: 'list',
        model,
        provider: served.provider,
        data: inputs.map((input: string, index: number) => {
          const vector = embedText(input, dimensions);
          return {
            object: 'embedding',
            index,
            embedding:
              body.encoding_format === 'base64'
                ? toBase64Floats(vector)
                : vector,
          };
        }),
        usage: {
          prompt_tokens: usage.prompt_tokens,
          total_tokens: usage.total_tokens,
          cost: usage.cost,
        },
      });
    },
  },
];
