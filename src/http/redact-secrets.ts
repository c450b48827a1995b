import { APICallError, InvalidResponseDataError } from '@ai-sdk/provider';
import { changeApiCallError } from './change-api-call-error';
import { isCredentialHeader, type SentHeaders } from './credential-headers';

// Anything shorter is too likely to be an ordinary word of a message.
const MIN_SECRET_LENGTH = 8;
const OPENROUTER_KEY = /sk-or-[A-Za-z0-9_-]+/g;
const REDACTED = '[REDACTED]';

/** Replaces secrets in text. */
export type Redact = {
  (text: string): string;
  /**
   * Also removes what is left of a secret that a message cut short with
   * `…`: a message built from an echoed body may end a secret halfway.
   * Costs more per `…`, so it is for short texts such as error messages.
   */
  excerpt(text: string): string;
};

// A cut secret whose first few characters are left says nothing about it.
const MIN_CUT_SECRET_LENGTH = 4;
const ELLIPSIS = '…';

/**
 * Every secret a request carries: the whole value of each credential-like
 * header, the token of a `Bearer` value, and each provider key of the JSON
 * in `X-Provider-API-Keys`. The key itself may have any prefix (a gateway's,
 * a BYOK key), so what was sent is what gets redacted.
 */
export function collectRequestSecrets(
  headers: Record<string, string | undefined>,
): string[] {
  const secrets: string[] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (value == null || !isCredentialHeader(name)) {
      continue;
    }
    secrets.push(value);
    // `Bearer …`, `Basic …`, `Token …`: the credential without its scheme.
    const [, token] = value.trim().split(/\s+/, 2);
    if (token != null) {
      secrets.push(token);
    }
    if (name.toLowerCase() === 'x-provider-api-keys') {
      secrets.push(...providerKeys(value));
    }
  }
  return secrets.filter(secret => secret.length >= MIN_SECRET_LENGTH);
}

function providerKeys(value: string): string[] {
  try {
    const parsed: unknown = JSON.parse(value);
    return typeof parsed === 'object' && parsed !== null
      ? Object.values(parsed).filter(key => typeof key === 'string')
      : [];
  } catch {
    return [];
  }
}

/**
 * A function that replaces each of `secrets`, and anything shaped like an
 * OpenRouter key, with a marker. Longer secrets go first, so a token inside
 * its `Bearer …` header value is not left half replaced. Each secret costs
 * one linear search of the text.
 */
export function createRedactor(secrets: readonly string[]): Redact {
  const ordered = [...new Set(secrets)]
    .filter(secret => secret.length >= MIN_SECRET_LENGTH)
    .sort((a, b) => b.length - a.length);
  const redact = (text: string) => {
    let redacted = text;
    for (const secret of ordered) {
      if (redacted.includes(secret)) {
        redacted = redacted.split(secret).join(REDACTED);
      }
    }
    return redacted.includes('sk-or-')
      ? redacted.replace(OPENROUTER_KEY, `sk-or-${REDACTED}`)
      : redacted;
  };
  return Object.assign(redact, {
    excerpt: (text: string) => removeCutSecrets(redact(text), ordered),
  });
}

/**
 * Replaces, before each `…`, the longest start of a secret that stands
 * there. Checks as many `…` as a short message can hold.
 */
function removeCutSecrets(text: string, secrets: readonly string[]) {
  if (secrets.length === 0 || !text.includes(ELLIPSIS)) {
    return text;
  }
  let result = '';
  let position = 0;
  for (
    let cut = text.indexOf(ELLIPSIS), checked = 0;
    cut !== -1 && checked < 64;
    cut = text.indexOf(ELLIPSIS, cut + 1), checked++
  ) {
    const leftLength = longestCutSecret(text, cut, secrets);
    if (leftLength > 0 && cut - leftLength >= position) {
      result += `${text.slice(position, cut - leftLength)}${REDACTED}`;
      position = cut;
    }
  }
  return result + text.slice(position);
}

function longestCutSecret(
  text: string,
  cut: number,
  secrets: readonly string[],
) {
  let longest = 0;
  for (const secret of secrets) {
    for (
      let length = Math.min(secret.length - 1, cut);
      length >= MIN_CUT_SECRET_LENGTH && length > longest;
      length--
    ) {
      if (text.startsWith(secret.slice(0, length), cut - length)) {
        longest = length;
        break;
      }
    }
  }
  return longest;
}

/**
 * A redactor built only when first used: secrets are needed on the error
 * path alone, so a request that succeeds never collects them.
 */
export function createLazyRedactor(secrets: () => readonly string[]): Redact {
  let redactor: Redact | undefined;
  const get = () => {
    redactor ??= createRedactor(secrets());
    return redactor;
  };
  return Object.assign((text: string) => get()(text), {
    excerpt: (text: string) => get().excerpt(text),
  });
}

/**
 * The redactor for a request's errors: every secret among the headers it
 * was sent with (see `collectRequestSecrets`), collected on first use.
 */
export function createRequestRedactor(sentHeaders: SentHeaders): Redact {
  return createLazyRedactor(() => collectRequestSecrets(sentHeaders()));
}

/** Redacts anything shaped like an OpenRouter key. */
export const redactOpenRouterKeys: Redact = createRedactor([]);

/**
 * The error with every secret removed from what a caller or a log can see:
 * message, response body and headers, and the error data. Other errors
 * pass through unless their message holds a secret.
 */
export function redactError(error: unknown, redact: Redact): unknown {
  if (APICallError.isInstance(error)) {
    return changeApiCallError(error, {
      message: redact.excerpt(error.message),
      url: redact(error.url),
      responseHeaders:
        error.responseHeaders == null
          ? undefined
          : redactValue(error.responseHeaders, redact),
      responseBody:
        error.responseBody == null ? undefined : redact(error.responseBody),
      cause: redactCause(error.cause, redact),
      data: redactValue(error.data, redact),
    });
  }
  if (InvalidResponseDataError.isInstance(error)) {
    return new InvalidResponseDataError({
      data: redactValue(error.data, redact),
      message: redact.excerpt(error.message),
    });
  }
  if (error instanceof Error && holdsSecret(error, redact)) {
    return plainError(error, redact);
  }
  return error;
}

/**
 * A cause from `fetch` (an HTTP parser error, say) may keep raw response
 * bytes in its own properties, so one that holds a secret anywhere there is
 * replaced by a plain error with its name, code and redacted message.
 */
function redactCause(cause: unknown, redact: Redact): unknown {
  return cause instanceof Error && holdsSecret(cause, redact)
    ? plainError(cause, redact)
    : cause;
}

function holdsSecret(error: Error, redact: Redact): boolean {
  const texts = [error.message];
  for (const value of Object.values(error)) {
    if (typeof value === 'string') {
      texts.push(value);
    } else if (value instanceof Uint8Array) {
      texts.push(new TextDecoder().decode(value));
    } else if (value instanceof Error) {
      texts.push(value.message);
    }
  }
  return texts.some(text => redact(text) !== text);
}

function plainError(error: Error, redact: Redact) {
  const plain = new Error(redact.excerpt(error.message));
  plain.name = error.name;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') {
    Object.assign(plain, { code });
  }
  return plain;
}

/**
 * A copy of JSON-like data with every string redacted, walked without
 * recursion so that deep nesting from a server cannot overflow the stack.
 */
export function redactValue<T>(value: T, redact: Redact): T {
  if (typeof value === 'string') {
    return redact(value) as T;
  }
  if (typeof value !== 'object' || value === null) {
    return value;
  }
  const root = copyShallow(value);
  const pending: Array<Record<string, unknown> | unknown[]> = [root];
  for (let node = pending.pop(); node != null; node = pending.pop()) {
    for (const key of Object.keys(node)) {
      if (key === '__proto__') {
        continue;
      }
      const child = (node as Record<string, unknown>)[key];
      if (typeof child === 'string') {
        (node as Record<string, unknown>)[key] = redact(child);
      } else if (typeof child === 'object' && child !== null) {
        const copy = copyShallow(child);
        (node as Record<string, unknown>)[key] = copy;
        pending.push(copy);
      }
    }
  }
  return root as T;
}

function copyShallow(value: object): Record<string, unknown> | unknown[] {
  if (Array.isArray(value)) {
    return [...value];
  }
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    // An own `__proto__` from parsed JSON would set the copy's prototype.
    if (key !== '__proto__') {
      copy[key] = (value as Record<string, unknown>)[key];
    }
  }
  return copy;
}
