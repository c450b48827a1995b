import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { streamText } from 'ai';
import { describe, expect, it } from 'vitest';
import { within } from '../support/collect';
import { useEmulator } from '../support/use-emulator';

const server = useEmulator();
const run = promisify(execFile);

/** Growth allowed for 5,000 calls: about 800 bytes a call would exceed it. */
const HEAP_GROWTH_BOUND_BYTES = 4 * 1024 * 1024;

describe('load', () => {
  it('200 concurrent streams through one provider each get exactly their own reply', async () => {
    const model = server.createProvider()('openai/gpt-4o-mini');

    const texts = await within(
      60_000,
      Promise.all(
        Array.from(
          { length: 200 },
          (_, index) => streamText({ model, prompt: `request ${index}` }).text,
        ),
      ),
    );

    expect(texts).toHaveLength(200);
    texts.forEach((text, index) => {
      expect(text).toBe(
        `Hello from the OpenRouter emulator. You said: "request ${index}". This reply is deterministic, so tests can rely on it.`,
      );
    });
    expect(server.emulator.requests).toHaveLength(200);
    expect(server.emulator.openResponses).toBe(0);
  });

  it('a soak of 5,000 sequential streamed calls leaks no memory, sockets, timers or listeners', async () => {
    const { stdout } = await run(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', 'test/reliability/soak.ts'],
      { env: { ...process.env, SOAK_CALLS: '5000' }, timeout: 180_000 },
    );
    const report = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}');

    expect(report.calls).toBe(5000);
    expect(report.heapGrowthBytes).toBeLessThan(HEAP_GROWTH_BOUND_BYTES);
    // Keep-alive sockets are reused, so their number stays where it was.
    expect(report.resourcesAfter).toStrictEqual(report.resourcesBefore);
    expect(report.warningListenersAfter).toBe(report.warningListenersBefore);
    expect(report.openResponsesAfter).toBe(0);
  }, 200_000);
});
