import type { APICallError } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import { TEST_API_KEY, useEmulator } from './support/use-emulator';

const CUSTOM_PROVISIONING_KEY = 'custom-management-key-4242';

const server = useEmulator({
  apiKeys: [TEST_API_KEY],
  provisioningKeys: [CUSTOM_PROVISIONING_KEY],
});

async function capture(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return error as APICallError;
  }
  throw new Error('Expected the call to fail.');
}

describe('emulator key kinds and account state', () => {
  it('treats keys listed in provisioningKeys as provisioning keys, also with apiKeys set', async () => {
    const openrouter = server.createProvider({
      provisioningKey: CUSTOM_PROVISIONING_KEY,
    });

    expect((await openrouter.credits.get()).totalCredits).toBe(50);
    const current = await server
      .createProvider({ apiKey: CUSTOM_PROVISIONING_KEY })
      .keys.current();
    expect(current.isProvisioningKey).toBe(true);
  });

  it('refuses inference keys on provisioning endpoints and unknown keys everywhere', async () => {
    const inference = await capture(server.createProvider().activity.list());
    const unknown = await capture(
      server
        .createProvider({ apiKey: 'sk-or-v1-unknown-000000' })
        .models.count(),
    );

    expect(inference.statusCode).toBe(403);
    expect(unknown.statusCode).toBe(401);
    expect(unknown.message).toContain('User not found.');
  });

  it('forgets created keys on reset', async () => {
    const openrouter = server.createProvider({
      provisioningKey: CUSTOM_PROVISIONING_KEY,
    });
    const { data } = await openrouter.keys.create({ name: 'Temporary' });
    expect((await openrouter.keys.get(data.hash)).name).toBe('Temporary');

    server.emulator.reset();

    expect((await capture(openrouter.keys.get(data.hash))).statusCode).toBe(
      404,
    );
    expect((await openrouter.keys.list()).map(key => key.name)).toStrictEqual([
      'Production',
      'CI',
    ]);
  });
});
