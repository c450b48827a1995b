import {
  APICallError,
  InvalidArgumentError,
  UnsupportedFunctionalityError,
} from '@ai-sdk/provider';
import { generateImage, NoImageGeneratedError } from 'ai';
import {
  createOpenRouter,
  type OpenRouterImageOptions,
} from 'ai-sdk-openrouter';
import { afterEach, describe, expect, it } from 'vitest';
import {
  imagesApiRequestBody,
  sizeMatchesAspectRatio,
  toInputReference,
} from '../src/image/generate-image-over-images-api';
import {
  type HostileServer,
  startHostileServer,
} from './support/hostile-server';
import { TEST_API_KEY, useEmulator } from './support/use-emulator';

const server = useEmulator();

const MODEL = 'google/gemini-2.5-flash-image';
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const PNG_BYTES = new Uint8Array(PNG_SIGNATURE);

function imageModel(
  settings?: Parameters<
    ReturnType<typeof server.createProvider>['imageModel']
  >[1],
) {
  return server.createProvider().imageModel(MODEL, settings);
}

function requestLines() {
  return server.emulator.requests.map(
    request => `${request.method} ${request.path}`,
  );
}

describe('image generation over POST /images', () => {
  it('asks for n images in one request and returns them, with usage and cost', async () => {
    const result = await generateImage({
      model: imageModel(),
      prompt: 'A lighthouse at dawn',
      n: 4,
      aspectRatio: '16:9',
      seed: 7,
    });

    expect(requestLines()).toStrictEqual(['POST /images']);
    expect(server.emulator.requests[0].body).toStrictEqual({
      model: MODEL,
      prompt: 'A lighthouse at dawn',
      n: 4,
      aspect_ratio: '16:9',
      seed: 7,
    });
    expect(result.images).toHaveLength(4);
    for (const image of result.images) {
      expect(image.mediaType).toBe('image/png');
      expect([...image.uint8Array.slice(0, 8)]).toStrictEqual(PNG_SIGNATURE);
    }
    // The emulator's images differ by index, so none was repeated or lost.
    expect(new Set(result.images.map(image => image.base64)).size).toBe(4);
    expect(result.usage).toStrictEqual({
      inputTokens: 5,
      outputTokens: 4 * 1290,
      totalTokens: 5 + 4 * 1290,
    });
    expect(result.warnings).toStrictEqual([]);

    const metadata = result.calls[0].providerMetadata?.openrouter as {
      images: unknown[];
      cost: number;
      usage: Record<string, unknown>;
    };
    expect(metadata.images).toStrictEqual(
      Array(4).fill({ mediaType: 'image/png' }),
    );
    expect(metadata.cost).toBeCloseTo(0.16, 5);
    expect(metadata.usage).toMatchObject({
      promptTokens: 5,
      completionTokens: 5160,
      totalTokens: 5165,
      cost: metadata.cost,
      completionTokensDetails: { imageTokens: 5160 },
    });
    // Each image carries its own entry.
    expect(result.images[0].providerMetadata).toStrictEqual({
      openrouter: { mediaType: 'image/png' },
    });
  });

  it('makes at most 10 images a request, as OpenRouter allows', async () => {
    const model = imageModel();
    expect(model.maxImagesPerCall).toBe(10);

    const result = await generateImage({ model, prompt: 'stars', n: 13 });

    expect(result.images).toHaveLength(13);
    expect(
      server.emulator.requests.map(
        request => (request.body as { n: number }).n,
      ),
    ).toStrictEqual([10, 3]);
    // Usage adds up over both requests.
    expect(result.usage.outputTokens).toBe(13 * 1290);
  });

  it('sends size as OpenRouter names it, and drops an aspect ratio the size contradicts', async () => {
    const matching = await generateImage({
      model: imageModel(),
      prompt: 'a',
      size: '1920x1080',
      aspectRatio: '16:9',
    });
    expect(server.emulator.requests[0].body).toMatchObject({
      size: '1920x1080',
      aspect_ratio: '16:9',
    });
    expect(matching.warnings).toStrictEqual([]);

    // OpenRouter refuses a size and a ratio that disagree (the emulator
    // does too), so the authoritative size is sent alone.
    const contradicting = await generateImage({
      model: imageModel(),
      prompt: 'a',
      size: '1024x1024',
      aspectRatio: '16:9',
    });
    const body = server.emulator.requests[1].body as Record<string, unknown>;
    expect(body.size).toBe('1024x1024');
    expect(body).not.toHaveProperty('aspect_ratio');
    expect(contradicting.warnings).toStrictEqual([
      expect.objectContaining({ type: 'unsupported', feature: 'aspectRatio' }),
    ]);
  });

  it('sends files as input_references: bytes and base64 as data URLs, URLs as they are', async () => {
    await generateImage({
      model: imageModel(),
      prompt: {
        text: 'Make it blue',
        images: [PNG_BYTES, 'https://images.example/cat.png'],
      },
    });

    expect(server.emulator.requests[0].body).toMatchObject({
      prompt: 'Make it blue',
      input_references: [
        {
          type: 'image_url',
          image_url: { url: `data:image/png;base64,iVBORw0KGgo=` },
        },
        {
          type: 'image_url',
          image_url: { url: 'https://images.example/cat.png' },
        },
      ],
    });
  });

  it('refuses a mask with a clear error before any request', async () => {
    const failure = await generateImage({
      model: imageModel(),
      prompt: { text: 'fill the hole', images: [PNG_BYTES], mask: PNG_BYTES },
    }).catch(error => error);

    expect(UnsupportedFunctionalityError.isInstance(failure)).toBe(true);
    expect(failure.message).toContain('do not take a mask');
    expect(server.emulator.requests).toHaveLength(0);
  });

  it('sends every option of the published request type, from settings and provider options', async () => {
    const settings: OpenRouterImageOptions = {
      resolution: '2K',
      quality: 'high',
      provider: { order: ['google-vertex'], allow_fallbacks: false },
      user: 'user-1',
    };
    const callOptions: OpenRouterImageOptions = {
      quality: 'medium',
      background: 'transparent',
      output_format: 'webp',
      output_compression: 80,
      session_id: 'session-1',
      aspect_ratio: '21:9',
    };

    await generateImage({
      model: imageModel(settings),
      prompt: 'a logo',
      aspectRatio: '1:1',
      providerOptions: { openrouter: callOptions },
    });

    expect(server.emulator.requests[0].body).toStrictEqual({
      model: MODEL,
      prompt: 'a logo',
      n: 1,
      // The call's provider options win over its standard options and the
      // model's settings, field by field.
      aspect_ratio: '21:9',
      resolution: '2K',
      quality: 'medium',
      background: 'transparent',
      output_format: 'webp',
      output_compression: 80,
      session_id: 'session-1',
      provider: { order: ['google-vertex'], allow_fallbacks: false },
      user: 'user-1',
    });
  });

  it('renames camelCase options and refuses invalid ones before any request', async () => {
    await generateImage({
      model: imageModel(),
      prompt: 'a',
      providerOptions: {
        openrouter: {
          outputFormat: 'jpeg',
          provider: { allowFallbacks: false },
        },
      },
    });
    expect(server.emulator.requests[0].body).toMatchObject({
      output_format: 'jpeg',
      provider: { allow_fallbacks: false },
    });

    const failure = await generateImage({
      model: imageModel(),
      prompt: 'a',
      providerOptions: { openrouter: { output_compression: 101 } },
    }).catch(error => error);
    expect(InvalidArgumentError.isInstance(failure)).toBe(true);
    expect(failure.message).toContain(
      'providerOptions.openrouter.output_compression',
    );
    expect(server.emulator.requests).toHaveLength(1);
  });

  it('keeps model, prompt, n and stream its own, and chat fields off the wire, with warnings', async () => {
    const result = await generateImage({
      model: server.createProvider().imageModel(MODEL, {
        // A model configured for chat without `endpoint: 'chat'`.
        ...({ modalities: ['image'] } as object),
      }),
      prompt: 'a',
      n: 2,
      providerOptions: {
        openrouter: { n: 5, stream: true, model: 'other/model' },
      },
    });

    expect(server.emulator.requests[0].body).toStrictEqual({
      model: MODEL,
      prompt: 'a',
      n: 2,
    });
    const messages = result.warnings.map(warning =>
      warning.type === 'other' ? warning.message : warning.type,
    );
    expect(messages).toStrictEqual([
      expect.stringContaining('settings.modalities is a chat field'),
      expect.stringContaining('"n", which ai-sdk-openrouter controls'),
      expect.stringContaining('"stream", which ai-sdk-openrouter controls'),
      expect.stringContaining('"model", which ai-sdk-openrouter controls'),
    ]);
  });

  it('lets extraBody of the provider sit underneath everything', async () => {
    await generateImage({
      model: createOpenRouter({
        apiKey: TEST_API_KEY,
        baseURL: server.emulator.baseURL,
        extraBody: { quality: 'low', trace: { trace_id: 't-1' } },
      }).imageModel(MODEL, { quality: 'high' }),
      prompt: 'a',
    });

    expect(server.emulator.requests[0].body).toMatchObject({
      quality: 'high',
      trace: { trace_id: 't-1' },
    });
  });

  it("turns OpenRouter's refusal into an APICallError with its message", async () => {
    // A one-image model refuses n > 1, as OpenRouter documents.
    const failure = await generateImage({
      model: server
        .createProvider()
        .imageModel('black-forest-labs/flux.2-pro', {}),
      prompt: 'a',
      n: 2,
      maxImagesPerCall: 2,
      maxRetries: 0,
    }).catch(error => error);

    expect(APICallError.isInstance(failure)).toBe(true);
    expect(failure.statusCode).toBe(400);
    expect(failure.message).toContain('one image per request');
    expect(failure.isRetryable).toBe(false);
  });

  it('retries a 429, and returns the images of the attempt that worked', async () => {
    server.emulator.enqueue({
      path: '/images',
      type: 'error',
      status: 429,
      message: 'Rate limit exceeded',
    });

    const result = await generateImage({
      model: imageModel(),
      prompt: 'a',
      n: 2,
    });

    expect(result.images).toHaveLength(2);
    expect(requestLines()).toStrictEqual(['POST /images', 'POST /images']);
  });

  it('warns when OpenRouter makes fewer images than asked for', async () => {
    server.emulator.enqueue({
      path: '/images',
      type: 'json',
      body: {
        created: 1_750_000_000,
        data: [{ b64_json: Buffer.from(PNG_BYTES).toString('base64') }],
      },
    });

    const result = await generateImage({
      model: imageModel(),
      prompt: 'a',
      n: 3,
    });

    expect(result.images).toHaveLength(1);
    expect(result.warnings).toStrictEqual([
      {
        type: 'other',
        message: expect.stringContaining('3 images were asked for'),
      },
    ]);
    // No usage reported, so none is made up.
    expect(result.usage.inputTokens).toBeUndefined();
    expect(result.calls[0].providerMetadata).toStrictEqual({
      openrouter: { images: [{}] },
    });
    expect(result.responses[0].timestamp).toStrictEqual(
      new Date(1_750_000_000_000),
    );
  });

  it('throws NoImageGeneratedError when no attempt makes an image', async () => {
    for (let attempt = 0; attempt < 2; attempt++) {
      server.emulator.enqueue({
        path: '/images',
        type: 'json',
        body: { created: 1, data: [] },
      });
    }

    const failure = await generateImage({
      model: imageModel(),
      prompt: 'a',
      maxRetries: 1,
    }).catch(error => error);

    expect(NoImageGeneratedError.isInstance(failure)).toBe(true);
    expect(server.emulator.requests).toHaveLength(2);
  });
});

describe('odd answers to POST /images', () => {
  let hostile: HostileServer | undefined;
  afterEach(async () => {
    await hostile?.close();
    hostile = undefined;
  });

  async function generateFrom(
    answer: (response: import('node:http').ServerResponse) => void,
  ) {
    hostile = await startHostileServer((_request, response) =>
      answer(response),
    );
    return generateImage({
      model: createOpenRouter({
        apiKey: TEST_API_KEY,
        baseURL: `${hostile.origin}/api/v1`,
      }).imageModel(MODEL),
      prompt: 'a',
      maxRetries: 0,
    }).catch(error => error);
  }

  it('an error in a 200 body is an APICallError with its own status, and the key never shows', async () => {
    const failure = await generateFrom(response => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({
          error: { code: 502, message: `Upstream failed for ${TEST_API_KEY}` },
        }),
      );
    });

    expect(APICallError.isInstance(failure)).toBe(true);
    expect(failure.statusCode).toBe(502);
    expect(failure.isRetryable).toBe(true);
    expect(JSON.stringify(failure)).not.toContain(TEST_API_KEY);
    expect(hostile?.requests[0].url).toBe('/api/v1/images');
  });

  it('an image without b64_json is an answer this provider cannot read', async () => {
    const failure = await generateFrom(response => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({ created: 1, data: [{ url: 'https://x' }] }),
      );
    });

    expect(APICallError.isInstance(failure)).toBe(true);
    expect(failure.message).toContain('data.0.b64_json');
  });

  it('a body cut off in transit is a retryable APICallError', async () => {
    const failure = await generateFrom(response => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"created":1,"data":[{"b64_json":"iVBO');
    });

    expect(APICallError.isInstance(failure)).toBe(true);
    expect(failure.isRetryable).toBe(true);
    expect(failure.message).toContain('not valid JSON');
  });

  it('a redirect to another origin is refused, so the key stays home', async () => {
    const elsewhere = await startHostileServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ created: 1, data: [] }));
    });
    try {
      const failure = await generateFrom(response => {
        response.writeHead(307, { location: `${elsewhere.origin}/images` });
        response.end();
      });
      expect(APICallError.isInstance(failure)).toBe(true);
      expect(elsewhere.requests).toHaveLength(0);
    } finally {
      await elsewhere.close();
    }
  });
});

describe("the chat path (endpoint: 'chat')", () => {
  it('makes one chat request per image with modalities, as before', async () => {
    const model = imageModel({ endpoint: 'chat' });
    expect(model.maxImagesPerCall).toBe(1);

    const result = await generateImage({
      model,
      prompt: 'a lighthouse',
      n: 2,
      aspectRatio: '16:9',
    });

    expect(result.images).toHaveLength(2);
    expect(requestLines()).toStrictEqual([
      'POST /chat/completions',
      'POST /chat/completions',
    ]);
    expect(server.emulator.requests[0].body).toMatchObject({
      modalities: ['image', 'text'],
      image_config: { aspect_ratio: '16:9' },
    });
    // `endpoint` steers the model and is never sent.
    expect(server.emulator.requests[0].body).not.toHaveProperty('endpoint');
  });

  it('refuses a mask too', async () => {
    const failure = await generateImage({
      model: imageModel({ endpoint: 'chat' }),
      prompt: { text: 'x', images: [PNG_BYTES], mask: PNG_BYTES },
    }).catch(error => error);

    expect(UnsupportedFunctionalityError.isInstance(failure)).toBe(true);
    expect(server.emulator.requests).toHaveLength(0);
  });

  it('ignores an endpoint in provider options, with a warning', async () => {
    const result = await generateImage({
      model: imageModel(),
      prompt: 'a',
      providerOptions: { openrouter: { endpoint: 'chat' } },
    });

    expect(requestLines()).toStrictEqual(['POST /images']);
    expect(result.warnings).toStrictEqual([
      {
        type: 'other',
        message: expect.stringContaining('endpoint is a model setting'),
      },
    ]);
  });
});

describe('the emulator: POST /images and GET /images/models', () => {
  async function post(body: unknown) {
    const response = await fetch(`${server.emulator.baseURL}/images`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${TEST_API_KEY}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: await response.json() };
  }

  it.each([
    [{ prompt: 'a' }, 'specify "model"'],
    [{ model: MODEL }, '"prompt" must be text'],
    [
      { model: MODEL, prompt: 'a', n: 0 },
      'Invalid n: expected an integer from 1 to 10, got 0',
    ],
    [
      { model: MODEL, prompt: 'a', n: 11 },
      'Invalid n: expected an integer from 1 to 10, got 11',
    ],
    [{ model: MODEL, prompt: 'a', n: 1e9 }, 'Invalid n'],
    [{ model: MODEL, prompt: 'a', n: 2.5 }, 'Invalid n'],
    [
      { model: MODEL, prompt: 'a', output_compression: 200 },
      'Invalid output_compression',
    ],
    [
      { model: MODEL, prompt: 'a', input_references: [{ url: 'x' }] },
      'Invalid input_references.0',
    ],
    [
      {
        model: MODEL,
        prompt: 'a',
        input_references: [
          { type: 'image_url', image_url: { url: 'file:///etc/passwd' } },
        ],
      },
      'expected a base64 data URL or an HTTP(S) URL',
    ],
    [
      { model: MODEL, prompt: 'a', size: '1024x1024', aspect_ratio: '16:9' },
      'does not match',
    ],
    [{ model: MODEL, prompt: 'a', stream: true }, 'does not stream'],
  ])('refuses %j with OpenRouter’s 400', async (body, message) => {
    const answer = await post(body);

    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe(400);
    expect(answer.body.error.message).toContain(message);
  });

  it('answers the published response shape, the same images for the same request', async () => {
    const request = { model: MODEL, prompt: 'a fox', n: 2, seed: 3 };
    const first = await post(request);
    const second = await post(request);
    const reseeded = await post({ ...request, seed: 4 });

    expect(first.status).toBe(200);
    expect(Object.keys(first.body).sort()).toStrictEqual([
      'created',
      'data',
      'usage',
    ]);
    expect(first.body.data).toHaveLength(2);
    expect(first.body.data[0].media_type).toBe('image/png');
    expect(second.body.data).toStrictEqual(first.body.data);
    expect(reseeded.body.data).not.toStrictEqual(first.body.data);
    expect(first.body.usage.cost).toBeCloseTo(0.08, 5);
  });

  it('lists its image models', async () => {
    const models = await server.createProvider().models.listImages();

    expect(models.map(model => model.id)).toStrictEqual([
      'google/gemini-2.5-flash-image',
      'openai/gpt-5-image',
      'black-forest-labs/flux.2-pro',
    ]);
    expect(models.skipped).toStrictEqual([]);
    expect(models[0]).toMatchObject({
      name: 'Google: Gemini 2.5 Flash Image',
      outputModalities: ['image'],
      supportsStreaming: false,
      supportedParameters: { n: { type: 'range', min: 1, max: 10 } },
    });
    expect(requestLines()).toStrictEqual(['GET /images/models']);
  });
});

describe('models.listImages against odd catalogues', () => {
  it('skips a malformed entry and describes it, keeping the others', async () => {
    const hostile = await startHostileServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({
          data: [
            { id: 'a/good', architecture: { output_modalities: ['image'] } },
            { id: 42, name: 'numeric id' },
            { id: 'b/odd', supported_parameters: { n: 'range' } },
            { id: 'c/minimal' },
          ],
        }),
      );
    });
    try {
      const models = await createOpenRouter({
        apiKey: TEST_API_KEY,
        baseURL: hostile.origin,
      }).models.listImages();

      expect(models.map(model => model.id)).toStrictEqual([
        'a/good',
        'c/minimal',
      ]);
      expect(models[1]).toMatchObject({
        name: null,
        inputModalities: [],
        supportedParameters: {},
        supportsStreaming: false,
        endpointsUrl: null,
      });
      expect(
        models.skipped.map(entry => [entry.index, entry.id]),
      ).toStrictEqual([
        [1, null],
        [2, 'b/odd'],
      ]);
      expect(hostile.requests[0].url).toBe('/images/models');
    } finally {
      await hostile.close();
    }
  });
});

describe('pure mappings', () => {
  it('sizeMatchesAspectRatio compares explicit pixels with a ratio', () => {
    expect(sizeMatchesAspectRatio('1920x1080', '16:9')).toBe(true);
    expect(sizeMatchesAspectRatio('1024x1536', '2:3')).toBe(true);
    expect(sizeMatchesAspectRatio('1024x1024', '16:9')).toBe(false);
    expect(sizeMatchesAspectRatio('2350x1000', '2.35:1')).toBe(true);
    // A tier or `auto` cannot be compared: OpenRouter decides.
    expect(sizeMatchesAspectRatio('2K', '16:9')).toBe(true);
    expect(sizeMatchesAspectRatio('1024x1024', 'auto')).toBe(true);
  });

  it('toInputReference keeps a URL and turns bytes and base64 into a data URL', () => {
    expect(
      toInputReference({ type: 'url', url: 'https://x/y.png' }),
    ).toStrictEqual({
      type: 'image_url',
      image_url: { url: 'https://x/y.png' },
    });
    expect(
      toInputReference({ type: 'file', mediaType: 'image/jpeg', data: 'AAEC' }),
    ).toStrictEqual({
      type: 'image_url',
      image_url: { url: 'data:image/jpeg;base64,AAEC' },
    });
    expect(
      toInputReference({
        type: 'file',
        mediaType: 'image/webp',
        data: new Uint8Array([0, 1, 2]),
      }).image_url.url,
    ).toBe('data:image/webp;base64,AAEC');
  });

  it('imagesApiRequestBody sends no prompt as an empty one, and files only when there are some', () => {
    const { body, warnings } = imagesApiRequestBody({
      modelId: MODEL,
      settings: {},
      extraBody: undefined,
      options: {
        prompt: undefined,
        n: 1,
        size: undefined,
        aspectRatio: undefined,
        seed: undefined,
        files: [],
        providerOptions: {},
      },
    });
    expect(body).toStrictEqual({ model: MODEL, prompt: '', n: 1 });
    expect(warnings).toStrictEqual([]);
  });
});
