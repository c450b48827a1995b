import type {
  LanguageModelV4Content,
  LanguageModelV4Source,
  SharedV4Warning,
} from '@ai-sdk/provider';
import { isRecord } from '@ai-sdk/provider-utils';
import type { ToolCallIds } from '../chat/tool-call-ids';
import {
  mapResponsesAnnotations,
  mapServerToolItem,
  otherAnnotations,
  reasoningCarrierMetadata,
  reasoningTexts,
} from './map-responses-output-items';

/** Every output item as AI SDK content, in the order of the output. */
export function mapResponsesOutput(
  output: unknown[] | string | null | undefined,
  {
    toolCallIds,
    serverTools,
    sourcesByUrl = new Map<string, LanguageModelV4Source>(),
  }: {
    toolCallIds: ToolCallIds;
    serverTools: ReadonlyMap<string, string>;
    /** Sources already emitted, when a stream maps items it missed. */
    sourcesByUrl?: Map<string, LanguageModelV4Source>;
  },
) {
  const content: LanguageModelV4Content[] = [];
  const annotations: unknown[] = [];
  const warnings: SharedV4Warning[] = [];
  let refusal = '';
  let hasToolCalls = false;

  if (typeof output === 'string') {
    // The seeds show `output` as the text itself.
    return {
      content: output === '' ? [] : [{ type: 'text' as const, text: output }],
      annotations,
      warnings,
      refusal,
      hasToolCalls,
    };
  }

  for (const item of output ?? []) {
    if (!isRecord(item)) {
      continue;
    }
    switch (item.type) {
      case 'message': {
        const itemId = typeof item.id === 'string' ? item.id : undefined;
        for (const part of Array.isArray(item.content) ? item.content : []) {
          if (!isRecord(part)) {
            continue;
          }
          if (part.type === 'refusal' && typeof part.refusal === 'string') {
            refusal += part.refusal;
            content.push({
              type: 'text',
              text: part.refusal,
              providerMetadata: {
                openrouter: {
                  ...(itemId != null ? { itemId } : {}),
                  refusal: part.refusal,
                },
              },
            });
            continue;
          }
          if (typeof part.text !== 'string') {
            continue;
          }
          const partAnnotations = Array.isArray(part.annotations)
            ? part.annotations
            : [];
          const { sources, citations } = mapResponsesAnnotations(
            partAnnotations,
            sourcesByUrl,
          );
          content.push(...sources);
          annotations.push(...otherAnnotations(partAnnotations));
          content.push({
            type: 'text',
            text: part.text,
            ...(citations.length > 0 ? { citations } : {}),
            ...(itemId != null
              ? { providerMetadata: { openrouter: { itemId } } }
              : {}),
          });
        }
        break;
      }
      case 'reasoning': {
        const texts = reasoningTexts(item);
        if (texts.length === 0) {
          // An empty part still carries the encrypted content.
          content.push({
            type: 'reasoning',
            text: '',
            providerMetadata: reasoningCarrierMetadata(item, 'summary'),
          });
          break;
        }
        texts.forEach(({ kind, text }, index) => {
          content.push({
            type: 'reasoning',
            text,
            providerMetadata:
              index === texts.length - 1
                ? reasoningCarrierMetadata(item, kind)
                : {
                    openrouter: {
                      itemId: String(item.id ?? ''),
                      reasoningKind: kind,
                    },
                  },
          });
        });
        break;
      }
      case 'function_call': {
        hasToolCalls = true;
        content.push({
          type: 'tool-call',
          toolCallId: toolCallIds.take(
            typeof item.call_id === 'string' ? item.call_id : undefined,
          ),
          toolName: String(item.name ?? ''),
          input:
            typeof item.arguments === 'string' && item.arguments.trim() !== ''
              ? item.arguments
              : '{}',
          ...(typeof item.id === 'string'
            ? { providerMetadata: { openrouter: { itemId: item.id } } }
            : {}),
        });
        break;
      }
      default: {
        const parts = mapServerToolItem(
          item,
          serverTools,
          toolCallIds,
          sourcesByUrl,
        );
        if (parts != null) {
          content.push(...parts);
        } else {
          warnings.push(unreadItemWarning(item.type));
        }
      }
    }
  }
  return { content, annotations, warnings, refusal, hasToolCalls };
}

/** An output item this provider does not map, reported in the metadata. */
export function unreadItemWarning(type: unknown): SharedV4Warning {
  return {
    type: 'other',
    message: `The response held an output item of type ${String(type)}, which this provider does not map; it is in the response body.`,
  };
}
