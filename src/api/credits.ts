import { lazySchema, zodSchema } from '@ai-sdk/provider-utils';
import * as z from 'zod/v4';
import type {
  OpenRouterApiConfig,
  OpenRouterRequestOptions,
} from './openrouter-api-config';
import { requestOpenRouterApi } from './openrouter-api-request';
import { snakeToCamel } from './snake-to-camel';
import {
  optionsObject,
  requiredNumber,
  requiredString,
} from './validate-options';

/** The account's credit balance (`GET /credits`), in USD. */
export type OpenRouterCredits = {
  /** Credits ever bought or granted. */
  totalCredits: number;
  /** Credits ever used. */
  totalUsage: number;
  /**
   * `totalCredits - totalUsage`. OpenRouter caches both figures for up to 60
   * seconds, so polling faster does not show newer numbers.
   */
  remaining: number;
  /** The object exactly as OpenRouter sent it, unknown fields included. */
  raw: Record<string, unknown>;
};

/** A crypto credit purchase for `credits.createCoinbaseCharge`. */
export type OpenRouterCoinbaseChargeOptions = {
  /** Credits to buy, in USD. */
  amount: number;
  /** The paying wallet's EVM address. */
  sender: string;
  /** The EVM chain id, e.g. 8453 for Base or 1 for Ethereum. */
  chainId: number;
};

/** The on-chain call data for a Coinbase charge (`POST /credits/coinbase`). */
export type OpenRouterCoinbaseCharge = {
  /** The charge id. */
  id: string | null;
  /** ISO timestamp of creation. */
  createdAt: string | null;
  /** ISO timestamp after which the charge can no longer be paid. */
  expiresAt: string | null;
  /** What to send to Coinbase's onchain payment protocol contract. */
  transferIntent: {
    /** The contract to call, and the chain and sender it was made for. */
    metadata: {
      /** Address of the payment contract. */
      contractAddress: string | null;
      /** The chain id. */
      chainId: number | null;
      /** The paying address. */
      sender: string | null;
    };
    /** The intent's fields, as strings, ready for the contract call. */
    callData: Record<string, string>;
  } | null;
  /** The `data` object exactly as OpenRouter sent it. */
  raw: Record<string, unknown>;
};

const creditsSchema = lazySchema(() =>
  zodSchema(
    z.looseObject({
      data: z.looseObject({
        total_credits: z.number(),
        total_usage: z.number(),
      }),
    }),
  ),
);

const coinbaseChargeSchema = lazySchema(() =>
  zodSchema(
    z.looseObject({
      data: z.looseObject({
        id: z.string().nullish(),
        created_at: z.string().nullish(),
        expires_at: z.string().nullish(),
        web3_data: z
          .looseObject({
            transfer_intent: z
              .looseObject({
                metadata: z
                  .looseObject({
                    contract_address: z.string().nullish(),
                    chain_id: z.number().nullish(),
                    sender: z.string().nullish(),
                  })
                  .nullish(),
                call_data: z.record(z.string(), z.unknown()).nullish(),
              })
              .nullish(),
          })
          .nullish(),
      }),
    }),
  ),
);

export async function getCredits(
  config: OpenRouterApiConfig,
  requestOptions?: OpenRouterRequestOptions,
): Promise<OpenRouterCredits> {
  const { data } = await requestOpenRouterApi({
    config,
    method: 'GET',
    path: '/credits',
    keyKind: 'provisioning',
    schema: creditsSchema,
    requestOptions,
  });
  return {
    totalCredits: data.total_credits,
    totalUsage: data.total_usage,
    // Rounded to a millionth of a cent, so 10 - 9.9 is 0.1, not 0.0999…
    remaining: Math.round((data.total_credits - data.total_usage) * 1e8) / 1e8,
    raw: data,
  };
}

export async function createCoinbaseCharge(
  config: OpenRouterApiConfig,
  options: OpenRouterCoinbaseChargeOptions,
  requestOptions?: OpenRouterRequestOptions,
): Promise<OpenRouterCoinbaseCharge> {
  const method = 'credits.createCoinbaseCharge';
  optionsObject(options, method);
  const body = {
    amount: requiredNumber(options?.amount, 'amount', method, { min: 0 }),
    sender: requiredString(options?.sender, 'sender', method),
    chain_id: requiredNumber(options?.chainId, 'chainId', method, {
      min: 1,
      integer: true,
    }),
  };
  const { data } = await requestOpenRouterApi({
    config,
    method: 'POST',
    path: '/credits/coinbase',
    body,
    keyKind: 'provisioning',
    schema: coinbaseChargeSchema,
    requestOptions,
    // A charge may exist once the request arrived; a retry makes another.
    effect: 'creates-a-resource',
  });
  const intent = data.web3_data?.transfer_intent;
  return {
    id: data.id ?? null,
    createdAt: data.created_at ?? null,
    expiresAt: data.expires_at ?? null,
    transferIntent:
      intent == null
        ? null
        : {
            metadata: {
              contractAddress: intent.metadata?.contract_address ?? null,
              chainId: intent.metadata?.chain_id ?? null,
              sender: intent.metadata?.sender ?? null,
            },
            callData: stringifyValues(intent.call_data ?? {}),
          },
    raw: data,
  };
}

// The call data goes into a contract call where amounts become BigInts, so
// every value is handed over as a string, camelCased like the contract's ABI.
function stringifyValues(record: Record<string, unknown>) {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(record)) {
    if (value != null) {
      result[snakeToCamel(key)] = String(value);
    }
  }
  return result;
}
