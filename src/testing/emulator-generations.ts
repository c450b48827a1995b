import { EMULATOR_GENERATIONS, generation } from './emulator-account-fixtures';
import type { EmulatedChatReply, EmulatedUsage } from './emulator-chat-model';
import { areaState, type EmulatorContext } from './emulator-routes';

/** A completion the emulator answered itself (scripted replies are not kept). */
export type ServedGeneration = {
  id: string;
  /** Unix seconds, as in the reply's `created`. */
  created: number;
  model: string;
  provider: string;
  usage: EmulatedUsage;
  finishReason: string;
  streamed: boolean;
  /** The request's `user`, which OpenRouter stores as `external_user`. */
  user: unknown;
};

const STATE_KEY = 'generations';

function servedGenerations(context: EmulatorContext) {
  return areaState(
    context,
    STATE_KEY,
    () => new Map<string, Record<string, unknown>>(),
  );
}

/**
 * Keeps a record of a served completion, so that `GET /generation?id=` with
 * the reply's id answers as OpenRouter does, with the cost the reply's usage
 * reported. The emulator does not time anything, so latency and generation
 * time are left null.
 */
export function recordServedGeneration(
  context: EmulatorContext,
  served: ServedGeneration,
) {
  if (context.scripted) {
    return;
  }
  const { usage } = served;
  servedGenerations(context).set(
    served.id,
    generation({
      id: served.id,
      upstream_id: null,
      total_cost: usage.cost,
      cache_discount: null,
      usage: usage.cost,
      created_at: new Date(served.created * 1000).toISOString(),
      model: served.model,
      provider_name: served.provider,
      streamed: served.streamed,
      latency: null,
      generation_time: null,
      finish_reason: served.finishReason,
      native_finish_reason: served.finishReason,
      tokens_prompt: usage.prompt_tokens,
      tokens_completion: usage.completion_tokens,
      native_tokens_prompt: usage.prompt_tokens,
      native_tokens_completion: usage.completion_tokens,
      native_tokens_reasoning: usage.completion_tokens_details.reasoning_tokens,
      native_tokens_cached: usage.prompt_tokens_details.cached_tokens,
      external_user: typeof served.user === 'string' ? served.user : null,
    }),
  );
}

/**
 * Keeps a chat reply the emulator served (on `/chat/completions` or
 * `/responses`, the default model's or a scripted one), as
 * `recordServedGeneration` does.
 */
export function recordServedReply(
  context: EmulatorContext,
  reply: EmulatedChatReply,
  { streamed, user }: { streamed: boolean; user: unknown },
) {
  recordServedGeneration(context, {
    id: reply.id,
    created: reply.created,
    model: reply.model,
    provider: reply.provider,
    usage: reply.usage,
    finishReason: reply.finishReason,
    streamed,
    user,
  });
}

/** A served completion's record, else one of the fixture records. */
export function findGeneration(context: EmulatorContext, id: string) {
  return servedGenerations(context).get(id) ?? EMULATOR_GENERATIONS.get(id);
}
