import type {
  JSONObject,
  JSONValue,
  LanguageModelV4Citation,
  LanguageModelV4Content,
  LanguageModelV4Source,
  SharedV4ProviderMetadata,
} from '@ai-sdk/provider';
import { isRecord } from '@ai-sdk/provider-utils';
import { mapUrlCitations } from '../chat/map-openrouter-annotations';
import { mapOpenRouterImages } from '../chat/map-openrouter-images';
import type { ToolCallIds } from '../chat/tool-call-ids';

// Mappings of Responses output items that generate and stream share: the
// stream emits the same parts when an item is done as generate puts in its
// content, so the two paths cannot drift apart.

/**
 * Web citations of a Responses output text as sources and citations. The
 * Responses API spells a citation flat (`{ type: 'url_citation', url,
 * title, start_index, end_index }`); the chat spelling nests it under
 * `url_citation`. Both are read, through the chat model's mapping.
 */
export function mapResponsesAnnotations(
  annotations: readonly unknown[] | null | undefined,
  sourcesByUrl: Map<string, LanguageModelV4Source>,
): { sources: LanguageModelV4Source[]; citations: LanguageModelV4Citation[] } {
  const nested = (annotations ?? []).map(annotation =>
    isRecord(annotation) &&
    annotation.type === 'url_citation' &&
    annotation.url_citation == null
      ? { type: 'url_citation', url_citation: annotation }
      : annotation,
  );
  return mapUrlCitations(nested, sourcesByUrl);
}

/** Annotations other than web citations, kept for the metadata. */
export function otherAnnotations(annotations: readonly unknown[]) {
  return annotations.filter(
    annotation => !isRecord(annotation) || annotation.type !== 'url_citation',
  );
}

/** What a reasoning item's parts carry, so the next turn can replay it. */
export function reasoningCarrierMetadata(
  item: Record<string, unknown>,
  kind: 'summary' | 'content',
): SharedV4ProviderMetadata {
  const metadata: JSONObject = {
    itemId: String(item.id ?? ''),
    reasoningKind: kind,
  };
  if (typeof item.encrypted_content === 'string') {
    metadata.reasoningEncryptedContent = item.encrypted_content;
  }
  if (Array.isArray(item.summary)) {
    metadata.reasoningSummary = item.summary as JSONValue[];
  }
  if (typeof item.format === 'string') {
    metadata.reasoningFormat = item.format;
  }
  if (typeof item.signature === 'string') {
    metadata.reasoningSignature = item.signature;
  }
  return { openrouter: metadata };
}

/** The texts of a reasoning item: its summaries, then its content. */
export function reasoningTexts(item: Record<string, unknown>) {
  const texts: Array<{ kind: 'summary' | 'content'; text: string }> = [];
  for (const entry of Array.isArray(item.summary) ? item.summary : []) {
    if (isRecord(entry) && typeof entry.text === 'string') {
      texts.push({ kind: 'summary', text: entry.text });
    }
  }
  for (const entry of Array.isArray(item.content) ? item.content : []) {
    if (isRecord(entry) && typeof entry.text === 'string') {
      texts.push({ kind: 'content', text: entry.text });
    }
  }
  return texts;
}

const IMAGE_ITEM_TYPES = new Set([
  'image_generation_call',
  'openrouter:image_generation',
]);

/**
 * The parts of an output item that OpenRouter ran itself: a server tool
 * (`openrouter:web_search`, …), a native `web_search_call`, an image
 * generation. A call of a tool the request offered becomes a
 * provider-executed tool call and result (the result carries the item, so
 * the next turn can replay it); web search sources become `source` parts;
 * images become `file` parts, which carry the item too (a native image
 * generation call has no tool to report it under). Undefined for an item
 * that is none of these.
 */
export function mapServerToolItem(
  item: Record<string, unknown>,
  serverTools: ReadonlyMap<string, string>,
  toolCallIds: ToolCallIds,
  sourcesByUrl: Map<string, LanguageModelV4Source>,
): LanguageModelV4Content[] | undefined {
  const type = String(item.type);
  const isServerTool = type.startsWith('openrouter:');
  const isNative =
    type === 'web_search_call' || type === 'image_generation_call';
  if (!isServerTool && !isNative) {
    return undefined;
  }
  const parts: LanguageModelV4Content[] = [];
  const toolName =
    serverTools.get(type) ??
    (type === 'web_search_call'
      ? serverTools.get('openrouter:web_search')
      : type === 'image_generation_call'
        ? serverTools.get('openrouter:image_generation')
        : undefined);
  if (toolName != null) {
    const toolCallId = toolCallIds.take(
      typeof item.id === 'string'
        ? item.id
        : typeof item.call_id === 'string'
          ? item.call_id
          : undefined,
    );
    const { type: _type, id: _id, status, ...result } = item;
    parts.push(
      {
        type: 'tool-call',
        toolCallId,
        toolName,
        input: toolInput(item),
        providerExecuted: true,
      },
      {
        type: 'tool-result',
        toolCallId,
        toolName,
        result: result as JSONObject,
        ...(status === 'failed' ? { isError: true } : {}),
        providerMetadata: { openrouter: { item: item as JSONObject } },
      },
    );
  } else if (isServerTool) {
    // An item of a tool the call did not offer: nothing to report it under.
    return [];
  }
  const action = isRecord(item.action) ? item.action : undefined;
  if (Array.isArray(action?.sources)) {
    for (const source of action.sources) {
      if (!isRecord(source) || typeof source.url !== 'string') {
        continue;
      }
      const { sources } = mapUrlCitations(
        [
          {
            type: 'url_citation',
            url_citation: { url: source.url, title: source.title },
          },
        ],
        sourcesByUrl,
      );
      parts.push(...sources);
    }
  }
  if (IMAGE_ITEM_TYPES.has(type)) {
    for (const file of imageFiles(item)) {
      parts.push({
        ...file,
        providerMetadata: { openrouter: { item: item as JSONObject } },
      });
    }
  }
  return parts;
}

/** What the server tool was asked: its arguments, or its action. */
function toolInput(item: Record<string, unknown>): string {
  if (typeof item.arguments === 'string' && item.arguments.trim() !== '') {
    return item.arguments;
  }
  if (isRecord(item.action)) {
    const { sources: _sources, ...action } = item.action;
    return JSON.stringify(action);
  }
  return '{}';
}

/**
 * The image of an image generation item. Its keys are camelCase on the wire
 * for OpenRouter's own item (`imageB64`, `imageUrl`) and `result` for the
 * native one; both spellings are read.
 */
function imageFiles(item: Record<string, unknown>) {
  const base64 =
    typeof item.result === 'string'
      ? item.result
      : typeof item.imageB64 === 'string'
        ? item.imageB64
        : typeof item.image_b64 === 'string'
          ? item.image_b64
          : undefined;
  const format =
    typeof item.output_format === 'string' ? item.output_format : 'png';
  const url =
    base64 != null
      ? `data:image/${format};base64,${base64}`
      : typeof item.imageUrl === 'string'
        ? item.imageUrl
        : typeof item.image_url === 'string'
          ? item.image_url
          : undefined;
  return url == null ? [] : mapOpenRouterImages([{ image_url: { url } }]);
}
