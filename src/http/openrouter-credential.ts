import { APICallError } from '@ai-sdk/provider';
import { changeApiCallError } from './change-api-call-error';

/**
 * The key a request carries and where it came from, so that an error can
 * say which key OpenRouter refused without showing it.
 */
export type OpenRouterCredential = {
  /** The secret as sent (without its `Bearer` scheme). Never shown. */
  secret: string;
  /**
   * Where the key came from, as a message names it: `the API key from
   * OPENROUTER_API_KEY`, `the key in the call's Authorization header`.
   */
  source: string;
};

// OpenRouter's keys are `sk-or-v1-` and 64 hex digits, and its dashboard,
// like most, shows a key's last characters to tell keys apart. Four of a
// long key leave the rest unguessable; a short secret (a test key, a
// gateway password) could be guessed with a quarter of it known, so it
// shows no characters at all.
const MIN_SECRET_LENGTH_FOR_ENDING = 32;
const ENDING_LENGTH = 4;
// Only characters that read unambiguously in a message.
const PRINTABLE_ENDING = /^[A-Za-z0-9_-]+$/;

/**
 * `the API key from OPENROUTER_API_KEY (ending …abcd)`: the key's source,
 * and for a long key its last four characters, never more.
 */
export function describeCredential(credential: OpenRouterCredential): string {
  const secret = credential.secret.trim();
  const ending = secret.slice(-ENDING_LENGTH);
  return secret.length >= MIN_SECRET_LENGTH_FOR_ENDING &&
    PRINTABLE_ENDING.test(ending)
    ? `${credential.source} (ending …${ending})`
    : credential.source;
}

/**
 * A 401 says only what OpenRouter says (`User not found.`). This names the
 * key that was refused and where it came from, keeping the error's status,
 * retry decision and everything else. Other errors pass through.
 */
export function explainRejectedKey(
  error: unknown,
  credential: OpenRouterCredential | undefined,
): unknown {
  if (
    credential == null ||
    !APICallError.isInstance(error) ||
    error.statusCode !== 401
  ) {
    return error;
  }
  const description = describeCredential(credential);
  return changeApiCallError(error, {
    message: `${description.charAt(0).toUpperCase()}${description.slice(1)} was rejected by OpenRouter: ${error.message}`,
  });
}
