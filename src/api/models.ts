import {
  encodePathSegment,
  lazySchema,
  zodSchema,
} from '@ai-sdk/provider-utils';
import * as z from 'zod/v4';
import {
  type OpenRouterCatalogueList,
  readCatalogueList,
} from './catalogue-list';
import { mapModel, modelWireSchema, type OpenRouterModel } from './model';
import {
  mapModelEndpoint,
  mapModelEndpoints,
  modelEndpointsWireSchema,
  modelEndpointWireSchema,
  type OpenRouterModelEndpoint,
  type OpenRouterModelEndpoints,
} from './model-endpoint';
import type {
  OpenRouterApiConfig,
  OpenRouterRequestOptions,
} from './openrouter-api-config';
import {
  type OpenRouterKeyKind,
  requestOpenRouterApi,
} from './openrouter-api-request';
import { parseModelSlug } from './parse-model-slug';
import {
  optionalString,
  optionalStringList,
  optionsObject,
} from './validate-options';

/** Filters for `models.list`. */
export type OpenRouterListModelsOptions = {
  /** Only models of this category, e.g. `programming` (`category`). */
  category?: string | undefined;
  /**
   * Only models supporting these request parameters, e.g. `['tools']`
   * (`supported_parameters`, sent comma-separated).
   */
  supportedParameters?: string | string[] | undefined;
  /**
   * Only models that produce one of these outputs (`output_modalities`,
   * sent comma-separated): `text`, `image`, `embeddings`, `audio`, `video`,
   * `rerank`, `decisions`, `speech`, `transcription`, or `'all'`. Without
   * it OpenRouter lists the models that produce text.
   */
  outputModalities?: string | string[] | undefined;
};

/** Options for `models.parameters`. */
export type OpenRouterModelParametersOptions = {
  /** The parameters of one provider's endpoint, by display name, e.g. `'Google AI Studio'`. */
  provider?: string | undefined;
};

/** A model's supported request parameters (`GET /parameters/{author}/{slug}`). */
export type OpenRouterModelParameters = {
  /** The model id. */
  model: string;
  /** The request parameters it supports, e.g. `tools`, `temperature`. */
  supportedParameters: string[];
  /** The object exactly as OpenRouter sent it, unknown fields included. */
  raw: Record<string, unknown>;
};

// Catalogue lists are checked entry by entry (see `readCatalogueList`), so
// their schemas only require an array.
const catalogueListSchema = lazySchema(() =>
  zodSchema(z.looseObject({ data: z.array(z.unknown()) })),
);

const countSchema = lazySchema(() =>
  zodSchema(z.looseObject({ data: z.looseObject({ count: z.number() }) })),
);

const endpointsSchema = lazySchema(() =>
  zodSchema(z.looseObject({ data: modelEndpointsWireSchema })),
);

const parametersSchema = lazySchema(() =>
  zodSchema(
    z.looseObject({
      data: z.looseObject({
        model: z.string(),
        supported_parameters: z.array(z.string()).nullish(),
      }),
    }),
  ),
);

export async function listModels(
  config: OpenRouterApiConfig,
  options?: OpenRouterListModelsOptions,
  requestOptions?: OpenRouterRequestOptions,
): Promise<OpenRouterCatalogueList<OpenRouterModel>> {
  const method = 'models.list';
  optionsObject(options, method);
  const category = optionalString(options?.category, 'category', method);
  const supportedParameters = optionalStringList(
    options?.supportedParameters,
    'supportedParameters',
    method,
  );
  const outputModalities = optionalStringList(
    options?.outputModalities,
    'outputModalities',
    method,
  );
  // OpenRouter serves its catalogue without a key.
  return requestModelList(
    config,
    '/models',
    requestOptions,
    {
      category,
      supported_parameters: supportedParameters?.join(','),
      output_modalities: outputModalities?.join(','),
    },
    'optional',
  );
}

export async function countModels(
  config: OpenRouterApiConfig,
  requestOptions?: OpenRouterRequestOptions,
): Promise<number> {
  const { data } = await requestOpenRouterApi({
    config,
    method: 'GET',
    path: '/models/count',
    keyKind: 'inference',
    schema: countSchema,
    requestOptions,
  });
  return data.count;
}

export function listModelsForUser(
  config: OpenRouterApiConfig,
  requestOptions?: OpenRouterRequestOptions,
): Promise<OpenRouterCatalogueList<OpenRouterModel>> {
  return requestModelList(config, '/models/user', requestOptions);
}

export function listEmbeddingModels(
  config: OpenRouterApiConfig,
  requestOptions?: OpenRouterRequestOptions,
): Promise<OpenRouterCatalogueList<OpenRouterModel>> {
  return requestModelList(config, '/models/embeddings', requestOptions);
}

/** A request parameter an image model takes, as `GET /images/models` describes it. */
export type OpenRouterImageModelParameter =
  | { type: 'enum'; values: string[] }
  | { type: 'range'; min: number; max: number }
  | { type: 'boolean' }
  /** A kind OpenRouter added later, as sent. */
  | { type: string & {}; [key: string]: unknown };

/** An image model (`GET /images/models`), for `POST /images`. */
export type OpenRouterImageModelInfo = {
  /** The model id, e.g. `google/gemini-2.5-flash-image`. */
  id: string;
  name: string | null;
  description: string | null;
  /** When the model was added, as a Unix timestamp in seconds. */
  created: number | null;
  inputModalities: string[];
  outputModalities: string[];
  /**
   * The request parameters some endpoint of the model takes, by name
   * (`aspect_ratio`, `n`, `quality`, …), with their values or range.
   */
  supportedParameters: Record<string, OpenRouterImageModelParameter>;
  /** Whether some endpoint streams partial images. */
  supportsStreaming: boolean;
  /** The relative URL of the model's per-endpoint records. */
  endpointsUrl: string | null;
  /** The object exactly as OpenRouter sent it, unknown fields included. */
  raw: Record<string, unknown>;
};

// `ImageModelListItem` of OpenRouter's published API types; as with the
// other catalogue lists, only the id is required of an entry.
const imageModelWireSchema = z.looseObject({
  id: z.string(),
  name: z.string().nullish(),
  description: z.string().nullish(),
  created: z.number().nullish(),
  endpoints: z.string().nullish(),
  architecture: z
    .looseObject({
      input_modalities: z.array(z.string()).nullish(),
      output_modalities: z.array(z.string()).nullish(),
    })
    .nullish(),
  supported_parameters: z
    .record(z.string(), z.looseObject({ type: z.string() }))
    .nullish(),
  supports_streaming: z.boolean().nullish(),
});

function mapImageModel(
  wire: z.infer<typeof imageModelWireSchema>,
): OpenRouterImageModelInfo {
  return {
    id: wire.id,
    name: wire.name ?? null,
    description: wire.description ?? null,
    created: wire.created ?? null,
    inputModalities: wire.architecture?.input_modalities ?? [],
    outputModalities: wire.architecture?.output_modalities ?? [],
    supportedParameters: (wire.supported_parameters ?? {}) as Record<
      string,
      OpenRouterImageModelParameter
    >,
    supportsStreaming: wire.supports_streaming ?? false,
    endpointsUrl: wire.endpoints ?? null,
    raw: wire,
  };
}

export async function listImageModels(
  config: OpenRouterApiConfig,
  requestOptions?: OpenRouterRequestOptions,
): Promise<OpenRouterCatalogueList<OpenRouterImageModelInfo>> {
  const { data } = await requestOpenRouterApi({
    config,
    method: 'GET',
    path: '/images/models',
    keyKind: 'inference',
    schema: catalogueListSchema,
    requestOptions,
  });
  return readCatalogueList(data, imageModelWireSchema, mapImageModel, 'id');
}

/** The three catalogue lists share their answer's shape. */
async function requestModelList(
  config: OpenRouterApiConfig,
  path: string,
  requestOptions: OpenRouterRequestOptions | undefined,
  query?: Record<string, string | undefined>,
  keyKind: OpenRouterKeyKind = 'inference',
): Promise<OpenRouterCatalogueList<OpenRouterModel>> {
  const { data } = await requestOpenRouterApi({
    config,
    method: 'GET',
    path,
    query,
    keyKind,
    schema: catalogueListSchema,
    requestOptions,
  });
  return readCatalogueList(data, modelWireSchema, mapModel, 'id');
}

export async function listModelEndpoints(
  config: OpenRouterApiConfig,
  model: string,
  requestOptions?: OpenRouterRequestOptions,
): Promise<OpenRouterModelEndpoints> {
  const { author, slug } = parseModelSlug(model, 'models.endpoints');
  const { data } = await requestOpenRouterApi({
    config,
    method: 'GET',
    path: `/models/${encodePathSegment(author)}/${encodePathSegment(slug)}/endpoints`,
    keyKind: 'optional',
    schema: endpointsSchema,
    requestOptions,
  });
  return mapModelEndpoints(data);
}

export async function getModelParameters(
  config: OpenRouterApiConfig,
  model: string,
  options?: OpenRouterModelParametersOptions,
  requestOptions?: OpenRouterRequestOptions,
): Promise<OpenRouterModelParameters> {
  const method = 'models.parameters';
  const { author, slug } = parseModelSlug(model, method);
  optionsObject(options, method);
  const provider = optionalString(options?.provider, 'provider', method);
  const { data } = await requestOpenRouterApi({
    config,
    method: 'GET',
    path: `/parameters/${encodePathSegment(author)}/${encodePathSegment(slug)}`,
    query: { provider },
    keyKind: 'inference',
    schema: parametersSchema,
    requestOptions,
  });
  return {
    model: data.model,
    supportedParameters: data.supported_parameters ?? [],
    raw: data,
  };
}

export async function listZdrEndpoints(
  config: OpenRouterApiConfig,
  requestOptions?: OpenRouterRequestOptions,
): Promise<OpenRouterCatalogueList<OpenRouterModelEndpoint>> {
  const { data } = await requestOpenRouterApi({
    config,
    method: 'GET',
    path: '/endpoints/zdr',
    keyKind: 'inference',
    schema: catalogueListSchema,
    requestOptions,
  });
  return readCatalogueList(
    data,
    modelEndpointWireSchema,
    mapModelEndpoint,
    'provider_name',
  );
}
