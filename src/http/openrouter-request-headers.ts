import { InvalidArgumentError } from '@ai-sdk/provider';
import { normalizeHeaders } from '@ai-sdk/provider-utils';
import type { OpenRouterConfig } from './openrouter-config';
import type { OpenRouterCredential } from './openrouter-credential';
import { VERSION } from './version';

const USER_AGENT_SUFFIX = `ai-sdk-openrouter/${VERSION}`;

/** The headers of one request, and the key they carry. */
export type ResolvedRequestHeaders = {
  headers: Record<string, string>;
  /**
   * The credential in `authorization` and where it came from, for an error
   * that names a refused key; undefined when the request carries none.
   */
  credential: OpenRouterCredential | undefined;
};

/**
 * The headers of one request. Call headers win over provider headers, which
 * lets a multi-tenant app pass each user's own `Authorization` per call; the
 * provider's key is only loaded when neither set carries one (and never for
 * an endpoint that takes no key). User agents are
 * joined rather than replaced, because `ai` always sends its own.
 */
export function resolveRequestHeaders(
  config: Pick<OpenRouterConfig, 'headers'> & {
    /**
     * Loads the key; absent for an endpoint that takes none, and returning
     * undefined where a key is optional and none is configured.
     */
    apiKey: (() => OpenRouterCredential | undefined) | undefined;
  },
  callHeaders: Record<string, string | undefined> | undefined,
): ResolvedRequestHeaders {
  const providerHeaders = checkedProviderHeaders(config.headers);
  const requestHeaders = normalizeHeaders(callHeaders);
  assertValidHeaders(requestHeaders, 'call');
  const headers: Record<string, string> = {
    ...providerHeaders,
    ...requestHeaders,
  };

  let credential: OpenRouterCredential | undefined;
  if (headers.authorization != null) {
    credential = {
      secret: withoutAuthScheme(headers.authorization),
      source:
        requestHeaders.authorization != null
          ? "the key in the call's Authorization header"
          : "the key in the Authorization header of the provider's headers",
    };
  } else if (config.apiKey != null) {
    credential = config.apiKey();
    if (credential != null) {
      // Also checked where it is loaded, which knows its source; this is
      // the last point before it reaches `fetch`, whatever loaded it.
      assertValidHeaderValue(
        credential.secret,
        'apiKey',
        'The OpenRouter API key',
      );
      headers.authorization = `Bearer ${credential.secret}`;
    }
  }

  headers['user-agent'] = [
    requestHeaders['user-agent'],
    providerHeaders['user-agent'],
    USER_AGENT_SUFFIX,
  ]
    .filter(Boolean)
    .join(' ');

  return { headers, credential };
}

// `Bearer …`, `Basic …`: the credential is what follows the scheme.
function withoutAuthScheme(value: string) {
  const [first, second] = value.trim().split(/\s+/, 2);
  return second ?? first ?? '';
}

// A provider's headers are built once, when it is created, and are the same
// object on every call: an agent makes many calls, so they are normalized
// and checked once per object rather than once per request.
const providerHeadersCache = new WeakMap<
  Record<string, string | undefined>,
  Record<string, string>
>();

function checkedProviderHeaders(
  headers: Record<string, string | undefined>,
): Record<string, string> {
  let checked = providerHeadersCache.get(headers);
  if (checked == null) {
    checked = normalizeHeaders(headers);
    assertValidHeaders(checked, 'provider');
    providerHeadersCache.set(headers, checked);
  }
  return checked;
}

// RFC 9110 field values: visible ASCII, space, tab and obs-text. `fetch`
// refuses anything else with a TypeError that may quote the value.
const INVALID_HEADER_VALUE = /[^\t\x20-\x7e\x80-\xff]/;
// RFC 9110 field names are tokens.
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** Where a set of headers came from, for the setting an error names. */
export type HeaderSource = 'provider' | 'call';

/**
 * Refuses, before anything is sent, a header that `fetch` would refuse or
 * that would smuggle another header in (CR, LF, NUL or another control
 * character). The error names the setting that holds it but never repeats
 * its value, which may be a key.
 */
export function assertValidHeaders(
  headers: Record<string, string | undefined>,
  source: HeaderSource,
) {
  for (const [name, value] of Object.entries(headers)) {
    if (value == null) {
      continue;
    }
    const setting = settingOfHeader(name, source);
    if (!HEADER_NAME.test(name)) {
      throw new InvalidArgumentError({
        argument: setting,
        message: `${describeSetting(setting, source)} has a name that is not a valid HTTP header name.`,
      });
    }
    assertValidHeaderValue(value, setting, describeSetting(setting, source));
  }
}

/**
 * Refuses a value that cannot be sent in an HTTP header, naming `setting`
 * (`apiKey`, `headers.x-api-key`, …) and never the value.
 */
export function assertValidHeaderValue(
  value: string,
  setting: string,
  description: string,
) {
  if (INVALID_HEADER_VALUE.test(value)) {
    throw new InvalidArgumentError({
      argument: setting,
      message: `${description} contains a character that is not allowed in an HTTP header: a control character (such as NUL, CR or LF) or a character outside Latin-1. Check it for stray characters from copying.`,
    });
  }
}

function settingOfHeader(name: string, source: HeaderSource) {
  const lowerCaseName = name.toLowerCase();
  if (source === 'provider') {
    switch (lowerCaseName) {
      case 'x-provider-api-keys':
        return 'api_keys';
      case 'x-openrouter-title':
        return 'appName';
      case 'x-openrouter-categories':
        return 'appCategories';
      case 'http-referer':
        return 'appUrl';
    }
  }
  return `headers.${lowerCaseName}`;
}

function describeSetting(setting: string, source: HeaderSource) {
  return setting.startsWith('headers.')
    ? `Header "${setting.slice('headers.'.length)}"${source === 'call' ? ' of the call' : ''}`
    : `The ${setting} setting`;
}
