import {
  EMULATOR_ACTIVITY,
  EMULATOR_CREDITS,
  EMULATOR_CURRENT_KEY_USAGE,
} from './emulator-account-fixtures';
import {
  accountState,
  emulatorHex,
  emulatorTimestamp,
  findIssuedKey,
  isProvisioningKey,
  issueKey,
  keyLabel,
} from './emulator-account-state';
import { findGeneration } from './emulator-generations';
import {
  decodePathSegment,
  type EmulatorContext,
  type EmulatorReply,
  type EmulatorRequest,
  type EmulatorRoute,
  errorReply,
  jsonReply,
} from './emulator-routes';

const LIMIT_RESETS = ['daily', 'weekly', 'monthly'];

/**
 * Key info, key management, credits, generations and activity. Key
 * management answers an inference key with 401, credits and activity with
 * 403, following OpenRouter's documented answers.
 */
export const accountRoutes: EmulatorRoute[] = [
  {
    method: 'GET',
    path: '/key',
    handle(request, context) {
      const issued = findIssuedKey(accountState(context), request.bearerToken);
      const token = request.bearerToken ?? '';
      const data = issued
        ? {
            ...pick(issued.record, [
              'label',
              'limit',
              'limit_remaining',
              'limit_reset',
              'include_byok_in_limit',
              'usage',
              'usage_daily',
              'usage_weekly',
              'usage_monthly',
              'byok_usage',
              'byok_usage_daily',
              'byok_usage_weekly',
              'byok_usage_monthly',
            ]),
            is_free_tier: EMULATOR_CURRENT_KEY_USAGE.is_free_tier,
            rate_limit: EMULATOR_CURRENT_KEY_USAGE.rate_limit,
          }
        : { label: keyLabel(token), ...EMULATOR_CURRENT_KEY_USAGE };
      return jsonReply({
        data: {
          ...data,
          is_provisioning_key: isProvisioningKey(
            request.bearerToken,
            context.options,
          ),
        },
      });
    },
  },
  {
    method: 'GET',
    path: '/keys',
    handle: requireKeyManagement((request, context) => {
      const includeDisabled = request.query.get('include_disabled') === 'true';
      const offset = Number(request.query.get('offset') ?? '0');
      if (!Number.isInteger(offset) || offset < 0) {
        return errorReply(400, 'Invalid offset');
      }
      const records = [...accountState(context).keys.values()]
        .map(key => key.record)
        .filter(record => includeDisabled || record.disabled !== true);
      return jsonReply({ data: records.slice(offset, offset + 100) });
    }),
  },
  {
    method: 'POST',
    path: '/keys',
    handle: requireKeyManagement((request, context) => {
      const body = asRecord(request.body);
      const invalid = validateKeyFields(body, { create: true });
      if (invalid != null) {
        return errorReply(400, invalid);
      }
      const issued = issueKey(accountState(context), {
        name: body.name as string,
        limit: body.limit as number | null | undefined,
        limitReset: body.limit_reset as string | null | undefined,
        includeByokInLimit: body.include_byok_in_limit as boolean | undefined,
        expiresAt: body.expires_at as string | undefined,
      });
      return jsonReply({ data: issued.record, key: issued.secret }, 201);
    }),
  },
  {
    method: 'GET',
    path: /^\/keys\/[^/]+$/,
    handle: requireKeyManagement((request, context) => {
      const key = accountState(context).keys.get(hashFromPath(request.path));
      return key == null ? keyNotFound() : jsonReply({ data: key.record });
    }),
  },
  {
    method: 'PATCH',
    path: /^\/keys\/[^/]+$/,
    handle: requireKeyManagement((request, context) => {
      const key = accountState(context).keys.get(hashFromPath(request.path));
      if (key == null) {
        return keyNotFound();
      }
      const body = asRecord(request.body);
      const invalid = validateKeyFields(body, { create: false });
      if (invalid != null) {
        return errorReply(400, invalid);
      }
      for (const field of [
        'name',
        'disabled',
        'limit',
        'limit_reset',
        'include_byok_in_limit',
      ]) {
        if (field in body) {
          key.record[field] = body[field];
        }
      }
      if ('limit' in body) {
        const limit = body.limit as number | null;
        key.record.limit_remaining =
          limit == null ? null : limit - (key.record.usage as number);
      }
      key.record.updated_at = emulatorTimestamp(accountState(context).nextId());
      return jsonReply({ data: key.record });
    }),
  },
  {
    method: 'DELETE',
    path: /^\/keys\/[^/]+$/,
    handle: requireKeyManagement((request, context) => {
      const deleted = accountState(context).keys.delete(
        hashFromPath(request.path),
      );
      return deleted ? jsonReply({ deleted: true }) : keyNotFound();
    }),
  },
  {
    method: 'GET',
    path: '/credits',
    handle(request, context) {
      if (!isProvisioningKey(request.bearerToken, context.options)) {
        return errorReply(403, 'Only provisioning keys can fetch credits');
      }
      return jsonReply({ data: EMULATOR_CREDITS });
    },
  },
  {
    method: 'POST',
    path: '/credits/coinbase',
    handle(request, context) {
      const body = asRecord(request.body);
      if (
        typeof body.amount !== 'number' ||
        body.amount <= 0 ||
        typeof body.sender !== 'string' ||
        !/^0x[0-9a-fA-F]{40}$/.test(body.sender) ||
        typeof body.chain_id !== 'number'
      ) {
        return errorReply(
          400,
          'amount (USD), sender (an EVM address) and chain_id are required',
        );
      }
      const id = accountState(context).nextId();
      const chargeId = emulatorHex(`emulator-charge-${id}`);
      return jsonReply({
        data: {
          id: `charge-${chargeId.slice(0, 12)}`,
          created_at: emulatorTimestamp(id),
          expires_at: emulatorTimestamp(id + 3600),
          web3_data: {
            transfer_intent: {
              metadata: {
                chain_id: body.chain_id,
                contract_address: '0x03059433bcdb6144624cc2443159d9445c32b7a8',
                sender: body.sender,
              },
              call_data: {
                deadline: emulatorTimestamp(id + 3600),
                fee_amount: String(Math.round(body.amount * 5000)),
                id: `0x${chargeId.slice(0, 32)}`,
                operator: '0x8fccd9b2a1c6e9f4a8b1b3b1a1b2c3d4e5f6a7b8',
                prefix: '0x4b3220496e746f',
                recipient: '0x9a8f0b2c1d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a',
                recipient_amount: String(Math.round(body.amount * 1_000_000)),
                recipient_currency:
                  '0x833589fcd6edb6e08f4c7c32d4f71b54bda02913',
                refund_destination: body.sender,
                signature: `0x${emulatorHex(`emulator-signature-${id}`)}`,
              },
            },
          },
        },
      });
    },
  },
  {
    method: 'GET',
    path: '/generation',
    handle(request, context) {
      const id = request.query.get('id');
      if (id == null || id === '') {
        return errorReply(400, 'Missing required query parameter: id');
      }
      const record = findGeneration(context, id);
      return record == null
        ? errorReply(404, `Generation ${id} not found`)
        : jsonReply({ data: record });
    },
  },
  {
    method: 'GET',
    path: '/activity',
    handle(request, context) {
      if (!isProvisioningKey(request.bearerToken, context.options)) {
        return errorReply(403, 'Only provisioning keys can fetch activity');
      }
      const date = request.query.get('date');
      if (
        date != null &&
        (!/^\d{4}-\d{2}-\d{2}$/.test(date) ||
          Number.isNaN(Date.parse(`${date}T00:00:00Z`)))
      ) {
        return errorReply(400, 'Invalid date format or date range');
      }
      return jsonReply({
        data: EMULATOR_ACTIVITY.filter(
          item => date == null || item.date === date,
        ),
      });
    },
  },
];

type Handler = (
  request: EmulatorRequest,
  context: EmulatorContext,
) => EmulatorReply;

function requireKeyManagement(handler: Handler): Handler {
  return (request, context) =>
    isProvisioningKey(request.bearerToken, context.options)
      ? handler(request, context)
      : errorReply(401, 'Only provisioning keys can manage API keys');
}

function keyNotFound() {
  return errorReply(404, 'API key not found');
}

function hashFromPath(path: string) {
  return decodePathSegment(path.slice('/keys/'.length));
}

/** Checks the create and update fields the way OpenRouter's API does. */
function validateKeyFields(
  body: Record<string, unknown>,
  { create }: { create: boolean },
): string | undefined {
  if (
    (create || 'name' in body) &&
    (typeof body.name !== 'string' || body.name.trim() === '')
  ) {
    return 'name must be a non-empty string';
  }
  if (
    body.limit != null &&
    (typeof body.limit !== 'number' || body.limit < 0)
  ) {
    return 'limit must be a non-negative number or null';
  }
  if (
    body.limit_reset != null &&
    !LIMIT_RESETS.includes(body.limit_reset as string)
  ) {
    return 'limit_reset must be daily, weekly, monthly or null';
  }
  if (
    'include_byok_in_limit' in body &&
    typeof body.include_byok_in_limit !== 'boolean'
  ) {
    return 'include_byok_in_limit must be a boolean';
  }
  if ('disabled' in body && typeof body.disabled !== 'boolean') {
    return 'disabled must be a boolean';
  }
  if (
    body.expires_at != null &&
    (typeof body.expires_at !== 'string' ||
      !/(Z|[+-]00:?00)$/.test(body.expires_at) ||
      Number.isNaN(Date.parse(body.expires_at)))
  ) {
    return 'expires_at must be an ISO 8601 timestamp in UTC';
  }
  return undefined;
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function pick(record: Record<string, unknown>, keys: string[]) {
  return Object.fromEntries(keys.map(key => [key, record[key]]));
}
