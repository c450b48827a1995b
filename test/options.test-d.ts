// Type tests, checked by `tsc` in `npm test`: each `@ts-expect-error` must
// have an error to expect, so a type that stops catching a mistake fails.
import type {
  OpenRouterChatOptions,
  OpenRouterChatSettings,
  OpenRouterPlugin,
  OpenRouterProviderRouting,
} from 'ai-sdk-openrouter';
import { createOpenRouter } from 'ai-sdk-openrouter';

export const valid: OpenRouterChatOptions = {
  provider: { order: ['anthropic'], allow_fallbacks: false, sort: 'price' },
  plugins: [{ id: 'web', max_results: 3 }, { id: 'response-healing' }],
  reasoning: { effort: 'high' },
  models: ['openai/gpt-4o'],
  structuredOutputs: { strict: false },
};

export const misspeltField: OpenRouterChatOptions = {
  // @ts-expect-error `provder` is not an option.
  provder: { order: ['anthropic'] },
};

export const misspeltRoutingField: OpenRouterProviderRouting = {
  // @ts-expect-error `allow_fallback` is missing its final s.
  allow_fallback: false,
};

// @ts-expect-error `order` takes a list of provider slugs.
export const wrongRoutingType: OpenRouterProviderRouting = { order: 'openai' };

// @ts-expect-error there is no `fastest` sort.
export const wrongSort: OpenRouterProviderRouting = { sort: 'fastest' };

// @ts-expect-error the web plugin has no `maxResults` (it is `max_results`).
export const wrongPluginField: OpenRouterPlugin = { id: 'web', maxResults: 3 };

export const wrongEffort: OpenRouterChatOptions = {
  // @ts-expect-error `extreme` is not an effort.
  reasoning: { effort: 'extreme' },
};

export const settings: OpenRouterChatSettings = { user: 'user-1' };

// Model settings are typed too.
createOpenRouter()('openai/gpt-4o', {
  // @ts-expect-error `temprature` is misspelt.
  temprature: 0.2,
});
