import { generateId } from '@ai-sdk/provider-utils';

/**
 * Hands out tool call ids that are distinct across the whole conversation.
 * Some upstreams restart their ids every step (`call_0`, `call_1`, …), and
 * the AI SDK pairs results with calls by id, so a repeated id would attach a
 * result to the wrong call. A call keeps its own id when it is new; a
 * repeated one gets a suffix, and a missing one a fresh id. Generate and
 * stream both take their ids from here.
 */
export class ToolCallIds {
  private readonly taken = new Set<string>();

  constructor(private readonly inConversation?: ReadonlySet<string>) {}

  take(id: string | null | undefined): string {
    let distinct = id != null && id.trim() !== '' ? id : generateId();
    while (this.isTaken(distinct)) {
      distinct = `${distinct}-${generateId()}`;
    }
    this.taken.add(distinct);
    return distinct;
  }

  private isTaken(id: string) {
    return this.taken.has(id) || this.inConversation?.has(id) === true;
  }
}
