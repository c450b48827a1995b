import { EmulatorRequestError } from './emulator-limits';
import type { OpenRouterEmulatorOptions } from './emulator-types';

/** A request as a route handler sees it. */
export type EmulatorRequest = {
  method: string;
  /** Path below the API root, e.g. `/chat/completions`. */
  path: string;
  query: URLSearchParams;
  /** The bearer token, unredacted (handlers may need to tell keys apart). */
  bearerToken: string | undefined;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
  /** The body's bytes as received (a multipart upload is not text). */
  rawBytes?: Uint8Array | undefined;
};

/** What a route handler answers. */
export type EmulatorReply =
  | {
      type: 'json';
      status: number;
      body: unknown;
      headers?: Record<string, string> | undefined;
    }
  | { type: 'stream'; events: unknown[] }
  | {
      type: 'binary';
      status: number;
      contentType: string;
      body: Uint8Array;
      headers?: Record<string, string> | undefined;
    };

export type EmulatorContext = {
  options: OpenRouterEmulatorOptions;
  /** 0, 1, 2, … per emulator, reset by `reset()`; for ids and timestamps. */
  nextSequence: () => number;
  /**
   * In-memory state of one emulator (created keys, OAuth codes, …), one
   * entry per API area, emptied by `reset()`.
   */
  state: Map<string, unknown>;
  /**
   * Set when a route only makes the events of a scripted stream: what
   * happens to them is up to the script, so nothing is recorded as served.
   */
  scripted?: boolean | undefined;
};

export type EmulatorRoute = {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** An exact path, or a pattern whose groups the handler reads itself. */
  path: string | RegExp;
  /**
   * The route is served beside the API root, at `path` from the server's
   * root (OpenRouter's sign-in page, the alpha APIs), rather than below
   * `/api/v1`.
   */
  besideApiRoot?: true | undefined;
  /**
   * `none` skips the bearer check (for example OAuth code exchange). By
   * default a request needs a bearer token, and an accepted one when the
   * emulator was given `apiKeys`.
   */
  auth?: 'none' | undefined;
  handle: (
    request: EmulatorRequest,
    context: EmulatorContext,
  ) => EmulatorReply | Promise<EmulatorReply>;
};

/**
 * OpenRouter's error body. Recorded 400s (test/fixtures) carry
 * `metadata.provider_name`, null when OpenRouter itself refused.
 */
export function errorReply(status: number, message: string): EmulatorReply {
  return {
    type: 'json',
    status,
    body: {
      error: {
        code: status,
        message,
        ...(status === 400 ? { metadata: { provider_name: null } } : {}),
      },
    },
  };
}

export function jsonReply(body: unknown, status = 200): EmulatorReply {
  return { type: 'json', status, body };
}

/**
 * The route for a request. `path` is below the API root, or from the
 * server's root when `besideApiRoot` is set (the request was not under the
 * API root).
 */
export function matchRoute(
  routes: readonly EmulatorRoute[],
  method: string,
  path: string,
  besideApiRoot = false,
): EmulatorRoute | undefined {
  return routes.find(
    route =>
      route.method === method &&
      (route.besideApiRoot === true) === besideApiRoot &&
      (typeof route.path === 'string'
        ? route.path === path
        : route.path.test(path)),
  );
}

/** Whether some route is served beside the API root at `path`. */
export function isBesideApiRoot(
  routes: readonly EmulatorRoute[],
  path: string,
) {
  return routes.some(
    route =>
      route.besideApiRoot === true &&
      (typeof route.path === 'string'
        ? route.path === path
        : route.path.test(path)),
  );
}

/**
 * One area's entry in the emulator's state, created on first use; `reset()`
 * empties the state, so the next use starts afresh.
 */
export function areaState<T>(
  context: EmulatorContext,
  area: string,
  create: () => T,
): T {
  if (!context.state.has(area)) {
    context.state.set(area, create());
  }
  return context.state.get(area) as T;
}

/**
 * A percent-encoded path segment, decoded; malformed encoding (`%E0%A4%A`,
 * `%ZZ`) is the client's mistake, so a 400 rather than a failure.
 */
export function decodePathSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new EmulatorRequestError(
      400,
      'Invalid path: malformed percent-encoding',
    );
  }
}
