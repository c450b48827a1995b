// Its own module so that importing the constant does not bring in the
// model class.

/**
 * How many texts go in one request. OpenAI-compatible embedding endpoints
 * take up to 2,048 inputs; `embedMany` splits larger batches into calls of
 * this size and runs them in parallel.
 */
export const OPENROUTER_MAX_EMBEDDINGS_PER_CALL = 2048;
