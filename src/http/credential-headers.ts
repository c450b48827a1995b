// Header names that carry credentials: `Authorization`, but also gateway
// and proxy keys such as `Helicone-Auth`, `cf-aig-authorization`,
// `X-API-Key`, `X-Provider-API-Keys` or a cookie.
const CREDENTIAL_HEADER = /auth|key|token|secret|cookie|password|credential/i;

/**
 * Whether a header's name says it carries a credential. The rule is kept
 * apart from the redaction (`redact-secrets.ts`), which loads with the
 * first error, because headers are checked and serialized without one.
 */
export function isCredentialHeader(name: string) {
  return CREDENTIAL_HEADER.test(name);
}

/**
 * The headers a request was sent with, behind a function so that no object
 * or log that holds it shows them: errors that arrive later (in a stream)
 * are redacted of the secrets among them (see `createRequestRedactor`).
 */
export type SentHeaders = () => Readonly<Record<string, string>>;
