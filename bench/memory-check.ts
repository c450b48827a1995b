/**
 * Drains a long plain-text stream through our `doStream` and reports how much
 * the heap grew while the stream was still open, after a full collection:
 * memory held per chunk would show up here. Run with --expose-gc, as
 * `memory-check.ts <server origin> <chunk count>`.
 */
import { createOpenRouter } from '../src/index.ts';

const [origin, chunkCountArgument] = process.argv.slice(2);
const chunkCount = Number(chunkCountArgument);
const collectGarbage = (globalThis as { gc?: () => void }).gc;
if (origin == null || !(chunkCount > 1) || collectGarbage == null) {
  throw new Error(
    'Usage: node --expose-gc --import tsx bench/memory-check.ts <origin> <chunk count>',
  );
}

const encoder = new TextEncoder();

async function drainText(count: number, onDelta?: (deltas: number) => void) {
  const model = createOpenRouter({
    apiKey: 'sk-or-bench',
    baseURL: `${origin}/text-2k/${count}`,
  }).chat('openai/gpt-4o-mini');
  const { stream } = await model.doStream({
    prompt: [{ role: 'user', content: [{ type: 'text', text: 'Hi' }] }],
  });
  const reader = stream.getReader();
  let textBytes = 0;
  let deltas = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) {
      return { textBytes, deltas };
    }
    if (value.type === 'text-delta') {
      textBytes += encoder.encode(value.delta).length;
      deltas++;
      onDelta?.(deltas);
    }
  }
}

// A short run first, so that compiled code and loaded modules are not
// counted as growth.
await drainText(2_000);
collectGarbage();
const heapBefore = process.memoryUsage().heapUsed;

let retainedBytes = Number.NaN;
let peakBytes = 0;
const { textBytes, deltas } = await drainText(chunkCount, count => {
  if (count % 1_000 === 0) {
    peakBytes = Math.max(
      peakBytes,
      process.memoryUsage().heapUsed - heapBefore,
    );
  }
  // Measured just before the last delta, while the stream and its state
  // are alive: what survives a collection here is what was kept.
  if (count === chunkCount - 1) {
    collectGarbage();
    retainedBytes = process.memoryUsage().heapUsed - heapBefore;
  }
});

process.stdout.write(
  `${JSON.stringify({ chunkCount, deltas, textBytes, retainedBytes, peakBytes })}\n`,
);
