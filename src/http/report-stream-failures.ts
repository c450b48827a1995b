import type { LanguageModelV4StreamPart } from '@ai-sdk/provider';
import type { SentHeaders } from './credential-headers';
import type {
  StreamErrorContext,
  StreamFailure,
} from './openrouter-stream-errors';

/**
 * The `error` part for each failure of one stream, with every secret the
 * request carried redacted (an error the server streams may echo a key).
 * The code that builds it loads with the stream's first failure, so a
 * stream that goes well never loads the error messages or the redaction.
 */
export function reportStreamFailures(
  context: StreamErrorContext,
  sentHeaders: SentHeaders,
): (failure: StreamFailure) => Promise<LanguageModelV4StreamPart> {
  let reporter: Promise<(failure: StreamFailure) => unknown> | undefined;
  return async failure => {
    reporter ??= import('./openrouter-stream-errors').then(errors =>
      errors.createStreamFailureReporter(context, sentHeaders),
    );
    return { type: 'error', error: (await reporter)(failure) };
  };
}
