import { lazySchema, zodSchema } from '@ai-sdk/provider-utils';
import * as z from 'zod/v4';
import { responseEnvelopeFields } from '../chat/openrouter-chat-response-schemas';

// A completion answer, read on the non-streaming path only: the completion
// model loads this module on its first `doGenerate`.
function completionSchemaShape() {
  return z.looseObject({
    ...responseEnvelopeFields(),
    choices: z
      .array(
        z.looseObject({
          text: z.string().nullish(),
          finish_reason: z.string().nullish(),
        }),
      )
      .nullish(),
  });
}

export const completionResponseSchema = lazySchema(() =>
  zodSchema(completionSchemaShape()),
);
