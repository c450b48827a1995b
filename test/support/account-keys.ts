import { TEST_API_KEY } from './use-emulator';

/**
 * A fake provisioning key. The emulator treats keys starting with
 * `sk-or-prov-` as provisioning keys. Its last four characters (`3210`)
 * differ from the inference key's (`cdef`), so a recorded, redacted
 * `authorization` header shows which key a request used.
 */
export const TEST_PROVISIONING_KEY = 'sk-or-prov-test-fedcba9876543210';

/** How the emulator records each key's `authorization` header. */
export const INFERENCE_AUTHORIZATION = `Bearer [REDACTED …${TEST_API_KEY.slice(-4)}]`;
export const PROVISIONING_AUTHORIZATION = `Bearer [REDACTED …${TEST_PROVISIONING_KEY.slice(-4)}]`;

/**
 * Runs `body` with the key environment variables removed, restoring them
 * afterwards, so a test controls exactly which keys exist.
 */
export async function withoutKeyEnvironment<T>(body: () => Promise<T>) {
  const saved = {
    OPENROUTER_API_KEY: process.env.OPENROUTER_API_KEY,
    OPENROUTER_PROVISIONING_KEY: process.env.OPENROUTER_PROVISIONING_KEY,
  };
  delete process.env.OPENROUTER_API_KEY;
  delete process.env.OPENROUTER_PROVISIONING_KEY;
  try {
    return await body();
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) {
        delete process.env[name];
      } else {
        process.env[name] = value;
      }
    }
  }
}
