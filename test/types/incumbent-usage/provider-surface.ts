// The provider surface @openrouter/ai-sdk-provider 3.1.0 declares: every
// method of OpenRouterProvider, its server tools, and the deprecated
// OpenRouter class, called as its declarations allow.
import type { Experimental_VideoModelV4 } from '@ai-sdk/provider';
import {
  type EmbeddingModel,
  generateText,
  type ImageModel,
  type LanguageModel,
} from 'ai';
import { createOpenRouter, OpenRouter, openrouter } from 'ai-sdk-openrouter';

export const chat: LanguageModel = openrouter.chat('openai/gpt-4o', {
  parallelToolCalls: true,
});
export const language: LanguageModel = openrouter.languageModel(
  'openai/gpt-4o',
  { user: 'user-1' },
);
export const completion: LanguageModel = openrouter.completion(
  'openai/gpt-3.5-turbo-instruct',
  { maxTokens: 64 },
);
export const embedding: EmbeddingModel = openrouter.textEmbeddingModel(
  'openai/text-embedding-3-small',
  { user: 'user-1' },
);
// The incumbent's deprecated spelling.
export const deprecatedEmbedding: EmbeddingModel = openrouter.embedding(
  'openai/text-embedding-3-small',
);
export const image: ImageModel = openrouter.imageModel(
  'google/gemini-2.5-flash-image',
);
export const video: Experimental_VideoModelV4 = openrouter.videoModel(
  'google/veo-3.1',
  { generateAudio: false },
);
export const evaluation = openrouter.evaluationModel('typesafe/jev-1.13', {
  session_id: 'session-1',
});

// A model keeps its settings, public in the incumbent's declarations.
const chatModel = openrouter.chat('openai/gpt-4o', { user: 'user-1' });
export const settingsUser: string | undefined = chatModel.settings.user;
// The incumbent declares every model's `provider` as the literal
// 'openrouter'; ours names each kind (`openrouter.chat`, …).
// @ts-expect-error DIFFERENCE: `provider` is `openrouter.<kind>`, a string
export const providerName: 'openrouter' = chatModel.provider;

// `openrouter.tools.webSearch`, a provider-defined server tool.
export const webSearchResult = await generateText({
  model: openrouter('openai/gpt-4o'),
  prompt: 'What happened in AI this week?',
  tools: {
    web_search: openrouter.tools.webSearch({
      maxResults: 5,
      searchPrompt: 'Recent news:',
      engine: 'auto',
    }),
  },
});

// Model properties the incumbent declares for earlier AI SDK versions.
export const chatSupportsImageUrls: true = chatModel.supportsImageUrls;
export const chatObjectMode: 'tool' = chatModel.defaultObjectGenerationMode;
const completionModel = openrouter.completion('openai/gpt-3.5-turbo-instruct');
export const completionSupportsImageUrls: true =
  completionModel.supportsImageUrls;
export const completionObjectMode: undefined =
  completionModel.defaultObjectGenerationMode;

// The deprecated class form.
const legacy = new OpenRouter({ apiKey: 'sk-or-v1-test', appName: 'My App' });
export const legacyModels = [
  legacy.chat('openai/gpt-4o', { user: 'user-1' }),
  legacy.completion('openai/gpt-3.5-turbo-instruct'),
  legacy.textEmbeddingModel('openai/text-embedding-3-small'),
  legacy.embedding('openai/text-embedding-3-small'),
];
// Its public fields.
export const legacyBaseURL: string = legacy.baseURL;
export const legacyApiKey: string | undefined = legacy.apiKey;
export const legacyHeaders: Record<string, string> | undefined =
  legacy.headers;
export const legacyApiKeys: Record<string, string> | undefined =
  legacy.api_keys;
export const legacyAppName: string | undefined = legacy.appName;
export const legacyAppUrl: string | undefined = legacy.appUrl;

// Provider settings typed as the incumbent types them.
export const custom = createOpenRouter({
  baseURL: 'https://proxy.example.com/api/v1',
  headers: { 'X-Custom': '1' },
  compatibility: 'compatible',
});
