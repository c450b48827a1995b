import type { SharedV4ProviderOptions } from '@ai-sdk/provider';

/**
 * One entry of OpenRouter's `reasoning_details`. Entries are kept exactly as
 * received (unknown fields included), because upstreams verify them when they
 * come back on the next turn.
 */
export type OpenRouterReasoningDetail = {
  type?: string | undefined;
  index?: number | undefined;
  text?: string | null | undefined;
  summary?: string | null | undefined;
  data?: string | null | undefined;
  signature?: string | null | undefined;
  format?: string | null | undefined;
  id?: string | null | undefined;
  [key: string]: unknown;
};

/** The text a reader may see: thinking text and summaries, never ciphertext. */
export function visibleReasoningText(
  detail: OpenRouterReasoningDetail,
): string | undefined {
  switch (detail.type) {
    case 'reasoning.text':
      return detail.text ?? undefined;
    case 'reasoning.summary':
      return detail.summary ?? undefined;
    default:
      return undefined;
  }
}

/**
 * The visible text of complete details, with separate sections (different
 * `index` values) kept apart by a blank line instead of run together.
 */
export function joinReasoningText(details: OpenRouterReasoningDetail[]) {
  let text = '';
  let previousIndex: number | undefined;
  for (const detail of details) {
    const visible = visibleReasoningText(detail);
    if (visible == null || visible === '') {
      continue;
    }
    if (text !== '' && detail.index !== previousIndex) {
      text += '\n\n';
    }
    text += visible;
    previousIndex = detail.index;
  }
  return text;
}

/**
 * Merges streamed detail deltas into complete details. Deltas of one entry
 * share its `type` and `index`, or, without an index, continue the entry
 * before them: their text, summary and data are appended, and a signature
 * (often alone, in the last delta) is kept. Entries with different ids are
 * never merged: encrypted entries arrive whole, each with its own id, and
 * joining their `data` would corrupt the ciphertext sent back next turn.
 */
export class ReasoningDetailsAccumulator {
  private readonly details: OpenRouterReasoningDetail[] = [];
  /** Entries with an `index`, by type and index. */
  private readonly byIndex = new Map<string, OpenRouterReasoningDetail>();
  /** Entries without an `index` but with an id, by type and id. */
  private readonly byId = new Map<string, OpenRouterReasoningDetail>();
  /** Bumped on every change, so a reader can tell whether it saw the latest. */
  version = 0;

  /** OpenRouter sent `reasoning_details`, possibly empty. */
  get wasReceived() {
    return this.version > 0;
  }

  markReceived() {
    if (this.version === 0) {
      this.version = 1;
    }
  }

  add(delta: OpenRouterReasoningDetail) {
    this.version++;
    const existing = this.findEntry(delta);
    if (existing == null) {
      const entry = { ...delta };
      this.details.push(entry);
      this.remember(entry);
      return;
    }
    for (const field of ['text', 'summary', 'data'] as const) {
      const piece = delta[field];
      if (typeof piece === 'string' && piece !== '') {
        existing[field] = (existing[field] ?? '') + piece;
      }
    }
    for (const field in delta) {
      if (field === 'text' || field === 'summary' || field === 'data') {
        continue;
      }
      const value = delta[field];
      // A late signature or id fills in; an empty one never erases.
      if (value != null && value !== '') {
        existing[field] = value;
      }
    }
    this.remember(existing);
  }

  /** The entry a delta belongs to: same index, else same id, else the last. */
  private findEntry(
    delta: OpenRouterReasoningDetail,
  ): OpenRouterReasoningDetail | undefined {
    if (typeof delta.index === 'number') {
      return this.byIndex.get(`${delta.type}:${delta.index}`);
    }
    return (
      (hasId(delta) ? this.byId.get(`${delta.type}:${delta.id}`) : undefined) ??
      this.continuedEntry(delta)
    );
  }

  private remember(entry: OpenRouterReasoningDetail) {
    if (typeof entry.index === 'number') {
      this.byIndex.set(`${entry.type}:${entry.index}`, entry);
    } else if (hasId(entry)) {
      this.byId.set(`${entry.type}:${entry.id}`, entry);
    }
  }

  /**
   * Without an `index`, a delta continues the last entry when that entry is
   * of the same type, has no index either, is not finished (signed), and
   * the two do not name different ids (an id may arrive late, with the
   * signature).
   */
  private continuedEntry(
    delta: OpenRouterReasoningDetail,
  ): OpenRouterReasoningDetail | undefined {
    const last = this.details.at(-1);
    return last != null &&
      last.type === delta.type &&
      typeof last.index !== 'number' &&
      (last.signature == null || last.signature === '') &&
      !(hasId(last) && hasId(delta) && last.id !== delta.id)
      ? last
      : undefined;
  }

  /** A copy of the details so far, safe to hand out while streaming goes on. */
  snapshot(): OpenRouterReasoningDetail[] {
    return this.details.map(detail => ({ ...detail }));
  }
}

function hasId(detail: OpenRouterReasoningDetail) {
  return typeof detail.id === 'string' && detail.id !== '';
}

/** `reasoning_details` carried by a prompt part from an earlier turn. */
export function readReasoningDetails(
  providerOptions: SharedV4ProviderOptions | undefined,
): OpenRouterReasoningDetail[] | undefined {
  const details = providerOptions?.openrouter?.reasoning_details;
  return Array.isArray(details)
    ? (details as OpenRouterReasoningDetail[])
    : undefined;
}

/** Whether the details only work on the upstream that produced them. */
export function isBoundToUpstream(details: OpenRouterReasoningDetail[]) {
  return details.some(
    detail =>
      detail.type === 'reasoning.encrypted' ||
      (typeof detail.signature === 'string' && detail.signature !== ''),
  );
}

/**
 * Details that went through storage may have lost their signatures. Anthropic
 * and Gemini reject unsigned thinking text, so such entries are dropped (the
 * turn still works, without the old thinking); other formats keep them.
 */
export function prepareReplayedReasoningDetails(
  details: OpenRouterReasoningDetail[],
): OpenRouterReasoningDetail[] {
  return details.filter(
    detail =>
      !(
        detail.type === 'reasoning.text' &&
        (detail.signature == null || detail.signature === '') &&
        /anthropic|google|gemini/i.test(detail.format ?? '')
      ),
  );
}
