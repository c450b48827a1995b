import {
  createProviderExecutedToolFactory,
  jsonSchema,
} from '@ai-sdk/provider-utils';

// OpenRouter's server tools, which OpenRouter runs itself during a chat
// completion: the AI SDK sends them as provider tools (`type: 'provider'`,
// `id: 'openrouter.<name>'`), and `prepareOpenRouterTools` puts them in
// `tools` as `{ type: 'openrouter:<name>', parameters: { …snake_case } }`,
// the shape of OpenRouter's published API types (`@openrouter/sdk`,
// `ChatFunctionTool`). The schemas are plain JSON schemas, so a chat app
// does not load a schema library for them.

/** The web search engines OpenRouter names; others are passed through. */
export type OpenRouterWebSearchEngine =
  | 'auto'
  | 'native'
  | 'exa'
  | 'parallel'
  | 'firecrawl'
  | 'perplexity'
  | (string & {});

/** Arguments of `openrouter.tools.webSearch` (`openrouter:web_search`). */
export type OpenRouterWebSearchToolArgs = {
  /**
   * Maximum number of results per search (OpenRouter's default is 5). Applies
   * to the Exa, Firecrawl, Parallel and Perplexity engines; native search
   * ignores it. Sent as `max_results`.
   */
  maxResults?: number | undefined;
  /**
   * A prompt that guides the search, as `@openrouter/ai-sdk-provider`
   * accepts it. Sent as `search_prompt`; OpenRouter's published types list
   * it for the web plugin, not for this tool, so it may be ignored.
   */
  searchPrompt?: string | undefined;
  /**
   * The search engine: `'auto'` (the default: native when the upstream has
   * it, otherwise Exa), `'native'`, `'exa'`, `'parallel'`, `'firecrawl'`
   * (needs your own key) or `'perplexity'`.
   */
  engine?: OpenRouterWebSearchEngine | undefined;
  /** Only results from these domains. Not with `excludedDomains`. */
  allowedDomains?: string[] | undefined;
  /** No results from these domains. Not with `allowedDomains`. */
  excludedDomains?: string[] | undefined;
  /** Characters of content per result (Exa, Parallel, Perplexity). */
  maxCharacters?: number | undefined;
  /** Results across all searches of one request (default 50). */
  maxTotalResults?: number | undefined;
  /** Searches the model may run in one request. */
  maxUses?: number | undefined;
  /**
   * The engine's own search mode: Exa takes `instant`, `fast`, `auto`,
   * `deep-lite`, `deep`, `deep-reasoning`; Parallel `turbo`, `fast`,
   * `basic`, `advanced`.
   */
  mode?: string | undefined;
  /** How much context to retrieve per result. */
  searchContextSize?: 'low' | 'medium' | 'high' | undefined;
  /** Approximate user location, for location-biased results. */
  userLocation?:
    | {
        type?: 'approximate' | undefined;
        city?: string | undefined;
        region?: string | undefined;
        country?: string | undefined;
        timezone?: string | undefined;
      }
    | undefined;
  /** X (Twitter) search beside native web search, on SpaceXAI endpoints. */
  xSearch?:
    | {
        allowedXHandles?: string[] | undefined;
        excludedXHandles?: string[] | undefined;
        enableImageUnderstanding?: boolean | undefined;
        enableVideoUnderstanding?: boolean | undefined;
        /** ISO 8601 date, e.g. `'2025-01-01'`. */
        fromDate?: string | undefined;
        /** ISO 8601 date, e.g. `'2025-12-31'`. */
        toDate?: string | undefined;
      }
    | undefined;
};

/** Arguments of `openrouter.tools.webFetch` (`openrouter:web_fetch`). */
export type OpenRouterWebFetchToolArgs = {
  /** Only fetch from these domains. */
  allowedDomains?: string[] | undefined;
  /** Never fetch from these domains. */
  blockedDomains?: string[] | undefined;
  /**
   * The fetch engine: `'auto'` (default), `'native'`, `'openrouter'`
   * (a direct HTTP fetch), `'exa'`, `'parallel'` or `'firecrawl'`.
   */
  engine?:
    | 'auto'
    | 'native'
    | 'openrouter'
    | 'exa'
    | 'parallel'
    | 'firecrawl'
    | (string & {})
    | undefined;
  /** Longest content kept, in approximate tokens; the rest is cut. */
  maxContentTokens?: number | undefined;
  /** Fetches the model may run in one request. */
  maxUses?: number | undefined;
};

/** Arguments of `openrouter.tools.datetime` (`openrouter:datetime`). */
export type OpenRouterDatetimeToolArgs = {
  /** IANA time zone, e.g. `'America/New_York'`. OpenRouter's default is UTC. */
  timezone?: string | undefined;
};

/**
 * Arguments of `openrouter.tools.imageGeneration`
 * (`openrouter:image_generation`): a model and OpenRouter's `image_config`
 * fields.
 */
export type OpenRouterImageGenerationToolArgs = {
  /** The image model, e.g. `'openai/gpt-5-image'` (OpenRouter's default). */
  model?: string | undefined;
  /** e.g. `'16:9'`. Sent as `aspect_ratio`. */
  aspectRatio?: string | undefined;
  /** e.g. `'1024x1024'`. */
  size?: string | undefined;
  /** e.g. `'low'`, `'medium'`, `'high'`. */
  quality?: string | undefined;
  /** e.g. `'transparent'`, `'opaque'`, `'auto'`. */
  background?: string | undefined;
  /** e.g. `'png'`, `'jpeg'`, `'webp'`. Sent as `output_format`. */
  outputFormat?: string | undefined;
  /** 0–100, for JPEG and WebP. Sent as `output_compression`. */
  outputCompression?: number | undefined;
  /** e.g. `'low'`, `'auto'`. */
  moderation?: string | undefined;
};

// What the model sends and what OpenRouter returns are OpenRouter's own;
// they are passed on as received.
const anyObject = jsonSchema<Record<string, unknown>>({ type: 'object' });
const anyValue = jsonSchema<unknown>({});

function serverTool<ARGS extends object>(id: `openrouter.${string}`) {
  return createProviderExecutedToolFactory<
    Record<string, unknown>,
    unknown,
    ARGS
  >({ id, inputSchema: anyObject, outputSchema: anyValue });
}

/** OpenRouter's server tools, as `openrouter.tools`. */
export const openRouterServerTools = {
  /**
   * OpenRouter's web search server tool, `openrouter:web_search`: the model
   * searches the web while OpenRouter runs the searches; the results come
   * back as the answer's sources (URL citations).
   * @see https://openrouter.ai/docs/guides/features/server-tools/web-search
   */
  webSearch: serverTool<OpenRouterWebSearchToolArgs>('openrouter.web_search'),
  /**
   * OpenRouter's web fetch server tool, `openrouter:web_fetch`: the model
   * reads a web page or PDF by URL, fetched by OpenRouter.
   */
  webFetch: serverTool<OpenRouterWebFetchToolArgs>('openrouter.web_fetch'),
  /**
   * OpenRouter's date and time server tool, `openrouter:datetime`: the
   * current date and time, in UTC or the given time zone.
   */
  datetime: serverTool<OpenRouterDatetimeToolArgs>('openrouter.datetime'),
  /**
   * OpenRouter's image generation server tool,
   * `openrouter:image_generation`: the model has images made by an image
   * model.
   */
  imageGeneration: serverTool<OpenRouterImageGenerationToolArgs>(
    'openrouter.image_generation',
  ),
};

/** The type of `openrouter.tools`. */
export type OpenRouterServerTools = typeof openRouterServerTools;
