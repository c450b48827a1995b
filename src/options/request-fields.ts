import * as z from 'zod/v4';

/**
 * The fields every OpenRouter request takes beside its own: who asks
 * (`user`), the session it belongs to, and `extraBody`, merged underneath
 * the other fields. The documentation is on each model kind's option type.
 */
export function callerFields() {
  return {
    user: z.string().optional(),
    session_id: z.string().max(256).optional(),
    extraBody: z.record(z.string(), z.unknown()).optional(),
  };
}

/**
 * `provider` of the requests that take only per-provider options
 * (`provider.options[<slug>]`), such as speech and transcription.
 */
export function providerOptionsOnlySchema() {
  return z
    .looseObject({
      options: z
        .record(z.string(), z.record(z.string(), z.unknown()))
        .optional(),
    })
    .optional();
}
