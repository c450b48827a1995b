import {
  InvalidResponseDataError,
  type JSONValue,
  type LanguageModelV4Content,
  type SharedV4ProviderMetadata,
} from '@ai-sdk/provider';
import {
  fileAnnotationsMetadata,
  mapUrlCitations,
} from './map-openrouter-annotations';
import { mapOpenRouterAudio } from './map-openrouter-audio';
import { mapOpenRouterImages } from './map-openrouter-images';
import { mapServerToolCall } from './map-server-tool-calls';
import type { OpenRouterChatResponse } from './openrouter-chat-response-schemas';
import {
  joinReasoningText,
  type OpenRouterReasoningDetail,
} from './openrouter-reasoning-details';
import { ToolCallIds } from './tool-call-ids';

type ResponseMessage = NonNullable<
  NonNullable<OpenRouterChatResponse['choices']>[number]['message']
>;

/**
 * The content of a non-streamed reply, in the order a reader meets it. Tool
 * call ids are kept, made unique, and generated when the upstream left them
 * out; a call without arguments gets `{}`. A refusal (`message.refusal`) is
 * text after the content, as `@ai-sdk/openai-compatible` has it, so a caller
 * shows it like any answer (see `generateOpenRouterChat` for its finish
 * reason and metadata).
 */
export function mapOpenRouterResponseContent(
  message: ResponseMessage | null | undefined,
  {
    servedBy,
    previousToolCallIds,
    serverTools = new Map(),
    audioMediaType = 'audio/wav',
  }: {
    servedBy: string | null | undefined;
    /** The media type of the audio the request asked for. */
    audioMediaType?: string | undefined;
    /** Ids already in the conversation; a repeated one is renamed. */
    previousToolCallIds?: ReadonlySet<string> | undefined;
    /** The call's server tools, by OpenRouter's name: see `serverToolNames`. */
    serverTools?: ReadonlyMap<string, string> | undefined;
  },
): LanguageModelV4Content[] {
  const content: LanguageModelV4Content[] = [];
  if (message == null) {
    return content;
  }

  // The complete details ride on the reasoning part (or, when there is no
  // reasoning to show, on the last part), so they come back next turn.
  const details = message.reasoning_details as
    | OpenRouterReasoningDetail[]
    | null
    | undefined;
  const reasoningMetadata: SharedV4ProviderMetadata | undefined =
    details != null
      ? {
          openrouter: {
            reasoning_details: details as JSONValue[],
            ...(servedBy != null ? { provider: servedBy } : {}),
          },
        }
      : undefined;
  // Details win, but encrypted-only details have no text to show.
  const reasoningText =
    (details != null ? joinReasoningText(details) : '') ||
    (message.reasoning ?? '');
  if (reasoningText !== '' || (details != null && details.length > 0)) {
    content.push({
      type: 'reasoning',
      text: reasoningText,
      ...(reasoningMetadata != null
        ? { providerMetadata: reasoningMetadata }
        : {}),
    });
  }

  const cited = mapUrlCitations(message.annotations, new Map());
  if (message.content != null && message.content !== '') {
    const annotations = fileAnnotationsMetadata(message.annotations);
    content.push({
      type: 'text',
      text: message.content,
      ...(cited.citations.length > 0 ? { citations: cited.citations } : {}),
      ...(annotations != null
        ? { providerMetadata: { openrouter: annotations } }
        : {}),
    });
  }
  if (message.refusal != null && message.refusal !== '') {
    content.push({ type: 'text', text: message.refusal });
  }
  // One at a time: a reply may carry more of them than a call takes
  // arguments.
  for (const file of mapOpenRouterImages(message.images)) {
    content.push(file);
  }
  for (const part of mapOpenRouterAudio(message.audio, {
    mediaType: audioMediaType,
    hasText:
      (message.content != null && message.content !== '') ||
      (message.refusal != null && message.refusal !== ''),
  })) {
    content.push(part);
  }
  for (const source of cited.sources) {
    content.push(source);
  }

  const toolCallIds = new ToolCallIds(previousToolCallIds);
  for (const detail of details ?? []) {
    const serverToolCall = mapServerToolCall(detail, serverTools, toolCallIds);
    if (serverToolCall != null) {
      content.push(...serverToolCall);
    }
  }
  for (const toolCall of message.tool_calls ?? []) {
    const toolName = toolCall.function?.name;
    if (toolName == null || toolName.trim() === '') {
      throw new InvalidResponseDataError({
        data: toolCall,
        message: 'OpenRouter returned a tool call without a function name.',
      });
    }
    const toolCallId = toolCallIds.take(toolCall.id);

    const input = toolCall.function?.arguments ?? '';
    content.push({
      type: 'tool-call',
      toolCallId,
      toolName,
      input: input.trim() === '' ? '{}' : input,
    });
  }

  // The AI SDK replays text and tool-call parts with their metadata; files
  // and sources are not replayed, so they cannot carry the details.
  const carrier = content.findLast(
    part => part.type === 'text' || part.type === 'tool-call',
  );
  if (
    reasoningMetadata != null &&
    carrier != null &&
    !content.some(part => part.type === 'reasoning')
  ) {
    carrier.providerMetadata = {
      openrouter: {
        ...carrier.providerMetadata?.openrouter,
        ...reasoningMetadata.openrouter,
      },
    };
  }

  return content;
}
