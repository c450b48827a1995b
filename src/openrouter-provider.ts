import { InvalidArgumentError, type ProviderV4 } from '@ai-sdk/provider';
import {
  type FetchFunction,
  loadOptionalSetting,
  withoutTrailingSlash,
} from '@ai-sdk/provider-utils';
import {
  createOpenRouterUtilities,
  type OpenRouterUtilities,
} from './api/openrouter-utilities';
import { OpenRouterChatLanguageModel } from './chat/openrouter-chat-language-model';
import type { OpenRouterChatModelId } from './chat/openrouter-chat-model-id';
import type { OpenRouterChatSettings } from './chat/openrouter-chat-options';
import {
  OpenRouterCompletionLanguageModel,
  type OpenRouterCompletionModelId,
  type OpenRouterCompletionSettings,
} from './completion/openrouter-completion-language-model';
import {
  deriveDecisionsBaseURL,
  missingDecisionsBaseURLError,
} from './decision/decisions-base-url';
import {
  OpenRouterDecisionModel,
  type OpenRouterDecisionModelId,
  type OpenRouterDecisionSettings,
} from './decision/openrouter-decision-model';
import {
  OpenRouterEmbeddingModel,
  type OpenRouterEmbeddingModelId,
} from './embedding/openrouter-embedding-model';
import type { OpenRouterEmbeddingSettings } from './embedding/openrouter-embedding-options';
import {
  createOpenRouterFiles,
  type OpenRouterFiles,
} from './files/openrouter-files';
import { isCredentialHeader } from './http/credential-headers';
import {
  type KeyNames,
  loadOpenRouterApiKey,
  loadOpenRouterProvisioningKey,
  SETTING_KEY_NAMES,
} from './http/load-openrouter-api-key';
import type { OpenRouterConfig } from './http/openrouter-config';
import {
  assertValidHeaders,
  assertValidHeaderValue,
} from './http/openrouter-request-headers';
import {
  OpenRouterImageModel,
  type OpenRouterImageModelId,
  type OpenRouterImageSettings,
} from './image/openrouter-image-model';
import { OpenRouterRerankingModel } from './reranking/openrouter-reranking-model';
import type {
  OpenRouterRerankingModelId,
  OpenRouterRerankingSettings,
} from './reranking/openrouter-reranking-options';
import {
  OpenRouterResponsesLanguageModel,
  type OpenRouterResponsesModelId,
} from './responses/openrouter-responses-language-model';
import type { OpenRouterResponsesSettings } from './responses/openrouter-responses-options';
import {
  type OpenRouterServerTools,
  openRouterServerTools,
} from './server-tools/openrouter-server-tools';
import { OpenRouterSpeechModel } from './speech/openrouter-speech-model';
import type {
  OpenRouterSpeechModelId,
  OpenRouterSpeechSettings,
} from './speech/openrouter-speech-options';
import { OpenRouterTranscriptionModel } from './transcription/openrouter-transcription-model';
import type {
  OpenRouterTranscriptionModelId,
  OpenRouterTranscriptionSettings,
} from './transcription/openrouter-transcription-options';
import {
  OpenRouterVideoModel,
  type OpenRouterVideoModelId,
  type OpenRouterVideoSettings,
} from './video/openrouter-video-model';

export interface OpenRouterProviderSettings {
  /**
   * OpenRouter API key, sent as `Authorization: Bearer …`.
   * @default process.env.OPENROUTER_API_KEY, read when a request is made
   */
  apiKey?: string | undefined;
  /**
   * Base URL of the OpenRouter API. A trailing slash is tolerated. Without
   * it, `OPENROUTER_BASE_URL` is used when set (read when the provider is
   * created; the default `openrouter` instance is created on first use), so
   * the same code can run against the emulator or a proxy.
   * @default process.env.OPENROUTER_BASE_URL ?? 'https://openrouter.ai/api/v1'
   */
  baseURL?: string | undefined;
  /** @deprecated Use `baseURL`. Accepted for drop-in compatibility. */
  baseUrl?: string | undefined;
  /**
   * Base URL of OpenRouter's Decisions API (alpha), used by `decisionModel()`
   * and `evaluationModel()`. By default it is `baseURL` with a trailing `/v1`
   * replaced by `/alpha` (`https://openrouter.ai/api/alpha` by default); when
   * `baseURL` does not end in `/v1` (a proxy path), there is no default and
   * `decisionModel()` throws until this is set. Checked like `baseURL`: no
   * query, fragment or credentials. Decision requests stay on its origin.
   */
  decisionsBaseURL?: string | undefined;
  /** Extra headers sent with every request. Call-level headers win. */
  headers?: Record<string, string> | undefined;
  /**
   * A custom fetch, for middleware or tests.
   */
  fetch?: FetchFunction | undefined;
  /**
   * Your app's display name in OpenRouter's rankings, sent as the
   * `X-OpenRouter-Title` attribution header (OpenRouter's current name for
   * `X-Title`). A `headers` entry of either name wins over it.
   */
  appName?: string | undefined;
  /** Your app's URL, sent as the `HTTP-Referer` attribution header. */
  appUrl?: string | undefined;
  /**
   * Your app's marketplace categories (e.g. `['cli-agent', 'cloud-agent']`),
   * sent comma-separated as the `X-OpenRouter-Categories` attribution
   * header. OpenRouter ignores categories it does not know.
   */
  appCategories?: string | readonly string[] | undefined;
  /**
   * Merged into every request body, underneath model settings, call settings
   * and `providerOptions.openrouter`.
   */
  extraBody?: Record<string, unknown> | undefined;
  /**
   * Provisioning key for key management and account utilities.
   * @default process.env.OPENROUTER_PROVISIONING_KEY
   */
  provisioningKey?: string | undefined;
  /**
   * Accepted for drop-in compatibility with `@openrouter/ai-sdk-provider`
   * and ignored: this provider always speaks OpenRouter's own protocol.
   * @deprecated Has no effect; leave it out.
   */
  compatibility?: 'strict' | 'compatible' | undefined;
  /**
   * Your own provider keys by provider slug (`{ anthropic: 'sk-ant-…' }`),
   * sent on every request as the `X-Provider-API-Keys` header, as
   * `@openrouter/ai-sdk-provider` sends them. Keys saved in OpenRouter's BYOK
   * settings need nothing here.
   */
  api_keys?: Record<string, string> | undefined;
}

export interface OpenRouterProvider extends ProviderV4, OpenRouterUtilities {
  /** Creates a chat model, the same as `chat(modelId, settings)`. */
  (
    modelId: OpenRouterChatModelId,
    settings?: OpenRouterChatSettings,
  ): OpenRouterChatLanguageModel;

  /** Creates a chat model over `POST /chat/completions`. */
  chat(
    modelId: OpenRouterChatModelId,
    settings?: OpenRouterChatSettings,
  ): OpenRouterChatLanguageModel;

  /** Creates a chat model (the AI SDK's provider interface). */
  languageModel(
    modelId: OpenRouterChatModelId,
    settings?: OpenRouterChatSettings,
  ): OpenRouterChatLanguageModel;

  /** Creates a language model over the legacy `POST /completions`. */
  completion(
    modelId: OpenRouterCompletionModelId,
    settings?: OpenRouterCompletionSettings,
  ): OpenRouterCompletionLanguageModel;

  /**
   * Creates a language model over OpenRouter's Responses API,
   * `POST /responses` (beta): the OpenAI-Responses-compatible API in front
   * of every model, with reasoning replayed as encrypted items.
   */
  responses(
    modelId: OpenRouterResponsesModelId,
    settings?: OpenRouterResponsesSettings,
  ): OpenRouterResponsesLanguageModel;

  /** Creates an embedding model for `embed` and `embedMany`. */
  embeddingModel(
    modelId: OpenRouterEmbeddingModelId,
    settings?: OpenRouterEmbeddingSettings,
  ): OpenRouterEmbeddingModel;

  /**
   * Same as `embeddingModel`, for drop-in use: the AI SDK's earlier name,
   * which `@openrouter/ai-sdk-provider` keeps and `ProviderV4` dropped.
   * @deprecated Use `embeddingModel`.
   */
  textEmbeddingModel(
    modelId: OpenRouterEmbeddingModelId,
    settings?: OpenRouterEmbeddingSettings,
  ): OpenRouterEmbeddingModel;

  /**
   * Same as `embeddingModel`, for drop-in use.
   * @deprecated Use `embeddingModel`.
   */
  embedding(
    modelId: OpenRouterEmbeddingModelId,
    settings?: OpenRouterEmbeddingSettings,
  ): OpenRouterEmbeddingModel;

  /**
   * Creates an image model for `generateImage`, over OpenRouter's image API
   * (`POST /images`, up to 10 images a request); with `{ endpoint: 'chat' }`,
   * over chat completions with `modalities: ['image', 'text']`.
   */
  imageModel(
    modelId: OpenRouterImageModelId,
    settings?: OpenRouterImageSettings,
  ): OpenRouterImageModel;

  /**
   * Creates a video model for `experimental_generateVideo`, over
   * OpenRouter's asynchronous `POST /videos`.
   */
  videoModel(
    modelId: OpenRouterVideoModelId,
    settings?: OpenRouterVideoSettings,
  ): OpenRouterVideoModel;

  /**
   * Creates a decision model for the AI SDK's `experimental_decide`, over
   * OpenRouter's Decisions API (alpha), `POST {decisionsBaseURL}/decisions`.
   */
  decisionModel(
    modelId: OpenRouterDecisionModelId,
    settings?: OpenRouterDecisionSettings,
  ): OpenRouterDecisionModel;

  /**
   * Same as `decisionModel`, under the AI SDK's earlier name (for
   * `experimental_evaluate`) and `@openrouter/ai-sdk-provider`'s.
   * @deprecated Use `decisionModel`.
   */
  evaluationModel(
    modelId: OpenRouterDecisionModelId,
    settings?: OpenRouterDecisionSettings,
  ): OpenRouterDecisionModel;

  /**
   * Creates a transcription model for `transcribe`, over
   * OpenRouter's `POST /audio/transcriptions`.
   */
  transcriptionModel(
    modelId: OpenRouterTranscriptionModelId,
    settings?: OpenRouterTranscriptionSettings,
  ): OpenRouterTranscriptionModel;

  /**
   * Creates a speech model for `generateSpeech`, over
   * OpenRouter's `POST /audio/speech`.
   */
  speechModel(
    modelId: OpenRouterSpeechModelId,
    settings?: OpenRouterSpeechSettings,
  ): OpenRouterSpeechModel;

  /** Creates a reranking model for `rerank`, over OpenRouter's `POST /rerank`. */
  rerankingModel(
    modelId: OpenRouterRerankingModelId,
    settings?: OpenRouterRerankingSettings,
  ): OpenRouterRerankingModel;

  /**
   * OpenRouter's server tools (`webSearch`, `webFetch`, `datetime`,
   * `imageGeneration`), which OpenRouter runs during a chat completion. Put
   * one in `tools` under any name.
   */
  readonly tools: OpenRouterServerTools;

  /**
   * OpenRouter's file storage (`/files`) as the AI SDK's `FilesV4`, for
   * `uploadFile` from `ai`; put the returned `providerReference` in a file
   * part to use the file in a chat prompt. It also has `listFiles`.
   */
  files(): OpenRouterFiles;
}

export const DEFAULT_BASE_URL = 'https://openrouter.ai/api/v1';

/** Creates an OpenRouter provider instance. */
export function createOpenRouter(
  options: OpenRouterProviderSettings = {},
): OpenRouterProvider {
  return createOpenRouterProvider(options, SETTING_NAMES);
}

/**
 * How messages name where the provider's settings came from. The CLI,
 * which passes its flags and environment variables on as settings, names
 * those instead.
 */
export type SettingNames = KeyNames & {
  /** Where an explicit base URL came from: `baseURL`, `--base-url`. */
  baseURL: string;
};

const SETTING_NAMES: SettingNames = {
  ...SETTING_KEY_NAMES,
  baseURL: 'baseURL',
};

/** `createOpenRouter` with messages that name `names`. */
export function createOpenRouterProvider(
  options: OpenRouterProviderSettings,
  names: SettingNames,
): OpenRouterProvider {
  const givenBaseURL = options.baseURL ?? options.baseUrl;
  // A blank variable (an env file's `OPENROUTER_BASE_URL=`) counts as none.
  const environmentBaseURL =
    givenBaseURL == null
      ? loadOptionalSetting({
          settingValue: undefined,
          environmentVariableName: 'OPENROUTER_BASE_URL',
        })?.trim() || undefined
      : undefined;
  const baseURL = resolveBaseURL(givenBaseURL ?? environmentBaseURL, {
    setting: 'baseURL',
    name: environmentBaseURL != null ? 'OPENROUTER_BASE_URL' : names.baseURL,
    apiKeyPlaces: names.apiKeyPlaces,
  });
  const decisionsBaseURL =
    options.decisionsBaseURL != null
      ? resolveBaseURL(options.decisionsBaseURL, {
          setting: 'decisionsBaseURL',
          name: 'decisionsBaseURL',
          apiKeyPlaces: names.apiKeyPlaces,
        })
      : deriveDecisionsBaseURL(baseURL);
  for (const [slug, key] of Object.entries(options.api_keys ?? {})) {
    assertValidHeaderValue(
      String(key),
      `api_keys.${slug}`,
      `The api_keys entry for "${slug}"`,
    );
  }

  const headers: Record<string, string | undefined> = {
    ...attributionHeaders(options),
    'X-Provider-API-Keys':
      options.api_keys != null && Object.keys(options.api_keys).length > 0
        ? JSON.stringify(options.api_keys)
        : undefined,
    ...options.headers,
  };
  // Refused here, at creation, rather than on the first request.
  assertValidHeaders(headers, 'provider');

  const createConfig = (modelType: string): OpenRouterConfig => ({
    provider: `openrouter.${modelType}`,
    baseURL,
    headers,
    apiKey: () => loadOpenRouterApiKey(options.apiKey, names),
    credentialsGivenInCode:
      options.apiKey != null ||
      Object.entries(headers).some(
        ([name, value]) => value != null && isCredentialHeader(name),
      ),
    fetch: options.fetch,
    extraBody: options.extraBody,
  });

  const createChatModel = (
    modelId: OpenRouterChatModelId,
    settings: OpenRouterChatSettings = {},
  ) => new OpenRouterChatLanguageModel(modelId, settings, createConfig('chat'));

  const createEmbeddingModel = (
    modelId: OpenRouterEmbeddingModelId,
    settings: OpenRouterEmbeddingSettings = {},
  ) =>
    new OpenRouterEmbeddingModel(modelId, settings, createConfig('embedding'));

  const createDecisionModel = (
    modelId: OpenRouterDecisionModelId,
    settings: OpenRouterDecisionSettings = {},
  ) => {
    if (decisionsBaseURL == null) {
      throw missingDecisionsBaseURLError();
    }
    // Its own base URL, so the origin-bound fetch keeps it on that origin.
    return new OpenRouterDecisionModel(modelId, settings, {
      ...createConfig('decision'),
      baseURL: decisionsBaseURL,
    });
  };

  const provider = function (
    modelId: OpenRouterChatModelId,
    settings?: OpenRouterChatSettings,
  ) {
    if (new.target) {
      throw new Error(
        'The OpenRouter model function cannot be called with the new keyword.',
      );
    }
    return createChatModel(modelId, settings);
  } as OpenRouterProvider;

  Object.assign(provider, {
    specificationVersion: 'v4' as const,
    chat: createChatModel,
    languageModel: createChatModel,
    completion: (
      modelId: OpenRouterCompletionModelId,
      settings: OpenRouterCompletionSettings = {},
    ) =>
      new OpenRouterCompletionLanguageModel(
        modelId,
        settings,
        createConfig('completion'),
      ),
    responses: (
      modelId: OpenRouterResponsesModelId,
      settings: OpenRouterResponsesSettings = {},
    ) =>
      new OpenRouterResponsesLanguageModel(
        modelId,
        settings,
        createConfig('responses'),
      ),
    embeddingModel: createEmbeddingModel,
    textEmbeddingModel: createEmbeddingModel,
    embedding: createEmbeddingModel,
    imageModel: (
      modelId: OpenRouterImageModelId,
      settings: OpenRouterImageSettings = {},
    ) => new OpenRouterImageModel(modelId, settings, createConfig('image')),
    videoModel: (
      modelId: OpenRouterVideoModelId,
      settings: OpenRouterVideoSettings = {},
    ) => new OpenRouterVideoModel(modelId, settings, createConfig('video')),
    decisionModel: createDecisionModel,
    evaluationModel: createDecisionModel,
    transcriptionModel: (
      modelId: OpenRouterTranscriptionModelId,
      settings: OpenRouterTranscriptionSettings = {},
    ) =>
      new OpenRouterTranscriptionModel(
        modelId,
        settings,
        createConfig('transcription'),
      ),
    speechModel: (
      modelId: OpenRouterSpeechModelId,
      settings: OpenRouterSpeechSettings = {},
    ) => new OpenRouterSpeechModel(modelId, settings, createConfig('speech')),
    rerankingModel: (
      modelId: OpenRouterRerankingModelId,
      settings: OpenRouterRerankingSettings = {},
    ) =>
      new OpenRouterRerankingModel(
        modelId,
        settings,
        createConfig('reranking'),
      ),
    tools: openRouterServerTools,
    files: () => createOpenRouterFiles(createConfig('files')),
  });

  // Catalogue, account and OAuth utilities; see src/api/.
  Object.assign(
    provider,
    createOpenRouterUtilities({
      baseURL,
      headers,
      fetch: options.fetch,
      apiKey: createConfig('api').apiKey,
      provisioningKey: () =>
        loadOpenRouterProvisioningKey(options.provisioningKey, names),
      keyNames: names,
    }),
  );

  return provider;
}

/**
 * App attribution headers, by their current names. A header of the same
 * meaning in `headers` (`X-Title` included) wins, so no request carries two
 * titles.
 */
function attributionHeaders({
  appName,
  appUrl,
  appCategories,
  headers = {},
}: OpenRouterProviderSettings): Record<string, string | undefined> {
  const given = new Set(Object.keys(headers).map(name => name.toLowerCase()));
  const categories =
    typeof appCategories === 'string'
      ? appCategories
      : appCategories?.join(',');
  return {
    'HTTP-Referer': given.has('http-referer') ? undefined : appUrl,
    'X-OpenRouter-Title':
      given.has('x-openrouter-title') || given.has('x-title')
        ? undefined
        : appName,
    'X-OpenRouter-Categories': given.has('x-openrouter-categories')
      ? undefined
      : categories || undefined,
  };
}

/**
 * The base URL without its trailing slash. Credentials, a query and a
 * fragment are refused: paths are appended to the base URL, so a query
 * would swallow them, and a key put there would end up in every error's
 * `url`. Errors name where the value came from (`name`: a setting, the
 * variable or a CLI flag) but never repeat it, as it may hold such a key.
 */
function resolveBaseURL(
  baseURL: string | undefined,
  {
    setting,
    name,
    apiKeyPlaces,
  }: {
    setting: 'baseURL' | 'decisionsBaseURL';
    name: string;
    apiKeyPlaces: string;
  },
): string {
  const value = withoutTrailingSlash(baseURL) ?? DEFAULT_BASE_URL;
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new InvalidArgumentError({
      argument: setting,
      message: `${name} must be an absolute http(s) URL such as ${setting === 'baseURL' ? DEFAULT_BASE_URL : 'https://openrouter.ai/api/alpha'}.`,
    });
  }
  if (value.includes('?') || value.includes('#')) {
    throw new InvalidArgumentError({
      argument: setting,
      message: `${name} must not contain a query (?…) or a fragment (#…): request paths are appended to it. Pass the API key with ${apiKeyPlaces} and other values with headers.`,
    });
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new InvalidArgumentError({
      argument: setting,
      message: `${name} must use http or https, got "${parsed.protocol}".`,
    });
  }
  if (parsed.username !== '' || parsed.password !== '') {
    throw new InvalidArgumentError({
      argument: setting,
      message: `${name} must not contain credentials (user:password@). Pass the API key with ${apiKeyPlaces} instead.`,
    });
  }
  return value;
}

/**
 * The default provider instance. It is created on first use, not at
 * import, so `OPENROUTER_BASE_URL` may be set after the import (by a
 * `dotenv` call, say) and a malformed value fails that first use rather
 * than every import of the package. It reads `OPENROUTER_API_KEY` per
 * request.
 */
export const openrouter: OpenRouterProvider = createProviderOnFirstUse(() =>
  createOpenRouter(),
);

/**
 * A provider that stands for the one `create` returns, created when it is
 * first called or one of its members is read.
 */
function createProviderOnFirstUse(
  create: () => OpenRouterProvider,
): OpenRouterProvider {
  let provider: OpenRouterProvider | undefined;
  const get = () => {
    provider ??= create();
    return provider;
  };
  // biome-ignore lint/complexity/useArrowFunction: a constructible target, so that `new` on the stand-in reaches the provider's own refusal.
  const target = function () {} as unknown as OpenRouterProvider;
  return new Proxy(target, {
    apply: (_target, _this, args: Parameters<OpenRouterProvider>) =>
      get()(...args),
    construct: (_target, args) => Reflect.construct(get(), args),
    get: (_target, property) => Reflect.get(get(), property),
    has: (_target, property) => Reflect.has(get(), property),
    // So that `Object.keys` and spreading see the provider's members.
    ownKeys: () => Reflect.ownKeys(get()),
    getOwnPropertyDescriptor: (_target, property) =>
      Reflect.getOwnPropertyDescriptor(get(), property),
  });
}
