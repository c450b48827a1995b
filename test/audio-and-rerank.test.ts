import type { ServerResponse } from 'node:http';
import {
  APICallError,
  InvalidArgumentError,
  NoSuchModelError,
} from '@ai-sdk/provider';
import { generateSpeech, rerank, transcribe } from 'ai';
import { createOpenRouter, openRouterMetadata } from 'ai-sdk-openrouter';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type HostileServer,
  startHostileServer,
} from './support/hostile-server';
import { TEST_API_KEY, useEmulator } from './support/use-emulator';

const server = useEmulator();

const TRANSCRIPTION_MODEL = 'openai/whisper-large-v3';
const SPEECH_MODEL = 'openai/gpt-4o-mini-tts-2025-12-15';
const RERANK_MODEL = 'cohere/rerank-v3.5';

/** A PCM WAV file of `seconds` of silence at 8 kHz, 16-bit mono. */
function silentWav(seconds: number): Uint8Array {
  const dataSize = Math.round(seconds * 8000) * 2;
  const bytes = Buffer.alloc(44 + dataSize);
  bytes.write('RIFF', 0, 'ascii');
  bytes.writeUInt32LE(36 + dataSize, 4);
  bytes.write('WAVEfmt ', 8, 'ascii');
  bytes.writeUInt32LE(16, 16);
  bytes.writeUInt16LE(1, 20);
  bytes.writeUInt16LE(1, 22);
  bytes.writeUInt32LE(8000, 24);
  bytes.writeUInt32LE(16_000, 28);
  bytes.writeUInt16LE(2, 32);
  bytes.writeUInt16LE(16, 34);
  bytes.write('data', 36, 'ascii');
  bytes.writeUInt32LE(dataSize, 40);
  return new Uint8Array(bytes);
}

let hostile: HostileServer | undefined;
afterEach(async () => {
  await hostile?.close();
  hostile = undefined;
});

/** A provider whose API is a raw server answering with `answer`. */
async function rawProvider(
  answer: (url: string, response: ServerResponse) => void,
) {
  hostile = await startHostileServer((request, response) =>
    answer(request.url, response),
  );
  return createOpenRouter({
    apiKey: TEST_API_KEY,
    baseURL: `${hostile.origin}/api/v1`,
  });
}

describe('transcription through transcribe', () => {
  it('sends base64 input_audio with its format and returns text, duration, usage and cost', async () => {
    const openrouter = server.createProvider();
    const audio = silentWav(1.5);

    const result = await transcribe({
      model: openrouter.transcriptionModel(TRANSCRIPTION_MODEL),
      audio,
      providerOptions: { openrouter: { language: 'en', temperature: 0 } },
    });

    expect(result.text).toBe(
      'This is a deterministic transcript from the OpenRouter emulator.',
    );
    expect(result.durationInSeconds).toBe(1.5);
    expect(result.segments).toStrictEqual([]);
    const body = server.emulator.requests[0].body as Record<string, unknown>;
    expect(body).toStrictEqual({
      model: TRANSCRIPTION_MODEL,
      input_audio: {
        data: Buffer.from(audio).toString('base64'),
        format: 'wav',
      },
      language: 'en',
      temperature: 0,
    });
    expect(server.emulator.requests[0].path).toBe('/audio/transcriptions');
    const metadata = openRouterMetadata(result, 'transcription');
    expect(metadata).toStrictEqual({
      generationId: 'gen-stt-emulator-0',
      cost: 0.00015,
      usage: { seconds: 1.5, cost: 0.00015 },
    });
  });

  it('asks for verbose_json when timestamps are wanted, and maps segments and words in seconds', async () => {
    const openrouter = server.createProvider();
    // The emulator's WAV carries its text, so speaking then transcribing
    // gives it back.
    const speech = await generateSpeech({
      model: openrouter.speechModel(SPEECH_MODEL),
      text: 'Rerank the search results',
      outputFormat: 'wav',
    });

    const result = await transcribe({
      model: openrouter.transcriptionModel(TRANSCRIPTION_MODEL),
      audio: speech.audio.uint8Array,
      timestampGranularities: ['segment', 'word'],
    });

    expect(server.emulator.requests[1].body).toMatchObject({
      response_format: 'verbose_json',
      timestamp_granularities: ['segment', 'word'],
    });
    expect(result.text).toBe('Rerank the search results');
    expect(result.language).toBe('en');
    expect(result.durationInSeconds).toBe(1);
    expect(result.segments).toStrictEqual([
      { text: 'Rerank the search results', startSecond: 0, endSecond: 1 },
    ]);
    expect(result.words?.map(word => word.text)).toStrictEqual([
      'Rerank',
      'the',
      'search',
      'results',
    ]);
    expect(result.words?.[3]).toMatchObject({
      startSecond: 0.75,
      endSecond: 1,
    });
  });

  it('lets the provider option for granularities win over the call, and says when words are missing', async () => {
    const openrouter = await rawProvider((_url, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ text: 'hi', usage: { cost: 0.1 } }));
    });

    const result = await transcribe({
      model: openrouter.transcriptionModel(TRANSCRIPTION_MODEL),
      audio: silentWav(0.1),
      timestampGranularities: ['segment'],
      providerOptions: {
        openrouter: { timestampGranularities: ['word'], prompt: 'Names: Ada' },
      },
    });

    const sent = JSON.parse(hostile?.requests[0].body ?? '{}');
    expect(sent.timestamp_granularities).toStrictEqual(['word']);
    expect(sent.response_format).toBe('verbose_json');
    expect(sent.prompt).toBe('Names: Ada');
    expect(result.warnings).toContainEqual(
      expect.objectContaining({
        message: expect.stringContaining('Word timings'),
      }),
    );
  });

  it('refuses an audio format OpenRouter does not take before any request', async () => {
    const openrouter = await rawProvider((_url, response) => {
      response.writeHead(500);
      response.end();
    });
    let downloads = 0;

    const error = await transcribe({
      model: openrouter.transcriptionModel(TRANSCRIPTION_MODEL),
      audio: new URL('https://example.com/clip.amr'),
      // The clip as the AI SDK downloads it, in a format OpenRouter refuses.
      download: async () => {
        downloads++;
        return { data: Buffer.from('#!AMR\n'), mediaType: 'audio/amr' };
      },
    }).catch(caught => caught);

    expect(downloads).toBe(1);
    expect(InvalidArgumentError.isInstance(error)).toBe(true);
    expect(error.message).toContain('"audio/amr"');
    expect(error.message).toContain('wav, mp3, flac');
    expect(hostile?.requests).toStrictEqual([]);
  });

  it('refuses a mistyped option value before any request, and suggests a misspelt key', async () => {
    const model = server
      .createProvider()
      .transcriptionModel(TRANSCRIPTION_MODEL);

    const error = await transcribe({
      model,
      audio: silentWav(0.1),
      providerOptions: { openrouter: { temperature: 'hot' } },
    }).catch(caught => caught);
    expect(error.message).toContain('temperature');
    expect(server.emulator.requests).toHaveLength(0);

    const result = await transcribe({
      model,
      audio: silentWav(0.1),
      providerOptions: { openrouter: { langauge: 'de' } },
    });
    expect(JSON.stringify(result.warnings)).toContain('language');
  });

  it.each([
    [400, false],
    [429, true],
    [502, true],
  ])(
    'maps HTTP %i to an APICallError (retryable: %s)',
    async (status, retryable) => {
      server.emulator.enqueue({
        type: 'error',
        status,
        message: 'Transcription failed',
        path: '/audio/transcriptions',
      });

      const error = await transcribe({
        model: server.createProvider().transcriptionModel(TRANSCRIPTION_MODEL),
        audio: silentWav(0.1),
        maxRetries: 0,
      }).catch(caught => caught);

      expect(APICallError.isInstance(error)).toBe(true);
      expect(error.statusCode).toBe(status);
      expect(error.isRetryable).toBe(retryable);
      expect(error.message).toBe('Transcription failed');
    },
  );

  it('stops when aborted while the request is in flight', async () => {
    server.emulator.enqueue({
      type: 'json',
      body: { text: 'late' },
      path: '/audio/transcriptions',
      delayMs: 5000,
    });
    const controller = new AbortController();
    const pending = transcribe({
      model: server.createProvider().transcriptionModel(TRANSCRIPTION_MODEL),
      audio: silentWav(0.1),
      abortSignal: controller.signal,
      maxRetries: 0,
    }).catch(caught => caught);
    setTimeout(() => controller.abort(), 50);

    const started = Date.now();
    const error = await pending;
    expect(error.name).toBe('AbortError');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('a model of another kind gets OpenRouter’s no-endpoints 404', async () => {
    const error = await transcribe({
      model: server.createProvider().transcriptionModel('openai/gpt-4o'),
      audio: silentWav(0.1),
      maxRetries: 0,
    }).catch(caught => caught);
    expect(error.statusCode).toBe(404);
    expect(error.message).toContain('No endpoints found for openai/gpt-4o');
  });
});

describe('speech through generateSpeech', () => {
  it('returns a real WAV with its media type, and maps voice, speed and format', async () => {
    const openrouter = server.createProvider();

    const result = await generateSpeech({
      model: openrouter.speechModel(SPEECH_MODEL),
      text: 'Hello from the emulator',
      voice: 'alloy',
      speed: 2,
      outputFormat: 'wav',
    });

    const bytes = Buffer.from(result.audio.uint8Array);
    expect(bytes.toString('ascii', 0, 4)).toBe('RIFF');
    expect(bytes.toString('ascii', 8, 12)).toBe('WAVE');
    expect(bytes.readUInt16LE(20)).toBe(1); // PCM
    expect(bytes.readUInt32LE(24)).toBe(24_000);
    expect(result.audio.mediaType).toBe('audio/wav');
    expect(server.emulator.requests[0].body).toStrictEqual({
      model: SPEECH_MODEL,
      input: 'Hello from the emulator',
      voice: 'alloy',
      speed: 2,
      response_format: 'wav',
    });
    expect(openRouterMetadata(result, 'speech')).toStrictEqual({
      generationId: 'gen-tts-emulator-0',
      mediaType: 'audio/wav',
    });
    expect(result.warnings).toStrictEqual([]);
  });

  it('asks for MP3 by default, which plays everywhere (OpenRouter would send raw PCM)', async () => {
    const result = await generateSpeech({
      model: server.createProvider().speechModel(SPEECH_MODEL),
      text: 'Hello',
    });

    expect(server.emulator.requests[0].body).toMatchObject({
      response_format: 'mp3',
    });
    expect(result.audio.mediaType).toBe('audio/mpeg');
    expect([...result.audio.uint8Array.slice(0, 2)]).toStrictEqual([
      0xff, 0xfb,
    ]);
  });

  it('warns that instructions and language have no field, and sends provider options through', async () => {
    const result = await generateSpeech({
      model: server.createProvider().speechModel(SPEECH_MODEL),
      text: 'Hallo',
      instructions: 'Speak slowly',
      language: 'de',
      providerOptions: {
        openrouter: {
          provider: { options: { openai: { instructions: 'Speak slowly' } } },
        },
      },
    });

    expect(result.warnings).toStrictEqual([
      expect.objectContaining({ type: 'unsupported', feature: 'instructions' }),
      expect.objectContaining({ type: 'unsupported', feature: 'language' }),
    ]);
    const body = server.emulator.requests[0].body as Record<string, unknown>;
    expect(body.provider).toStrictEqual({
      options: { openai: { instructions: 'Speak slowly' } },
    });
    expect(body).not.toHaveProperty('instructions');
    expect(body).not.toHaveProperty('language');
  });

  it.each([
    [401, false],
    [503, true],
  ])(
    'maps HTTP %i to an APICallError (retryable: %s)',
    async (status, retryable) => {
      server.emulator.enqueue({
        type: 'error',
        status,
        message: 'Speech failed',
        path: '/audio/speech',
      });

      const error = await generateSpeech({
        model: server.createProvider().speechModel(SPEECH_MODEL),
        text: 'x',
        maxRetries: 0,
      }).catch(caught => caught);

      expect(APICallError.isInstance(error)).toBe(true);
      expect(error.statusCode).toBe(status);
      expect(error.isRetryable).toBe(retryable);
    },
  );

  it('an error body in a 200 is an APICallError with its own status, not audio, and the key never shows', async () => {
    const openrouter = await rawProvider((_url, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({
          error: { code: 502, message: `Upstream failed for ${TEST_API_KEY}` },
        }),
      );
    });

    const error = await generateSpeech({
      model: openrouter.speechModel(SPEECH_MODEL),
      text: 'x',
      maxRetries: 0,
    }).catch(caught => caught);

    expect(APICallError.isInstance(error)).toBe(true);
    expect(error.statusCode).toBe(502);
    expect(error.isRetryable).toBe(true);
    expect(JSON.stringify(error)).not.toContain(TEST_API_KEY);
    expect(String(error.message)).not.toContain(TEST_API_KEY);
  });

  it('an unsupported format is OpenRouter’s 400, not retried', async () => {
    const error = await generateSpeech({
      model: server.createProvider().speechModel(SPEECH_MODEL),
      text: 'x',
      outputFormat: 'aiff',
    }).catch(caught => caught);
    expect(error.statusCode).toBe(400);
    expect(error.isRetryable).toBe(false);
    expect(server.emulator.requests).toHaveLength(1);
  });
});

describe('reranking through rerank', () => {
  const documents = [
    'quarterly tax filing deadline',
    'sunny beach weather this weekend',
    'the beach is sunny and warm',
  ];

  it('ranks text documents with indices and scores in the API’s order, with usage and cost', async () => {
    const result = await rerank({
      model: server.createProvider().rerankingModel(RERANK_MODEL),
      query: 'sunny beach',
      documents,
      topN: 2,
    });

    expect(server.emulator.requests[0].body).toStrictEqual({
      model: RERANK_MODEL,
      query: 'sunny beach',
      documents,
      top_n: 2,
    });
    expect(result.ranking).toHaveLength(2);
    expect(
      result.ranking.map(entry => entry.originalIndex).sort(),
    ).toStrictEqual([1, 2]);
    expect(result.ranking[0].score).toBeGreaterThanOrEqual(
      result.ranking[1].score,
    );
    expect(result.rerankedDocuments).toStrictEqual(
      result.ranking.map(entry => documents[entry.originalIndex]),
    );
    expect(openRouterMetadata(result, 'reranking')).toStrictEqual({
      provider: 'Cohere',
      model: RERANK_MODEL,
      generationId: 'gen-rerank-emulator-0',
      cost: 0.002,
      usage: { searchUnits: 1, totalTokens: expect.any(Number), cost: 0.002 },
    });
  });

  it('keeps the order the API gives, rather than sorting again', async () => {
    const openrouter = await rawProvider((_url, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({
          model: RERANK_MODEL,
          results: [
            { index: 2, relevance_score: 0.1 },
            { index: 0, relevance_score: 0.9 },
          ],
        }),
      );
    });

    const result = await rerank({
      model: openrouter.rerankingModel(RERANK_MODEL),
      query: 'q',
      documents,
    });

    expect(
      result.ranking.map(entry => [entry.originalIndex, entry.score]),
    ).toStrictEqual([
      [2, 0.1],
      [0, 0.9],
    ]);
  });

  it('sends { text, image } objects as documents and any other object as its JSON', async () => {
    await rerank({
      model: server.createProvider().rerankingModel(RERANK_MODEL),
      query: 'beach',
      documents: [
        { text: 'a beach', image: 'https://example.com/beach.png' },
        { title: 'Beach', body: 'sand' },
      ],
    });

    expect(server.emulator.requests[0].body?.documents).toStrictEqual([
      { text: 'a beach', image: 'https://example.com/beach.png' },
      '{"title":"Beach","body":"sand"}',
    ]);
  });

  it('refuses a bad topN before any request', async () => {
    const error = await rerank({
      model: server.createProvider().rerankingModel(RERANK_MODEL),
      query: 'q',
      documents,
      topN: 0,
    }).catch(caught => caught);
    expect(InvalidArgumentError.isInstance(error)).toBe(true);
    expect(error.message).toContain('topN');
    expect(server.emulator.requests).toHaveLength(0);
  });

  it('an index outside the documents is refused as an answer it cannot read', async () => {
    const openrouter = await rawProvider((_url, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({
          model: RERANK_MODEL,
          results: [{ index: 7, relevance_score: 0.5 }],
        }),
      );
    });
    const error = await rerank({
      model: openrouter.rerankingModel(RERANK_MODEL),
      query: 'q',
      documents,
      maxRetries: 0,
    }).catch(caught => caught);
    expect(error.message).toContain('document 7');
  });

  it.each([
    [402, false],
    [500, true],
  ])(
    'maps HTTP %i to an APICallError (retryable: %s)',
    async (status, retryable) => {
      server.emulator.enqueue({
        type: 'error',
        status,
        message: 'Rerank failed',
        path: '/rerank',
      });

      const error = await rerank({
        model: server.createProvider().rerankingModel(RERANK_MODEL),
        query: 'q',
        documents,
        maxRetries: 0,
      }).catch(caught => caught);

      expect(APICallError.isInstance(error)).toBe(true);
      expect(error.statusCode).toBe(status);
      expect(error.isRetryable).toBe(retryable);
    },
  );

  it('stops when aborted while the request is in flight', async () => {
    server.emulator.enqueue({
      type: 'json',
      body: { results: [] },
      path: '/rerank',
      delayMs: 5000,
    });
    const controller = new AbortController();
    const pending = rerank({
      model: server.createProvider().rerankingModel(RERANK_MODEL),
      query: 'q',
      documents,
      abortSignal: controller.signal,
      maxRetries: 0,
    }).catch(caught => caught);
    setTimeout(() => controller.abort(), 50);

    const error = await pending;
    expect(error.name).toBe('AbortError');
  });
});

describe('the three kinds and the provider', () => {
  it('are ProviderV4 methods with the provider names of their kind', () => {
    const openrouter = server.createProvider();
    expect(openrouter.transcriptionModel(TRANSCRIPTION_MODEL).provider).toBe(
      'openrouter.transcription',
    );
    expect(openrouter.speechModel(SPEECH_MODEL).provider).toBe(
      'openrouter.speech',
    );
    expect(openrouter.rerankingModel(RERANK_MODEL).provider).toBe(
      'openrouter.reranking',
    );
    expect(NoSuchModelError).toBeDefined();
  });

  it.each([
    ['transcription', '/api/v1/audio/transcriptions'],
    ['speech', '/api/v1/audio/speech'],
    ['reranking', '/api/v1/rerank'],
  ])(
    '%s never sends the key to another origin on a redirect',
    async (kind, path) => {
      const elsewhere = await startHostileServer((_request, response) => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end('{}');
      });
      try {
        const openrouter = await rawProvider((url, response) => {
          response.writeHead(307, {
            location: `${elsewhere.origin}/stolen${url}`,
          });
          response.end();
        });
        const error = await (kind === 'transcription'
          ? transcribe({
              model: openrouter.transcriptionModel(TRANSCRIPTION_MODEL),
              audio: silentWav(0.1),
            })
          : kind === 'speech'
            ? generateSpeech({
                model: openrouter.speechModel(SPEECH_MODEL),
                text: 'x',
              })
            : rerank({
                model: openrouter.rerankingModel(RERANK_MODEL),
                query: 'q',
                documents: ['a'],
              })
        ).catch(caught => caught);

        expect(elsewhere.requests).toStrictEqual([]);
        expect(hostile?.requests.map(request => request.url)).toStrictEqual([
          path,
        ]);
        expect(JSON.stringify(error)).not.toContain(TEST_API_KEY);
      } finally {
        await elsewhere.close();
      }
    },
  );
});
