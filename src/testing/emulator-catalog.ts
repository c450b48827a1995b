/**
 * The emulator's model catalogue: a few real-looking models in OpenRouter's
 * wire format, with prices as decimal strings per token, nullable fields,
 * free variants, an image-output model, embedding models, a router with its
 * "-1" price, and several provider endpoints per model.
 */

type Price = string;

type PricingWire = {
  prompt: Price;
  completion: Price;
  request?: Price | undefined;
  image?: Price | undefined;
  image_output?: Price | undefined;
  audio?: Price | undefined;
  web_search?: Price | undefined;
  internal_reasoning?: Price | undefined;
  input_cache_read?: Price | undefined;
  input_cache_write?: Price | undefined;
};

export type EmulatedEndpoint = Record<string, unknown> & {
  provider_name: string;
  pricing: PricingWire;
  supported_parameters: string[];
};

export type EmulatedModel = {
  /** The model as `GET /models` sends it. */
  wire: Record<string, unknown> & {
    id: string;
    name: string;
    pricing: PricingWire;
    supported_parameters: string[];
  };
  /** `?category=` values this model is listed under (not on the wire). */
  categories: string[];
  endpoints: EmulatedEndpoint[];
  /** Providers of this model that keep zero data retention (not on the wire). */
  zdrProviders: string[];
};

const SAMPLING = [
  'max_tokens',
  'temperature',
  'top_p',
  'stop',
  'frequency_penalty',
  'presence_penalty',
  'seed',
];
const TOOLS = ['tools', 'tool_choice'];
const STRUCTURED = ['response_format', 'structured_outputs'];
const REASONING = ['reasoning', 'include_reasoning'];

type ModelSpec = {
  id: string;
  name: string;
  created: number;
  description: string;
  huggingFaceId?: string | undefined;
  contextLength: number | null;
  maxCompletionTokens: number | null;
  isModerated: boolean;
  tokenizer: string;
  instructType: string | null;
  input: string[];
  output: string[];
  pricing: PricingWire;
  parameters: string[];
  defaultTemperature?: number | null | undefined;
  categories: string[];
  endpoints: EndpointSpec[];
  zdrProviders?: string[] | undefined;
};

type EndpointSpec = {
  provider: string;
  tag: string;
  quantization: string | null;
  contextLength?: number | undefined;
  maxCompletionTokens?: number | null | undefined;
  pricing?: Partial<PricingWire> | undefined;
  status?: number | undefined;
  uptime?: number | null | undefined;
  implicitCaching?: boolean | undefined;
  parameters?: string[] | undefined;
};

function defineModel(spec: ModelSpec): EmulatedModel {
  const modality = `${spec.input.join('+')}->${spec.output.join('+')}`;
  return {
    wire: {
      id: spec.id,
      canonical_slug: spec.id.replace(/:.*$/, ''),
      hugging_face_id: spec.huggingFaceId ?? '',
      name: spec.name,
      created: spec.created,
      description: spec.description,
      context_length: spec.contextLength,
      architecture: {
        modality,
        input_modalities: spec.input,
        output_modalities: spec.output,
        tokenizer: spec.tokenizer,
        instruct_type: spec.instructType,
      },
      pricing: spec.pricing,
      top_provider: {
        context_length: spec.contextLength,
        max_completion_tokens: spec.maxCompletionTokens,
        is_moderated: spec.isModerated,
      },
      per_request_limits: null,
      supported_parameters: spec.parameters,
      default_parameters: {
        temperature: spec.defaultTemperature ?? null,
        top_p: null,
        frequency_penalty: null,
      },
    },
    categories: spec.categories,
    zdrProviders: spec.zdrProviders ?? [],
    endpoints: spec.endpoints.map(endpoint => ({
      name: `${endpoint.provider} | ${spec.id}`,
      model_name: spec.name,
      context_length: endpoint.contextLength ?? spec.contextLength ?? 0,
      pricing: { ...spec.pricing, ...endpoint.pricing },
      provider_name: endpoint.provider,
      tag: endpoint.tag,
      quantization: endpoint.quantization,
      max_completion_tokens:
        endpoint.maxCompletionTokens === undefined
          ? spec.maxCompletionTokens
          : endpoint.maxCompletionTokens,
      max_prompt_tokens: null,
      supported_parameters: endpoint.parameters ?? spec.parameters,
      status: endpoint.status ?? 0,
      uptime_last_30m: endpoint.uptime === undefined ? 99.8 : endpoint.uptime,
      supports_implicit_caching: endpoint.implicitCaching ?? false,
    })),
  };
}

/** The chat models of `GET /models`. */
export const EMULATOR_CHAT_MODELS: readonly EmulatedModel[] = [
  defineModel({
    id: 'openai/gpt-4o-mini',
    name: 'OpenAI: GPT-4o-mini',
    created: 1_721_260_800,
    description:
      "GPT-4o mini is OpenAI's small, affordable model for fast, lightweight tasks.",
    contextLength: 128_000,
    maxCompletionTokens: 16_384,
    isModerated: true,
    tokenizer: 'GPT',
    instructType: null,
    input: ['text', 'image', 'file'],
    output: ['text'],
    pricing: {
      prompt: '0.00000015',
      completion: '0.0000006',
      request: '0',
      image: '0.000217',
      web_search: '0',
      internal_reasoning: '0',
      input_cache_read: '0.000000075',
    },
    parameters: [
      ...SAMPLING,
      ...TOOLS,
      ...STRUCTURED,
      'logit_bias',
      'logprobs',
      'top_logprobs',
    ],
    categories: ['programming', 'marketing'],
    endpoints: [
      {
        provider: 'OpenAI',
        tag: 'openai',
        quantization: 'unknown',
        implicitCaching: true,
      },
      {
        provider: 'Azure',
        tag: 'azure',
        quantization: 'unknown',
        uptime: 97.25,
        implicitCaching: true,
      },
    ],
    zdrProviders: ['Azure'],
  }),
  defineModel({
    id: 'openai/gpt-4o',
    name: 'OpenAI: GPT-4o',
    created: 1_715_558_400,
    description:
      "GPT-4o is OpenAI's multimodal flagship model, with text and image input.",
    contextLength: 128_000,
    maxCompletionTokens: 16_384,
    isModerated: true,
    tokenizer: 'GPT',
    instructType: null,
    input: ['text', 'image', 'file'],
    output: ['text'],
    pricing: {
      prompt: '0.0000025',
      completion: '0.00001',
      request: '0',
      image: '0.003613',
      web_search: '0',
      internal_reasoning: '0',
      input_cache_read: '0.00000125',
    },
    parameters: [
      ...SAMPLING,
      ...TOOLS,
      ...STRUCTURED,
      'logit_bias',
      'logprobs',
      'top_logprobs',
      'web_search_options',
    ],
    categories: ['programming'],
    endpoints: [
      {
        provider: 'OpenAI',
        tag: 'openai',
        quantization: 'unknown',
        implicitCaching: true,
      },
      {
        provider: 'Azure',
        tag: 'azure',
        quantization: 'unknown',
        implicitCaching: true,
      },
    ],
  }),
  defineModel({
    id: 'openai/gpt-3.5-turbo-instruct',
    name: 'OpenAI: GPT-3.5 Turbo Instruct',
    created: 1_695_859_200,
    description:
      'GPT-3.5 Turbo Instruct, a completion-style model for the legacy /completions endpoint.',
    contextLength: 4095,
    maxCompletionTokens: 4096,
    isModerated: true,
    tokenizer: 'GPT',
    instructType: 'chatml',
    input: ['text'],
    output: ['text'],
    pricing: { prompt: '0.0000015', completion: '0.000002' },
    parameters: [...SAMPLING, 'logit_bias', 'logprobs', 'top_logprobs'],
    categories: [],
    endpoints: [{ provider: 'OpenAI', tag: 'openai', quantization: null }],
  }),
  defineModel({
    id: 'openai/gpt-5-mini',
    name: 'OpenAI: GPT-5 Mini',
    created: 1_754_587_413,
    description:
      'GPT-5 Mini is a compact version of GPT-5 for lighter-weight reasoning tasks.',
    contextLength: 400_000,
    maxCompletionTokens: 128_000,
    isModerated: true,
    tokenizer: 'GPT',
    instructType: null,
    input: ['text', 'image', 'file'],
    output: ['text'],
    pricing: {
      prompt: '0.00000025',
      completion: '0.000002',
      web_search: '0.01',
      input_cache_read: '0.000000025',
    },
    parameters: ['max_tokens', 'seed', ...TOOLS, ...STRUCTURED, ...REASONING],
    categories: ['programming'],
    endpoints: [
      {
        provider: 'OpenAI',
        tag: 'openai',
        quantization: null,
        implicitCaching: true,
      },
    ],
  }),
  defineModel({
    id: 'openai/o4-mini',
    name: 'OpenAI: o4 Mini',
    created: 1_744_820_942,
    description:
      'o4-mini is a compact reasoning model, served through the Responses API and chat completions alike.',
    contextLength: 200_000,
    maxCompletionTokens: 100_000,
    isModerated: true,
    tokenizer: 'GPT',
    instructType: null,
    input: ['text', 'image', 'file'],
    output: ['text'],
    pricing: {
      prompt: '0.0000011',
      completion: '0.0000044',
      web_search: '0.01',
      input_cache_read: '0.000000275',
    },
    parameters: ['max_tokens', 'seed', ...TOOLS, ...STRUCTURED, ...REASONING],
    categories: ['programming'],
    endpoints: [
      {
        provider: 'OpenAI',
        tag: 'openai',
        quantization: null,
        implicitCaching: true,
      },
    ],
  }),
  defineModel({
    id: 'anthropic/claude-sonnet-4.5',
    name: 'Anthropic: Claude Sonnet 4.5',
    created: 1_759_161_676,
    description:
      "Claude Sonnet 4.5 is Anthropic's most advanced Sonnet model, optimized for agents and coding.",
    contextLength: 1_000_000,
    maxCompletionTokens: 64_000,
    isModerated: false,
    tokenizer: 'Claude',
    instructType: null,
    input: ['text', 'image', 'file'],
    output: ['text'],
    pricing: {
      prompt: '0.000003',
      completion: '0.000015',
      request: '0',
      image: '0.0048',
      input_cache_read: '0.0000003',
      input_cache_write: '0.00000375',
    },
    parameters: [
      'max_tokens',
      'temperature',
      'top_p',
      'top_k',
      'stop',
      ...TOOLS,
      ...REASONING,
      ...STRUCTURED,
    ],
    categories: ['programming', 'technology'],
    endpoints: [
      { provider: 'Anthropic', tag: 'anthropic', quantization: 'unknown' },
      {
        provider: 'Amazon Bedrock',
        tag: 'amazon-bedrock',
        quantization: 'unknown',
        contextLength: 200_000,
        uptime: 99.1,
      },
      {
        provider: 'Google',
        tag: 'google-vertex/global',
        quantization: 'unknown',
        status: -2,
        uptime: 71.4,
      },
    ],
    zdrProviders: ['Amazon Bedrock', 'Google'],
  }),
  defineModel({
    id: 'google/gemini-2.5-flash',
    name: 'Google: Gemini 2.5 Flash',
    created: 1_750_172_488,
    description:
      "Gemini 2.5 Flash is Google's workhorse model for reasoning, coding and maths, with a 1M-token context.",
    contextLength: 1_048_576,
    maxCompletionTokens: 65_535,
    isModerated: false,
    tokenizer: 'Gemini',
    instructType: null,
    input: ['text', 'image', 'file', 'audio', 'video'],
    output: ['text'],
    pricing: {
      prompt: '0.0000003',
      completion: '0.0000025',
      request: '0',
      image: '0.001238',
      audio: '0.000001',
      web_search: '0',
      internal_reasoning: '0',
      input_cache_read: '0.000000075',
      input_cache_write: '0.0000003833',
    },
    parameters: [...SAMPLING, ...TOOLS, ...STRUCTURED, ...REASONING],
    categories: ['programming', 'translation'],
    endpoints: [
      {
        provider: 'Google AI Studio',
        tag: 'google-ai-studio',
        quantization: null,
        implicitCaching: true,
      },
      {
        provider: 'Google',
        tag: 'google-vertex',
        quantization: null,
        implicitCaching: true,
      },
    ],
    zdrProviders: ['Google'],
  }),
  defineModel({
    id: 'google/gemini-2.5-pro',
    name: 'Google: Gemini 2.5 Pro',
    created: 1_750_169_544,
    description:
      "Gemini 2.5 Pro is Google's most capable model for reasoning, coding and long context.",
    contextLength: 1_048_576,
    maxCompletionTokens: 65_536,
    isModerated: false,
    tokenizer: 'Gemini',
    instructType: null,
    input: ['text', 'image', 'file', 'audio', 'video'],
    output: ['text'],
    pricing: {
      prompt: '0.00000125',
      completion: '0.00001',
      request: '0',
      image: '0.00516',
      internal_reasoning: '0',
      input_cache_read: '0.00000031',
      input_cache_write: '0.000001625',
    },
    parameters: [...SAMPLING, ...TOOLS, ...STRUCTURED, ...REASONING],
    categories: ['science'],
    endpoints: [
      {
        provider: 'Google',
        tag: 'google-vertex',
        quantization: null,
        implicitCaching: true,
      },
      {
        provider: 'Google AI Studio',
        tag: 'google-ai-studio',
        quantization: null,
        implicitCaching: true,
      },
    ],
  }),
  defineModel({
    id: 'google/gemini-2.5-flash-image',
    name: 'Google: Gemini 2.5 Flash Image (Nano Banana)',
    created: 1_759_870_431,
    description:
      'Gemini 2.5 Flash Image generates and edits images from text and image prompts.',
    contextLength: 32_768,
    maxCompletionTokens: 32_768,
    isModerated: false,
    tokenizer: 'Gemini',
    instructType: null,
    input: ['image', 'text'],
    output: ['image', 'text'],
    pricing: {
      prompt: '0.0000003',
      completion: '0.0000025',
      image: '0.001238',
      image_output: '0.00003',
    },
    parameters: [
      'max_tokens',
      'temperature',
      'top_p',
      'seed',
      'stop',
      ...STRUCTURED,
    ],
    categories: [],
    endpoints: [
      {
        provider: 'Google AI Studio',
        tag: 'google-ai-studio',
        quantization: null,
      },
      { provider: 'Google', tag: 'google-vertex', quantization: null },
    ],
  }),
  defineModel({
    id: 'meta-llama/llama-3.3-70b-instruct',
    name: 'Meta: Llama 3.3 70B Instruct',
    created: 1_733_506_137,
    description:
      'Llama 3.3 70B is a multilingual instruction-tuned model optimized for dialogue.',
    huggingFaceId: 'meta-llama/Llama-3.3-70B-Instruct',
    contextLength: 131_072,
    maxCompletionTokens: 16_384,
    isModerated: false,
    tokenizer: 'Llama3',
    instructType: 'llama3',
    input: ['text'],
    output: ['text'],
    pricing: { prompt: '0.00000013', completion: '0.00000039' },
    parameters: [
      ...SAMPLING,
      ...TOOLS,
      'top_k',
      'min_p',
      'repetition_penalty',
      'response_format',
    ],
    defaultTemperature: 0.6,
    categories: ['roleplay'],
    endpoints: [
      {
        provider: 'DeepInfra',
        tag: 'deepinfra/fp8',
        quantization: 'fp8',
        maxCompletionTokens: null,
      },
      {
        provider: 'Together',
        tag: 'together/fp8',
        quantization: 'fp8',
        pricing: { prompt: '0.00000088', completion: '0.00000088' },
      },
      {
        provider: 'Groq',
        tag: 'groq',
        quantization: null,
        contextLength: 131_072,
        maxCompletionTokens: 32_768,
        pricing: { prompt: '0.00000059', completion: '0.00000079' },
        uptime: null,
      },
    ],
  }),
  defineModel({
    id: 'meta-llama/llama-3.3-70b-instruct:free',
    name: 'Meta: Llama 3.3 70B Instruct (free)',
    created: 1_733_506_137,
    description:
      'Llama 3.3 70B Instruct, free of charge with lower rate limits.',
    huggingFaceId: 'meta-llama/Llama-3.3-70B-Instruct',
    contextLength: 65_536,
    maxCompletionTokens: null,
    isModerated: false,
    tokenizer: 'Llama3',
    instructType: 'llama3',
    input: ['text'],
    output: ['text'],
    pricing: { prompt: '0', completion: '0' },
    parameters: SAMPLING,
    categories: ['roleplay'],
    endpoints: [
      { provider: 'Chutes', tag: 'chutes/bf16', quantization: 'bf16' },
    ],
  }),
  defineModel({
    id: 'deepseek/deepseek-r1-0528:free',
    name: 'DeepSeek: R1 0528 (free)',
    created: 1_748_455_170,
    description:
      'DeepSeek R1 0528, an open reasoning model, free of charge with lower rate limits.',
    huggingFaceId: 'deepseek-ai/DeepSeek-R1-0528',
    contextLength: 163_840,
    maxCompletionTokens: null,
    isModerated: false,
    tokenizer: 'DeepSeek',
    instructType: 'deepseek-r1',
    input: ['text'],
    output: ['text'],
    pricing: { prompt: '0', completion: '0' },
    parameters: [...SAMPLING, ...REASONING],
    categories: ['science'],
    endpoints: [{ provider: 'Chutes', tag: 'chutes/fp8', quantization: 'fp8' }],
  }),
  defineModel({
    id: 'openrouter/auto',
    name: 'Auto Router',
    created: 1_699_401_600,
    description:
      'Picks a model for each prompt; the price is that of the model it picks.',
    contextLength: 2_000_000,
    maxCompletionTokens: null,
    isModerated: false,
    tokenizer: 'Router',
    instructType: null,
    input: ['text', 'image', 'file'],
    output: ['text'],
    pricing: { prompt: '-1', completion: '-1' },
    parameters: [],
    categories: [],
    endpoints: [],
  }),
];

/** The models of `GET /models/embeddings`. */
export const EMULATOR_EMBEDDING_MODELS: readonly EmulatedModel[] = [
  defineModel({
    id: 'openai/text-embedding-3-small',
    name: 'OpenAI: Text Embedding 3 Small',
    created: 1_706_140_800,
    description: "OpenAI's small, efficient text embedding model.",
    contextLength: 8192,
    maxCompletionTokens: null,
    isModerated: false,
    tokenizer: 'GPT',
    instructType: null,
    input: ['text'],
    output: ['embeddings'],
    pricing: { prompt: '0.00000002', completion: '0' },
    parameters: [],
    categories: [],
    endpoints: [{ provider: 'OpenAI', tag: 'openai', quantization: null }],
  }),
  defineModel({
    id: 'qwen/qwen3-embedding-8b',
    name: 'Qwen: Qwen3 Embedding 8B',
    created: 1_749_513_600,
    description: 'Qwen3 Embedding 8B, a multilingual text embedding model.',
    huggingFaceId: 'Qwen/Qwen3-Embedding-8B',
    contextLength: 32_000,
    maxCompletionTokens: null,
    isModerated: false,
    tokenizer: 'Qwen3',
    instructType: null,
    input: ['text'],
    output: ['embeddings'],
    pricing: { prompt: '0.00000001', completion: '0' },
    parameters: [],
    categories: [],
    endpoints: [
      { provider: 'DeepInfra', tag: 'deepinfra/bf16', quantization: 'bf16' },
    ],
  }),
];

/**
 * The speech-to-text, text-to-speech and reranking models, which
 * `GET /models` lists only when asked for their output modality
 * (`transcription`, `speech`, `rerank`) or for `all`.
 */
export const EMULATOR_AUDIO_AND_RERANK_MODELS: readonly EmulatedModel[] = [
  defineModel({
    id: 'openai/whisper-large-v3',
    name: 'OpenAI: Whisper Large v3',
    created: 1_767_225_600,
    description: "OpenAI's Whisper speech recognition model.",
    contextLength: null,
    maxCompletionTokens: null,
    isModerated: false,
    tokenizer: 'Other',
    instructType: null,
    input: ['audio'],
    output: ['transcription'],
    pricing: { prompt: '0.000001', completion: '0' },
    parameters: ['language', 'temperature', 'response_format'],
    categories: [],
    endpoints: [{ provider: 'OpenAI', tag: 'openai', quantization: null }],
  }),
  defineModel({
    id: 'openai/gpt-4o-mini-tts-2025-12-15',
    name: 'OpenAI: GPT-4o mini TTS',
    created: 1_765_756_800,
    description: "OpenAI's text-to-speech model with steerable voices.",
    contextLength: 2000,
    maxCompletionTokens: null,
    isModerated: false,
    tokenizer: 'GPT',
    instructType: null,
    input: ['text'],
    output: ['speech'],
    pricing: { prompt: '0.0000006', completion: '0.000012' },
    parameters: ['voice', 'speed', 'response_format'],
    categories: [],
    endpoints: [{ provider: 'OpenAI', tag: 'openai', quantization: null }],
  }),
  defineModel({
    id: 'cohere/rerank-v3.5',
    name: 'Cohere: Rerank v3.5',
    created: 1_775_347_200,
    description:
      'Reorders search results by relevance to a query, in 100+ languages.',
    contextLength: 4096,
    maxCompletionTokens: null,
    isModerated: false,
    tokenizer: 'Cohere',
    instructType: null,
    input: ['text'],
    output: ['rerank'],
    pricing: { prompt: '0', completion: '0', request: '0.002' },
    parameters: ['top_n'],
    categories: [],
    endpoints: [{ provider: 'Cohere', tag: 'cohere', quantization: null }],
  }),
];

/**
 * Providers the emulated account has excluded in its preferences, so
 * `GET /models/user` leaves out models only they serve.
 */
export const EMULATOR_IGNORED_PROVIDERS: readonly string[] = ['Chutes'];

/** `GET /providers`. Some optional links are missing or null, as in reality. */
export const EMULATOR_PROVIDERS: readonly Record<string, unknown>[] = [
  provider(
    'OpenAI',
    'openai',
    'https://openai.com/policies/privacy-policy/',
    'https://status.openai.com/',
  ),
  provider(
    'Azure',
    'azure',
    'https://www.microsoft.com/en-us/privacy/privacystatement',
    null,
  ),
  provider(
    'Anthropic',
    'anthropic',
    'https://www.anthropic.com/legal/privacy',
    'https://status.anthropic.com/',
  ),
  provider(
    'Amazon Bedrock',
    'amazon-bedrock',
    'https://aws.amazon.com/privacy/',
    null,
  ),
  provider(
    'Google',
    'google-vertex',
    'https://cloud.google.com/terms/cloud-privacy-notice',
    'https://status.cloud.google.com/',
  ),
  provider(
    'Google AI Studio',
    'google-ai-studio',
    'https://policies.google.com/privacy',
    null,
  ),
  provider(
    'DeepInfra',
    'deepinfra',
    'https://deepinfra.com/privacy',
    'https://status.deepinfra.com/',
  ),
  provider('Together', 'together', 'https://www.together.ai/privacy', null),
  provider(
    'Groq',
    'groq',
    'https://groq.com/privacy-policy/',
    'https://groqstatus.com/',
  ),
  { name: 'Chutes', slug: 'chutes', privacy_policy_url: null },
];

function provider(
  name: string,
  slug: string,
  privacyPolicyUrl: string,
  statusPageUrl: string | null,
) {
  return {
    name,
    slug,
    privacy_policy_url: privacyPolicyUrl,
    terms_of_service_url: `${new URL(privacyPolicyUrl).origin}/terms`,
    status_page_url: statusPageUrl,
  };
}
