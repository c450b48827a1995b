import type {
  LanguageModelV4CallOptions,
  LanguageModelV4StreamResult,
  SharedV4Warning,
} from '@ai-sdk/provider';
import type { ParseResult } from '@ai-sdk/provider-utils';
import type { OpenRouterConfig } from '../http/openrouter-config';
import { streamModelRequest } from '../sse/stream-model-request';
import { serverToolNames } from './map-server-tool-calls';
import type { OpenRouterChatChunk } from './openrouter-chat-chunk-shape';
import { handsOnOpenRouterChunkObjects } from './openrouter-chat-stream-parser';
import { OpenRouterChatStreamState } from './openrouter-chat-stream-state';

/**
 * Posts a streaming request and turns its SSE response into AI SDK stream
 * parts. Chat and completion models share it: `validateChunk` reads each
 * endpoint's chunks as chat chunks, and the chat stream state does the rest.
 */
export async function streamOpenRouterParts({
  config,
  path,
  args,
  warnings,
  options,
  validateChunk,
  previousToolCallIds,
}: {
  config: OpenRouterConfig;
  path: string;
  args: Record<string, unknown>;
  warnings: SharedV4Warning[];
  options: LanguageModelV4CallOptions;
  validateChunk: (value: unknown) => ParseResult<OpenRouterChatChunk>;
  previousToolCallIds?: ReadonlySet<string> | undefined;
}): Promise<LanguageModelV4StreamResult> {
  const url = `${config.baseURL}${path}`;
  const body = {
    ...args,
    stream: true,
    stream_options: withUsageIncluded(args.stream_options, warnings),
  };

  return streamModelRequest({
    config,
    url,
    body,
    warnings,
    options,
    validateChunk,
    handsOnObjects: handsOnOpenRouterChunkObjects,
    context: {
      previousToolCallIds,
      serverTools: serverToolNames(options.tools),
    },
    createState: (context, output) =>
      new OpenRouterChatStreamState(context, output),
  });
}

/**
 * The caller's `stream_options` with `include_usage: true`: usage and cost
 * only arrive in the stream's last chunk when it is asked for, so it is
 * always set; the caller's other keys are kept. Turning it off, or giving
 * something that is not an object, is overruled with a warning.
 */
function withUsageIncluded(
  streamOptions: unknown,
  warnings: SharedV4Warning[],
): Record<string, unknown> {
  if (streamOptions == null) {
    return { include_usage: true };
  }
  if (typeof streamOptions !== 'object' || Array.isArray(streamOptions)) {
    warnings.push({
      type: 'unsupported',
      feature: 'stream_options that is not an object',
      details: 'It was replaced by { include_usage: true }.',
    });
    return { include_usage: true };
  }
  if ((streamOptions as { include_usage?: unknown }).include_usage === false) {
    warnings.push({
      type: 'unsupported',
      feature: 'stream_options.include_usage: false',
      details:
        'This provider needs usage in the stream to report token counts and cost, so it sends include_usage: true.',
    });
  }
  return { ...streamOptions, include_usage: true };
}
