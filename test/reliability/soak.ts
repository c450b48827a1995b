// A soak run in its own process (started by load.test.ts with --expose-gc):
// many sequential streamed calls through one provider, then a report of
// heap growth and of the sockets, timers and listeners left behind.
import { streamText } from 'ai';
import { createOpenRouter } from 'ai-sdk-openrouter';
import { createOpenRouterEmulator } from 'ai-sdk-openrouter/testing';

const calls = Number(process.env.SOAK_CALLS ?? 5000);
const gc = (globalThis as { gc?: () => void }).gc;
if (gc == null) {
  throw new Error('Run the soak with node --expose-gc.');
}

// A file read in flight (a module loading, say) is not a resource a call
// keeps; counting it made the snapshots differ by when they were taken.
const TRANSIENT_RESOURCES = new Set(['FSReqCallback', 'FSReqPromise']);

function resources() {
  const counts: Record<string, number> = {};
  for (const resource of process.getActiveResourcesInfo()) {
    if (TRANSIENT_RESOURCES.has(resource)) {
      continue;
    }
    counts[resource] = (counts[resource] ?? 0) + 1;
  }
  return counts;
}

// The emulator keeps every request it received; forget them so the heap
// figures are about the client alone.
async function settledHeap() {
  emulator.reset();
  for (let round = 0; round < 3; round++) {
    gc?.();
    await new Promise(resolve => setImmediate(resolve));
  }
  return process.memoryUsage().heapUsed;
}

const emulator = await createOpenRouterEmulator();
const openrouter = createOpenRouter({
  apiKey: 'sk-or-v1-soak-0123456789',
  baseURL: emulator.baseURL,
});
const model = openrouter('openai/gpt-4o-mini');

async function oneCall(index: number) {
  const result = streamText({ model, prompt: `call ${index}` });
  const text = await result.text;
  if (!text.includes(`You said: "call ${index}"`)) {
    throw new Error(`Call ${index} got someone else's reply: ${text}`);
  }
}

// Warm up, so that caches, the connection pool and JIT are in place.
for (let index = 0; index < 50; index++) {
  await oneCall(index);
}
const heapBefore = await settledHeap();
const resourcesBefore = resources();
const listenersBefore = process.listenerCount('warning');
const startedAt = performance.now();

for (let index = 0; index < calls; index++) {
  await oneCall(index);
}

const durationMs = performance.now() - startedAt;
const heapAfter = await settledHeap();
const resourcesAfter = resources();
await emulator.close();

process.stdout.write(
  `${JSON.stringify({
    calls,
    durationMs: Math.round(durationMs),
    heapBeforeBytes: heapBefore,
    heapAfterBytes: heapAfter,
    heapGrowthBytes: heapAfter - heapBefore,
    resourcesBefore,
    resourcesAfter,
    warningListenersBefore: listenersBefore,
    warningListenersAfter: process.listenerCount('warning'),
    openResponsesAfter: emulator.openResponses,
  })}\n`,
);
