// Beyond this length a name is no typo of a short one; comparing stops
// there, so a pasted paragraph costs no more than a word.
const MAX_COMPARED_LENGTH = 64;

/**
 * The known name closest to `given` when it is close enough to be a likely
 * typo, else undefined: within one edit for names of up to four characters
 * and two for longer ones, where an edit is an insertion, deletion,
 * substitution or swap of neighbours. Case, and `-` for `_`, are free.
 * Ties go to the name listed first.
 */
export function closestName(
  given: string,
  known: readonly string[],
): string | undefined {
  const normalized = normalize(given);
  if (normalized.length > MAX_COMPARED_LENGTH) {
    return undefined;
  }
  const allowed = normalized.length <= 4 ? 1 : 2;
  let best: string | undefined;
  let bestDistance = allowed + 1;
  for (const name of known) {
    const distance = editDistance(normalized, normalize(name));
    if (distance < bestDistance) {
      best = name;
      bestDistance = distance;
    }
  }
  return best;
}

/** ` Did you mean "tools"?`, or nothing when no name is close. */
export function didYouMean(given: string, known: readonly string[]): string {
  const closest = closestName(given, known);
  return closest == null ? '' : ` Did you mean "${closest}"?`;
}

function normalize(name: string) {
  return name.toLowerCase().replaceAll('-', '_');
}

/** Optimal string alignment distance: Levenshtein plus adjacent swaps. */
function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) {
    return Number.POSITIVE_INFINITY;
  }
  let twoRowsBack: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(
        previous[j] + 1,
        current[j - 1] + 1,
        previous[j - 1] + substitution,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        current[j] = Math.min(current[j], twoRowsBack[j - 2] + 1);
      }
    }
    twoRowsBack = previous;
    previous = current;
  }
  return previous[b.length];
}
