import { APICallError, InvalidArgumentError } from '@ai-sdk/provider';
import { generateText, uploadFile } from 'ai';
import { createOpenRouter, OPENROUTER_MAX_FILE_BYTES } from 'ai-sdk-openrouter';
import { describe, expect, it } from 'vitest';
import { startHostileServer } from './support/hostile-server';
import { TEST_API_KEY, useEmulator } from './support/use-emulator';

const MAX_FILE_BYTES = 64 * 1024;
const server = useEmulator({ maxFileBytes: MAX_FILE_BYTES });

const PDF = new TextEncoder().encode(
  '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);

function requestLines() {
  return server.emulator.requests.map(
    request => `${request.method} ${request.path}`,
  );
}

async function rejection(promise: PromiseLike<unknown>) {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

describe('openrouter.files()', () => {
  it('uploads a PDF as multipart and a chat prompt refers to it by file_id', async () => {
    const openrouter = server.createProvider();

    const uploaded = await uploadFile({
      api: openrouter,
      data: PDF,
      mediaType: 'application/pdf',
      filename: 'report.pdf',
    });

    expect(uploaded.providerReference).toStrictEqual({
      openrouter: 'file-emulator-0',
    });
    expect(uploaded.mediaType).toBe('application/pdf');
    expect(uploaded.filename).toBe('report.pdf');
    expect(uploaded.byteSize).toBe(PDF.byteLength);
    expect(uploaded.createdAt).toBeInstanceOf(Date);
    const upload = server.emulator.requests[0];
    expect(upload.method).toBe('POST');
    expect(upload.path).toBe('/files');
    expect(upload.headers['content-type']).toMatch(
      /^multipart\/form-data; boundary=/,
    );
    expect(upload.rawBody).toContain(
      'Content-Disposition: form-data; name="file"; filename="report.pdf"',
    );

    const { text } = await generateText({
      model: openrouter('openai/gpt-4o-mini'),
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Summarise it.' },
            {
              type: 'file',
              data: uploaded.providerReference,
              mediaType: 'application/pdf',
            },
          ],
        },
      ],
    });

    expect(text).toContain(
      `a file named report.pdf (uploaded file-emulator-0, application/pdf, ${PDF.byteLength} bytes)`,
    );
    const chat = server.emulator.requests[1];
    expect(chat.path).toBe('/chat/completions');
    expect(
      (chat.body as { messages: { content: unknown[] }[] }).messages[0]
        .content[1],
    ).toStrictEqual({ type: 'file', file: { file_id: 'file-emulator-0' } });
  });

  it('uploads as multipart when the provider or the call sets a JSON content type for every request', async () => {
    // A `Content-Type: application/json` among the provider's headers is a
    // common leftover of a JSON-only setup; a multipart body needs the
    // content type `fetch` gives it, with its boundary.
    const openrouter = server.createProvider({
      headers: { 'Content-Type': 'application/json' },
    });
    const uploaded = await uploadFile({
      api: openrouter,
      data: PDF,
      mediaType: 'application/pdf',
      filename: 'report.pdf',
      headers: { 'content-type': 'application/json' },
    });
    expect(uploaded.byteSize).toBe(PDF.byteLength);
    const [upload] = server.emulator.requests;
    expect(upload?.headers['content-type']).toMatch(
      /^multipart\/form-data; boundary=/,
    );
  });

  it('reads metadata, downloads, lists in pages and deletes', async () => {
    const files = server.createProvider().files();
    const first = await files.uploadFile({
      data: { type: 'data', data: PDF },
      mediaType: 'application/pdf',
      filename: 'a.pdf',
    });
    await files.uploadFile({
      data: { type: 'text', text: 'plain notes' },
      mediaType: 'text/plain',
    });

    const metadata = await files.getFileMetadata({
      file: first.providerReference,
    });
    expect(metadata).toMatchObject({
      providerReference: { openrouter: 'file-emulator-0' },
      filename: 'a.pdf',
      mediaType: 'application/pdf',
      byteSize: PDF.byteLength,
      providerMetadata: { openrouter: { downloadable: true } },
    });

    const download = await files.downloadFile({
      file: first.providerReference,
    });
    expect(download.mediaType).toBe('application/pdf');
    expect(
      new Uint8Array(await new Response(download.content).arrayBuffer()),
    ).toStrictEqual(PDF);

    const page = await files.listFiles({ limit: 1 });
    expect(page.files.map(file => file.id)).toStrictEqual(['file-emulator-0']);
    expect(page.hasMore).toBe(true);
    const next = await files.listFiles({ limit: 1, cursor: page.cursor });
    expect(next.files).toMatchObject([
      { id: 'file-emulator-1', filename: 'file.txt', mediaType: 'text/plain' },
    ]);
    expect(next.hasMore).toBe(false);
    expect(next.cursor).toBeUndefined();

    const deleted = await files.deleteFile({ file: first.providerReference });
    expect(deleted).toMatchObject({
      deleted: true,
      providerReference: { openrouter: 'file-emulator-0' },
    });
    const gone = await rejection(
      files.getFileMetadata({ file: first.providerReference }),
    );
    expect(APICallError.isInstance(gone)).toBe(true);
    expect((gone as APICallError).statusCode).toBe(404);
    expect((gone as APICallError).isRetryable).toBe(false);
    expect(requestLines()).toStrictEqual([
      'POST /files',
      'POST /files',
      'GET /files/file-emulator-0',
      'GET /files/file-emulator-0/content',
      'GET /files',
      'GET /files',
      'DELETE /files/file-emulator-0',
      'GET /files/file-emulator-0',
    ]);
    expect(server.emulator.requests[5].query).toStrictEqual({
      limit: '1',
      cursor: 'file-emulator-0',
    });
  });

  it('uploads a stream', async () => {
    const files = server.createProvider().files();
    const halves = [PDF.slice(0, 10), PDF.slice(10)];
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = halves.shift();
        if (next == null) {
          controller.close();
        } else {
          controller.enqueue(next);
        }
      },
    });

    const uploaded = await files.uploadFile({
      data: { type: 'stream', stream },
      mediaType: 'application/pdf',
      filename: 'streamed.pdf',
    });

    expect(uploaded.byteSize).toBe(PDF.byteLength);
    const download = await files.downloadFile({
      file: uploaded.providerReference,
    });
    expect(
      new Uint8Array(await new Response(download.content).arrayBuffer()),
    ).toStrictEqual(PDF);
  });

  it('sends workspaceId and provider as query parameters, and names a mistyped option', async () => {
    const files = server.createProvider().files();
    await files.listFiles({ workspaceId: 'ws-1' });
    expect(server.emulator.requests[0].query).toStrictEqual({
      workspace_id: 'ws-1',
    });

    const error = await rejection(
      files.uploadFile({
        data: { type: 'data', data: PDF },
        mediaType: 'application/pdf',
        providerOptions: { openrouter: { workspaceID: 'ws-1' } },
      }),
    );
    expect(InvalidArgumentError.isInstance(error)).toBe(true);
    expect(String(error)).toContain('did you mean workspaceId?');
    const storage = await rejection(
      files.uploadFile({
        data: { type: 'data', data: PDF },
        mediaType: 'application/pdf',
        providerOptions: { openrouter: { provider: 'openia' } },
      }),
    );
    expect(String(storage)).toContain("did you mean 'openai'?");
    expect(server.emulator.requests).toHaveLength(1);
  });

  it('a reference from another provider is refused before any request', async () => {
    const openrouter = server.createProvider();
    const error = await rejection(
      generateText({
        model: openrouter('openai/gpt-4o-mini'),
        messages: [
          {
            role: 'user',
            content: [
              {
                type: 'file',
                data: { openai: 'file-abc' },
                mediaType: 'application/pdf',
              },
            ],
          },
        ],
      }),
    );
    expect(String(error)).toContain('openrouter');
    expect(server.emulator.requests).toHaveLength(0);
  });

  it('a reference to a file the server does not hold is a 404, not retried', async () => {
    const openrouter = server.createProvider();
    const error = await rejection(
      generateText({
        model: openrouter('openai/gpt-4o-mini'),
        messages: [
          {
            role: 'user',
            content: [
              {
                type: 'file',
                data: { openrouter: 'file-missing' },
                mediaType: 'application/pdf',
              },
            ],
          },
        ],
      }),
    );
    expect(String(error)).toContain('file-missing');
    expect(server.emulator.requests).toHaveLength(1);
  });
});

describe('openrouter.files() errors', () => {
  it('refuses an empty file and one over 100 MB before any request: a raw server sees nothing', async () => {
    const raw = await startHostileServer((_request, response) => {
      response.writeHead(500).end();
    });
    try {
      const files = createOpenRouter({
        apiKey: TEST_API_KEY,
        baseURL: `${raw.origin}/api/v1`,
      }).files();

      const tooLarge = await rejection(
        files.uploadFile({
          data: {
            type: 'data',
            data: new Uint8Array(OPENROUTER_MAX_FILE_BYTES + 1),
          },
          mediaType: 'application/pdf',
        }),
      );
      expect(InvalidArgumentError.isInstance(tooLarge)).toBe(true);
      expect(String(tooLarge)).toContain('at most 100 MB');

      // A stream is cancelled as soon as it passes the limit.
      const chunk = new Uint8Array(8 * 1024 * 1024);
      let pulled = 0;
      let cancelled = false;
      const endless = new ReadableStream<Uint8Array>({
        pull(controller) {
          pulled++;
          controller.enqueue(chunk);
        },
        cancel() {
          cancelled = true;
        },
      });
      const tooLong = await rejection(
        files.uploadFile({
          data: { type: 'stream', stream: endless },
          mediaType: 'application/pdf',
        }),
      );
      expect(String(tooLong)).toContain('more than');
      expect(cancelled).toBe(true);
      expect(pulled).toBeLessThan(16);

      const empty = await rejection(
        files.uploadFile({
          data: { type: 'data', data: new Uint8Array() },
          mediaType: 'text/plain',
        }),
      );
      expect(String(empty)).toContain('empty');
      expect(raw.requests).toHaveLength(0);
    } finally {
      await raw.close();
    }
  });

  it("maps the server's 413 and 400, not retryable", async () => {
    const files = server.createProvider().files();
    const tooLarge = (await rejection(
      files.uploadFile({
        data: {
          type: 'data',
          data: new Uint8Array(MAX_FILE_BYTES + 1).fill(65),
        },
        mediaType: 'text/plain',
      }),
    )) as APICallError;
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.isRetryable).toBe(false);
    expect(tooLarge.message).toContain('File too large');

    const unsupported = (await rejection(
      files.uploadFile({
        data: { type: 'data', data: new Uint8Array([0, 159, 146, 150]) },
        mediaType: 'application/octet-stream',
      }),
    )) as APICallError;
    expect(unsupported.statusCode).toBe(400);
    expect(unsupported.isRetryable).toBe(false);
    expect(unsupported.message).toContain('Unsupported file type');
  });

  it('a 5xx is retryable for reads and not for an upload, which may have stored the file', async () => {
    const files = server.createProvider().files();
    server.emulator.enqueue(
      { type: 'error', path: '/files/file-x', status: 503, message: 'busy' },
      { type: 'error', path: '/files', status: 502, message: 'bad gateway' },
    );

    const read = (await rejection(
      files.getFileMetadata({ file: { openrouter: 'file-x' } }),
    )) as APICallError;
    expect(read.statusCode).toBe(503);
    expect(read.isRetryable).toBe(true);

    const upload = (await rejection(
      files.uploadFile({
        data: { type: 'data', data: PDF },
        mediaType: 'application/pdf',
      }),
    )) as APICallError;
    expect(upload.statusCode).toBe(502);
    expect(upload.isRetryable).toBe(false);
  });

  it('aborts mid-upload', async () => {
    const raw = await startHostileServer(() => {
      // Never answers: the upload is still waiting when it is aborted.
    });
    try {
      const files = createOpenRouter({
        apiKey: TEST_API_KEY,
        baseURL: `${raw.origin}/api/v1`,
      }).files();
      const controller = new AbortController();
      const pending = rejection(
        files.uploadFile({
          data: { type: 'data', data: PDF },
          mediaType: 'application/pdf',
          abortSignal: controller.signal,
        }),
      );
      await expect.poll(() => raw.requests.length).toBe(1);
      controller.abort(new Error('user gave up'));
      const error = await pending;
      expect(String(error)).toMatch(/abort|gave up/i);
    } finally {
      await raw.close();
    }
  });

  it('follows no redirect to another origin, and redacts the key from errors', async () => {
    const elsewhere = await startHostileServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{}');
    });
    const raw = await startHostileServer((request, response) => {
      if (request.url.endsWith('/content')) {
        response.writeHead(307, { location: `${elsewhere.origin}/steal` });
        response.end();
        return;
      }
      response.writeHead(401, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({
          error: { code: 401, message: `bad key ${TEST_API_KEY}` },
        }),
      );
    });
    try {
      const files = createOpenRouter({
        apiKey: TEST_API_KEY,
        baseURL: `${raw.origin}/api/v1`,
      }).files();

      const redirected = await rejection(
        files.downloadFile({ file: { openrouter: 'file-1' } }),
      );
      expect(String(redirected)).toContain(elsewhere.origin);
      expect(elsewhere.requests).toHaveLength(0);

      const refused = (await rejection(
        files.uploadFile({
          data: { type: 'data', data: PDF },
          mediaType: 'application/pdf',
        }),
      )) as APICallError;
      expect(refused.statusCode).toBe(401);
      expect(
        JSON.stringify({ ...refused, message: refused.message }),
      ).not.toContain(TEST_API_KEY);
      expect(raw.requests[1].headers.authorization).toBe(
        `Bearer ${TEST_API_KEY}`,
      );
    } finally {
      await raw.close();
      await elsewhere.close();
    }
  });
});
