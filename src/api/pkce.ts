import { convertUint8ArrayToBase64 } from '@ai-sdk/provider-utils';

/** A PKCE code verifier and its S256 challenge, for the OAuth flow. */
export type OpenRouterPkcePair = {
  /**
   * The secret half: keep it (for example in the session) until the user
   * comes back, then pass it to `oauth.exchangeCode`. Never put it in a URL.
   */
  codeVerifier: string;
  /** The public half, for `oauth.authorizationUrl`. */
  codeChallenge: string;
  /** The challenge method; always `S256` (SHA-256). */
  method: 'S256';
};

/**
 * Creates a PKCE pair with Web Crypto only (`crypto.getRandomValues` and
 * `crypto.subtle`), so it works in browsers, edge runtimes and Node alike.
 * The verifier is 32 random bytes in base64url: 43 characters, within the
 * 43 to 128 that RFC 7636 allows.
 */
export async function createPkcePair(): Promise<OpenRouterPkcePair> {
  const bytes = new Uint8Array(32);
  webCrypto().getRandomValues(bytes);
  const codeVerifier = toBase64Url(bytes);
  return {
    codeVerifier,
    codeChallenge: await computeS256CodeChallenge(codeVerifier),
    method: 'S256',
  };
}

/** `base64url(SHA-256(codeVerifier))`, the S256 challenge of RFC 7636. */
export async function computeS256CodeChallenge(
  codeVerifier: string,
): Promise<string> {
  const digest = await webCrypto().subtle.digest(
    'SHA-256',
    new TextEncoder().encode(codeVerifier),
  );
  return toBase64Url(new Uint8Array(digest));
}

/** Base64 with the URL-safe alphabet and no padding (RFC 4648 §5). */
export function toBase64Url(bytes: Uint8Array): string {
  return convertUint8ArrayToBase64(bytes)
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

function webCrypto(): Crypto {
  const crypto = globalThis.crypto;
  if (crypto?.subtle == null) {
    throw new Error(
      'oauth.createPkcePair needs Web Crypto (globalThis.crypto.subtle), which this runtime does not provide. In browsers it is only available on secure (https or localhost) pages.',
    );
  }
  return crypto;
}
