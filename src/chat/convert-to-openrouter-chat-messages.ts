import {
  type LanguageModelV4Prompt,
  type LanguageModelV4ToolResultOutput,
  type SharedV4Warning,
  UnsupportedFunctionalityError,
} from '@ai-sdk/provider';
import { stableStringify } from '../options/stable-stringify';
import type { convertFileToContentPart } from './convert-file-part';
import { readCacheControl } from './openrouter-cache-control';
import type {
  OpenRouterCacheControl,
  OpenRouterChatAssistantMessage,
  OpenRouterChatContentPart,
  OpenRouterChatPrompt,
  OpenRouterChatTextPart,
  OpenRouterChatToolCall,
  OpenRouterChatToolMessage,
} from './openrouter-chat-api-types';
import {
  isBoundToUpstream,
  type OpenRouterReasoningDetail,
  prepareReplayedReasoningDetails,
  readReasoningDetails,
} from './openrouter-reasoning-details';

type PromptMessage = LanguageModelV4Prompt[number];
type UserContent = Extract<PromptMessage, { role: 'user' }>['content'];
type AssistantContent = Extract<
  PromptMessage,
  { role: 'assistant' }
>['content'];
type ToolContent = Extract<PromptMessage, { role: 'tool' }>['content'];
type FileConverter = typeof convertFileToContentPart;

/** What every converter needs besides its own content. */
type ConversionContext = {
  convertFile: FileConverter;
  /** Parts that could not be sent; each kind is reported once. */
  leaveOut: (what: string) => void;
};

/**
 * Converts an AI SDK prompt into OpenRouter chat messages. Each role has its
 * own converter so that a new part kind slots into exactly one place.
 *
 * The file converter knows every media type OpenRouter takes; it is loaded
 * only for prompts that carry files, so a text-only app does not ship it.
 */
export async function convertToOpenRouterChatMessages(
  prompt: LanguageModelV4Prompt,
  warnings: SharedV4Warning[] = [],
): Promise<OpenRouterChatPrompt> {
  const reported = new Set<string>();
  const context: ConversionContext = {
    // Once loaded, the converter is used without scanning the prompt again.
    convertFile:
      loadedFileConverter ??
      (promptHasFiles(prompt)
        ? await loadFileConverter()
        : refuseUnexpectedFile),
    leaveOut: what => {
      if (!reported.has(what)) {
        reported.add(what);
        warnings.push({ type: 'other', message: what });
      }
    },
  };
  const messages: OpenRouterChatPrompt = [];

  for (const message of prompt) {
    // A breakpoint on a whole message goes on its last text block.
    const messageCache = readCacheControl(message.providerOptions);
    switch (message.role) {
      case 'system':
        messages.push({
          role: 'system',
          content:
            messageCache == null
              ? message.content
              : [
                  {
                    type: 'text',
                    text: message.content,
                    cache_control: messageCache,
                  },
                ],
        });
        break;
      case 'user':
        messages.push({
          role: 'user',
          content: convertUserContent(message.content, messageCache, context),
        });
        break;
      case 'assistant':
        messages.push(
          convertAssistantContent(
            message.content,
            message.providerOptions,
            messageCache,
            context,
          ),
        );
        break;
      case 'tool':
        messages.push(
          ...convertToolContent(message.content, messageCache, context),
        );
        break;
      default: {
        const unknownMessage: never = message;
        throw new UnsupportedFunctionalityError({
          functionality: `message role ${(unknownMessage as { role: string }).role}`,
        });
      }
    }
  }

  return messages;
}

// Kept once loaded: an agent's prompt holds files at every step once it has
// seen a screenshot, and each `import()` of a loaded module still costs
// about 8 µs.
let loadedFileConverter: FileConverter | undefined;

async function loadFileConverter(): Promise<FileConverter> {
  const { convertFileToContentPart } = await import('./convert-file-part');
  loadedFileConverter = convertFileToContentPart;
  return convertFileToContentPart;
}

const UNREADABLE_ANNOTATIONS =
  'providerOptions.openrouter.annotations of an assistant message must be an array of objects; anything else was left out.';

// OpenRouter's assistant messages carry cache breakpoints on text blocks
// only; tool calls and reasoning have nowhere to put one.
const UNPLACEABLE_BREAKPOINT =
  'A cache breakpoint on an assistant message without text, or on a tool call or reasoning part, was left out: OpenRouter places breakpoints on text blocks only.';

// Runs before any conversion, so it tolerates parts that break the types:
// the converters then report those with a clear error.
function promptHasFiles(prompt: LanguageModelV4Prompt) {
  return prompt.some(message => {
    switch (message.role) {
      case 'user':
        return message.content.some(part => part.type === 'file');
      case 'tool':
        return message.content.some(
          part =>
            part.type === 'tool-result' &&
            part.output?.type === 'content' &&
            Array.isArray(part.output.value) &&
            part.output.value.some(item => item?.type === 'file'),
        );
      default:
        return false;
    }
  });
}

// `promptHasFiles` and the converters agree on where files are; this guards
// that agreement instead of sending a part unconverted.
function refuseUnexpectedFile(): never {
  throw new Error('A file part was found that the prompt scan missed.');
}

function convertUserContent(
  content: UserContent,
  messageCache: OpenRouterCacheControl | undefined,
  { convertFile }: ConversionContext,
): string | OpenRouterChatContentPart[] {
  const parts = content.map((part): OpenRouterChatContentPart => {
    let converted: OpenRouterChatContentPart;
    switch (part.type) {
      case 'text':
        converted = { type: 'text', text: part.text };
        break;
      case 'file':
        converted = convertFile(part);
        break;
      default: {
        const unknownPart: never = part;
        throw new UnsupportedFunctionalityError({
          functionality: `user message part ${(unknownPart as { type: string }).type}`,
        });
      }
    }
    const partCache = readCacheControl(part.providerOptions);
    return partCache == null
      ? converted
      : { ...converted, cache_control: partCache };
  });

  if (messageCache != null) {
    markLastTextBlock(parts, messageCache);
  }

  // A lone plain text part goes out as a string, which every upstream takes.
  if (
    parts.length === 1 &&
    parts[0].type === 'text' &&
    parts[0].cache_control == null
  ) {
    return parts[0].text;
  }
  return parts;
}

/** Puts a breakpoint on the last text block, or on the last block if none. */
function markLastTextBlock(
  parts: OpenRouterChatContentPart[],
  cacheControl: OpenRouterCacheControl,
) {
  const index = parts.findLastIndex(part => part.type === 'text');
  const target = index === -1 ? parts.length - 1 : index;
  if (target >= 0 && parts[target].cache_control == null) {
    parts[target] = { ...parts[target], cache_control: cacheControl };
  }
}

function convertAssistantContent(
  content: AssistantContent,
  messageOptions: PromptMessage['providerOptions'],
  messageCache: OpenRouterCacheControl | undefined,
  { leaveOut }: ConversionContext,
): OpenRouterChatAssistantMessage {
  let text = '';
  // Text blocks are only needed when a breakpoint must be placed on one.
  const textBlocks: OpenRouterChatTextPart[] = [];
  let hasCacheControl = messageCache != null;
  let reasoningText = '';
  // The last part that carries details holds the most complete array.
  let reasoningDetails: OpenRouterReasoningDetail[] | undefined;
  // Annotations of the earlier reply (what the file parser made of a PDF),
  // sent back as they were: those given on the message, as
  // `@openrouter/ai-sdk-provider` takes them, and those this package kept
  // on the reply's parts. Each goes once: the same one may be on both.
  const annotations: unknown[] = [];
  const annotationKeys = new Set<string>();
  const addAnnotations = (given: unknown) => {
    const list = given ?? [];
    if (!Array.isArray(list)) {
      leaveOut(UNREADABLE_ANNOTATIONS);
      return;
    }
    for (const annotation of list) {
      if (typeof annotation !== 'object' || annotation === null) {
        leaveOut(UNREADABLE_ANNOTATIONS);
        continue;
      }
      const key = stableStringify(annotation);
      if (!annotationKeys.has(key)) {
        annotationKeys.add(key);
        annotations.push(annotation);
      }
    }
  };
  addAnnotations(messageOptions?.openrouter?.annotations);
  const toolCalls: OpenRouterChatToolCall[] = [];
  let audio: { id: string } | undefined;

  for (const part of content) {
    reasoningDetails =
      readReasoningDetails(part.providerOptions) ?? reasoningDetails;
    addAnnotations(part.providerOptions?.openrouter?.annotations);
    switch (part.type) {
      case 'text': {
        text += part.text;
        const partCache = readCacheControl(part.providerOptions);
        hasCacheControl ||= partCache != null;
        textBlocks.push(
          partCache == null
            ? { type: 'text', text: part.text }
            : { type: 'text', text: part.text, cache_control: partCache },
        );
        break;
      }
      case 'reasoning':
        reasoningText += part.text;
        if (readCacheControl(part.providerOptions) != null) {
          leaveOut(UNPLACEABLE_BREAKPOINT);
        }
        break;
      case 'tool-call':
        // Tools that ran on the provider's side are not replayed as calls.
        if (part.providerExecuted) {
          break;
        }
        if (readCacheControl(part.providerOptions) != null) {
          leaveOut(UNPLACEABLE_BREAKPOINT);
        }
        toolCalls.push({
          id: part.toolCallId,
          type: 'function',
          function: {
            name: part.toolName,
            arguments: stringifyToolInput(part.input),
          },
        });
        break;
      case 'tool-result':
        // The result of a provider-executed call, left out with its call.
        break;
      case 'file': {
        // Audio the model spoke goes back by its id, which is all
        // OpenRouter takes for it; the bytes would be refused.
        const audioId = part.providerOptions?.openrouter?.audioId;
        if (typeof audioId === 'string') {
          audio = { id: audioId };
          break;
        }
        leaveOut(
          `An assistant message's ${part.type} part was left out: OpenRouter's assistant messages carry text, reasoning and tool calls only (files go in user messages and tool results).`,
        );
        break;
      }
      case 'reasoning-file':
      case 'custom':
        // OpenRouter's assistant messages take text and tool calls; upstreams
        // such as OpenAI refuse anything else there.
        leaveOut(
          `An assistant message's ${part.type} part was left out: OpenRouter's assistant messages carry text, reasoning and tool calls only (files go in user messages and tool results).`,
        );
        break;
      default: {
        const unknownPart: never = part;
        throw new UnsupportedFunctionalityError({
          functionality: `assistant message part ${(unknownPart as { type: string }).type}`,
        });
      }
    }
  }

  // Details set on the message itself win, as `@openrouter/ai-sdk-provider`
  // lets them: code written for it may store them there.
  reasoningDetails = readReasoningDetails(messageOptions) ?? reasoningDetails;
  // Details go back exactly as received (an empty array included: some
  // upstreams require it); plain reasoning text only when there are none.
  const reasoning: Partial<OpenRouterChatAssistantMessage> =
    reasoningDetails != null
      ? { reasoning_details: prepareReplayedReasoningDetails(reasoningDetails) }
      : reasoningText !== ''
        ? { reasoning: reasoningText }
        : {};

  if (messageCache != null && textBlocks.length === 0) {
    leaveOut(UNPLACEABLE_BREAKPOINT);
  }
  let messageContent: string | OpenRouterChatTextPart[] | null;
  if (hasCacheControl && textBlocks.length > 0) {
    if (messageCache != null) {
      markLastTextBlock(textBlocks, messageCache);
    }
    messageContent = textBlocks;
  } else if (toolCalls.length > 0 && text === '') {
    // Some upstreams (Bedrock Nova among them) reject an empty string next
    // to tool calls, so a tool-only message has `content: null`.
    messageContent = null;
  } else {
    messageContent = text;
  }

  return {
    role: 'assistant',
    content: messageContent,
    ...(toolCalls.length > 0 ? { tool_calls: toolCalls } : {}),
    ...reasoning,
    ...(annotations.length > 0 ? { annotations } : {}),
    ...(audio != null ? { audio } : {}),
  };
}

/**
 * The upstream that produced signed or encrypted reasoning in the latest
 * assistant turn of the prompt, if any. Such reasoning only verifies on the
 * upstream that made it, so the next request should go there too.
 */
export function findReasoningUpstream(
  prompt: LanguageModelV4Prompt,
): string | undefined {
  const lastAssistant = prompt.findLast(
    message => message.role === 'assistant',
  );
  if (lastAssistant == null || lastAssistant.role !== 'assistant') {
    return undefined;
  }
  for (const part of [...lastAssistant.content].reverse()) {
    const details = readReasoningDetails(part.providerOptions);
    if (details != null) {
      const upstream = part.providerOptions?.openrouter?.provider;
      return isBoundToUpstream(details) && typeof upstream === 'string'
        ? upstream
        : undefined;
    }
  }
  return undefined;
}

/** The ids of every tool call already in the conversation. */
export function collectToolCallIds(prompt: LanguageModelV4Prompt): Set<string> {
  const ids = new Set<string>();
  for (const message of prompt) {
    if (message.role === 'assistant') {
      for (const part of message.content) {
        if (part.type === 'tool-call') {
          ids.add(part.toolCallId);
        }
      }
    }
  }
  return ids;
}

/** The AI SDK passes parsed input; OpenRouter wants the JSON text. */
function stringifyToolInput(input: unknown): string {
  // Input that failed to parse is kept as the text the model produced.
  // Sorted keys: the same call replays as the same bytes, turn after turn,
  // so prompt caches keep hitting even if storage reordered the keys.
  return typeof input === 'string' ? input : stableStringify(input ?? {});
}

function convertToolContent(
  content: ToolContent,
  messageCache: OpenRouterCacheControl | undefined,
  context: ConversionContext,
): OpenRouterChatToolMessage[] {
  const messages: OpenRouterChatToolMessage[] = [];
  for (const part of content) {
    switch (part.type) {
      case 'tool-result': {
        const partCache = readCacheControl(part.providerOptions);
        const output = convertToolOutput(part.output, context);
        messages.push({
          role: 'tool',
          tool_call_id: part.toolCallId,
          content:
            partCache == null ? output : withCacheControl(output, partCache),
        });
        break;
      }
      case 'tool-approval-response':
        // Approvals are settled by the AI SDK before the model sees them.
        break;
      default: {
        const unknownPart: never = part;
        throw new UnsupportedFunctionalityError({
          functionality: `tool message part ${(unknownPart as { type: string }).type}`,
        });
      }
    }
  }
  const last = messages.at(-1);
  if (messageCache != null && last != null) {
    last.content = withCacheControl(last.content, messageCache);
  }
  return messages;
}

/** Content with a breakpoint on its last text block, as blocks if needed. */
function withCacheControl(
  content: string | OpenRouterChatContentPart[],
  cacheControl: OpenRouterCacheControl,
): OpenRouterChatContentPart[] {
  if (typeof content === 'string') {
    return [{ type: 'text', text: content, cache_control: cacheControl }];
  }
  const blocks = [...content];
  markLastTextBlock(blocks, cacheControl);
  return blocks;
}

function convertToolOutput(
  output: LanguageModelV4ToolResultOutput,
  { convertFile, leaveOut }: ConversionContext,
): string | OpenRouterChatContentPart[] {
  switch (output.type) {
    case 'text':
    case 'error-text':
      return output.value;
    case 'json':
    case 'error-json':
      return JSON.stringify(output.value);
    case 'execution-denied':
      return output.reason == null
        ? 'The tool call was not executed: the user denied it.'
        : `The tool call was not executed: the user denied it (${output.reason}).`;
    case 'content':
      // Images and files go out as content parts, so the model can see them
      // instead of a JSON dump of their bytes.
      return output.value.flatMap((part): OpenRouterChatContentPart[] => {
        switch (part.type) {
          case 'text':
            return [{ type: 'text', text: part.text }];
          case 'file':
            return [convertFile(part)];
          default:
            leaveOut(
              `A tool result's ${part.type} content was left out: OpenRouter takes text and files there.`,
            );
            return [];
        }
      });
    default: {
      const unknownOutput: never = output;
      throw new UnsupportedFunctionalityError({
        functionality: `tool result output ${(unknownOutput as { type: string }).type}`,
      });
    }
  }
}
