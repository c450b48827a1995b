import { TypeValidationError } from '@ai-sdk/provider';
import type { ParseResult } from '@ai-sdk/provider-utils';

/**
 * One event of a Responses stream. Only `type` is checked when it arrives;
 * the stream state reads every other field defensively, so no schema runs
 * per event.
 */
export type ResponsesStreamEvent = {
  type: string;
  [field: string]: unknown;
};

/**
 * Checks that an event is an object with a string `type`. A body that is
 * only `{ error: { … } }` (an error written without a type) is read as an
 * error event of type `''`.
 */
export function validateResponsesEvent(
  value: unknown,
): ParseResult<ResponsesStreamEvent> {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const event = value as Record<string, unknown>;
    if (typeof event.type === 'string') {
      return {
        success: true,
        value: event as ResponsesStreamEvent,
        rawValue: value,
      };
    }
    if (event.error != null) {
      return {
        success: true,
        value: { ...event, type: '' },
        rawValue: value,
      };
    }
  }
  return {
    success: false,
    error: new TypeValidationError({
      value,
      cause: new Error(
        'a Responses stream event must be an object with a string type',
      ),
    }),
    rawValue: value,
  };
}

/**
 * Events whose parsed objects leave this package as they are (usage, output
 * items on tool results and metadata, errors): only those are checked for
 * prototype poisoning.
 */
export function handsOnResponsesEventObjects(event: ResponsesStreamEvent) {
  return (
    event.type === 'response.output_item.done' ||
    event.type === 'response.completed' ||
    event.type === 'response.done' ||
    event.type === 'response.incomplete' ||
    event.type === 'response.failed' ||
    event.type === 'response.output_text.annotation.added' ||
    event.type === 'error' ||
    event.type === 'response.error' ||
    event.type === ''
  );
}
