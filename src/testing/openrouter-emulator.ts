import {
  createServer,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { accountRoutes } from './emulator-account-routes';
import { catalogRoutes } from './emulator-catalog-routes';
import { chatReplyToChunks, createChatReply } from './emulator-chat-model';
import { chatRoutes } from './emulator-chat-routes';
import { completionRoutes } from './emulator-completion-routes';
import { embeddingRoutes } from './emulator-embedding-routes';
import { oauthRoutes } from './emulator-oauth-routes';
import {
  type EmulatorContext,
  type EmulatorRoute,
  matchRoute,
} from './emulator-routes';
import type {
  OpenRouterEmulator,
  OpenRouterEmulatorOptions,
  RecordedRequest,
  ScriptedResponse,
  ScriptedStreamResponse,
} from './emulator-types';
import { videoRoutes } from './emulator-video-routes';

const API_ROOT = '/api/v1';
const KEEP_ALIVE_COMMENT = ': OPENROUTER PROCESSING\n\n';

/** Every endpoint the emulator serves, one list per area of the API. */
const routes: readonly EmulatorRoute[] = [
  ...chatRoutes,
  ...completionRoutes,
  ...embeddingRoutes,
  ...catalogRoutes,
  ...accountRoutes,
  ...oauthRoutes,
  ...videoRoutes,
];

/**
 * Starts an OpenRouter emulator: a real HTTP server on 127.0.0.1 that speaks
 * OpenRouter's wire format, streams real SSE, records every request (with the
 * key redacted) and plays scripted responses and faults.
 */
export async function createOpenRouterEmulator(
  options: OpenRouterEmulatorOptions = {},
): Promise<OpenRouterEmulator> {
  const requests: RecordedRequest[] = [];
  const queue: ScriptedResponse[] = [];
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let sequence = 0;

  const wait = (ms: number) =>
    new Promise<void>(resolve => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  const context: EmulatorContext = {
    options,
    nextSequence: () => sequence++,
    state: new Map(),
  };

  const takeScripted = (path: string) => {
    const index = queue.findIndex(
      response => response.path == null || response.path === path,
    );
    return index === -1 ? undefined : queue.splice(index, 1)[0];
  };

  let openResponses = 0;

  const server = createServer((request, response) => {
    // Counted until the response is complete or its connection is gone, so
    // a test can check that an aborted request really let go of its socket.
    openResponses++;
    response.once('close', () => {
      openResponses--;
    });
    handle(request, response).catch(error => {
      if (!response.headersSent) {
        sendError(response, 500, `Emulator failure: ${String(error)}`);
      } else {
        response.destroy();
      }
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname.startsWith(API_ROOT)
      ? url.pathname.slice(API_ROOT.length)
      : url.pathname;
    const rawBody = await readBody(request);
    const body = parseBody(rawBody);

    requests.push({
      method: request.method ?? 'GET',
      path,
      query: Object.fromEntries(url.searchParams),
      headers: redactHeaders(request.headers),
      body,
    });

    const scripted = takeScripted(path);
    if (scripted != null) {
      await playScripted(scripted, path, body, response);
      return;
    }

    const route = matchRoute(routes, request.method ?? 'GET', path);
    if (route == null) {
      sendError(response, 404, `The emulator does not serve ${path}`);
      return;
    }

    const bearerToken = readBearerToken(request);
    if (route.auth !== 'none') {
      const authorizationError = checkAuthorization(bearerToken);
      if (authorizationError != null) {
        sendError(response, 401, authorizationError);
        return;
      }
    }

    const reply = await route.handle(
      {
        method: request.method ?? 'GET',
        path,
        query: url.searchParams,
        bearerToken,
        headers: request.headers,
        body,
      },
      context,
    );
    if (reply.type === 'json') {
      sendJson(response, reply.status, reply.body, reply.headers);
    } else if (reply.type === 'binary') {
      response.writeHead(reply.status, {
        'content-type': reply.contentType,
        'content-length': reply.body.byteLength,
      });
      response.end(reply.body);
    } else {
      await writeStream(response, reply.events, {
        type: 'stream',
        eventDelayMs: options.chunkDelayMs,
      });
    }
  }

  function checkAuthorization(bearerToken: string | undefined) {
    if (bearerToken == null) {
      return 'No auth credentials found';
    }
    if (
      options.apiKeys != null &&
      !options.apiKeys.includes(bearerToken) &&
      !options.provisioningKeys?.includes(bearerToken)
    ) {
      return 'User not found.';
    }
    return undefined;
  }

  /**
   * What the default model would stream for this request, so that faults
   * can be applied to a realistic stream of any endpoint.
   */
  async function defaultStreamEvents(path: string, body: unknown) {
    const route = matchRoute(routes, 'POST', path);
    const reply = await route?.handle(
      {
        method: 'POST',
        path,
        query: new URLSearchParams(),
        bearerToken: undefined,
        headers: {},
        body: { ...(isObject(body) ? body : {}), stream: true },
      },
      { ...context, scripted: true },
    );
    return reply?.type === 'stream'
      ? reply.events
      : chatReplyToChunks(
          createChatReply(isObject(body) ? body : {}, context.nextSequence()),
        );
  }

  async function playScripted(
    scripted: ScriptedResponse,
    path: string,
    body: unknown,
    response: ServerResponse,
  ) {
    if (scripted.delayMs != null) {
      await wait(scripted.delayMs);
    }
    switch (scripted.type) {
      case 'json':
        sendJson(
          response,
          scripted.status ?? 200,
          scripted.body,
          scripted.headers,
        );
        return;
      case 'error':
        sendJson(
          response,
          scripted.status,
          {
            error: {
              code: scripted.code ?? scripted.status,
              message: scripted.message,
              ...(scripted.metadata != null
                ? { metadata: scripted.metadata }
                : {}),
            },
          },
          scripted.headers,
        );
        return;
      case 'raw':
        response.writeHead(scripted.status ?? 200, {
          'content-type': scripted.contentType ?? 'text/plain',
          ...scripted.headers,
        });
        response.end(scripted.body);
        return;
      case 'stream': {
        const events =
          scripted.events ?? (await defaultStreamEvents(path, body));
        await writeStream(response, events, scripted);
        return;
      }
      case 'cut':
        response.socket?.destroy();
        return;
      case 'stall':
        // Holds the request open; close() or the client's abort ends it.
        return;
    }
  }

  async function writeStream(
    response: ServerResponse,
    events: unknown[],
    script: ScriptedStreamResponse,
  ) {
    response.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
      ...script.headers,
    });
    response.write(KEEP_ALIVE_COMMENT);

    let clientGone = false;
    response.on('close', () => {
      clientGone = true;
    });

    if (script.rawChunks != null) {
      await writeRawChunks(response, script.rawChunks, () => clientGone);
      return;
    }

    for (let index = 0; index < events.length; index++) {
      if (clientGone) {
        return;
      }
      if (script.errorAfterEvents === index) {
        response.write(
          formatEvent({
            id: `gen-emulator-error-${index}`,
            object: 'chat.completion.chunk',
            created: Math.floor(Date.now() / 1000),
            model: 'emulator',
            provider: 'Emulator',
            error: {
              code: script.error?.code ?? 'server_error',
              message: script.error?.message ?? 'Provider disconnected',
            },
            choices: [
              { index: 0, delta: { content: '' }, finish_reason: 'error' },
            ],
          }),
        );
        response.end();
        return;
      }
      if (script.cutAfterEvents === index) {
        if (script.cutInsideEvent) {
          const next = formatEvent(events[index]);
          response.write(next.slice(0, Math.floor(next.length / 2)));
        }
        await cutAfterFlush(response);
        return;
      }
      if (script.stallAfterEvents === index) {
        return;
      }
      if (script.eventDelayMs != null && script.eventDelayMs > 0) {
        await wait(script.eventDelayMs);
      }
      response.write(formatEvent(events[index]));
    }

    if (script.cutAfterEvents === events.length) {
      await cutAfterFlush(response);
      return;
    }
    if (script.stallAfterEvents === events.length) {
      return;
    }
    if (script.done !== false) {
      response.write('data: [DONE]\n\n');
    }
    response.end();
  }

  // Each piece is flushed and followed by a short pause, so the client reads
  // the pieces as separate chunks rather than one coalesced buffer.
  async function writeRawChunks(
    response: ServerResponse,
    chunks: Array<string | Uint8Array>,
    isClientGone: () => boolean,
  ) {
    response.socket?.setNoDelay(true);
    for (const chunk of chunks) {
      if (isClientGone()) {
        return;
      }
      await new Promise<void>(resolve =>
        response.write(chunk, () => resolve()),
      );
      await wait(1);
    }
    response.end();
  }

  // Destroying a socket drops what is still buffered, so the cut waits until
  // everything written so far has reached the client.
  async function cutAfterFlush(response: ServerResponse) {
    await new Promise<void>(resolve => response.write('', () => resolve()));
    await wait(20);
    response.socket?.destroy();
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    baseURL: `http://127.0.0.1:${port}${API_ROOT}`,
    requests,
    get openResponses() {
      return openResponses;
    },
    enqueue(...responses) {
      queue.push(...responses);
    },
    reset() {
      queue.length = 0;
      requests.length = 0;
      sequence = 0;
      context.state.clear();
    },
    close() {
      for (const timer of timers) {
        clearTimeout(timer);
      }
      timers.clear();
      return new Promise<void>(resolve => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

function readBearerToken(request: IncomingMessage): string | undefined {
  const match = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? '');
  const token = match?.[1].trim();
  return token === '' ? undefined : token;
}

function formatEvent(event: unknown) {
  return typeof event === 'string'
    ? event
    : `data: ${JSON.stringify(event)}\n\n`;
}

function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers?: Record<string, string>,
) {
  response.writeHead(status, {
    'content-type': 'application/json',
    ...headers,
  });
  response.end(JSON.stringify(body));
}

function sendError(response: ServerResponse, status: number, message: string) {
  sendJson(response, status, { error: { code: status, message } });
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', chunk => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function parseBody(rawBody: string): unknown {
  if (rawBody === '') {
    return undefined;
  }
  try {
    return JSON.parse(rawBody);
  } catch {
    return rawBody;
  }
}

function redactHeaders(headers: IncomingMessage['headers']) {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value == null) {
      continue;
    }
    const text = Array.isArray(value) ? value.join(', ') : value;
    result[name] =
      name === 'authorization'
        ? redactAuthorization(text)
        : name === 'x-provider-api-keys'
          ? '[REDACTED]'
          : text;
  }
  return result;
}

/**
 * Keeps only the last four characters of a bearer token: enough for a test to
 * tell two keys apart, never enough to leak one.
 */
function redactAuthorization(value: string) {
  const token = /^Bearer\s+(.+)$/i.exec(value)?.[1].trim() ?? '';
  return token.length > 8
    ? `Bearer [REDACTED …${token.slice(-4)}]`
    : 'Bearer [REDACTED]';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
