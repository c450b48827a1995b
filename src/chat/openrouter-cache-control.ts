import {
  InvalidArgumentError,
  type SharedV4ProviderOptions,
} from '@ai-sdk/provider';
import type { OpenRouterCacheControl } from './openrouter-chat-api-types';

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

/** Counts `cache_control` markers anywhere in a request body. */
export function countCacheBreakpoints(value: unknown): number {
  if (Array.isArray(value)) {
    let count = 0;
    for (const item of value) {
      count += countCacheBreakpoints(item);
    }
    return count;
  }
  if (typeof value !== 'object' || value === null) {
    return 0;
  }
  let count = 0;
  for (const [key, child] of Object.entries(value)) {
    if (key === 'cache_control' && child != null) {
      count++;
    } else if (typeof child === 'object') {
      count += countCacheBreakpoints(child);
    }
  }
  return count;
}
