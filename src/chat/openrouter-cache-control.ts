import {
  InvalidArgumentError,
  type SharedV4ProviderOptions,
} from '@ai-sdk/provider';
import type {
  OpenRouterCacheControl,
  OpenRouterChatPrompt,
} from './openrouter-chat-api-types';

/** Anthropic, the strictest upstream, allows four cache breakpoints. */
export const MAX_CACHE_BREAKPOINTS = 4;

/**
 * The cache breakpoint set on a message or part, if any. The spellings users
 * already write for other providers are accepted too:
 * `providerOptions.openrouter.cacheControl` (or `cache_control`) and
 * `providerOptions.anthropic.cacheControl`.
 */
export function readCacheControl(
  providerOptions: SharedV4ProviderOptions | undefined,
): OpenRouterCacheControl | undefined {
  const value =
    providerOptions?.openrouter?.cacheControl ??
    providerOptions?.openrouter?.cache_control ??
    providerOptions?.anthropic?.cacheControl ??
    providerOptions?.anthropic?.cache_control;
  if (value == null) {
    return undefined;
  }
  const { type, ttl } = value as { type?: unknown; ttl?: unknown };
  if (
    type !== 'ephemeral' ||
    (ttl !== undefined && ttl !== '5m' && ttl !== '1h')
  ) {
    throw new InvalidArgumentError({
      argument: 'providerOptions.openrouter.cacheControl',
      message: `Invalid providerOptions.openrouter.cacheControl: expected { type: 'ephemeral', ttl?: '5m' | '1h' }, got ${JSON.stringify(value)}.`,
    });
  }
  return ttl === undefined ? { type } : { type, ttl };
}

/**
 * Counts the breakpoints in converted messages. The converter puts them on
 * content blocks only, so only those are looked at: the rest of the body
 * (reasoning blobs, tool calls) is never walked.
 */
export function countCacheBreakpoints(messages: OpenRouterChatPrompt): number {
  let count = 0;
  for (const message of messages) {
    const { content } = message;
    if (Array.isArray(content)) {
      for (const part of content) {
        if (part.cache_control != null) {
          count++;
        }
      }
    }
  }
  return count;
}
