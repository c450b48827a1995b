/** Reads a stream to the end. */
export async function collect<T>(stream: AsyncIterable<T> | ReadableStream<T>) {
  const parts: T[] = [];
  for await (const part of stream as AsyncIterable<T>) {
    parts.push(part);
  }
  return parts;
}

/**
 * Runs a promise but fails the test if it takes longer than `ms`. It checks
 * that something did not hang, so give it seconds: a busy machine stretches
 * every wait, and a hang never ends.
 */
export async function within<T>(ms: number, promise: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`did not settle within ${ms} ms`)),
          ms,
        );
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
