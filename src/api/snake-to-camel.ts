/** `input_cache_read` → `inputCacheRead`, for keys OpenRouter adds later. */
export function snakeToCamel(key: string) {
  return key.replace(/_([a-z0-9])/g, (_, character: string) =>
    character.toUpperCase(),
  );
}
