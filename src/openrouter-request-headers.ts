import { InvalidArgumentError } from '@ai-sdk/provider';
import { normalizeHeaders } from '@ai-sdk/provider-utils';
import type { OpenRouterConfig } from './openrouter-config';
import { VERSION } from './version';

const USER_AGENT_SUFFIX = `ai-sdk-openrouter/${VERSION}`;

/**
 * The headers of one request. Call headers win over provider headers, which
 * lets a multi-tenant app pass each user's own `Authorization` per call; the
 * provider's key is only loaded when neither set carries one. User agents are
 * joined rather than replaced, because `ai` always sends its own.
 */
export function resolveRequestHeaders(
  config: Pick<OpenRouterConfig, 'headers' | 'apiKey'>,
  callHeaders: Record<string, string | undefined> | undefined,
): Record<string, string> {
  const providerHeaders = normalizeHeaders(config.headers);
  const requestHeaders = normalizeHeaders(callHeaders);
  const headers: Record<string, string> = {
    ...providerHeaders,
    ...requestHeaders,
  };

  if (headers.authorization == null) {
    headers.authorization = `Bearer ${config.apiKey()}`;
  }

  headers['user-agent'] = [
    requestHeaders['user-agent'],
    providerHeaders['user-agent'],
    USER_AGENT_SUFFIX,
  ]
    .filter(Boolean)
    .join(' ');

  assertValidHeaderValues(headers);
  return headers;
}

/**
 * A CR or LF in a header value would let a caller smuggle extra headers. The
 * error names the header but never repeats its value, which may be a key.
 */
export function assertValidHeaderValues(headers: Record<string, string>) {
  for (const name of Object.keys(headers)) {
    if (/[\r\n]/.test(headers[name])) {
      throw new InvalidArgumentError({
        argument: `headers.${name}`,
        message: `Header "${name}" contains a carriage return or line feed, which is not allowed in HTTP header values.`,
      });
    }
  }
}
