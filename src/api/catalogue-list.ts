import type { z } from 'zod/v4';

/** A catalogue entry that could not be read, left out of its list. */
export type OpenRouterSkippedEntry = {
  /** Its position, from 0, in the list OpenRouter sent. */
  index: number;
  /**
   * What names it, when that is a string: a model's `id`, an endpoint's
   * `provider_name` or a provider's `slug`. Null otherwise.
   */
  id: string | null;
  /**
   * What was wrong, e.g. `pricing: Invalid input: expected object, received
   * null`. It names fields and types, never the values sent.
   */
  reason: string;
  /** The entry exactly as OpenRouter sent it. */
  raw: unknown;
};

/**
 * A list from the model catalogue: the entries that could be read, in
 * OpenRouter's order. An entry that does not match the documented shape
 * (`pricing: null`, a numeric `id`) is left out instead of failing the whole
 * list, and described in `skipped`, so one odd model among hundreds costs
 * that model only.
 *
 * `skipped` is not enumerable: the list prints, spreads, compares and
 * serializes as the plain array it always was. Array methods that return a
 * new array (`filter`, `map`, `slice`) return one without it.
 */
export type OpenRouterCatalogueList<T> = T[] & {
  /** The entries left out because they were malformed; empty when none were. */
  readonly skipped: OpenRouterSkippedEntry[];
};

/**
 * Checks each entry on its own and maps the valid ones. `identifier` is the
 * field that names an entry in its `skipped` report.
 */
export function readCatalogueList<Wire, Entry>(
  entries: readonly unknown[],
  schema: z.ZodType<Wire>,
  map: (wire: Wire) => Entry,
  identifier: string,
): OpenRouterCatalogueList<Entry> {
  const list: Entry[] = [];
  const skipped: OpenRouterSkippedEntry[] = [];
  entries.forEach((entry, index) => {
    const parsed = schema.safeParse(entry);
    if (parsed.success) {
      list.push(map(parsed.data));
    } else {
      skipped.push({
        index,
        id: readIdentifier(entry, identifier),
        reason: describeIssues(parsed.error.issues),
        raw: entry,
      });
    }
  });
  return withSkipped(list, skipped);
}

/** An empty list, for an answer that sent none. */
export function emptyCatalogueList<Entry>(): OpenRouterCatalogueList<Entry> {
  return withSkipped<Entry>([], []);
}

function withSkipped<Entry>(
  list: Entry[],
  skipped: OpenRouterSkippedEntry[],
): OpenRouterCatalogueList<Entry> {
  return Object.defineProperty(list, 'skipped', {
    value: skipped,
    enumerable: false,
  }) as OpenRouterCatalogueList<Entry>;
}

function readIdentifier(entry: unknown, identifier: string): string | null {
  if (
    entry == null ||
    typeof entry !== 'object' ||
    !Object.hasOwn(entry, identifier)
  ) {
    return null;
  }
  const value = (entry as Record<string, unknown>)[identifier];
  return typeof value === 'string' ? value : null;
}

const MAX_ISSUES = 3;
const MAX_MESSAGE_LENGTH = 200;

function describeIssues(
  issues: readonly { path: PropertyKey[]; message: string }[],
): string {
  return issues
    .slice(0, MAX_ISSUES)
    .map(issue => {
      const path = issue.path.map(String).join('.') || 'entry';
      const message =
        issue.message.length > MAX_MESSAGE_LENGTH
          ? `${issue.message.slice(0, MAX_MESSAGE_LENGTH)}…`
          : issue.message;
      return `${path}: ${message}`;
    })
    .join('; ');
}
