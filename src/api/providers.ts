import { lazySchema, zodSchema } from '@ai-sdk/provider-utils';
import * as z from 'zod/v4';
import {
  type OpenRouterCatalogueList,
  readCatalogueList,
} from './catalogue-list';
import type {
  OpenRouterApiConfig,
  OpenRouterRequestOptions,
} from './openrouter-api-config';
import { requestOpenRouterApi } from './openrouter-api-request';

/** An inference provider OpenRouter routes to (`GET /providers`). */
export type OpenRouterProviderInfo = {
  /** The display name, e.g. `Amazon Bedrock` (used by `models.parameters`). */
  name: string;
  /** The slug for routing preferences, e.g. `amazon-bedrock` (`provider.order`). */
  slug: string;
  /** The provider's privacy policy. */
  privacyPolicyUrl: string | null;
  /** The provider's terms of service. */
  termsOfServiceUrl: string | null;
  /** The provider's status page. */
  statusPageUrl: string | null;
  /** The object exactly as OpenRouter sent it, unknown fields included. */
  raw: Record<string, unknown>;
};

const providerWireSchema = z.looseObject({
  name: z.string(),
  slug: z.string(),
  privacy_policy_url: z.string().nullish(),
  terms_of_service_url: z.string().nullish(),
  status_page_url: z.string().nullish(),
});

// Checked entry by entry, so one malformed provider is skipped alone.
const providerListSchema = lazySchema(() =>
  zodSchema(z.looseObject({ data: z.array(z.unknown()) })),
);

export async function listProviders(
  config: OpenRouterApiConfig,
  requestOptions?: OpenRouterRequestOptions,
): Promise<OpenRouterCatalogueList<OpenRouterProviderInfo>> {
  const { data } = await requestOpenRouterApi({
    config,
    method: 'GET',
    path: '/providers',
    keyKind: 'inference',
    schema: providerListSchema,
    requestOptions,
  });
  return readCatalogueList(data, providerWireSchema, mapProvider, 'slug');
}

function mapProvider(
  provider: z.infer<typeof providerWireSchema>,
): OpenRouterProviderInfo {
  return {
    name: provider.name,
    slug: provider.slug,
    privacyPolicyUrl: provider.privacy_policy_url ?? null,
    termsOfServiceUrl: provider.terms_of_service_url ?? null,
    statusPageUrl: provider.status_page_url ?? null,
    raw: provider,
  };
}
