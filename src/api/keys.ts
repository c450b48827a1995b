import { InvalidArgumentError } from '@ai-sdk/provider';
import {
  encodePathSegment,
  lazySchema,
  zodSchema,
} from '@ai-sdk/provider-utils';
import * as z from 'zod/v4';
import {
  apiKeyWireSchema,
  currentKeyWireSchema,
  mapApiKey,
  mapCurrentKey,
  type OpenRouterApiKey,
  type OpenRouterCurrentKey,
} from './api-key';
import type {
  OpenRouterApiConfig,
  OpenRouterRequestOptions,
} from './openrouter-api-config';
import { requestOpenRouterApi } from './openrouter-api-request';
import {
  optionalBoolean,
  optionalEnum,
  optionalNumber,
  optionalString,
  optionsObject,
  requiredString,
} from './validate-options';

const LIMIT_RESETS = ['daily', 'weekly', 'monthly'] as const;

/** How often a key's credit limit resets (at midnight UTC; weeks start on Monday). */
export type OpenRouterLimitReset = (typeof LIMIT_RESETS)[number];

/** Options for `keys.list`. */
export type OpenRouterListKeysOptions = {
  /** Include disabled keys (`include_disabled`). @default false */
  includeDisabled?: boolean | undefined;
  /** Skip this many keys; OpenRouter returns up to 100 per call (`offset`). */
  offset?: number | undefined;
};

/** A new key for `keys.create`. */
export type OpenRouterCreateKeyOptions = {
  /** A name to recognise the key by. */
  name: string;
  /** A credit limit in USD; null or absent for none. */
  limit?: number | null | undefined;
  /** When the limit resets; null or absent for never. */
  limitReset?: OpenRouterLimitReset | null | undefined;
  /** Whether BYOK usage counts towards the limit. */
  includeByokInLimit?: boolean | undefined;
  /** When the key stops working: a Date or an ISO timestamp in UTC (`Z`). */
  expiresAt?: Date | string | undefined;
};

/** Changes for `keys.update`; at least one field. */
export type OpenRouterUpdateKeyOptions = {
  /** A new name. */
  name?: string | undefined;
  /** Disable (true) or re-enable (false) the key. */
  disabled?: boolean | undefined;
  /** A new credit limit in USD; null removes it. */
  limit?: number | null | undefined;
  /** A new reset period; null for never. */
  limitReset?: OpenRouterLimitReset | null | undefined;
  /** Whether BYOK usage counts towards the limit. */
  includeByokInLimit?: boolean | undefined;
};

/** The result of `keys.create`. */
export type OpenRouterCreatedKey = {
  /**
   * The new API key itself. **OpenRouter shows it only this once**: it cannot
   * be fetched again, so store it now (in a secret store, not in logs).
   */
  key: string;
  /** The new key's record; `data.hash` identifies it from now on. */
  data: OpenRouterApiKey;
};

/** The result of `keys.delete`. */
export type OpenRouterDeletedKey = {
  /** True when OpenRouter confirmed the deletion. */
  deleted: boolean;
};

const currentKeySchema = lazySchema(() =>
  zodSchema(z.looseObject({ data: currentKeyWireSchema })),
);
const keyListSchema = lazySchema(() =>
  zodSchema(z.looseObject({ data: z.array(apiKeyWireSchema) })),
);
const keySchema = lazySchema(() =>
  zodSchema(z.looseObject({ data: apiKeyWireSchema })),
);
const createdKeySchema = lazySchema(() =>
  zodSchema(z.looseObject({ data: apiKeyWireSchema, key: z.string() })),
);
// Typed as a string with a boolean-literal enum in the OpenAPI; both forms
// are accepted.
const deletedSchema = lazySchema(() =>
  zodSchema(
    z.looseObject({ deleted: z.union([z.boolean(), z.string()]).nullish() }),
  ),
);

export async function getCurrentKey(
  config: OpenRouterApiConfig,
  requestOptions?: OpenRouterRequestOptions,
): Promise<OpenRouterCurrentKey> {
  const { data } = await requestOpenRouterApi({
    config,
    method: 'GET',
    path: '/key',
    keyKind: 'inference',
    schema: currentKeySchema,
    requestOptions,
  });
  return mapCurrentKey(data);
}

export async function listKeys(
  config: OpenRouterApiConfig,
  options?: OpenRouterListKeysOptions,
  requestOptions?: OpenRouterRequestOptions,
): Promise<OpenRouterApiKey[]> {
  const method = 'keys.list';
  optionsObject(options, method);
  const includeDisabled = optionalBoolean(
    options?.includeDisabled,
    'includeDisabled',
    method,
  );
  const offset = optionalNumber(options?.offset, 'offset', method, {
    min: 0,
    integer: true,
  });
  const { data } = await requestOpenRouterApi({
    config,
    method: 'GET',
    path: '/keys',
    // OpenRouter types both query parameters as strings.
    query: {
      include_disabled: includeDisabled?.toString(),
      offset: offset?.toString(),
    },
    keyKind: 'provisioning',
    schema: keyListSchema,
    requestOptions,
  });
  return data.map(mapApiKey);
}

export async function createKey(
  config: OpenRouterApiConfig,
  options: OpenRouterCreateKeyOptions,
  requestOptions?: OpenRouterRequestOptions,
): Promise<OpenRouterCreatedKey> {
  const method = 'keys.create';
  optionsObject(options, method);
  const body = {
    name: requiredString(options?.name, 'name', method),
    ...limitFields(options ?? {}, method),
    expires_at: toUtcTimestamp(options?.expiresAt, method),
  };
  const { data, key } = await requestOpenRouterApi({
    config,
    method: 'POST',
    path: '/keys',
    body: withoutUndefined(body),
    keyKind: 'provisioning',
    schema: createdKeySchema,
    requestOptions,
    // A key may exist once the request arrived; a blind retry makes two.
    effect: 'creates-a-resource',
  });
  return { key, data: mapApiKey(data) };
}

export async function getKey(
  config: OpenRouterApiConfig,
  hash: string,
  requestOptions?: OpenRouterRequestOptions,
): Promise<OpenRouterApiKey> {
  const { data } = await requestOpenRouterApi({
    config,
    method: 'GET',
    path: keyPath(hash, 'keys.get'),
    keyKind: 'provisioning',
    schema: keySchema,
    requestOptions,
  });
  return mapApiKey(data);
}

export async function updateKey(
  config: OpenRouterApiConfig,
  hash: string,
  patch: OpenRouterUpdateKeyOptions,
  requestOptions?: OpenRouterRequestOptions,
): Promise<OpenRouterApiKey> {
  const method = 'keys.update';
  const path = keyPath(hash, method);
  optionsObject(patch, method);
  const body = withoutUndefined({
    name: optionalString(patch?.name, 'name', method),
    disabled: optionalBoolean(patch?.disabled, 'disabled', method),
    ...limitFields(patch ?? {}, method),
  });
  if (Object.keys(body).length === 0) {
    throw new InvalidArgumentError({
      argument: 'patch',
      message: `${method}: the patch must set at least one of name, disabled, limit, limitReset or includeByokInLimit.`,
    });
  }
  const { data } = await requestOpenRouterApi({
    config,
    method: 'PATCH',
    path,
    body,
    keyKind: 'provisioning',
    schema: keySchema,
    requestOptions,
  });
  return mapApiKey(data);
}

export async function deleteKey(
  config: OpenRouterApiConfig,
  hash: string,
  requestOptions?: OpenRouterRequestOptions,
): Promise<OpenRouterDeletedKey> {
  const { deleted } = await requestOpenRouterApi({
    config,
    method: 'DELETE',
    path: keyPath(hash, 'keys.delete'),
    keyKind: 'provisioning',
    schema: deletedSchema,
    requestOptions,
  });
  return { deleted: deleted === true || deleted === 'true' };
}

function keyPath(hash: unknown, method: string) {
  return `/keys/${encodePathSegment(requiredString(hash, 'hash', method))}`;
}

/** The limit fields shared by create and update; null is kept (it clears). */
function limitFields(
  options: Pick<
    OpenRouterCreateKeyOptions,
    'limit' | 'limitReset' | 'includeByokInLimit'
  >,
  method: string,
) {
  return {
    limit:
      options.limit === null
        ? null
        : optionalNumber(options.limit, 'limit', method, { min: 0 }),
    limit_reset:
      options.limitReset === null
        ? null
        : optionalEnum(options.limitReset, 'limitReset', method, LIMIT_RESETS),
    include_byok_in_limit: optionalBoolean(
      options.includeByokInLimit,
      'includeByokInLimit',
      method,
    ),
  };
}

/**
 * OpenRouter rejects expiry timestamps in other time zones, so a Date is sent
 * as UTC and a string must already be a UTC ISO timestamp.
 */
function toUtcTimestamp(value: unknown, method: string): string | undefined {
  if (value == null) {
    return undefined;
  }
  if (value instanceof Date && !Number.isNaN(value.getTime())) {
    return value.toISOString();
  }
  if (
    typeof value === 'string' &&
    /(Z|[+-]00:?00)$/.test(value) &&
    !Number.isNaN(Date.parse(value))
  ) {
    return value;
  }
  throw new InvalidArgumentError({
    argument: 'expiresAt',
    message: `${method}: expiresAt must be a valid Date or an ISO timestamp in UTC (ending in Z), got ${typeof value === 'string' ? JSON.stringify(value) : typeof value}.`,
  });
}

function withoutUndefined(record: Record<string, unknown>) {
  return Object.fromEntries(
    Object.entries(record).filter(([, value]) => value !== undefined),
  );
}
