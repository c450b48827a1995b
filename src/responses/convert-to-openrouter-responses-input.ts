import {
  type JSONValue,
  type LanguageModelV4FilePart,
  type LanguageModelV4Prompt,
  type LanguageModelV4ToolResultOutput,
  type SharedV4ProviderOptions,
  type SharedV4Warning,
  UnsupportedFunctionalityError,
} from '@ai-sdk/provider';
import { isRecord } from '@ai-sdk/provider-utils';
import {
  convertFileToContentPart,
  type FileLikePart,
} from '../chat/convert-file-part';
import { readCacheControl } from '../chat/openrouter-cache-control';

/** One item of a Responses request's `input`. */
export type OpenRouterResponsesInputItem = Record<string, unknown>;

/** A content part of a Responses input message. */
type InputContentPart = Record<string, unknown>;

type AssistantContent = Extract<
  LanguageModelV4Prompt[number],
  { role: 'assistant' }
>['content'];

const IMAGE_DETAILS = new Set(['auto', 'low', 'high', 'original']);

/**
 * The AI SDK prompt as the `instructions` and `input` of a Responses
 * request. The API is stateless here (OpenRouter refuses
 * `previous_response_id`), so the whole conversation goes every time:
 * reasoning items with their `encrypted_content`, calls and their outputs.
 * What cannot be sent is left out with a warning, never silently.
 */
export function convertToOpenRouterResponsesInput(
  prompt: LanguageModelV4Prompt,
  warnings: SharedV4Warning[],
): {
  instructions: string | undefined;
  input: OpenRouterResponsesInputItem[];
  /** Whether a replayed reasoning item carries encrypted content. */
  replaysEncryptedReasoning: boolean;
} {
  const input: OpenRouterResponsesInputItem[] = [];
  const instructions: string[] = [];
  let seenOtherMessage = false;
  let replaysEncryptedReasoning = false;
  const warned = new Set<string>();
  const leaveOut = (message: string) => {
    // One warning per kind of loss, not one per part.
    if (!warned.has(message)) {
      warned.add(message);
      warnings.push({ type: 'other', message });
    }
  };

  for (const message of prompt) {
    switch (message.role) {
      case 'system': {
        const breakpoint = cacheBreakpoint(message.providerOptions, leaveOut);
        if (!seenOtherMessage && breakpoint == null) {
          instructions.push(message.content);
          break;
        }
        // A system message in the middle of the conversation stays where it
        // is, as a developer message; one with a cache breakpoint needs a
        // content part to carry it.
        input.push({
          type: 'message',
          role: seenOtherMessage ? 'developer' : 'system',
          content: [
            {
              type: 'input_text',
              text: message.content,
              ...(breakpoint ?? {}),
            },
          ],
        });
        break;
      }
      case 'user': {
        seenOtherMessage = true;
        const messageBreakpoint = cacheBreakpoint(
          message.providerOptions,
          leaveOut,
        );
        const content: InputContentPart[] = [];
        let lastTextIndex = -1;
        for (const part of message.content) {
          if (part.type === 'text') {
            lastTextIndex = content.length;
            content.push({
              type: 'input_text',
              text: part.text,
              ...(cacheBreakpoint(part.providerOptions, leaveOut) ?? {}),
            });
          } else {
            content.push(convertFilePart(part));
          }
        }
        if (messageBreakpoint != null && lastTextIndex !== -1) {
          content[lastTextIndex] = {
            ...content[lastTextIndex],
            ...messageBreakpoint,
          };
        }
        input.push({ type: 'message', role: 'user', content });
        break;
      }
      case 'assistant': {
        seenOtherMessage = true;
        if (convertAssistantContent(message.content, input, leaveOut)) {
          replaysEncryptedReasoning = true;
        }
        break;
      }
      case 'tool': {
        seenOtherMessage = true;
        for (const part of message.content) {
          if (part.type === 'tool-approval-response') {
            leaveOut(
              'Tool approval responses cannot be sent to the Responses API; they were left out.',
            );
            continue;
          }
          input.push({
            type: 'function_call_output',
            call_id: part.toolCallId,
            output: convertToolOutput(part.output, leaveOut),
          });
        }
        break;
      }
      default: {
        const unknown: never = message;
        throw new UnsupportedFunctionalityError({
          functionality: `message role ${(unknown as { role: string }).role}`,
        });
      }
    }
  }

  return {
    instructions:
      instructions.length > 0 ? instructions.join('\n\n') : undefined,
    input,
    replaysEncryptedReasoning,
  };
}

/**
 * `prompt_cache_breakpoint` for a part or message that sets a cache
 * breakpoint (OpenRouter turns it into Anthropic's `cache_control`). Items
 * have no place for a `ttl`, so one is reported and left out.
 */
function cacheBreakpoint(
  providerOptions: SharedV4ProviderOptions | undefined,
  leaveOut: (message: string) => void,
): { prompt_cache_breakpoint: { mode: 'explicit' } } | undefined {
  const cacheControl = readCacheControl(providerOptions);
  if (cacheControl == null) {
    return undefined;
  }
  if (cacheControl.ttl != null) {
    leaveOut(
      "A cache breakpoint's ttl cannot be sent to the Responses API; the breakpoint was sent without it (set prompt_cache_options.ttl for the request).",
    );
  }
  return { prompt_cache_breakpoint: { mode: 'explicit' } };
}

/**
 * A user file as a Responses content part. The chat model's rules decide
 * what each media type becomes (text inlined, audio formats, URLs kept);
 * only the spelling differs. An OpenRouter file id is sent as `file_id`.
 */
function convertFilePart(
  part: Pick<
    LanguageModelV4FilePart,
    'data' | 'mediaType' | 'filename' | 'providerOptions'
  >,
): InputContentPart {
  const detail = imageDetail(part.providerOptions);
  if (part.data.type === 'reference') {
    const fileId = part.data.reference.openrouter;
    if (typeof fileId !== 'string') {
      throw new UnsupportedFunctionalityError({
        functionality: `file references without an OpenRouter file id (${part.mediaType}); pass the file's bytes or URL instead`,
      });
    }
    return part.mediaType.toLowerCase().startsWith('image')
      ? { type: 'input_image', file_id: fileId, detail }
      : { type: 'input_file', file_id: fileId };
  }
  const chatPart = convertFileToContentPart(part as FileLikePart) as {
    type: string;
    text?: string;
    image_url?: { url: string };
    video_url?: { url: string };
    input_audio?: { data: string; format: string };
    file?: { filename: string; file_data: string };
  };
  switch (chatPart.type) {
    case 'text':
      return { type: 'input_text', text: chatPart.text };
    case 'image_url':
      return {
        type: 'input_image',
        image_url: chatPart.image_url?.url,
        // Required by the Responses API.
        detail,
      };
    case 'video_url':
      return { type: 'input_video', video_url: chatPart.video_url?.url };
    case 'input_audio':
      return { type: 'input_audio', input_audio: chatPart.input_audio };
    default: {
      const file = chatPart.file ?? { filename: '', file_data: '' };
      return file.file_data.startsWith('data:')
        ? {
            type: 'input_file',
            filename: file.filename,
            file_data: file.file_data,
          }
        : { type: 'input_file', file_url: file.file_data };
    }
  }
}

function imageDetail(providerOptions: SharedV4ProviderOptions | undefined) {
  const detail = providerOptions?.openrouter?.imageDetail;
  return typeof detail === 'string' && IMAGE_DETAILS.has(detail)
    ? detail
    : 'auto';
}

/** What the Responses API needs back from a reasoning part. */
type ReasoningReplay = {
  itemId: string;
  summary: unknown[];
  content: Array<{ type: 'reasoning_text'; text: string }>;
  encryptedContent: string | undefined;
  format: string | undefined;
  signature: string | undefined;
  /** The exact summary array the response gave, when a part carries it. */
  givenSummary: unknown[] | undefined;
};

/**
 * An assistant turn as input items: text as output messages, reasoning as
 * reasoning items, calls as `function_call` items, server-tool items as
 * they came. Consecutive parts of one item become that item again. True
 * when a reasoning item carries encrypted content.
 */
function convertAssistantContent(
  content: AssistantContent,
  input: OpenRouterResponsesInputItem[],
  leaveOut: (message: string) => void,
): boolean {
  let replaysEncrypted = false;
  let text: { itemId: string | undefined; parts: InputContentPart[] } | null =
    null;
  let reasoning: ReasoningReplay | null = null;
  const replayedItemIds = new Set<string>();
  // An output item goes back once, whichever parts carry it (a server
  // tool's result and the image it made, say).
  const replayItem = (item: Record<string, unknown>, fallbackId: string) => {
    const id = typeof item.id === 'string' ? item.id : fallbackId;
    if (!replayedItemIds.has(id)) {
      replayedItemIds.add(id);
      input.push(item);
    }
  };

  const flush = () => {
    if (text != null) {
      input.push(
        text.itemId != null
          ? {
              type: 'message',
              role: 'assistant',
              id: text.itemId,
              status: 'completed',
              content: text.parts,
            }
          : {
              // Without an item id the easy form is the one the API takes.
              type: 'message',
              role: 'assistant',
              content: text.parts
                .map(part => String(part.text ?? part.refusal ?? ''))
                .join(''),
            },
      );
      text = null;
    }
    if (reasoning != null) {
      input.push({
        type: 'reasoning',
        id: reasoning.itemId,
        summary: reasoning.givenSummary ?? reasoning.summary,
        ...(reasoning.content.length > 0 ? { content: reasoning.content } : {}),
        ...(reasoning.encryptedContent != null
          ? { encrypted_content: reasoning.encryptedContent }
          : {}),
        ...(reasoning.format != null ? { format: reasoning.format } : {}),
        ...(reasoning.signature != null
          ? { signature: reasoning.signature }
          : {}),
      });
      reasoning = null;
    }
  };

  for (const part of content) {
    const options = part.providerOptions?.openrouter;
    const itemId =
      typeof options?.itemId === 'string' ? options.itemId : undefined;
    switch (part.type) {
      case 'text': {
        if (reasoning != null || (text != null && text.itemId !== itemId)) {
          flush();
        }
        text ??= { itemId, parts: [] };
        text.parts.push(
          options?.refusal != null
            ? { type: 'refusal', refusal: part.text }
            : {
                type: 'output_text',
                text: part.text,
                annotations: Array.isArray(options?.annotations)
                  ? options.annotations
                  : [],
              },
        );
        break;
      }
      case 'reasoning': {
        if (itemId == null) {
          leaveOut(
            'Reasoning without a Responses item id (from another model, say) cannot be replayed to the Responses API; it was left out.',
          );
          break;
        }
        if (
          text != null ||
          (reasoning != null && reasoning.itemId !== itemId)
        ) {
          flush();
        }
        reasoning ??= {
          itemId,
          summary: [],
          content: [],
          encryptedContent: undefined,
          format: undefined,
          signature: undefined,
          givenSummary: undefined,
        };
        if (options?.reasoningKind === 'content') {
          reasoning.content.push({ type: 'reasoning_text', text: part.text });
        } else if (part.text !== '') {
          reasoning.summary.push({ type: 'summary_text', text: part.text });
        }
        if (Array.isArray(options?.reasoningSummary)) {
          reasoning.givenSummary = options.reasoningSummary;
        }
        if (typeof options?.reasoningEncryptedContent === 'string') {
          reasoning.encryptedContent = options.reasoningEncryptedContent;
          replaysEncrypted = true;
        }
        if (typeof options?.reasoningFormat === 'string') {
          reasoning.format = options.reasoningFormat;
        }
        if (typeof options?.reasoningSignature === 'string') {
          reasoning.signature = options.reasoningSignature;
        }
        break;
      }
      case 'tool-call': {
        flush();
        if (part.providerExecuted === true) {
          // Its result carries the item that goes back.
          break;
        }
        input.push({
          type: 'function_call',
          call_id: part.toolCallId,
          name: part.toolName,
          arguments:
            typeof part.input === 'string'
              ? part.input
              : JSON.stringify(part.input ?? {}),
          status: 'completed',
          ...(itemId != null ? { id: itemId } : {}),
        });
        break;
      }
      case 'tool-result': {
        flush();
        const item = options?.item;
        if (!isRecord(item)) {
          leaveOut(
            `The result of server tool ${part.toolName} has no Responses item to replay; it was left out.`,
          );
          break;
        }
        replayItem(item, part.toolCallId);
        break;
      }
      case 'file': {
        flush();
        const item = options?.item;
        if (isRecord(item)) {
          // An image the model made: its image generation item goes back.
          replayItem(item, `file_${input.length}`);
        } else {
          leaveOut(
            'Files in assistant messages cannot be sent to the Responses API; they were left out.',
          );
        }
        break;
      }
      default:
        flush();
        leaveOut(
          `Assistant ${part.type} parts cannot be sent to the Responses API; they were left out.`,
        );
    }
  }
  flush();
  return replaysEncrypted;
}

/** A tool's output as `function_call_output.output`. */
function convertToolOutput(
  output: LanguageModelV4ToolResultOutput,
  leaveOut: (message: string) => void,
): string | InputContentPart[] {
  switch (output.type) {
    case 'text':
    case 'error-text':
      return output.value;
    case 'json':
    case 'error-json':
      return JSON.stringify(output.value as JSONValue);
    case 'execution-denied':
      return output.reason ?? 'Tool execution denied.';
    case 'content': {
      const parts: InputContentPart[] = [];
      for (const item of output.value) {
        if (item.type === 'text') {
          parts.push({ type: 'input_text', text: item.text });
          continue;
        }
        if (item.type !== 'file') {
          leaveOut(
            'Custom parts of tool results cannot be sent to the Responses API; they were left out.',
          );
          continue;
        }
        const converted = convertFilePart(item);
        if (
          converted.type === 'input_audio' ||
          converted.type === 'input_video'
        ) {
          leaveOut(
            'Audio and video in tool results cannot be sent to the Responses API; they were left out.',
          );
          continue;
        }
        parts.push(converted);
      }
      return parts;
    }
    default: {
      const unknown: never = output;
      return JSON.stringify(unknown);
    }
  }
}
