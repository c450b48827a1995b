import { UnsupportedFunctionalityError } from '@ai-sdk/provider';
import { generateImage, generateText, streamText } from 'ai';
import { describe, expect, it } from 'vitest';
import { collect } from './support/collect';
import { useEmulator } from './support/use-emulator';

const server = useEmulator();

const PNG_BYTES = new Uint8Array([
  137, 80, 78, 71, 13, 10, 26, 10, 0, 0, 0, 13, 73, 72, 68, 82,
]);
const PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUg==';
const PDF_BYTES = new TextEncoder().encode('%PDF-1.4 tiny');
const WAV_BYTES = new TextEncoder().encode('RIFF0000WAVEfmt ');

/** The content parts of the first user message sent. */
function sentParts(index = 0) {
  const body = server.emulator.requests[index].body as {
    messages: Array<{ role: string; content: unknown }>;
  };
  return body.messages.find(message => message.role === 'user')?.content;
}

function ask(content: Parameters<typeof userMessage>[0]) {
  return generateText({
    model: server.createProvider()('openai/gpt-4o'),
    messages: [userMessage(content)],
    maxRetries: 0,
  });
}

function userMessage(
  content: Exclude<
    Parameters<typeof generateText>[0]['messages'],
    undefined
  >[number]['content'],
) {
  return { role: 'user' as const, content } as Exclude<
    Parameters<typeof generateText>[0]['messages'],
    undefined
  >[number];
}

describe('input parts', () => {
  it('keeps image URLs with query strings and fragments as URLs, never downloading them', async () => {
    // Nothing on this machine serves these URLs: a download would fail.
    const url = 'https://images.example/cat.PNG?height=200&sig=a%2Fb#frag';

    const result = await ask([
      { type: 'text', text: 'Describe' },
      { type: 'file', mediaType: 'image', data: new URL(url) },
    ]);

    expect(sentParts()).toStrictEqual([
      { type: 'text', text: 'Describe' },
      { type: 'image_url', image_url: { url } },
    ]);
    expect(result.text).toContain(`an image (${url})`);
  });

  it('sends image bytes as a data URL, sniffing a bare image media type, with detail', async () => {
    const result = await ask([
      {
        type: 'file',
        mediaType: 'image',
        data: PNG_BYTES,
        providerOptions: { openrouter: { imageDetail: 'low' } },
      },
    ]);

    expect(sentParts()).toStrictEqual([
      {
        type: 'image_url',
        image_url: {
          url: `data:image/png;base64,${PNG_BASE64}`,
          detail: 'low',
        },
      },
    ]);
    expect(result.text).toContain('an image (image/png, 16 bytes)');
  });

  it('sends a remote PDF as its URL and PDF bytes as a data URL', async () => {
    await ask([
      {
        type: 'file',
        mediaType: 'application/pdf',
        filename: 'paper.pdf',
        data: new URL('https://papers.example/paper.pdf'),
      },
      { type: 'file', mediaType: 'application/pdf', data: PDF_BYTES },
    ]);

    expect(sentParts()).toStrictEqual([
      {
        type: 'file',
        file: {
          filename: 'paper.pdf',
          file_data: 'https://papers.example/paper.pdf',
        },
      },
      {
        type: 'file',
        file: {
          filename: 'document.pdf',
          file_data: `data:application/pdf;base64,${btoa('%PDF-1.4 tiny')}`,
        },
      },
    ]);
  });

  it('reaches the file-parser plugin through options', async () => {
    await generateText({
      model: server.createProvider()('openai/gpt-4o'),
      prompt: 'Summarise',
      providerOptions: {
        openrouter: {
          plugins: [{ id: 'file-parser', pdf: { engine: 'pdf-text' } }],
        },
      },
    });

    expect(server.emulator.requests[0].body).toHaveProperty('plugins', [
      { id: 'file-parser', pdf: { engine: 'pdf-text' } },
    ]);
  });

  it('sends a YouTube URL as video_url without downloading it', async () => {
    const url = 'https://www.youtube.com/watch?v=dQw4w9WgXcQ';

    await ask([
      { type: 'text', text: 'Summarise the video' },
      { type: 'file', mediaType: 'video/mp4', data: new URL(url) },
    ]);

    expect(sentParts()).toStrictEqual([
      { type: 'text', text: 'Summarise the video' },
      { type: 'video_url', video_url: { url } },
    ]);
  });

  it('sends video bytes as a data URL', async () => {
    await ask([
      { type: 'file', mediaType: 'video/mp4', data: new Uint8Array([1, 2, 3]) },
    ]);

    expect(sentParts()).toStrictEqual([
      { type: 'video_url', video_url: { url: 'data:video/mp4;base64,AQID' } },
    ]);
  });

  it.each([
    ['audio/wav', 'wav'],
    ['audio/mpeg', 'mp3'],
    ['audio/mp4', 'm4a'],
    ['audio/flac', 'flac'],
    ['audio/ogg', 'ogg'],
  ])(
    'sends %s audio as input_audio with format %s',
    async (mediaType, format) => {
      const result = await ask([{ type: 'file', mediaType, data: WAV_BYTES }]);

      expect(sentParts()).toStrictEqual([
        {
          type: 'input_audio',
          input_audio: { data: btoa('RIFF0000WAVEfmt '), format },
        },
      ]);
      expect(result.text).toContain(`audio (${format}, 16 bytes)`);
    },
  );

  it('inlines text files', async () => {
    await ask([
      { type: 'text', text: 'Review:' },
      {
        type: 'file',
        mediaType: 'text/csv',
        filename: 'data.csv',
        data: new TextEncoder().encode('a,b\n1,2'),
      },
    ]);

    expect(sentParts()).toStrictEqual([
      { type: 'text', text: 'Review:' },
      { type: 'text', text: 'data.csv:\na,b\n1,2' },
    ]);
  });

  it('rejects a media type OpenRouter cannot take, naming it, before sending', async () => {
    const error = await ask([
      {
        type: 'file',
        mediaType: 'application/zip',
        data: new Uint8Array([80, 75, 3, 4]),
      },
    ]).catch(caught => caught);

    expect(UnsupportedFunctionalityError.isInstance(error)).toBe(true);
    expect(error.message).toContain('application/zip');
    expect(server.emulator.requests).toHaveLength(0);
  });

  it('gives a clear error for an audio URL, which OpenRouter cannot fetch', async () => {
    const model = server.createProvider()('openai/gpt-4o');

    const error = await model
      .doGenerate({
        prompt: [
          {
            role: 'user',
            content: [
              {
                type: 'file',
                mediaType: 'audio/wav',
                data: { type: 'url', url: new URL('https://x.example/a.wav') },
              },
            ],
          },
        ],
      })
      .catch(caught => caught);

    expect(UnsupportedFunctionalityError.isInstance(error)).toBe(true);
    expect(error.message).toContain('audio URLs');
    expect(server.emulator.requests).toHaveLength(0);
  });
});

describe('image output', () => {
  const imageOptions = {
    providerOptions: { openrouter: { modalities: ['image', 'text'] } },
  };

  it('returns generated images as files from generateText', async () => {
    const result = await generateText({
      model: server.createProvider()('google/gemini-2.5-flash-image'),
      prompt: 'a red square',
      ...imageOptions,
    });

    expect(result.text).toBe('Here is an image of a red square.');
    expect(result.files).toHaveLength(1);
    expect(result.files[0].mediaType).toBe('image/png');
    expect(result.files[0].uint8Array.slice(0, 4)).toStrictEqual(
      new Uint8Array([137, 80, 78, 71]),
    );
  });

  it('streams generated images as file parts', async () => {
    const result = streamText({
      model: server.createProvider()('google/gemini-2.5-flash-image'),
      prompt: 'a red square',
      ...imageOptions,
    });
    const parts = await collect(result.fullStream);

    const files = parts.filter(part => part.type === 'file');
    expect(files).toHaveLength(1);
    expect((await result.files)[0].mediaType).toBe('image/png');
  });

  it('continues a conversation after an image, warning that the image stays behind', async () => {
    const model = server.createProvider()('google/gemini-2.5-flash-image');
    const first = await generateText({
      model,
      prompt: 'a red square',
      ...imageOptions,
    });

    const second = await generateText({
      model,
      messages: [
        { role: 'user', content: 'a red square' },
        ...first.response.messages,
        { role: 'user', content: 'Now make it blue.' },
      ],
      ...imageOptions,
    });

    const sent = server.emulator.requests[1].body as {
      messages: Array<{ role: string; content: unknown }>;
    };
    expect(sent.messages[1]).toStrictEqual({
      role: 'assistant',
      content: 'Here is an image of a red square.',
    });
    expect(second.warnings).toStrictEqual([
      expect.objectContaining({
        type: 'other',
        message: expect.stringContaining("assistant message's file part"),
      }),
    ]);
  });

  it('generates n images with generateImage, one call each, with cost', async () => {
    const openrouter = server.createProvider();

    const result = await generateImage({
      model: openrouter.imageModel('google/gemini-2.5-flash-image', {
        endpoint: 'chat',
      }),
      prompt: 'a lighthouse',
      n: 2,
      aspectRatio: '16:9',
      seed: 42,
    });

    expect(result.images).toHaveLength(2);
    expect(result.images[0].mediaType).toBe('image/png');
    expect(server.emulator.requests).toHaveLength(2);
    expect(server.emulator.requests[0].body).toMatchObject({
      model: 'google/gemini-2.5-flash-image',
      messages: [{ role: 'user', content: 'a lighthouse' }],
      modalities: ['image', 'text'],
      image_config: { aspect_ratio: '16:9' },
      seed: 42,
    });
    // generateImage keeps the per-image entries of every call.
    const metadata = result.providerMetadata.openrouter as {
      images: Array<{ cost: number; generationId: string; provider: string }>;
    };
    expect(metadata.images).toStrictEqual([
      {
        generationId: 'gen-emulator-0',
        provider: 'Google AI Studio',
        cost: expect.any(Number),
      },
      {
        generationId: 'gen-emulator-1',
        provider: 'Google AI Studio',
        cost: expect.any(Number),
      },
    ]);
    expect(metadata.images[0].cost).toBeGreaterThan(0);
  });

  it('keeps model settings for image-only models and merges image_config', async () => {
    const model = server
      .createProvider()
      .imageModel('google/gemini-2.5-flash-image', {
        endpoint: 'chat',
        modalities: ['image'],
        image_config: { image_size: '4K' },
      });

    const result = await generateImage({
      model,
      prompt: 'a lighthouse',
      aspectRatio: '16:9',
    });

    expect(result.images).toHaveLength(1);
    expect(server.emulator.requests[0].body).toMatchObject({
      modalities: ['image'],
      image_config: { image_size: '4K', aspect_ratio: '16:9' },
    });
  });

  it("merges a camelCase imageConfig with the call's aspect ratio, without a conflict", async () => {
    const result = await generateImage({
      model: server
        .createProvider()
        .imageModel('google/gemini-2.5-flash-image', { endpoint: 'chat' }),
      prompt: 'a lighthouse',
      n: 2,
      size: '1920x1080',
      providerOptions: { openrouter: { imageConfig: { image_size: '4K' } } },
    });

    for (const request of server.emulator.requests) {
      expect(request.body).toHaveProperty('image_config', {
        aspect_ratio: '16:9',
        image_size: '4K',
      });
    }
    // `generateImage` makes one call per image and keeps each call's
    // warnings: the size warning, and nothing about conflicting options.
    expect(result.warnings).toStrictEqual([
      expect.objectContaining({ type: 'compatibility', feature: 'size' }),
      expect.objectContaining({ type: 'compatibility', feature: 'size' }),
    ]);
  });

  it('turns a size into an aspect ratio, with a warning', async () => {
    const result = await generateImage({
      model: server
        .createProvider()
        .imageModel('google/gemini-2.5-flash-image', { endpoint: 'chat' }),
      prompt: 'a lighthouse',
      size: '1920x1080',
    });

    expect(server.emulator.requests[0].body).toHaveProperty('image_config', {
      aspect_ratio: '16:9',
    });
    expect(result.warnings).toContainEqual(
      expect.objectContaining({ type: 'compatibility', feature: 'size' }),
    );
  });
});

describe('web search citations', () => {
  const web = { providerOptions: { openrouter: { plugins: [{ id: 'web' }] } } };

  it('returns url citations as sources from generateText', async () => {
    const result = await generateText({
      model: server.createProvider()('openai/gpt-4o'),
      prompt: 'news',
      ...web,
    });

    expect(
      result.sources.map(source =>
        source.sourceType === 'url' ? [source.url, source.title] : [],
      ),
    ).toStrictEqual([
      ['https://example.com/search/news', 'Emulated search result'],
      ['https://openrouter.ai/docs', 'OpenRouter documentation'],
    ]);
  });

  it('streams each source once, although OpenRouter repeats the citations', async () => {
    const result = streamText({
      model: server.createProvider()('openai/gpt-4o:online'),
      prompt: 'news',
    });
    const parts = await collect(result.fullStream);

    const sources = parts.filter(part => part.type === 'source');
    expect(sources).toHaveLength(2);
    expect(
      (await result.sources).map(source => source.sourceType),
    ).toStrictEqual(['url', 'url']);
  });
});

describe('parsed files across turns', () => {
  const fileAnnotation = {
    type: 'file',
    file: {
      hash: 'sha-1234',
      name: 'paper.pdf',
      content: [{ type: 'text', text: 'The parsed text of the paper.' }],
    },
  };
  const pdfTurn = {
    role: 'user' as const,
    content: [
      { type: 'text' as const, text: 'Summarise' },
      {
        type: 'file' as const,
        mediaType: 'application/pdf',
        data: new URL('https://papers.example/paper.pdf'),
      },
    ],
  };

  it('sends file annotations back so OpenRouter does not parse the file again (generate)', async () => {
    server.emulator.enqueue({
      type: 'json',
      body: {
        id: 'gen-pdf',
        model: 'openai/gpt-4o',
        choices: [
          {
            index: 0,
            finish_reason: 'stop',
            message: {
              role: 'assistant',
              content: 'A summary.',
              annotations: [
                fileAnnotation,
                {
                  type: 'url_citation',
                  url_citation: { url: 'https://x.example', title: 'X' },
                },
              ],
            },
          },
        ],
      },
    });
    const model = server.createProvider()('openai/gpt-4o');

    const first = await generateText({ model, messages: [pdfTurn] });
    await generateText({
      model,
      messages: [
        pdfTurn,
        ...first.response.messages,
        { role: 'user', content: 'More detail?' },
      ],
    });

    const { messages } = server.emulator.requests[1].body as {
      messages: Array<Record<string, unknown>>;
    };
    expect(messages[1]).toStrictEqual({
      role: 'assistant',
      content: 'A summary.',
      annotations: [fileAnnotation],
    });
  });

  it('does the same for a streamed reply', async () => {
    server.emulator.enqueue({
      type: 'stream',
      events: [
        {
          id: 'gen-pdf',
          choices: [{ index: 0, delta: { content: 'A summary.' } }],
        },
        {
          id: 'gen-pdf',
          choices: [
            {
              index: 0,
              delta: { content: '', annotations: [fileAnnotation] },
              finish_reason: 'stop',
            },
          ],
        },
      ],
    });
    const model = server.createProvider()('openai/gpt-4o');

    const first = streamText({ model, messages: [pdfTurn] });
    await first.consumeStream();
    await generateText({
      model,
      messages: [
        pdfTurn,
        ...(await first.response).messages,
        { role: 'user', content: 'More detail?' },
      ],
    });

    const { messages } = server.emulator.requests[1].body as {
      messages: Array<Record<string, unknown>>;
    };
    expect(messages[1]).toStrictEqual({
      role: 'assistant',
      content: 'A summary.',
      annotations: [fileAnnotation],
    });
  });
});
