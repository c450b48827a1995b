import { isUrlSupported } from '@ai-sdk/provider-utils';
import { createOpenRouter as createIncumbent } from '@openrouter/ai-sdk-provider';
import { generateText, type ModelMessage, streamText } from 'ai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type HostileServer,
  startHostileServer,
} from './support/hostile-server';
import { TEST_API_KEY, useEmulator } from './support/use-emulator';

// What goes into and comes out of a chat call, the same through
// `@openrouter/ai-sdk-provider` and this package, against the same
// emulator: source ids, annotations sent back on an assistant message, and
// which image URLs are passed to OpenRouter rather than downloaded.

const server = useEmulator();

function providers() {
  const settings = { apiKey: TEST_API_KEY, baseURL: server.emulator.baseURL };
  return {
    incumbent: createIncumbent(settings),
    ours: server.createProvider(),
  };
}

/** The messages of the `index`th request the emulator received. */
function sentMessages(index: number) {
  const body = server.emulator.requests[index]?.body as {
    messages: Array<Record<string, unknown>>;
  };
  return body.messages;
}

const citations = [
  {
    type: 'url_citation',
    url_citation: {
      url: 'https://example.com/routers',
      title: 'Routers',
      start_index: 0,
      end_index: 7,
    },
  },
  {
    type: 'url_citation',
    url_citation: { url: 'https://example.com/packets', title: 'Packets' },
  },
  // The first URL again, for another passage.
  {
    type: 'url_citation',
    url_citation: {
      url: 'https://example.com/routers',
      title: 'Routers',
      start_index: 8,
      end_index: 14,
    },
  },
];

const citedAnswer = {
  id: 'gen-cited',
  model: 'openai/gpt-4o',
  choices: [
    {
      index: 0,
      finish_reason: 'stop',
      message: {
        role: 'assistant',
        content: 'Routers route.',
        annotations: citations,
      },
    },
  ],
  usage: { prompt_tokens: 3, completion_tokens: 3, total_tokens: 6 },
};

const citedStream = {
  type: 'stream' as const,
  events: [
    {
      id: 'gen-cited',
      choices: [
        {
          index: 0,
          delta: { content: 'Routers ', annotations: citations.slice(0, 2) },
        },
      ],
    },
    {
      id: 'gen-cited',
      choices: [
        {
          index: 0,
          delta: { content: 'route.', annotations: citations.slice(2) },
          finish_reason: 'stop',
        },
      ],
    },
  ],
};

describe('sources', () => {
  it.each(['generate', 'stream'] as const)(
    'have the cited URL as their id, as the incumbent’s do, one per URL (%s)',
    async mode => {
      const ids: Record<string, string[]> = {};
      for (const [name, provider] of Object.entries(providers())) {
        server.emulator.enqueue(
          mode === 'generate'
            ? { type: 'json', body: citedAnswer }
            : citedStream,
        );
        const model = provider('openai/gpt-4o');
        const sources =
          mode === 'generate'
            ? (await generateText({ model, prompt: 'Hi' })).sources
            : await streamText({ model, prompt: 'Hi' }).sources;
        ids[name] = sources.map(source => {
          expect(source.sourceType).toBe('url');
          return source.sourceType === 'url'
            ? `${source.id} ${source.url}`
            : source.id;
        });
      }

      const urls = [
        'https://example.com/routers',
        'https://example.com/packets',
      ];
      expect(ids.ours).toStrictEqual(urls.map(url => `${url} ${url}`));
      // The incumbent repeats a URL cited twice; each id is still the URL.
      expect(new Set(ids.incumbent)).toStrictEqual(new Set(ids.ours));
    },
  );
});

describe('annotations on an assistant message', () => {
  const fileAnnotation = {
    type: 'file',
    file: {
      hash: 'sha-1234',
      name: 'paper.pdf',
      content: [{ type: 'text', text: 'The parsed text of the paper.' }],
    },
  };

  function conversation(assistant: ModelMessage): ModelMessage[] {
    return [
      { role: 'user', content: 'Summarise the paper.' },
      assistant,
      { role: 'user', content: 'More detail?' },
    ];
  }

  it('are sent on that message, as the incumbent sends them', async () => {
    const assistant: ModelMessage = {
      role: 'assistant',
      content: [{ type: 'text', text: 'A summary.' }],
      providerOptions: { openrouter: { annotations: [fileAnnotation] } },
    };

    for (const provider of Object.values(providers())) {
      await generateText({
        model: provider('openai/gpt-4o'),
        messages: conversation(assistant),
      });
    }

    const [incumbent, ours] = [sentMessages(0)[1], sentMessages(1)[1]];
    expect(incumbent).toMatchObject({ annotations: [fileAnnotation] });
    expect(ours).toStrictEqual(incumbent);
  });

  it('go once when the message and its text carry the same one, and all when they differ', async () => {
    const { ours } = providers();
    const citation = {
      type: 'url_citation',
      url_citation: { url: 'https://example.com', title: 'Example' },
    };
    // The same annotation with its keys in another order, as a database
    // may give it back.
    const sameFileAnnotation = {
      file: { ...fileAnnotation.file },
      type: 'file',
    };

    await generateText({
      model: ours('openai/gpt-4o'),
      messages: conversation({
        role: 'assistant',
        content: [
          {
            type: 'text',
            text: 'A summary.',
            // Where this package keeps a reply's file annotations.
            providerOptions: { openrouter: { annotations: [fileAnnotation] } },
          },
        ],
        providerOptions: {
          openrouter: { annotations: [sameFileAnnotation, citation] },
        },
      }),
    });

    expect(sentMessages(0)[1]).toStrictEqual({
      role: 'assistant',
      content: 'A summary.',
      annotations: [sameFileAnnotation, citation],
    });
  });

  it('are left out with a warning when they are not a list of objects', async () => {
    const { ours } = providers();

    const result = await generateText({
      model: ours('openai/gpt-4o'),
      messages: conversation({
        role: 'assistant',
        content: 'A summary.',
        providerOptions: { openrouter: { annotations: 'sha-1234' } },
      }),
    });

    expect(sentMessages(0)[1]).toStrictEqual({
      role: 'assistant',
      content: 'A summary.',
    });
    expect(result.warnings).toContainEqual({
      type: 'other',
      message: expect.stringContaining(
        'providerOptions.openrouter.annotations',
      ),
    });
  });
});

describe('image URLs', () => {
  const IMAGE_MEDIA_TYPES = ['image', 'image/png', 'image/jpeg'];
  const URLS = [
    'https://images.example/cat.png',
    'https://images.example/cat.JPEG?height=200&sig=a%2Fb#frag',
    'https://images.example/cat.webp#top',
    'https://images.example/cat.gif?',
    'https://images.example/avatar?id=7',
    'https://images.example/cat.png/download',
    'https://images.example/cat.svg',
    'http://intranet.local/photos/42',
    'https://images.example/render.php?file=cat.png',
  ];

  it('pass through to OpenRouter exactly when the incumbent’s do', () => {
    const { incumbent, ours } = providers();
    const theirs = incumbent('openai/gpt-4o').supportedUrls as Record<
      string,
      RegExp[]
    >;
    const mine = ours('openai/gpt-4o').supportedUrls;

    let passed = 0;
    for (const mediaType of IMAGE_MEDIA_TYPES) {
      for (const url of URLS) {
        const expected = isUrlSupported({
          mediaType,
          url,
          supportedUrls: theirs,
        });
        expect(
          isUrlSupported({ mediaType, url, supportedUrls: mine }),
          `${mediaType} ${url}`,
        ).toBe(expected);
        passed += expected ? 1 : 0;
      }
    }
    // Both kinds occur: some URLs pass (the first four, and the last
    // one's query, which ends in `.png`), the others are downloaded.
    expect(passed).toBe(5 * IMAGE_MEDIA_TYPES.length);
  });

  describe('that only the app can reach', () => {
    const PNG_BYTES = new Uint8Array([
      137, 80, 78, 71, 13, 10, 26, 10, 0, 0, 0, 13, 73, 72, 68, 82,
    ]);
    let imageHost: HostileServer;

    beforeAll(async () => {
      // An image behind a dynamic URL, such as an intranet or a
      // cookie-protected one, that OpenRouter could not fetch.
      imageHost = await startHostileServer((request, response) => {
        if (request.url !== '/avatar?id=7') {
          response.writeHead(404).end();
          return;
        }
        response.writeHead(200, { 'content-type': 'image/png' });
        response.end(Buffer.from(PNG_BYTES));
      });
    });
    afterAll(async () => {
      await imageHost.close();
    });

    it('are downloaded and sent as bytes, as the incumbent sends them, while a file URL passes', async () => {
      const avatar = `${imageHost.origin}/avatar?id=7`;
      const photo = 'https://images.example/cat.png?size=2';
      const asked: Record<string, Array<[string, boolean]>> = {};

      for (const [name, provider] of Object.entries(providers())) {
        asked[name] = [];
        await generateText({
          model: provider('openai/gpt-4o'),
          messages: [
            {
              role: 'user',
              content: [
                { type: 'text', text: 'Compare' },
                { type: 'file', mediaType: 'image/png', data: new URL(avatar) },
                { type: 'file', mediaType: 'image/png', data: new URL(photo) },
              ],
            },
          ],
          // The app's own download (it may add a cookie); the AI SDK's
          // default refuses loopback addresses.
          experimental_download: async requests =>
            Promise.all(
              requests.map(async ({ url, isUrlSupportedByModel }) => {
                asked[name]?.push([url.href, isUrlSupportedByModel]);
                if (isUrlSupportedByModel) {
                  return null;
                }
                const response = await fetch(url);
                return {
                  data: new Uint8Array(await response.arrayBuffer()),
                  mediaType: response.headers.get('content-type') ?? undefined,
                };
              }),
            ),
        });
      }

      expect(asked.ours).toStrictEqual(asked.incumbent);
      expect(asked.ours).toStrictEqual([
        [avatar, false],
        [photo, true],
      ]);
      const [incumbent, ours] = [sentMessages(0)[0], sentMessages(1)[0]];
      expect(ours?.content).toStrictEqual([
        { type: 'text', text: 'Compare' },
        {
          type: 'image_url',
          image_url: {
            url: `data:image/png;base64,${Buffer.from(PNG_BYTES).toString('base64')}`,
          },
        },
        { type: 'image_url', image_url: { url: photo } },
      ]);
      expect(ours?.content).toStrictEqual(incumbent?.content);
    });
  });
});

describe('reasoning details on an assistant message', () => {
  const messageDetails = [
    {
      type: 'reasoning.encrypted',
      data: 'ciphertext-of-the-message',
      id: 'rs_1',
    },
  ];
  const partDetails = [
    { type: 'reasoning.encrypted', data: 'ciphertext-of-the-part', id: 'rs_2' },
  ];

  it('are sent on that message and win over the parts, as the incumbent does', async () => {
    const assistant: ModelMessage = {
      role: 'assistant',
      content: [
        {
          type: 'text',
          text: 'The answer.',
          providerOptions: { openrouter: { reasoning_details: partDetails } },
        },
      ],
      providerOptions: { openrouter: { reasoning_details: messageDetails } },
    };

    for (const provider of Object.values(providers())) {
      await generateText({
        model: provider('openai/gpt-4o'),
        messages: [
          { role: 'user', content: 'A question.' },
          assistant,
          { role: 'user', content: 'And another?' },
        ],
        providerOptions: { openrouter: { pinReasoningUpstream: false } },
      });
    }

    const [incumbent, ours] = [sentMessages(0)[1], sentMessages(1)[1]];
    expect(incumbent).toMatchObject({ reasoning_details: messageDetails });
    expect(ours?.reasoning_details).toStrictEqual(incumbent?.reasoning_details);
  });
});
