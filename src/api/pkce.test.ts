import { describe, expect, it } from 'vitest';
import { computeS256CodeChallenge, createPkcePair, toBase64Url } from './pkce';

describe('toBase64Url', () => {
  it('uses the URL-safe alphabet without padding', () => {
    expect(toBase64Url(new Uint8Array([251, 255, 191]))).toBe('-_-_');
    expect(toBase64Url(new Uint8Array([1]))).toBe('AQ');
    expect(toBase64Url(new Uint8Array([]))).toBe('');
  });
});

describe('computeS256CodeChallenge', () => {
  it('matches the example of RFC 7636, appendix B', async () => {
    expect(
      await computeS256CodeChallenge(
        'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk',
      ),
    ).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });
});

describe('createPkcePair', () => {
  it('makes a 43-character verifier and its S256 challenge', async () => {
    const pair = await createPkcePair();

    expect(pair.method).toBe('S256');
    expect(pair.codeVerifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(pair.codeChallenge).toBe(
      await computeS256CodeChallenge(pair.codeVerifier),
    );
  });

  it('makes a new verifier every time', async () => {
    const verifiers = new Set(
      await Promise.all(
        Array.from(
          { length: 20 },
          async () => (await createPkcePair()).codeVerifier,
        ),
      ),
    );

    expect(verifiers.size).toBe(20);
  });
});
