import {
  createServer,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { isCredentialHeader } from '../http/credential-headers';
import { accountRoutes } from './emulator-account-routes';
import { audioRoutes } from './emulator-audio-routes';
import { catalogRoutes } from './emulator-catalog-routes';
import {
  chatReplyToChunks,
  createChatReply,
  errorChunk,
} from './emulator-chat-model';
import { chatModelOf, chatRoutes } from './emulator-chat-routes';
import { completionRoutes } from './emulator-completion-routes';
import { decisionRoutes } from './emulator-decision-routes';
import { embeddingRoutes } from './emulator-embedding-routes';
import { fileRoutes } from './emulator-file-routes';
import { recordServedReply } from './emulator-generations';
import { imageRoutes } from './emulator-image-routes';
import {
  checkJsonNesting,
  DEFAULT_MAX_REQUEST_BODY_BYTES,
  EmulatorRequestError,
} from './emulator-limits';
import { oauthRoutes } from './emulator-oauth-routes';
import { rerankRoutes } from './emulator-rerank-routes';
import {
  chatReplyToResponsesEvents,
  chatReplyToResponsesResult,
  responsesErrorBody,
  responsesRequestToChat,
  responsesStreamErrorAfter,
} from './emulator-responses-model';
import { responsesRoutes } from './emulator-responses-routes';
import {
  type EmulatorContext,
  type EmulatorRoute,
  isBesideApiRoot,
  matchRoute,
} from './emulator-routes';
import { renderScriptedChat } from './emulator-scripts';
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
/** How long a refused upload may go on before its connection is closed. */
const LINGER_BEFORE_CLOSE_MS = 1000;

/** Every endpoint the emulator serves, one list per area of the API. */
const routes: readonly EmulatorRoute[] = [
  ...chatRoutes,
  ...responsesRoutes,
  ...completionRoutes,
  ...embeddingRoutes,
  ...imageRoutes,
  ...catalogRoutes,
  ...accountRoutes,
  ...oauthRoutes,
  ...videoRoutes,
  ...decisionRoutes,
  ...fileRoutes,
  ...audioRoutes,
  ...rerankRoutes,
];

/**
 * Starts an OpenRouter emulator: a real HTTP server on 127.0.0.1 that speaks
 * OpenRouter's wire format, streams real SSE, records every request (with
 * credentials redacted) and plays scripted responses and faults.
 *
 * It runs inside your test process, so no request can crash it or make it
 * allocate without bound: a body over `maxRequestBodyBytes` gets a 413, a
 * size a request asks for beyond a limit (`top_logprobs` over 20, embedding
 * `dimensions` over 16384, more than 2048 embedding inputs, a schema's
 * `minItems` over 1000 or `minLength` over 100000, JSON nested deeper than
 * 512 levels) a 400 naming the field and its range, anything unexpected a
 * 500; all with OpenRouter's error body. A reply stops at 16384 tokens with
 * finish reason `length`.
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
    const index = queue.findIndex(response => scriptAnswers(response, path));
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
    // The emulator lives in its user's test process: whatever a request
    // does, the failure ends here as an answer, never as an exception.
    handle(request, response).catch(error =>
      answerFailure(response, error, apiPathOf(request.url)),
    );
  });

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const url = parseRequestUrl(request.url);
    const underApiRoot = url.pathname.startsWith(`${API_ROOT}/`);
    const path = pathBelowApiRoot(url.pathname);
    const maxBodyBytes =
      options.maxRequestBodyBytes ?? DEFAULT_MAX_REQUEST_BODY_BYTES;
    const rawBytes = await readLimitedBody(request, maxBodyBytes);
    const rawBody = rawBytes?.toString('utf8');
    const body = rawBody == null ? undefined : parseBody(rawBody);

    requests.push({
      method: request.method ?? 'GET',
      path,
      query: Object.fromEntries(url.searchParams),
      headers: redactHeaders(request.headers),
      body: isObject(body) ? body : undefined,
      rawBody: rawBody === '' ? undefined : rawBody,
    });

    if (rawBody == null) {
      await refuseTooLarge(request, response, maxBodyBytes);
      return;
    }
    checkJsonNesting(body);

    // OpenRouter's API lives below /api/v1: a client whose baseURL lacks it
    // must fail here as it would there, even with a response queued.
    if (!underApiRoot && !isBesideApiRoot(routes, path)) {
      sendError(
        response,
        404,
        `Not Found: ${path} is not an OpenRouter API path. The API is served below ${API_ROOT}; does the baseURL end in ${API_ROOT}?`,
      );
      return;
    }

    const scripted = takeScripted(path);
    if (scripted != null) {
      await playScripted(scripted, path, body, response);
      return;
    }

    const route = matchRoute(
      routes,
      request.method ?? 'GET',
      path,
      !underApiRoot,
    );
    if (route == null) {
      sendError(response, 404, `The emulator does not serve ${path}`);
      return;
    }

    const bearerToken = readBearerToken(request);
    if (route.auth !== 'none') {
      const authorizationError = checkAuthorization(bearerToken);
      if (authorizationError != null) {
        sendError(response, 401, authorizationError, path);
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
        rawBytes,
      },
      context,
    );
    if (reply.type === 'json') {
      sendJson(response, reply.status, reply.body, reply.headers);
    } else if (reply.type === 'binary') {
      response.writeHead(reply.status, {
        ...reply.headers,
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

  /**
   * Answers 413 at once and closes the connection, which is what stops a
   * client still uploading. The close waits until the client stops sending
   * or a moment has passed, the rest being read and dropped meanwhile:
   * closing a socket with unread bytes resets it, and the reset can destroy
   * the answer before the client has read it.
   */
  async function refuseTooLarge(
    request: IncomingMessage,
    response: ServerResponse,
    limit: number,
  ) {
    const body = JSON.stringify({
      error: {
        code: 413,
        message: `Request body too large: the emulator accepts at most ${limit} bytes (option maxRequestBodyBytes)`,
      },
    });
    response.writeHead(413, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
      connection: 'close',
    });
    response.write(body);
    request.resume();
    if (!request.readableEnded) {
      await new Promise<void>(resolve => {
        const timer = setTimeout(done, LINGER_BEFORE_CLOSE_MS);
        timers.add(timer);
        function done() {
          clearTimeout(timer);
          timers.delete(timer);
          request.off('end', done);
          request.off('close', done);
          resolve();
        }
        request.once('end', done);
        request.once('close', done);
      });
    }
    response.end();
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
    // A script chose to answer: its request's model is the test's business.
    const scriptedContext: EmulatorContext = {
      ...context,
      options: { ...options, acceptAnyModel: true },
      scripted: true,
    };
    const route =
      matchRoute(routes, 'POST', path) ??
      matchRoute(routes, 'POST', path, true);
    const reply = await route?.handle(
      {
        method: 'POST',
        path,
        query: new URLSearchParams(),
        bearerToken: undefined,
        headers: {},
        body: { ...(isObject(body) ? body : {}), stream: true },
      },
      scriptedContext,
    );
    return reply?.type === 'stream'
      ? reply.events
      : chatReplyToChunks(
          createChatReply(
            isObject(body) ? body : {},
            context.nextSequence(),
            chatModelOf(isObject(body) ? body : {}, scriptedContext),
          ),
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
          path === RESPONSES_PATH
            ? responsesErrorBody(scripted.status, scripted)
            : {
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
        await writeStream(response, events, scripted, path);
        return;
      }
      case 'chat': {
        if (path === RESPONSES_PATH) {
          await playScriptedResponses(scripted, body, response);
          return;
        }
        const sequence = context.nextSequence();
        const rendered = renderScriptedChat(scripted, body, context, sequence);
        // Kept like a reply of the default model, so `generations.get(id)`
        // finds it with the scripted usage; a failed one has none.
        if (scripted.error == null) {
          const { reply } = rendered;
          recordServedReply(context, reply, {
            streamed: rendered.type === 'stream',
            user: isObject(body) ? body.user : undefined,
          });
        }
        if (rendered.type === 'json') {
          sendJson(response, rendered.status, rendered.body, scripted.headers);
        } else {
          await writeStream(response, rendered.events, {
            ...scripted,
            type: 'stream',
            done: rendered.done,
          });
        }
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

  /**
   * A scripted reply to `POST /responses`: the request is checked as the
   * route checks it, and the reply written as output items and events.
   */
  async function playScriptedResponses(
    scripted: Extract<ScriptedResponse, { type: 'chat' }>,
    body: unknown,
    response: ServerResponse,
  ) {
    const request = isObject(body) ? body : {};
    const converted = responsesRequestToChat(request);
    if ('refusal' in converted) {
      const { refusal } = converted;
      if (refusal.type === 'json') {
        sendJson(response, refusal.status, refusal.body, scripted.headers);
      }
      return;
    }
    const { reply } = renderScriptedChat(
      scripted,
      converted.chat,
      context,
      context.nextSequence(),
    );
    const error =
      scripted.error == null
        ? undefined
        : { ...scripted.error, code: scripted.error.code ?? 'server_error' };
    const streamed = request.stream === true;
    // Kept like a reply of the default model; a failed one has no usage.
    if (error == null) {
      recordServedReply(context, reply, {
        streamed,
        user: request.user,
      });
    }
    if (!streamed) {
      sendJson(
        response,
        200,
        chatReplyToResponsesResult(reply, request, error),
        scripted.headers,
      );
      return;
    }
    await writeStream(
      response,
      chatReplyToResponsesEvents(reply, request, error),
      { ...scripted, type: 'stream', done: error == null },
      RESPONSES_PATH,
    );
  }

  async function writeStream(
    response: ServerResponse,
    events: unknown[],
    script: ScriptedStreamResponse,
    path?: string,
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

    for (let sent = 0; sent < (script.keepAlives ?? 0); sent++) {
      if (
        script.keepAliveIntervalMs != null &&
        script.keepAliveIntervalMs > 0
      ) {
        await wait(script.keepAliveIntervalMs);
      }
      if (clientGone) {
        return;
      }
      response.write(KEEP_ALIVE_COMMENT);
    }

    if (script.rawChunks != null) {
      await writeRawChunks(response, script.rawChunks, () => clientGone);
      return;
    }

    for (let index = 0; index < events.length; index++) {
      if (clientGone) {
        return;
      }
      if (script.errorAfterEvents === index) {
        const error = {
          ...script.error,
          message: script.error?.message ?? 'Provider disconnected',
        };
        response.write(
          formatEvent(
            path === RESPONSES_PATH
              ? responsesStreamErrorAfter(events, index, error)
              : errorChunk(
                  {
                    id: `gen-emulator-error-${index}`,
                    created: Math.floor(Date.now() / 1000),
                    model: 'emulator',
                    provider: 'Emulator',
                  },
                  error,
                ),
          ),
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
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      // From here on an error is a connection that could not be accepted
      // (too many open files under a flood of connections): the server
      // keeps listening, and an unheard 'error' would crash the host.
      server.on('error', () => {});
      resolve();
    });
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

const RESPONSES_PATH = '/responses';

/**
 * Whether a scripted response answers a request to `path`: the one it
 * names; without one, a reply (`type: 'chat'`) answers the next language
 * model request, chat completions or Responses, and anything else the next
 * request.
 */
function scriptAnswers(response: ScriptedResponse, path: string) {
  if (response.path != null) {
    return response.path === path;
  }
  return (
    response.type !== 'chat' ||
    path === '/chat/completions' ||
    path === RESPONSES_PATH
  );
}

/** The path below the API root (the whole path outside it). */
function pathBelowApiRoot(pathname: string) {
  return pathname.startsWith(`${API_ROOT}/`)
    ? pathname.slice(API_ROOT.length)
    : pathname;
}

/** The path of a request target below the API root, if it parses. */
function apiPathOf(target: string | undefined) {
  try {
    return pathBelowApiRoot(
      new URL(target ?? '/', 'http://127.0.0.1').pathname,
    );
  } catch {
    return undefined;
  }
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

/** OpenRouter's error body; the Responses API words it its own way. */
function sendError(
  response: ServerResponse,
  status: number,
  message: string,
  path?: string | undefined,
) {
  sendJson(
    response,
    status,
    path === RESPONSES_PATH
      ? responsesErrorBody(status, { message })
      : { error: { code: status, message } },
  );
}

/**
 * Answers a request that failed: a refusal with its own status, anything
 * else with a 500. Answering can fail too (the client is gone, headers are
 * out), and then only the connection is dropped.
 */
function answerFailure(
  response: ServerResponse,
  error: unknown,
  path: string | undefined,
) {
  try {
    if (response.headersSent) {
      response.destroy();
    } else if (error instanceof EmulatorRequestError) {
      sendError(response, error.status, error.message, path);
    } else {
      sendError(response, 500, `Emulator failure: ${String(error)}`, path);
    }
  } catch {
    response.destroy();
  }
}

function parseRequestUrl(target: string | undefined) {
  try {
    return new URL(target ?? '/', 'http://127.0.0.1');
  } catch {
    throw new EmulatorRequestError(400, 'Invalid request URL');
  }
}

/**
 * The body's bytes, or undefined when it is larger than `limit` bytes.
 * Bytes are counted as they arrive, so a declared or streamed body past the
 * limit is refused at once and never buffered beyond it.
 */
function readLimitedBody(
  request: IncomingMessage,
  limit: number,
): Promise<Buffer | undefined> {
  if (Number(request.headers['content-length']) > limit) {
    return Promise.resolve(undefined);
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      chunks.length = 0;
      request.off('data', onData);
      request.off('end', onEnd);
      // Whatever still arrives before the connection closes is dropped.
      request.resume();
      resolve(undefined);
    };
    const onEnd = () => {
      try {
        resolve(Buffer.concat(chunks));
      } catch (error) {
        reject(error);
      }
    };
    request.on('data', onData);
    request.on('end', onEnd);
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

/**
 * The headers as recorded: every header the package treats as a credential
 * is redacted, by the same name rule the client uses.
 */
function redactHeaders(headers: IncomingMessage['headers']) {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value == null) {
      continue;
    }
    const text = Array.isArray(value) ? value.join(', ') : value;
    result[name] = !isCredentialHeader(name)
      ? text
      : // Several provider keys in one JSON value: no four characters of
        // it would tell a test anything, so all of it goes.
        name === 'x-provider-api-keys'
        ? '[REDACTED]'
        : redactCredential(text);
  }
  return result;
}

const AUTH_SCHEME = /^(Bearer|Basic|Token)\s+/i;

/**
 * Keeps the auth scheme and the last four characters of the secret: enough
 * for a test to tell two keys apart, never enough to leak one.
 */
function redactCredential(value: string) {
  const trimmed = value.trim();
  const scheme = AUTH_SCHEME.exec(trimmed);
  const secret = scheme == null ? trimmed : trimmed.slice(scheme[0].length);
  const prefix = scheme == null ? '' : `${scheme[1]} `;
  return secret.length > 8
    ? `${prefix}[REDACTED …${secret.slice(-4)}]`
    : `${prefix}[REDACTED]`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
