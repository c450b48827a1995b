import { InvalidArgumentError } from '@ai-sdk/provider';

/** Where to send the user for `oauth.authorizationUrl`. */
export type OpenRouterAuthorizationUrlOptions = {
  /** Where OpenRouter sends the user back, with `?code=…` added. */
  callbackUrl: string | URL;
  /** The PKCE challenge from `oauth.createPkcePair`. Recommended. */
  codeChallenge?: string | undefined;
  /** How the challenge was made. @default 'S256' when a challenge is given */
  method?: 'S256' | 'plain' | undefined;
};

const OPENROUTER_AUTH_PAGE = 'https://openrouter.ai/auth';
const API_ROOT_SUFFIX = '/api/v1';

/**
 * The sign-in page URL. It sits beside the API (`…/api/v1` → `…/auth`), so
 * it is derived from `baseURL` when that ends in `/api/v1` (which points it
 * at the emulator in tests); any other `baseURL`, such as a gateway, uses
 * openrouter.ai's page.
 *
 * Kept out of the lazily loaded OAuth chunk because it is synchronous and a
 * few lines long.
 */
export function buildAuthorizationUrl(
  baseURL: string,
  options: OpenRouterAuthorizationUrlOptions,
): string {
  const method = 'oauth.authorizationUrl';
  const callbackUrl = parseCallbackUrl(options?.callbackUrl, method);
  const page = baseURL.endsWith(API_ROOT_SUFFIX)
    ? `${baseURL.slice(0, -API_ROOT_SUFFIX.length)}/auth`
    : OPENROUTER_AUTH_PAGE;

  const url = new URL(page);
  url.searchParams.set('callback_url', callbackUrl);
  // Only the challenge goes into the URL. A spread PKCE pair also carries the
  // verifier, which must stay secret, so it is ignored here on purpose.
  const { codeChallenge } = options;
  if (codeChallenge != null) {
    if (typeof codeChallenge !== 'string' || codeChallenge === '') {
      throw new InvalidArgumentError({
        argument: 'codeChallenge',
        message: `${method}: codeChallenge must be a non-empty string.`,
      });
    }
    const challengeMethod = options.method ?? 'S256';
    if (challengeMethod !== 'S256' && challengeMethod !== 'plain') {
      throw new InvalidArgumentError({
        argument: 'method',
        message: `${method}: method must be 'S256' or 'plain', got ${JSON.stringify(challengeMethod)}.`,
      });
    }
    url.searchParams.set('code_challenge', codeChallenge);
    url.searchParams.set('code_challenge_method', challengeMethod);
  }
  return url.toString();
}

function parseCallbackUrl(value: unknown, method: string): string {
  let parsed: URL | undefined;
  try {
    parsed = value instanceof URL ? value : new URL(String(value));
  } catch {
    parsed = undefined;
  }
  if (
    value == null ||
    parsed == null ||
    (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
  ) {
    throw new InvalidArgumentError({
      argument: 'callbackUrl',
      message: `${method}: callbackUrl must be an absolute http(s) URL, such as 'https://myapp.example/callback'.`,
    });
  }
  return parsed.toString();
}
