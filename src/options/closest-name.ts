// "Did you mean …?" for option keys and enum values. Names are compared
// without case, `_` or `-`, so `maxTokens`, `MAX_TOKENS` and `max-tokens` all
// come close to `max_tokens`. The work is bounded whatever the input: names
// longer than any known one are never compared, and each comparison fills
// only the band of the distance table that can stay under the limit.

/** Longer names are not compared; no OpenRouter field comes near this. */
const MAX_COMPARED_LENGTH = 64;

/**
 * The candidate closest to `name`, when it is within a small edit distance
 * (adjacent swaps count as one edit): one edit for names of three to five
 * characters, two for longer ones, none for shorter ones. Undefined when
 * none is that close, or when `name` is one of the candidates.
 */
export function closestName(
  name: string,
  candidates: Iterable<string>,
): string | undefined {
  if (name.length > MAX_COMPARED_LENGTH) {
    return undefined;
  }
  const normalized = normalize(name);
  const limit = allowedEdits(normalized.length);
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    if (candidate === name || candidate.length > MAX_COMPARED_LENGTH) {
      continue;
    }
    const distance = boundedEditDistance(
      normalized,
      normalize(candidate),
      Math.min(limit, bestDistance - 1),
    );
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function normalize(name: string) {
  return name.toLowerCase().replace(/[_-]/g, '');
}

function allowedEdits(length: number) {
  if (length <= 2) {
    return 0;
  }
  return length <= 5 ? 1 : 2;
}

/**
 * The optimal-string-alignment distance between `a` and `b` when it is at
 * most `limit`, otherwise `limit + 1`. Only cells within `limit` of the
 * diagonal are filled, so the cost is O(length × limit).
 */
export function boundedEditDistance(
  a: string,
  b: string,
  limit: number,
): number {
  const over = limit + 1;
  if (limit < 0) {
    return over;
  }
  if (Math.abs(a.length - b.length) > limit) {
    return over;
  }
  // Three rows: the one before the previous is needed for swaps.
  let beforePrevious: number[] = [];
  let previous: number[] = Array.from({ length: b.length + 1 }, (_, j) =>
    j <= limit ? j : over,
  );
  for (let i = 1; i <= a.length; i++) {
    const current: number[] = new Array(b.length + 1).fill(over);
    current[0] = i <= limit ? i : over;
    const from = Math.max(1, i - limit);
    const to = Math.min(b.length, i + limit);
    let rowMinimum = current[0];
    for (let j = from; j <= to; j++) {
      const substitution = a[i - 1] === b[j - 1] ? 0 : 1;
      let distance = Math.min(
        previous[j] + 1,
        current[j - 1] + 1,
        previous[j - 1] + substitution,
      );
      if (
        i > 1 &&
        j > 1 &&
        a[i - 1] === b[j - 2] &&
        a[i - 2] === b[j - 1] &&
        beforePrevious[j - 2] !== undefined
      ) {
        distance = Math.min(distance, beforePrevious[j - 2] + 1);
      }
      current[j] = Math.min(distance, over);
      rowMinimum = Math.min(rowMinimum, current[j]);
    }
    if (rowMinimum > limit) {
      return over;
    }
    beforePrevious = previous;
    previous = current;
  }
  return Math.min(previous[b.length], over);
}
