import * as z from 'zod/v4';

// Only a key's identity (`hash`) and its all-time `usage` are required.
// OpenRouter added the period and BYOK counters over time, so an older or
// trimmed response must still parse; such a field then comes back as null.

const usageFields = {
  usage: z.number(),
  usage_daily: z.number().nullish(),
  usage_weekly: z.number().nullish(),
  usage_monthly: z.number().nullish(),
  byok_usage: z.number().nullish(),
  byok_usage_daily: z.number().nullish(),
  byok_usage_weekly: z.number().nullish(),
  byok_usage_monthly: z.number().nullish(),
};

const limitFields = {
  limit: z.number().nullish(),
  limit_remaining: z.number().nullish(),
  // An opaque string: 'monthly', 'month' and timestamps all appear.
  limit_reset: z.string().nullish(),
  include_byok_in_limit: z.boolean().nullish(),
};

export const apiKeyWireSchema = z.looseObject({
  hash: z.string(),
  name: z.string().nullish(),
  label: z.string().nullish(),
  disabled: z.boolean().nullish(),
  ...limitFields,
  ...usageFields,
  created_at: z.string().nullish(),
  updated_at: z.string().nullish(),
  expires_at: z.string().nullish(),
});

export const currentKeyWireSchema = z.looseObject({
  label: z.string().nullish(),
  ...limitFields,
  ...usageFields,
  is_free_tier: z.boolean().nullish(),
  is_provisioning_key: z.boolean().nullish(),
  rate_limit: z
    .looseObject({
      requests: z.number().nullish(),
      interval: z.string().nullish(),
      note: z.string().nullish(),
    })
    .nullish(),
});

/** Spending limits and usage in USD, shared by key records and `/key`. */
export type OpenRouterKeyUsage = {
  /** The credit limit in USD; null for no limit. */
  limit: number | null;
  /** USD left under the limit; null for no limit. */
  limitRemaining: number | null;
  /** When the limit resets, as OpenRouter sends it (e.g. `monthly`); null for never. */
  limitReset: string | null;
  /** Whether BYOK usage counts towards the limit. */
  includeByokInLimit: boolean | null;
  /** USD used, all time. */
  usage: number;
  /** USD used in the current UTC day. */
  usageDaily: number | null;
  /** USD used in the current UTC week (from Monday). */
  usageWeekly: number | null;
  /** USD used in the current UTC month. */
  usageMonthly: number | null;
  /** USD of BYOK (your own provider keys) usage, all time. */
  byokUsage: number | null;
  /** BYOK usage in the current UTC day. */
  byokUsageDaily: number | null;
  /** BYOK usage in the current UTC week. */
  byokUsageWeekly: number | null;
  /** BYOK usage in the current UTC month. */
  byokUsageMonthly: number | null;
};

/** An API key record (`/keys`); it never contains the secret itself. */
export type OpenRouterApiKey = OpenRouterKeyUsage & {
  /** The key's id for `keys.get`, `keys.update` and `keys.delete`. */
  hash: string;
  /** The name given at creation. */
  name: string | null;
  /** A masked form of the key, e.g. `sk-or-v1-0e6...b2c`. */
  label: string | null;
  /** Whether the key is disabled. */
  disabled: boolean | null;
  /** ISO timestamp of creation. */
  createdAt: string | null;
  /** ISO timestamp of the last update. */
  updatedAt: string | null;
  /** ISO timestamp after which the key stops working, if set. */
  expiresAt: string | null;
  /** The object exactly as OpenRouter sent it, unknown fields included. */
  raw: Record<string, unknown>;
};

/** The key a request was made with (`GET /key`). */
export type OpenRouterCurrentKey = OpenRouterKeyUsage & {
  /** A masked form of the key. */
  label: string | null;
  /** Whether the account has never bought credits. */
  isFreeTier: boolean | null;
  /** Whether this is a provisioning (management) key. */
  isProvisioningKey: boolean | null;
  /** Rate limit information; OpenRouter marks it deprecated. */
  rateLimit: {
    /** Requests per interval (-1 when not limited this way). */
    requests: number | null;
    /** The interval, e.g. `10s`. */
    interval: string | null;
    /** OpenRouter's note about the limit. */
    note: string | null;
  } | null;
  /** The object exactly as OpenRouter sent it, unknown fields included. */
  raw: Record<string, unknown>;
};

type KeyUsageWire = Pick<
  z.infer<typeof currentKeyWireSchema>,
  keyof typeof limitFields | keyof typeof usageFields
>;

function mapKeyUsage(key: KeyUsageWire): OpenRouterKeyUsage {
  return {
    limit: key.limit ?? null,
    limitRemaining: key.limit_remaining ?? null,
    limitReset: key.limit_reset ?? null,
    includeByokInLimit: key.include_byok_in_limit ?? null,
    usage: key.usage,
    usageDaily: key.usage_daily ?? null,
    usageWeekly: key.usage_weekly ?? null,
    usageMonthly: key.usage_monthly ?? null,
    byokUsage: key.byok_usage ?? null,
    byokUsageDaily: key.byok_usage_daily ?? null,
    byokUsageWeekly: key.byok_usage_weekly ?? null,
    byokUsageMonthly: key.byok_usage_monthly ?? null,
  };
}

export function mapApiKey(
  key: z.infer<typeof apiKeyWireSchema>,
): OpenRouterApiKey {
  return {
    hash: key.hash,
    name: key.name ?? null,
    label: key.label ?? null,
    disabled: key.disabled ?? null,
    ...mapKeyUsage(key),
    createdAt: key.created_at ?? null,
    updatedAt: key.updated_at ?? null,
    expiresAt: key.expires_at ?? null,
    raw: key,
  };
}

export function mapCurrentKey(
  key: z.infer<typeof currentKeyWireSchema>,
): OpenRouterCurrentKey {
  return {
    label: key.label ?? null,
    ...mapKeyUsage(key),
    isFreeTier: key.is_free_tier ?? null,
    isProvisioningKey: key.is_provisioning_key ?? null,
    rateLimit:
      key.rate_limit == null
        ? null
        : {
            requests: key.rate_limit.requests ?? null,
            interval: key.rate_limit.interval ?? null,
            note: key.rate_limit.note ?? null,
          },
    raw: key,
  };
}
