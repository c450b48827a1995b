import type { OpenRouterCatalogueList } from '../api/catalogue-list';

const MAX_NAMED = 5;
const MAX_NAME_LENGTH = 80;

/** How a warning names the entries of one kind of list. */
export type SkippedListKind = {
  /** `model`, `endpoint`. */
  singular: string;
  /** `models`, `endpoints`. */
  plural: string;
  /** The array's name in OpenRouter's answer, for entries without a name. */
  arrayName: string;
};

/**
 * A warning naming the catalogue entries left out as malformed, or none
 * when every entry could be read. The command still succeeds: the user sees
 * every valid entry and learns the list is incomplete.
 */
export function describeSkipped(
  list: OpenRouterCatalogueList<unknown>,
  kind: SkippedListKind,
): string[] {
  const { skipped } = list;
  if (skipped.length === 0) {
    return [];
  }
  const total = list.length + skipped.length;
  const noun = total === 1 ? kind.singular : kind.plural;
  const names = skipped
    .slice(0, MAX_NAMED)
    .map(entry =>
      entry.id == null
        ? `${kind.arrayName}[${entry.index}]`
        : shorten(entry.id),
    );
  const more =
    skipped.length > MAX_NAMED ? ` and ${skipped.length - MAX_NAMED} more` : '';
  return [
    `skipped ${skipped.length} malformed ${noun} of ${total}: ${names.join(', ')}${more}.`,
  ];
}

function shorten(name: string) {
  return name.length > MAX_NAME_LENGTH
    ? `${name.slice(0, MAX_NAME_LENGTH - 1)}…`
    : name;
}
