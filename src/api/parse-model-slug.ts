import { InvalidArgumentError } from '@ai-sdk/provider';

const SEGMENT = /^[A-Za-z0-9][\w.\-~]*$/;

/**
 * Splits `author/slug` for the per-model endpoints. A variant suffix such as
 * `:free` or `:nitro` is dropped, because it selects a routing variant of the
 * same model and is not part of the catalogue path: `meta-llama/llama-3.3-70b-
 * instruct:free` looks up `meta-llama/llama-3.3-70b-instruct`.
 *
 * Anything else throws `InvalidArgumentError` before a request is made, so a
 * typo does not turn into a confusing 404.
 */
export function parseModelSlug(
  model: unknown,
  method: string,
): { author: string; slug: string } {
  if (typeof model === 'string') {
    const [withoutVariant] = model.trim().split(':');
    const parts = withoutVariant.split('/');
    if (
      parts.length === 2 &&
      SEGMENT.test(parts[0]) &&
      SEGMENT.test(parts[1]) &&
      parts[1] !== '.' &&
      parts[1] !== '..'
    ) {
      return { author: parts[0], slug: parts[1] };
    }
  }
  throw new InvalidArgumentError({
    argument: 'model',
    message: `${method} expects a model id of the form 'author/slug' (for example 'openai/gpt-4o'), got ${describe(model)}.`,
  });
}

function describe(value: unknown) {
  if (typeof value !== 'string') {
    return value === null ? 'null' : typeof value;
  }
  const shown = value.length > 80 ? `${value.slice(0, 80)}…` : value;
  return JSON.stringify(shown);
}
