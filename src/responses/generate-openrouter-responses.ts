import {
  APICallError,
  type LanguageModelV4CallOptions,
  type LanguageModelV4GenerateResult,
  type SharedV4Warning,
} from '@ai-sdk/provider';
import { isRecord, lazySchema, zodSchema } from '@ai-sdk/provider-utils';
import * as z from 'zod/v4';
import { collectToolCallIds } from '../chat/convert-to-openrouter-chat-messages';
import { serverToolNames } from '../chat/map-server-tool-calls';
import { ToolCallIds } from '../chat/tool-call-ids';
import type { OpenRouterConfig } from '../http/openrouter-config';
import { createOpenRouterApiCallError } from '../http/openrouter-error';
import { createOpenRouterJsonResponseHandler } from '../http/openrouter-response-handlers';
import {
  type OpenRouterAnswer,
  sendModelRequest,
} from '../http/send-openrouter-request';
import { mapResponsesOutput } from './map-responses-output';
import {
  buildResponsesProviderMetadata,
  convertResponsesUsage,
  mapResponsesFinishReason,
  mapResponsesResponseMetadata,
} from './map-responses-result';

// Lenient: every field nullish, unknown fields kept. `output` is an array of
// items in OpenRouter's published types; the seeds also show a string.
const responsesResultSchema = /* @__PURE__ */ lazySchema(() =>
  zodSchema(
    z.looseObject({
      id: z.string().nullish(),
      model: z.string().nullish(),
      created_at: z.number().nullish(),
      status: z.string().nullish(),
      output: z.union([z.array(z.unknown()), z.string()]).nullish(),
      usage: z.unknown().nullish(),
      incomplete_details: z
        .looseObject({ reason: z.string().nullish() })
        .nullish(),
      error: z.unknown().nullish(),
      error_type: z.string().nullish(),
      provider: z.string().nullish(),
      openrouter_metadata: z.unknown().nullish(),
    }),
  ),
);

type ResponsesResult = {
  id?: string | null;
  model?: string | null;
  created_at?: number | null;
  status?: string | null;
  output?: unknown[] | string | null;
  usage?: unknown;
  incomplete_details?: { reason?: string | null } | null;
  error?: unknown;
  error_type?: string | null;
  provider?: string | null;
  openrouter_metadata?: unknown;
};

/**
 * A non-streamed Responses call: posts the request and maps every output
 * item, in order, to AI SDK content. The Responses model loads this module
 * on its first `doGenerate`.
 */
export async function generateOpenRouterResponses({
  config,
  args,
  warnings,
  options,
}: {
  config: OpenRouterConfig;
  args: Record<string, unknown>;
  warnings: SharedV4Warning[];
  options: LanguageModelV4CallOptions;
}): Promise<LanguageModelV4GenerateResult> {
  const url = `${config.baseURL}/responses`;
  return sendModelRequest(config, {
    method: 'POST',
    url,
    callHeaders: options.headers,
    body: args,
    successfulResponseHandler:
      createOpenRouterJsonResponseHandler<ResponsesResult>(
        responsesResultSchema,
      ),
    abortSignal: options.abortSignal,
    readAnswer: ({
      value,
      rawValue,
      responseHeaders,
    }: OpenRouterAnswer<ResponsesResult>): LanguageModelV4GenerateResult => {
      if (value.status === 'failed') {
        // A failed response without an error body is still a failure.
        throw createOpenRouterApiCallError({
          error: {
            ...(isRecord(value.error)
              ? {
                  code:
                    typeof value.error.code === 'string' ||
                    typeof value.error.code === 'number'
                      ? value.error.code
                      : undefined,
                  message:
                    typeof value.error.message === 'string'
                      ? value.error.message
                      : undefined,
                }
              : { code: 500, message: 'The response failed.' }),
            ...(value.error_type != null
              ? { errorType: value.error_type }
              : {}),
          },
          url,
          requestBodyValues: args,
          responseHeaders,
          responseBody: JSON.stringify(rawValue),
        });
      }
      if (
        value.output != null &&
        typeof value.output !== 'string' &&
        !Array.isArray(value.output)
      ) {
        throw new APICallError({
          message:
            'OpenRouter returned a response this provider cannot read: output is not a list of items.',
          url,
          requestBodyValues: args,
          statusCode: 200,
          responseHeaders,
        });
      }
      const mapped = mapResponsesOutput(value.output, {
        toolCallIds: new ToolCallIds(collectToolCallIds(options.prompt)),
        serverTools: serverToolNames(options.tools),
      });
      return {
        content: mapped.content,
        finishReason: mapResponsesFinishReason({
          status: value.status ?? undefined,
          incompleteReason: value.incomplete_details?.reason ?? undefined,
          hasToolCalls: mapped.hasToolCalls,
          hasRefusal: mapped.refusal !== '',
        }),
        usage: convertResponsesUsage(value.usage),
        providerMetadata: buildResponsesProviderMetadata(value, {
          annotations: mapped.annotations,
          ...(mapped.refusal !== '' ? { refusal: mapped.refusal } : {}),
          warnings: mapped.warnings,
        }),
        request: { url, body: args },
        response: {
          ...mapResponsesResponseMetadata(value),
          headers: responseHeaders,
          body: rawValue,
        },
        warnings,
      };
    },
  });
}
