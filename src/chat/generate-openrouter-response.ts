import {
  APICallError,
  type LanguageModelV4CallOptions,
  type LanguageModelV4GenerateResult,
} from '@ai-sdk/provider';
import type { FlexibleSchema } from '@ai-sdk/provider-utils';
import type { OpenRouterConfig } from '../http/openrouter-config';
import { createOpenRouterJsonResponseHandler } from '../http/openrouter-response-handlers';
import {
  type OpenRouterAnswer,
  sendModelRequest,
} from '../http/send-openrouter-request';
import { mapResponseMetadata } from './openrouter-provider-metadata';

type OpenRouterResponseEnvelope = {
  id?: string | null | undefined;
  model?: string | null | undefined;
  created?: number | null | undefined;
  choices?: readonly unknown[] | null | undefined;
};

/**
 * Posts a non-streaming request (chat or completion) and returns its first
 * choice with the response around it. An answer without choices is a hiccup
 * upstream, so it is a retryable error rather than an empty reply.
 */
export async function generateOpenRouterResponse<
  RESPONSE extends OpenRouterResponseEnvelope,
>({
  config,
  path,
  args,
  options,
  schema,
}: {
  config: OpenRouterConfig;
  path: string;
  args: Record<string, unknown>;
  options: LanguageModelV4CallOptions;
  schema: FlexibleSchema<RESPONSE>;
}) {
  const url = `${config.baseURL}${path}`;
  const { answer, choice, request, response } = await sendModelRequest(config, {
    method: 'POST',
    url,
    callHeaders: options.headers,
    body: args,
    successfulResponseHandler: createOpenRouterJsonResponseHandler(schema),
    abortSignal: options.abortSignal,
    readAnswer: ({
      value,
      rawValue,
      responseHeaders,
    }: OpenRouterAnswer<RESPONSE>) => {
      const choice = value.choices?.[0] as
        | NonNullable<RESPONSE['choices']>[number]
        | undefined;
      if (choice == null) {
        throw new APICallError({
          message: 'OpenRouter returned an answer without any choices.',
          url,
          requestBodyValues: args,
          statusCode: 200,
          responseHeaders,
          responseBody: JSON.stringify(rawValue),
          isRetryable: true,
        });
      }
      return {
        answer: value,
        choice,
        request: { url, body: args },
        response: {
          ...mapResponseMetadata(value),
          headers: responseHeaders,
          body: rawValue,
        },
      } satisfies Pick<
        LanguageModelV4GenerateResult,
        'request' | 'response'
      > & { answer: RESPONSE; choice: unknown };
    },
  });
  // `answer` is the parsed body; `request` and `response` are ready for the
  // generate result.
  return { answer, choice, request, response };
}
