import { createHash } from 'node:crypto';
import { EMULATOR_SEED_KEYS } from './emulator-account-fixtures';
import { areaState, type EmulatorContext } from './emulator-routes';
import type { OpenRouterEmulatorOptions } from './emulator-types';

/** A key record and, for keys the emulator issued, its secret. */
export type EmulatedKey = {
  record: Record<string, unknown> & { hash: string };
  secret?: string | undefined;
};

/** An OAuth authorization code waiting to be exchanged. */
export type EmulatedAuthCode = {
  codeChallenge?: string | undefined;
  codeChallengeMethod: 'S256' | 'plain';
  callbackUrl: string;
  limit?: number | undefined;
};

/** The mutable account state of one emulator, emptied by `reset()`. */
export type EmulatorAccountState = {
  /** Key records by hash, in creation order. */
  keys: Map<string, EmulatedKey>;
  /** Open authorization codes by code. */
  authCodes: Map<string, EmulatedAuthCode>;
  /** 0, 1, 2, … for issued keys and codes. */
  nextId: () => number;
};

const STATE_KEY = 'account';

export function accountState(context: EmulatorContext): EmulatorAccountState {
  return areaState(context, STATE_KEY, () => {
    let id = 0;
    return {
      keys: new Map(
        EMULATOR_SEED_KEYS.map(record => [
          record.hash as string,
          { record: structuredClone(record) as EmulatedKey['record'] },
        ]),
      ),
      authCodes: new Map(),
      nextId: () => id++,
    };
  });
}

/**
 * Whether a bearer token is a provisioning key: listed in the emulator's
 * `provisioningKeys` option, or starting with `sk-or-prov-`.
 */
export function isProvisioningKey(
  token: string | undefined,
  options: OpenRouterEmulatorOptions,
): boolean {
  return (
    token != null &&
    (token.startsWith('sk-or-prov-') ||
      (options.provisioningKeys?.includes(token) ?? false))
  );
}

/** Deterministic hex, so issued keys and codes are the same on every run. */
export function emulatorHex(seed: string) {
  return createHash('sha256').update(seed).digest('hex');
}

/** OpenRouter's masked form of a key, e.g. `sk-or-v1-f01...943`. */
export function keyLabel(secret: string) {
  return `${secret.slice(0, 12)}...${secret.slice(-3)}`;
}

/** A timestamp a second after 2026-01-01 per id, for stable records. */
export function emulatorTimestamp(id: number) {
  return new Date(Date.UTC(2026, 0, 1) + id * 1000).toISOString();
}

/** Registers a new inference key and returns its record and secret. */
export function issueKey(
  state: EmulatorAccountState,
  fields: {
    name: string;
    limit?: number | null | undefined;
    limitReset?: string | null | undefined;
    includeByokInLimit?: boolean | undefined;
    expiresAt?: string | null | undefined;
  },
): EmulatedKey & { secret: string } {
  const id = state.nextId();
  const secret = `sk-or-v1-${emulatorHex(`emulator-key-${id}`)}`;
  const limit = fields.limit ?? null;
  const record = {
    hash: emulatorHex(secret),
    name: fields.name,
    label: keyLabel(secret),
    disabled: false,
    limit,
    limit_remaining: limit,
    limit_reset: fields.limitReset ?? null,
    include_byok_in_limit: fields.includeByokInLimit ?? false,
    usage: 0,
    usage_daily: 0,
    usage_weekly: 0,
    usage_monthly: 0,
    byok_usage: 0,
    byok_usage_daily: 0,
    byok_usage_weekly: 0,
    byok_usage_monthly: 0,
    created_at: emulatorTimestamp(id),
    updated_at: null,
    expires_at: fields.expiresAt ?? null,
  };
  const key = { record, secret };
  state.keys.set(record.hash, key);
  return key;
}

/** The issued key a bearer token belongs to, if the emulator issued it. */
export function findIssuedKey(
  state: EmulatorAccountState,
  token: string | undefined,
): EmulatedKey | undefined {
  if (token == null) {
    return undefined;
  }
  for (const key of state.keys.values()) {
    if (key.secret === token) {
      return key;
    }
  }
  return undefined;
}
