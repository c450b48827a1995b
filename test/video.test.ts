import { APICallError, InvalidArgumentError } from '@ai-sdk/provider';
import { experimental_generateVideo as generateVideo } from 'ai';
import { createOpenRouter } from 'ai-sdk-openrouter';
import { createOpenRouterEmulator } from 'ai-sdk-openrouter/testing';
import { describe, expect, it, vi } from 'vitest';
import { TEST_API_KEY, useEmulator } from './support/use-emulator';

const server = useEmulator();

const MODEL = 'google/veo-3.1';
const MP4_SIGNATURE = [0x66, 0x74, 0x79, 0x70]; // 'ftyp' at offset 4
const PNG_BYTES = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]);

function videoModel(settings: Record<string, unknown> = {}) {
  return server.createProvider().videoModel(MODEL, {
    pollIntervalMs: 5,
    ...settings,
  });
}

function requestLines() {
  return server.emulator.requests.map(
    request => `${request.method} ${request.path}`,
  );
}

describe('video generation', () => {
  it('submits a job, polls it, and downloads the video with the key', async () => {
    const result = await generateVideo({
      model: videoModel(),
      prompt: 'A lighthouse at dawn',
      duration: 8,
      aspectRatio: '16:9',
      resolution: '1280x720',
      seed: 7,
      generateAudio: true,
    });

    expect(result.video.mediaType).toBe('video/mp4');
    expect([...result.video.uint8Array.slice(4, 8)]).toStrictEqual(
      MP4_SIGNATURE,
    );
    expect(new TextDecoder().decode(result.video.uint8Array)).toContain(
      'A lighthouse at dawn',
    );
    expect(requestLines()).toStrictEqual([
      'POST /videos',
      'GET /videos/video-emulator-0',
      'GET /videos/video-emulator-0',
      'GET /videos/video-emulator-0/content',
    ]);
    expect(server.emulator.requests[0].body).toStrictEqual({
      model: MODEL,
      prompt: 'A lighthouse at dawn',
      duration: 8,
      aspect_ratio: '16:9',
      size: '1280x720',
      seed: 7,
      generate_audio: true,
    });
    // The content endpoint takes the key; it was sent.
    expect(server.emulator.requests[3].headers.authorization).toContain('cdef');
    // The generation and cost also at the top, where the incumbent puts them.
    expect(result.providerMetadata.openrouter).toStrictEqual({
      generationId: 'gen-video-emulator-0',
      cost: 0.4,
      videos: [
        {
          jobId: 'video-emulator-0',
          generationId: 'gen-video-emulator-0',
          cost: 0.4,
        },
      ],
    });
  });

  it('returns every video of a job, not only the first', async () => {
    const model = videoModel();
    const base = server.emulator.baseURL;
    server.emulator.enqueue({
      type: 'json',
      path: '/videos/video-emulator-0',
      body: {
        id: 'video-emulator-0',
        status: 'completed',
        unsigned_urls: [
          `${base}/videos/video-emulator-0/content?index=0`,
          `${base}/videos/video-emulator-0/content?index=1`,
        ],
      },
    });

    const result = await generateVideo({ model, prompt: 'Two takes' });

    expect(result.videos).toHaveLength(2);
    expect(
      server.emulator.requests
        .filter(request => request.path.endsWith('/content'))
        .map(request => request.query.index),
    ).toStrictEqual(['0', '1']);
  });

  it('returns every signed URL of a job as a video', async () => {
    server.emulator.enqueue({
      type: 'json',
      path: '/videos/video-emulator-0',
      body: {
        id: 'video-emulator-0',
        status: 'completed',
        urls: ['https://cdn.example/a.mp4', 'https://cdn.example/b.mp4'],
      },
    });

    const result = await videoModel().doGenerate({
      prompt: 'Two takes',
      n: 1,
      aspectRatio: undefined,
      resolution: undefined,
      duration: undefined,
      fps: undefined,
      seed: undefined,
      image: undefined,
      providerOptions: {},
    } as never);

    expect(result.videos).toStrictEqual([
      { type: 'url', url: 'https://cdn.example/a.mp4', mediaType: 'video/mp4' },
      { type: 'url', url: 'https://cdn.example/b.mp4', mediaType: 'video/mp4' },
    ]);
  });

  it('lets experimental_generateVideo poll through doStart and doStatus', async () => {
    const result = await generateVideo({
      model: videoModel({ pollIntervalMs: 60_000 }),
      prompt: 'A kite',
      poll: { intervalMs: 5, timeoutMs: 5_000 },
    });

    expect(new TextDecoder().decode(result.video.uint8Array)).toContain(
      'A kite',
    );
    expect(requestLines()[0]).toBe('POST /videos');
    expect(requestLines().at(-1)).toBe('GET /videos/video-emulator-0/content');
  });

  it("takes the AI SDK's webhook option: the job gets its URL, and one status check follows the call", async () => {
    server.emulator.enqueue({
      type: 'json',
      path: '/videos/video-emulator-0',
      body: { id: 'video-emulator-0', status: 'completed' },
    });

    const result = await generateVideo({
      model: videoModel({ pollIntervalMs: 60_000 }),
      prompt: 'A kite',
      webhook: async () => ({
        url: 'https://my-app.example/hooks/video',
        received: Promise.resolve({
          headers: {},
          body: { status: 'completed' },
        }),
      }),
    });

    expect(result.video.mediaType).toBe('video/mp4');
    expect(server.emulator.requests[0].body).toMatchObject({
      callback_url: 'https://my-app.example/hooks/video',
    });
    expect(requestLines()).toStrictEqual([
      'POST /videos',
      'GET /videos/video-emulator-0',
      'GET /videos/video-emulator-0/content',
    ]);
  });

  it('sends a start frame, frame images and image references as image URLs', async () => {
    await generateVideo({
      model: videoModel(),
      prompt: { image: PNG_BYTES, text: 'Animate this' },
    });
    await generateVideo({
      model: videoModel(),
      prompt: 'From here to there',
      frameImages: [
        { image: 'https://example.com/first.png', frameType: 'first_frame' },
        { image: 'https://example.com/last.png', frameType: 'last_frame' },
      ],
    });
    await generateVideo({
      model: videoModel(),
      prompt: { image: 'https://example.com/first.png', text: 'Go' },
      frameImages: [
        { image: 'https://example.com/last.png', frameType: 'last_frame' },
      ],
    });

    const submitted = server.emulator.requests
      .filter(request => request.method === 'POST')
      .map(request => request.body as Record<string, unknown>);
    expect(submitted[0].frame_images).toStrictEqual([
      {
        type: 'image_url',
        image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' },
        frame_type: 'first_frame',
      },
    ]);
    const firstAndLast = [
      {
        type: 'image_url',
        image_url: { url: 'https://example.com/first.png' },
        frame_type: 'first_frame',
      },
      {
        type: 'image_url',
        image_url: { url: 'https://example.com/last.png' },
        frame_type: 'last_frame',
      },
    ];
    expect(submitted[1].frame_images).toStrictEqual(firstAndLast);
    // The prompt's image stays the first frame when the frames have none.
    expect(submitted[2].frame_images).toStrictEqual(firstAndLast);
  });

  it('warns about what OpenRouter does not take, and passes OpenRouter fields on', async () => {
    const result = await generateVideo({
      model: videoModel({ resolution: '1080p' }),
      prompt: 'Waves',
      fps: 30,
      providerOptions: {
        openrouter: {
          provider: { order: ['google-vertex'] },
          callbackUrl: 'https://my-app.example/hooks/video',
        },
      },
    });

    expect(server.emulator.requests[0].body).toStrictEqual({
      model: MODEL,
      prompt: 'Waves',
      resolution: '1080p',
      provider: { order: ['google-vertex'] },
      callback_url: 'https://my-app.example/hooks/video',
    });
    expect(result.warnings).toStrictEqual([
      expect.objectContaining({ type: 'unsupported', feature: 'fps' }),
    ]);
  });

  it('rejects invalid options before submitting a job', async () => {
    const error = await generateVideo({
      model: videoModel(),
      prompt: 'x',
      providerOptions: { openrouter: { duration: -1 } },
    }).catch(caught => caught);

    expect(InvalidArgumentError.isInstance(error)).toBe(true);
    expect(error.message).toContain('providerOptions.openrouter.duration');
    expect(server.emulator.requests).toHaveLength(0);
  });
});

describe('video jobs that go wrong', () => {
  it('reports a failed job with its own message and never submits it again', async () => {
    server.emulator.enqueue({
      type: 'json',
      path: '/videos/video-emulator-0',
      body: {
        id: 'video-emulator-0',
        status: 'failed',
        error: 'The prompt was flagged by the content policy',
      },
    });

    const error = await generateVideo({
      model: videoModel(),
      prompt: 'Something flagged',
    }).catch(caught => caught);

    expect(APICallError.isInstance(error)).toBe(true);
    expect(error.message).toBe(
      'OpenRouter video job video-emulator-0 failed: The prompt was flagged by the content policy',
    );
    expect(error.isRetryable).toBe(false);
    expect(requestLines().filter(line => line === 'POST /videos')).toHaveLength(
      1,
    );
  });

  it('reports a failed job through doStatus when experimental_generateVideo polls', async () => {
    server.emulator.enqueue({
      type: 'json',
      path: '/videos/video-emulator-0',
      body: { id: 'video-emulator-0', status: 'expired' },
    });

    const error = await generateVideo({
      model: videoModel(),
      prompt: 'Too late',
      poll: { intervalMs: 5, timeoutMs: 5_000 },
    }).catch(caught => caught);

    expect(error.message).toBe(
      'OpenRouter video job video-emulator-0 expired.',
    );
    expect(requestLines().filter(line => line === 'POST /videos')).toHaveLength(
      1,
    );
  });

  it('polls again after a failed poll, without a new job', async () => {
    server.emulator.enqueue({
      type: 'error',
      status: 502,
      message: 'Upstream hiccup',
      path: '/videos/video-emulator-0',
    });

    const result = await generateVideo({ model: videoModel(), prompt: 'Rain' });

    expect(result.video.mediaType).toBe('video/mp4');
    expect(requestLines()).toStrictEqual([
      'POST /videos',
      'GET /videos/video-emulator-0',
      'GET /videos/video-emulator-0',
      'GET /videos/video-emulator-0',
      'GET /videos/video-emulator-0/content',
    ]);
  });

  it('gives up after maxPollTimeMs with an error naming the job, not retried', async () => {
    // Its own emulator: the poll cut short at the deadline may still reach
    // the server, and must not land in another test's records.
    const emulator = await createOpenRouterEmulator();
    try {
      const inProgress = {
        type: 'json' as const,
        path: '/videos/video-emulator-0',
        body: { id: 'video-emulator-0', status: 'in_progress' },
      };
      emulator.enqueue(...Array.from({ length: 50 }, () => inProgress));

      const error = await generateVideo({
        model: createOpenRouter({
          apiKey: TEST_API_KEY,
          baseURL: emulator.baseURL,
        }).videoModel(MODEL, { pollIntervalMs: 10, maxPollTimeMs: 60 }),
        prompt: 'Slow',
        maxRetries: 2,
      }).catch(caught => caught);

      expect(APICallError.isInstance(error)).toBe(true);
      expect(error.message).toContain(
        'video-emulator-0 did not finish within 60 ms',
      );
      expect(error.isRetryable).toBe(false);
      expect(
        emulator.requests.filter(request => request.method === 'POST'),
      ).toHaveLength(1);
    } finally {
      await emulator.close();
    }
  });

  it('never submits twice when the job may exist: a cut-off answer or a dropped connection', async () => {
    server.emulator.enqueue(
      {
        type: 'raw',
        path: '/videos',
        status: 202,
        contentType: 'application/json',
        body: '{"id": "video-emul',
      },
      { type: 'cut', path: '/videos' },
    );

    const errors = [
      await generateVideo({ model: videoModel(), prompt: 'x' }).catch(
        caught => caught,
      ),
      await generateVideo({ model: videoModel(), prompt: 'x' }).catch(
        caught => caught,
      ),
    ];

    for (const error of errors) {
      expect(APICallError.isInstance(error)).toBe(true);
      expect(error.isRetryable).toBe(false);
    }
    expect(requestLines()).toStrictEqual(['POST /videos', 'POST /videos']);
  });

  it('retries a refused submission (429) but not one that may have made a job (502)', async () => {
    server.emulator.enqueue({
      type: 'error',
      status: 429,
      message: 'Slow down',
      path: '/videos',
      headers: { 'retry-after-ms': '10' },
    });
    const first = await generateVideo({ model: videoModel(), prompt: 'x' });
    server.emulator.enqueue({
      type: 'error',
      status: 502,
      message: 'Upstream hiccup',
      path: '/videos',
    });
    const second = await generateVideo({
      model: videoModel(),
      prompt: 'y',
    }).catch(caught => caught);

    expect(first.video.mediaType).toBe('video/mp4');
    expect(APICallError.isInstance(second)).toBe(true);
    expect(second.isRetryable).toBe(false);
    expect(requestLines().filter(line => line === 'POST /videos')).toHaveLength(
      3,
    );
  });

  it('stops at once when aborted during a poll', async () => {
    server.emulator.enqueue({
      type: 'json',
      path: '/videos/video-emulator-0',
      delayMs: 5_000,
      body: { id: 'video-emulator-0', status: 'in_progress' },
    });
    const controller = new AbortController();
    const pending = generateVideo({
      model: videoModel(),
      prompt: 'x',
      abortSignal: controller.signal,
    });
    await vi.waitFor(() => expect(requestLines()).toHaveLength(2));
    controller.abort();

    const error = await pending.catch(caught => caught);

    expect(error.name).toBe('AbortError');
  });

  it('stops at once when aborted while polling', async () => {
    const controller = new AbortController();
    const pending = generateVideo({
      model: videoModel({ pollIntervalMs: 60_000 }),
      prompt: 'x',
      abortSignal: controller.signal,
    });
    await vi.waitFor(() => expect(requestLines()).toHaveLength(1));
    controller.abort();

    const error = await pending.catch(caught => caught);

    expect(error.name).toBe('AbortError');
    expect(requestLines()).toStrictEqual(['POST /videos']);
  });
});

describe('video jobs behind a gateway, and where the key goes', () => {
  // A gateway at another host and path forwards to the emulator; every URL
  // the model asks for is recorded with whether it carried a key.
  function throughGateway(settings: Record<string, unknown> = {}) {
    const fetched: Array<{ url: string; withKey: boolean }> = [];
    const gatewayFetch: typeof fetch = (input, init) => {
      const url = new URL(String(input));
      const headers = new Headers(init?.headers);
      fetched.push({
        url: url.href,
        withKey:
          headers.has('authorization') || headers.has('x-provider-api-keys'),
      });
      if (url.origin !== 'https://gw.example.com') {
        return Promise.resolve(new Response('not here', { status: 404 }));
      }
      const path = url.pathname.replace(/^\/openrouter\/v1/, '');
      return fetch(`${server.emulator.baseURL}${path}${url.search}`, init);
    };
    const model = server
      .createProvider({
        baseURL: 'https://gw.example.com/openrouter/v1',
        fetch: gatewayFetch,
        ...settings,
      })
      .videoModel(MODEL, { pollIntervalMs: 5 });
    return { model, fetched };
  }

  it('polls and downloads through baseURL, not the origin-relative URLs OpenRouter gives', async () => {
    const { model, fetched } = throughGateway();

    const result = await generateVideo({
      model,
      prompt: 'Through the gateway',
    });

    expect(new TextDecoder().decode(result.video.uint8Array)).toContain(
      'Through the gateway',
    );
    expect(fetched.map(request => request.url)).toStrictEqual([
      'https://gw.example.com/openrouter/v1/videos',
      'https://gw.example.com/openrouter/v1/videos/video-emulator-0',
      'https://gw.example.com/openrouter/v1/videos/video-emulator-0',
      'https://gw.example.com/openrouter/v1/videos/video-emulator-0/content?index=0',
    ]);
  });

  it('sends no request, with or without the key, to a host a response names', async () => {
    const { model, fetched } = throughGateway();
    server.emulator.enqueue(
      {
        type: 'json',
        path: '/videos',
        status: 202,
        body: {
          id: 'video-emulator-0',
          polling_url: 'https://elsewhere.example.net/api/v1/videos/job',
          status: 'pending',
        },
      },
      {
        type: 'json',
        path: '/videos/video-emulator-0',
        body: {
          id: 'video-emulator-0',
          status: 'completed',
          unsigned_urls: ['https://cdn.example.net/video.mp4'],
        },
      },
    );

    const error = await generateVideo({ model, prompt: 'x' }).catch(
      caught => caught,
    );

    // The emulator never made that job, so the download from baseURL fails;
    // what matters is that nothing went anywhere else.
    expect(error.message).toContain('video-emulator-0');
    expect(
      fetched.every(request =>
        request.url.startsWith('https://gw.example.com/openrouter/v1/'),
      ),
    ).toBe(true);
  });

  it('refuses a redirect to another host: nothing is sent there', async () => {
    const { model, fetched } = throughGateway({
      api_keys: { google: 'own-google-key' },
    });
    server.emulator.enqueue({
      type: 'raw',
      path: '/videos/video-emulator-0',
      status: 302,
      headers: { location: 'https://elsewhere.example.net/status?token=x' },
      body: '',
    });

    const error = await generateVideo({ model, prompt: 'x' }).catch(
      (caught: unknown) => caught,
    );

    expect(
      fetched.filter(request =>
        request.url.startsWith('https://elsewhere.example.net/'),
      ),
    ).toHaveLength(0);
    expect(fetched[0].withKey).toBe(true);
    expect(String(error)).toContain('https://elsewhere.example.net');
    expect(String(error)).not.toContain('token=x');
  });
});

describe('video inputs', () => {
  it("leaves out an 'adaptive' aspect ratio, warning when there is no image to adapt to", async () => {
    const result = await generateVideo({
      model: videoModel(),
      prompt: 'x',
      aspectRatio: 'adaptive',
    });

    expect(server.emulator.requests[0].body).not.toHaveProperty('aspect_ratio');
    expect(result.warnings).toStrictEqual([
      expect.objectContaining({ type: 'unsupported', feature: 'aspectRatio' }),
    ]);
  });
});
