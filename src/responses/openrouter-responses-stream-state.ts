import type {
  JSONObject,
  LanguageModelV4Citation,
  LanguageModelV4FinishReason,
  LanguageModelV4Source,
  SharedV4ProviderMetadata,
  SharedV4Warning,
} from '@ai-sdk/provider';
import { isParsableJson, isRecord } from '@ai-sdk/provider-utils';
import { ToolCallIds } from '../chat/tool-call-ids';
import {
  extractOpenRouterErrorData,
  type OpenRouterErrorData,
} from '../http/openrouter-error';
import type { StreamFailure } from '../http/openrouter-stream-errors';
import type {
  SseEventProcessor,
  SsePartStreamEvent,
} from '../sse/sse-part-stream';
import {
  isContentPart,
  type StreamRequestContext,
  type StreamStatePart,
} from '../sse/stream-model-request';
import { mapResponsesOutput, unreadItemWarning } from './map-responses-output';
import {
  mapResponsesAnnotations,
  mapServerToolItem,
  otherAnnotations,
  reasoningCarrierMetadata,
} from './map-responses-output-items';
import {
  buildResponsesProviderMetadata,
  convertResponsesUsage,
  mapResponsesFinishReason,
  mapResponsesResponseMetadata,
  type ResponsesEnvelope,
} from './map-responses-result';
import type { ResponsesStreamEvent } from './responses-stream-event';

// An `error` part carries the failure it stands for, as the chat state's
// do; the stream turns it into the redacted error.
type Emit = (part: StreamStatePart) => void;

/** A text or reasoning block that is open, by its part id. */
type OpenBlock = {
  type: 'text' | 'reasoning';
  itemId: string;
  /** Whether a delta came; a `*.done` event fills in a block without. */
  sawDelta: boolean;
  citations: LanguageModelV4Citation[];
  /** Non-citation annotations of a text block, for its metadata. */
  annotations: unknown[];
  /**
   * The text of a refusal block, which its end carries as `refusal` (as
   * generate's text part does), so the next turn sends it back as one.
   */
  refusal: string | undefined;
};

/** A client tool call being streamed, by its item id. */
type OpenToolCall = {
  toolCallId: string;
  toolName: string;
  itemId: string | undefined;
  argumentPieces: string[];
  /** The arguments of `function_call_arguments.done`, authoritative. */
  finalArguments: string | undefined;
};

/**
 * How the response is ending. `failed` is final: a terminal event after an
 * error cannot hide it.
 */
type Outcome =
  | { type: 'pending' }
  | { type: 'finished'; status: string; incompleteReason: string | undefined }
  | { type: 'failed' };

export type OpenRouterResponsesStreamContext = StreamRequestContext & {
  previousToolCallIds: ReadonlySet<string>;
  /** The call's server tools, by OpenRouter's name: see `serverToolNames`. */
  serverTools: ReadonlyMap<string, string>;
};

/**
 * Turns the events of a Responses stream into AI SDK stream parts, a small
 * constant amount of work per event. Blocks are keyed by item and by
 * content or summary index, so items that interleave stay apart; every block
 * is closed on every path, and an error part always comes after the blocks
 * it closes.
 *
 * Two spellings of the stream are read. OpenRouter's published types have
 * `response.output_text.delta` (with `item_id`) and `response.completed`;
 * the seeds' examples show `response.content_part.delta` (with only
 * `output_index`) and `response.done`, and errors as `response.error` or an
 * `error` event with a nested `error`. Both are handled where they differ.
 */
export class OpenRouterResponsesStreamState
  implements SseEventProcessor<ResponsesStreamEvent>
{
  private outcome: Outcome = { type: 'pending' };
  private hasContent = false;
  private hasResponseMetadata = false;
  private response: ResponsesEnvelope | undefined;
  private readonly itemsByOutputIndex = new Map<
    number,
    Record<string, unknown>
  >();
  private readonly blocks = new Map<string, OpenBlock>();
  private readonly toolCalls = new Map<string, OpenToolCall>();
  private lastToolCallKey: string | undefined;
  private readonly seenItemIds = new Set<string>();
  private readonly toolCallIds: ToolCallIds;
  private readonly sourcesByUrl = new Map<string, LanguageModelV4Source>();
  private readonly annotations: unknown[] = [];
  private readonly warnings: SharedV4Warning[] = [];
  private refusal = '';
  private hasToolCalls = false;
  private readonly toolCallInputs: string[] = [];

  constructor(
    private readonly context: OpenRouterResponsesStreamContext,
    private readonly output: Emit,
  ) {
    this.toolCallIds = new ToolCallIds(context.previousToolCallIds);
  }

  private emit(part: StreamStatePart) {
    if (!this.hasContent && isContentPart(part)) {
      this.hasContent = true;
    }
    this.output(part);
  }

  processEvent(event: SsePartStreamEvent<ResponsesStreamEvent>) {
    if (this.context.includeRawChunks && event.rawValue !== undefined) {
      this.emit({ type: 'raw', rawValue: event.rawValue });
    }
    if (!event.success) {
      this.fail({ type: 'failed-event', event });
      return;
    }
    const data = event.value;
    switch (data.type) {
      case 'response.created':
      case 'response.in_progress':
      case 'response.queued':
        this.recordResponse(data.response);
        return;
      case 'response.output_item.added':
        this.itemAdded(data);
        return;
      case 'response.content_part.added':
        this.contentPartAdded(data);
        return;
      case 'response.output_text.delta':
      // The seeds' spelling of a text delta (it has `output_index` and no
      // `item_id`); OpenRouter's published types use output_text.delta.
      case 'response.content_part.delta':
        this.textDelta(data, false);
        return;
      case 'response.refusal.delta':
        this.textDelta(data, true);
        return;
      case 'response.output_text.done':
        this.blockDone(this.textBlockId(data), 'text', data.text);
        return;
      case 'response.refusal.done':
        this.refusalDone(data);
        return;
      case 'response.output_text.annotation.added':
        this.annotationAdded(data);
        return;
      case 'response.reasoning_summary_part.added':
        this.closeReasoningOf(this.itemIdOf(data));
        this.openBlock(this.reasoningBlockId(data, 's'), 'reasoning', data, {
          reasoningKind: 'summary',
        });
        return;
      case 'response.reasoning_summary_text.delta':
        this.reasoningDelta(this.reasoningBlockId(data, 's'), data, 'summary');
        return;
      case 'response.reasoning_text.delta':
        this.reasoningDelta(this.reasoningBlockId(data, 'c'), data, 'content');
        return;
      case 'response.reasoning_summary_text.done':
        this.blockDone(
          this.reasoningBlockId(data, 's'),
          'reasoning',
          data.text,
        );
        return;
      case 'response.reasoning_text.done':
        this.blockDone(
          this.reasoningBlockId(data, 'c'),
          'reasoning',
          data.text,
        );
        return;
      case 'response.function_call_arguments.delta':
        this.argumentsDelta(data);
        return;
      case 'response.function_call_arguments.done': {
        const call = this.findToolCall(data);
        if (call != null && typeof data.arguments === 'string') {
          call.finalArguments = data.arguments;
        }
        return;
      }
      case 'response.output_item.done':
        this.itemDone(data);
        return;
      case 'response.completed':
      case 'response.incomplete':
      // The seeds' spelling of the terminal event; its status says how it
      // ended.
      case 'response.done':
        this.terminal(data);
        return;
      case 'response.failed': {
        const response = isRecord(data.response) ? data.response : {};
        this.recordResponse(response);
        this.failWith({
          ...(extractOpenRouterErrorData(response) ?? {
            code: 500,
            message: 'The response failed.',
          }),
        });
        return;
      }
      // The flat `error` event of the published types, the nested one of
      // the seeds, and the seeds' `response.error`.
      case 'error':
      case 'response.error':
        this.failWith(errorOfEvent(data));
        return;
      default:
        // A body that is only an error, without a type.
        if (data.type === '' && data.error != null) {
          this.failWith(errorOfEvent(data));
        }
      // Progress events (web search, image generation, code interpreter…)
      // carry nothing the output items do not; they are not read.
    }
  }

  finish() {
    this.closeAll();
    if (this.outcome.type === 'pending' && !this.hasContent) {
      this.fail({ type: 'empty-stream' });
    }
    this.emit({
      type: 'finish',
      finishReason: this.finishReason(),
      usage: convertResponsesUsage(this.response?.usage),
      providerMetadata: this.providerMetadata(),
    });
  }

  private finishReason(): LanguageModelV4FinishReason {
    const outcome = this.outcome;
    switch (outcome.type) {
      case 'failed':
        return { unified: 'error', raw: undefined };
      case 'finished':
        return mapResponsesFinishReason({
          status: outcome.status,
          incompleteReason: outcome.incompleteReason,
          hasToolCalls: this.hasToolCalls,
          hasRefusal: this.refusal !== '',
        });
      case 'pending':
        // Without a terminal event the reply may be cut short; it still
        // counts as tool calls when every call is complete JSON.
        return {
          unified:
            this.toolCallInputs.length > 0 &&
            this.toolCallInputs.every(isParsableJson)
              ? 'tool-calls'
              : 'interrupted',
          raw: undefined,
        };
    }
  }

  private providerMetadata(): SharedV4ProviderMetadata {
    return buildResponsesProviderMetadata(this.response, {
      annotations: this.annotations,
      ...(this.refusal !== '' ? { refusal: this.refusal } : {}),
      warnings: this.warnings,
    });
  }

  private recordResponse(response: unknown) {
    if (!isRecord(response)) {
      return;
    }
    this.response = { ...this.response, ...response };
    if (
      !this.hasResponseMetadata &&
      (response.id != null || response.model != null)
    ) {
      this.hasResponseMetadata = true;
      this.emit({
        type: 'response-metadata',
        ...mapResponsesResponseMetadata(response),
      });
    }
  }

  /** The item an event is about: its `item_id`, else its output index. */
  private itemIdOf(data: ResponsesStreamEvent): string {
    if (typeof data.item_id === 'string') {
      return data.item_id;
    }
    const index = typeof data.output_index === 'number' ? data.output_index : 0;
    const item = this.itemsByOutputIndex.get(index);
    return typeof item?.id === 'string' ? item.id : `item_${index}`;
  }

  private textBlockId(data: ResponsesStreamEvent) {
    return `${this.itemIdOf(data)}:${numberOr(data.content_index, 0)}`;
  }

  private reasoningBlockId(data: ResponsesStreamEvent, kind: 's' | 'c') {
    const index =
      kind === 's'
        ? numberOr(data.summary_index, 0)
        : numberOr(data.content_index, 0);
    return `${this.itemIdOf(data)}:${kind}${index}`;
  }

  private itemAdded(data: ResponsesStreamEvent) {
    const item = isRecord(data.item) ? data.item : undefined;
    if (item == null) {
      return;
    }
    const outputIndex = numberOr(
      data.output_index,
      this.itemsByOutputIndex.size,
    );
    this.itemsByOutputIndex.set(outputIndex, item);
    if (item.type === 'function_call') {
      this.startToolCall(item, outputIndex);
    }
  }

  private startToolCall(item: Record<string, unknown>, outputIndex: number) {
    const key = typeof item.id === 'string' ? item.id : `output_${outputIndex}`;
    const call: OpenToolCall = {
      toolCallId: this.toolCallIds.take(
        typeof item.call_id === 'string' ? item.call_id : undefined,
      ),
      toolName: String(item.name ?? ''),
      itemId: typeof item.id === 'string' ? item.id : undefined,
      argumentPieces: [],
      finalArguments: undefined,
    };
    this.toolCalls.set(key, call);
    this.lastToolCallKey = key;
    this.emit({
      type: 'tool-input-start',
      id: call.toolCallId,
      toolName: call.toolName,
    });
    return call;
  }

  /**
   * The call an arguments event is about: by item id, else by output index,
   * else the last one opened (the seeds' `arguments.done` names neither).
   */
  private findToolCall(data: ResponsesStreamEvent) {
    if (typeof data.item_id === 'string') {
      const call = this.toolCalls.get(data.item_id);
      if (call != null) {
        return call;
      }
    }
    if (typeof data.output_index === 'number') {
      const item = this.itemsByOutputIndex.get(data.output_index);
      const call = this.toolCalls.get(
        typeof item?.id === 'string' ? item.id : `output_${data.output_index}`,
      );
      if (call != null) {
        return call;
      }
    }
    return this.lastToolCallKey == null
      ? undefined
      : this.toolCalls.get(this.lastToolCallKey);
  }

  private argumentsDelta(data: ResponsesStreamEvent) {
    const call = this.findToolCall(data);
    if (call == null || typeof data.delta !== 'string' || data.delta === '') {
      return;
    }
    call.argumentPieces.push(data.delta);
    this.emit({
      type: 'tool-input-delta',
      id: call.toolCallId,
      delta: data.delta,
    });
  }

  private contentPartAdded(data: ResponsesStreamEvent) {
    const part = isRecord(data.part) ? data.part : undefined;
    if (part?.type === 'reasoning_text') {
      this.openBlock(this.reasoningBlockId(data, 'c'), 'reasoning', data, {
        reasoningKind: 'content',
      });
    } else if (part?.type === 'output_text') {
      this.openBlock(this.textBlockId(data), 'text', data);
    } else if (part?.type === 'refusal') {
      this.openBlock(this.textBlockId(data), 'text', data).refusal ??= '';
    }
  }

  private openBlock(
    id: string,
    type: 'text' | 'reasoning',
    data: ResponsesStreamEvent,
    extra: JSONObject = {},
  ): OpenBlock {
    const existing = this.blocks.get(id);
    if (existing != null) {
      return existing;
    }
    const itemId = this.itemIdOf(data);
    const block: OpenBlock = {
      type,
      itemId,
      sawDelta: false,
      citations: [],
      annotations: [],
      refusal: undefined,
    };
    this.blocks.set(id, block);
    this.emit({
      type: `${type}-start`,
      id,
      providerMetadata: { openrouter: { itemId, ...extra } },
    });
    return block;
  }

  private textDelta(data: ResponsesStreamEvent, isRefusal: boolean) {
    if (typeof data.delta !== 'string' || data.delta === '') {
      return;
    }
    const id = this.textBlockId(data);
    const block = this.openBlock(id, 'text', data);
    block.sawDelta = true;
    if (isRefusal) {
      this.refusal += data.delta;
      block.refusal = (block.refusal ?? '') + data.delta;
    }
    this.emit({ type: 'text-delta', id, delta: data.delta });
  }

  /** `refusal.done`: its text stands in for deltas that never came. */
  private refusalDone(data: ResponsesStreamEvent) {
    const id = this.textBlockId(data);
    const block = this.blocks.get(id);
    if (
      block == null ||
      block.sawDelta ||
      typeof data.refusal !== 'string' ||
      data.refusal === ''
    ) {
      return;
    }
    block.sawDelta = true;
    block.refusal = data.refusal;
    this.refusal += data.refusal;
    this.emit({ type: 'text-delta', id, delta: data.refusal });
  }

  private reasoningDelta(
    id: string,
    data: ResponsesStreamEvent,
    kind: 'summary' | 'content',
  ) {
    if (typeof data.delta !== 'string' || data.delta === '') {
      return;
    }
    const block = this.openBlock(id, 'reasoning', data, {
      reasoningKind: kind,
    });
    block.sawDelta = true;
    this.emit({ type: 'reasoning-delta', id, delta: data.delta });
  }

  /** A `*.done` event: its text stands in for deltas that never came. */
  private blockDone(id: string, type: 'text' | 'reasoning', text: unknown) {
    const block = this.blocks.get(id);
    if (
      block == null ||
      block.sawDelta ||
      typeof text !== 'string' ||
      text === ''
    ) {
      return;
    }
    block.sawDelta = true;
    this.emit({ type: `${type}-delta`, id, delta: text });
  }

  private annotationAdded(data: ResponsesStreamEvent) {
    const id = this.textBlockId(data);
    const block = this.openBlock(id, 'text', data);
    this.addAnnotations(block, [data.annotation]);
  }

  private addAnnotations(block: OpenBlock, annotations: unknown[]) {
    const { sources, citations } = mapResponsesAnnotations(
      annotations,
      this.sourcesByUrl,
    );
    for (const source of sources) {
      this.emit(source);
    }
    block.citations.push(...citations);
    const others = otherAnnotations(annotations);
    block.annotations.push(...others);
    this.annotations.push(...others);
  }

  private itemDone(data: ResponsesStreamEvent) {
    const item = isRecord(data.item) ? data.item : undefined;
    if (item == null) {
      return;
    }
    const itemId = typeof item.id === 'string' ? item.id : this.itemIdOf(data);
    this.seenItemIds.add(itemId);
    switch (item.type) {
      case 'message':
        this.messageDone(itemId, item);
        return;
      case 'reasoning':
        this.reasoningDone(itemId, item);
        return;
      case 'function_call':
        this.toolCallDone(item, data);
        return;
      default: {
        const parts = mapServerToolItem(
          item,
          this.context.serverTools,
          this.toolCallIds,
          this.sourcesByUrl,
        );
        if (parts == null) {
          this.warnings.push(unreadItemWarning(item.type));
          return;
        }
        for (const part of parts) {
          this.emit(part as StreamStatePart);
        }
      }
    }
  }

  /**
   * Ends the text blocks of a message. The item's own content fills in what
   * the stream did not show: text without deltas, annotations that came
   * without `annotation.added`.
   */
  private messageDone(itemId: string, item: Record<string, unknown>) {
    const content = Array.isArray(item.content) ? item.content : [];
    content.forEach((part, index) => {
      if (!isRecord(part)) {
        return;
      }
      const id = `${itemId}:${index}`;
      const text = part.type === 'refusal' ? part.refusal : part.text;
      let block = this.blocks.get(id);
      if (block == null) {
        if (typeof text !== 'string' || text === '') {
          return;
        }
        block = this.openBlock(id, 'text', { type: '', item_id: itemId });
      }
      if (!block.sawDelta && typeof text === 'string' && text !== '') {
        block.sawDelta = true;
        if (part.type === 'refusal') {
          this.refusal += text;
          block.refusal = text;
        }
        this.emit({ type: 'text-delta', id, delta: text });
      }
      if (
        block.citations.length === 0 &&
        block.annotations.length === 0 &&
        Array.isArray(part.annotations)
      ) {
        this.addAnnotations(block, part.annotations);
      }
      this.closeBlock(id, block);
    });
    // Blocks of content indexes the item did not list.
    for (const [id, block] of this.blocks) {
      if (block.itemId === itemId) {
        this.closeBlock(id, block);
      }
    }
  }

  /**
   * Ends the reasoning blocks of an item; the last carries what the next
   * turn needs, the encrypted content included, which only comes with the
   * done item. A reasoning item that showed no text still gets an empty
   * block to carry it.
   */
  private reasoningDone(itemId: string, item: Record<string, unknown>) {
    const open = [...this.blocks].filter(
      ([, block]) => block.itemId === itemId,
    );
    if (open.length === 0) {
      const id = `${itemId}:s0`;
      this.emit({ type: 'reasoning-start', id });
      this.emit({
        type: 'reasoning-end',
        id,
        providerMetadata: reasoningCarrierMetadata(item, 'summary'),
      });
      return;
    }
    open.forEach(([id, block], index) => {
      this.blocks.delete(id);
      const kind = id.slice(itemId.length + 1).startsWith('c')
        ? 'content'
        : 'summary';
      this.emit({
        type: 'reasoning-end',
        id,
        providerMetadata:
          index === open.length - 1
            ? reasoningCarrierMetadata(item, kind)
            : { openrouter: { itemId: block.itemId, reasoningKind: kind } },
      });
    });
  }

  /** Ends the open reasoning blocks of an item, before a new summary part. */
  private closeReasoningOf(itemId: string) {
    for (const [id, block] of this.blocks) {
      if (block.itemId === itemId && block.type === 'reasoning') {
        this.closeBlock(id, block);
      }
    }
  }

  private toolCallDone(
    item: Record<string, unknown>,
    data: ResponsesStreamEvent,
  ) {
    const outputIndex = numberOr(data.output_index, -1);
    const key = typeof item.id === 'string' ? item.id : `output_${outputIndex}`;
    const call =
      this.toolCalls.get(key) ??
      this.findToolCall(data) ??
      this.startToolCall(item, outputIndex);
    const streamed = call.argumentPieces.join('');
    let input =
      call.finalArguments ??
      (streamed !== ''
        ? streamed
        : typeof item.arguments === 'string'
          ? item.arguments
          : '');
    if (streamed === '' || input.trim() === '') {
      if (input.trim() === '') {
        input = '{}';
      }
      this.emit({
        type: 'tool-input-delta',
        id: call.toolCallId,
        delta: input,
      });
    }
    this.endToolCall(key, call, input);
  }

  private endToolCall(key: string, call: OpenToolCall, input: string) {
    this.toolCalls.delete(key);
    this.hasToolCalls = true;
    this.toolCallInputs.push(input);
    this.emit({ type: 'tool-input-end', id: call.toolCallId });
    this.emit({
      type: 'tool-call',
      toolCallId: call.toolCallId,
      toolName: call.toolName,
      input,
      ...(call.itemId != null
        ? { providerMetadata: { openrouter: { itemId: call.itemId } } }
        : {}),
    });
  }

  private terminal(data: ResponsesStreamEvent) {
    const response = isRecord(data.response) ? data.response : {};
    this.recordResponse(response);
    // Output the stream never showed (a lenient server may send only the
    // final response) is emitted as generate maps it.
    const missed = Array.isArray(response.output)
      ? response.output.filter(
          item =>
            isRecord(item) &&
            typeof item.id === 'string' &&
            !this.seenItemIds.has(item.id) &&
            ![...this.blocks.values()].some(block => block.itemId === item.id),
        )
      : [];
    if (
      missed.length > 0 &&
      this.seenItemIds.size === 0 &&
      this.blocks.size === 0
    ) {
      const mapped = mapResponsesOutput(missed, {
        toolCallIds: this.toolCallIds,
        serverTools: this.context.serverTools,
        sourcesByUrl: this.sourcesByUrl,
      });
      this.emitContent(mapped.content);
      this.hasToolCalls ||= mapped.hasToolCalls;
      this.refusal += mapped.refusal;
      this.annotations.push(...mapped.annotations);
      this.warnings.push(...mapped.warnings);
    }
    if (this.outcome.type !== 'pending') {
      return;
    }
    const status =
      typeof response.status === 'string'
        ? response.status
        : data.type === 'response.incomplete'
          ? 'incomplete'
          : 'completed';
    if (status === 'failed') {
      this.failWith(
        extractOpenRouterErrorData(response) ?? {
          code: 500,
          message: 'The response failed.',
        },
      );
      return;
    }
    const details = isRecord(response.incomplete_details)
      ? response.incomplete_details
      : undefined;
    this.outcome = {
      type: 'finished',
      status,
      incompleteReason:
        typeof details?.reason === 'string' ? details.reason : undefined,
    };
  }

  /** Generate content as stream parts, for items the stream did not show. */
  private emitContent(
    content: ReturnType<typeof mapResponsesOutput>['content'],
  ) {
    content.forEach((part, index) => {
      if (part.type === 'text' || part.type === 'reasoning') {
        const id = `missed-${index}`;
        const { providerMetadata } = part;
        this.emit({ type: `${part.type}-start`, id });
        if (part.text !== '') {
          this.emit({ type: `${part.type}-delta`, id, delta: part.text });
        }
        if (part.type === 'text') {
          this.emit({
            type: 'text-end',
            id,
            ...(part.citations != null ? { citations: part.citations } : {}),
            ...(providerMetadata != null ? { providerMetadata } : {}),
          });
        } else {
          this.emit({
            type: 'reasoning-end',
            id,
            ...(providerMetadata != null ? { providerMetadata } : {}),
          });
        }
        return;
      }
      if (part.type === 'tool-call' && part.providerExecuted !== true) {
        this.toolCallInputs.push(part.input);
      }
      this.emit(part as StreamStatePart);
    });
  }

  private closeBlock(id: string, block: OpenBlock) {
    this.blocks.delete(id);
    if (block.type === 'text') {
      this.emit({
        type: 'text-end',
        id,
        ...(block.citations.length > 0 ? { citations: block.citations } : {}),
        providerMetadata: {
          openrouter: {
            itemId: block.itemId,
            ...(block.refusal != null ? { refusal: block.refusal } : {}),
            ...(block.annotations.length > 0
              ? { annotations: block.annotations as JSONObject[] }
              : {}),
          },
        },
      });
      return;
    }
    this.emit({ type: 'reasoning-end', id });
  }

  /**
   * Closes every open block and tool input. A call whose arguments were cut
   * short is reported only when what arrived parses as JSON.
   */
  private closeAll() {
    for (const [id, block] of this.blocks) {
      this.closeBlock(id, block);
    }
    for (const [key, call] of this.toolCalls) {
      const input = call.finalArguments ?? call.argumentPieces.join('');
      if (isParsableJson(input)) {
        this.endToolCall(key, call, input);
      } else {
        this.toolCalls.delete(key);
        this.emit({ type: 'tool-input-end', id: call.toolCallId });
      }
    }
  }

  private failWith(error: OpenRouterErrorData) {
    this.fail({ type: 'error-data', error });
  }

  /** Closes what is open, then reports the failure: it comes after them. */
  private fail(failure: StreamFailure) {
    this.closeAll();
    this.outcome = { type: 'failed' };
    this.emit({ type: 'error', error: failure });
  }
}

/**
 * The error of an `error` or `response.error` event: flat in the published
 * types (`{ type: 'error', code, message }`), nested in the seeds
 * (`{ type: 'error', error: { code, message } }`).
 */
function errorOfEvent(data: ResponsesStreamEvent): OpenRouterErrorData {
  const nested = extractOpenRouterErrorData(data);
  if (nested != null) {
    return nested;
  }
  return {
    code:
      typeof data.code === 'string' || typeof data.code === 'number'
        ? data.code
        : undefined,
    message: typeof data.message === 'string' ? data.message : undefined,
  };
}

function numberOr(value: unknown, fallback: number) {
  return typeof value === 'number' ? value : fallback;
}
