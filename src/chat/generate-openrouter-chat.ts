import type {
  LanguageModelV4CallOptions,
  LanguageModelV4GenerateResult,
  SharedV4Warning,
} from '@ai-sdk/provider';
import type { OpenRouterConfig } from '../http/openrouter-config';
import { convertOpenRouterUsage } from './convert-openrouter-usage';
import { collectToolCallIds } from './convert-to-openrouter-chat-messages';
import { generateOpenRouterResponse } from './generate-openrouter-response';
import { mapLogprobs } from './map-openrouter-annotations';
import { requestedAudioMediaType } from './map-openrouter-audio';
import { unifyOpenRouterFinishReason } from './map-openrouter-finish-reason';
import { mapOpenRouterResponseContent } from './map-openrouter-response-content';
import { serverToolNames } from './map-server-tool-calls';
import { openRouterChatResponseSchema } from './openrouter-chat-response-schemas';
import { buildOpenRouterProviderMetadata } from './openrouter-provider-metadata';

/**
 * A non-streamed chat call: posts the request and maps the reply. The chat
 * model loads this module on its first `doGenerate`, so an app that only
 * streams does not ship the response schema and the reply mappers.
 */
export async function generateOpenRouterChat({
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
  const { answer, choice, request, response } =
    await generateOpenRouterResponse({
      config,
      path: '/chat/completions',
      args,
      options,
      schema: openRouterChatResponseSchema,
    });

  const content = mapOpenRouterResponseContent(choice.message, {
    servedBy: answer.provider,
    previousToolCallIds: collectToolCallIds(options.prompt),
    serverTools: serverToolNames(options.tools),
    audioMediaType: requestedAudioMediaType(args),
  });
  const refusal = choice.message?.refusal;

  return {
    content,
    finishReason: unifyOpenRouterFinishReason(choice.finish_reason, {
      // Calls OpenRouter made itself ask nothing of the caller.
      hasToolCalls: content.some(
        part => part.type === 'tool-call' && part.providerExecuted !== true,
      ),
      hasRefusal: refusal != null && refusal !== '',
    }),
    usage: convertOpenRouterUsage(answer.usage),
    providerMetadata: buildOpenRouterProviderMetadata({
      generationId: answer.id,
      model: answer.model,
      provider: answer.provider,
      usage: answer.usage,
      reasoningDetails: choice.message?.reasoning_details,
      annotations: choice.message?.annotations,
      logprobs: mapLogprobs(choice.logprobs),
      refusal,
    }),
    request,
    response,
    warnings,
  };
}
