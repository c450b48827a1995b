import type {
  JSONValue,
  LanguageModelV4Citation,
  LanguageModelV4FinishReason,
  LanguageModelV4Source,
  LanguageModelV4StreamPart,
  SharedV4ProviderMetadata,
  SharedV4Warning,
} from '@ai-sdk/provider';
import {
  convertBase64ToUint8Array,
  isParsableJson,
  StreamingToolCallTracker,
} from '@ai-sdk/provider-utils';
import type { StreamFailure } from '../http/openrouter-stream-errors';
import type { SsePartStreamEvent } from '../sse/sse-part-stream';
import {
  isContentPart,
  type StreamStatePart,
} from '../sse/stream-model-request';
import { convertOpenRouterUsage } from './convert-openrouter-usage';
import {
  fileAnnotationsMetadata,
  mapLogprobs,
  mapUrlCitations,
  type OpenRouterTokenLogprob,
} from './map-openrouter-annotations';
import {
  audioProviderMetadata,
  type OpenRouterChatAudio,
  requestedAudioMediaType,
} from './map-openrouter-audio';
import { unifyOpenRouterFinishReason } from './map-openrouter-finish-reason';
import { mapOpenRouterImages } from './map-openrouter-images';
import { mapServerToolCall } from './map-server-tool-calls';
import type {
  OpenRouterChatChunk,
  OpenRouterChatChunkAudio,
  OpenRouterChatChunkDelta,
  OpenRouterChatChunkToolCall,
} from './openrouter-chat-chunk-shape';
import type { OpenRouterUsage } from './openrouter-chat-response-schemas';
import { findFirstChoice } from './openrouter-chat-stream-parser';
import {
  buildOpenRouterProviderMetadata,
  mapResponseMetadata,
} from './openrouter-provider-metadata';
import {
  type OpenRouterReasoningDetail,
  ReasoningDetailsAccumulator,
  visibleReasoningText,
} from './openrouter-reasoning-details';
import { ToolCallIds } from './tool-call-ids';

type Emit = (part: StreamStatePart) => void;

/**
 * The one content block that is open at a time. Moving to another kind of
 * content closes the open block first, so every `*-start` has its `*-end`
 * and ids never interleave.
 */
type OpenBlock =
  | { type: 'none' }
  | { type: 'text'; id: string }
  | { type: 'reasoning'; id: string };

/**
 * How the stream is ending. `pending` until OpenRouter sends a finish reason;
 * `failed` is final, so a finish reason after an error cannot hide it.
 */
type Outcome =
  | { type: 'pending' }
  | { type: 'finished'; rawFinishReason: string }
  | { type: 'failed' };

const NO_BLOCK: OpenBlock = { type: 'none' };

/**
 * A streamed tool call whose name has not arrived yet. Some upstreams send
 * the id or the first arguments before the name; the tracker needs the
 * name to start a call, so the deltas wait here, by index.
 */
type UnnamedToolCall = {
  id: string | null | undefined;
  type: string | null | undefined;
  argumentPieces: string[];
};

export type OpenRouterChatStreamContext = {
  url: string;
  requestBody: unknown;
  responseHeaders: Record<string, string> | undefined;
  includeRawChunks: boolean;
  /**
   * Tool call ids already in the conversation. Some upstreams restart their
   * ids every step; a repeated id is renamed so that every call in the
   * history stays distinct.
   */
  previousToolCallIds?: ReadonlySet<string> | undefined;
  /** The call's server tools, by OpenRouter's name: see `serverToolNames`. */
  serverTools?: ReadonlyMap<string, string> | undefined;
};

/**
 * Turns OpenRouter chat chunks into AI SDK stream parts. It does a small,
 * constant amount of work per chunk and keeps only what the `finish` part
 * needs (usage, served model and provider, a refusal's text), never the
 * streamed text.
 *
 * Only choice 0 is read (the choice whose `index` is 0, or that has none).
 * OpenRouter streams one choice, but a chunk naming others would otherwise
 * interleave their text and merge their tool calls into this one. They are
 * dropped, and the `finish` part says so once, in
 * `providerMetadata.openrouter.warnings` (an array of AI SDK warnings):
 * warnings of a stream otherwise only travel in `stream-start`, which has
 * been sent by then.
 *
 * A refusal (`delta.refusal`) is streamed as text, as
 * `@ai-sdk/openai-compatible` does, so a caller shows it like any answer;
 * the whole refusal is also in `providerMetadata.openrouter.refusal`, and a
 * `stop` finish becomes `content-filter`, so the reply does not pass for an
 * ordinary answer.
 */
export class OpenRouterChatStreamState {
  private block: OpenBlock = NO_BLOCK;
  private outcome: Outcome = { type: 'pending' };
  private blockCount = 0;
  private hasResponseMetadata = false;
  /** Whether any part showing the reply has been emitted. */
  private hasContent = false;
  private sawOtherChoices = false;
  private refusal = '';
  private usage: OpenRouterUsage | undefined;
  private generationId: string | undefined;
  private servedModel: string | undefined;
  private servedBy: string | undefined;

  private readonly toolCallTracker = new StreamingToolCallTracker(
    { enqueue: part => this.emitToolPart(part) },
    { typeValidation: 'if-present' },
  );
  private pendingToolInputEnd:
    | Extract<LanguageModelV4StreamPart, { type: 'tool-input-end' }>
    | undefined;
  private readonly unnamedToolCalls = new Map<number, UnnamedToolCall>();
  /** Indexes whose call has been handed to the tracker, name and all. */
  private readonly namedToolCallIndexes = new Set<number>();
  private readonly renamedToolCallIds = new Map<string, string>();
  private readonly toolCallIds: ToolCallIds;
  private readonly reasoningDetails = new ReasoningDetailsAccumulator();
  /** The accumulator version last attached to a part. */
  private attachedDetailsVersion = 0;
  private readonly annotations: unknown[] = [];
  private readonly annotationKeys = new Set<string>();
  private readonly sourcesByUrl = new Map<string, LanguageModelV4Source>();
  /** Citations of the open text block, for its `text-end`. */
  private readonly citations: LanguageModelV4Citation[] = [];
  private readonly logprobs: OpenRouterTokenLogprob[] = [];
  /** The `index` of the reasoning section being streamed. */
  private reasoningSectionIndex: number | undefined;
  /** Inputs of the calls emitted so far, for the finish reason. */
  private readonly toolCallInputs: string[] = [];
  // Audio comes in base64 pieces, each decoded on arrival (a piece may
  // carry its own padding), and is emitted whole as one file at the end.
  private readonly audioPieces: Uint8Array[] = [];
  private readonly transcriptPieces: string[] = [];
  private audio: OpenRouterChatAudio = {};
  private sawText = false;

  constructor(
    private readonly context: OpenRouterChatStreamContext,
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

  processEvent(event: SsePartStreamEvent<OpenRouterChatChunk>) {
    if (this.context.includeRawChunks && event.rawValue !== undefined) {
      this.emit({ type: 'raw', rawValue: event.rawValue });
    }

    if (!event.success) {
      this.fail({ type: 'failed-event', event });
      return;
    }

    const chunk = event.value;
    this.recordChunkMetadata(chunk);

    if (chunk.error != null) {
      this.fail({ type: 'error-chunk', chunk });
      return;
    }

    const choices = chunk.choices;
    if (choices == null) {
      return;
    }
    const choice = findFirstChoice(choices);
    if (choices.length > (choice === undefined ? 0 : 1)) {
      this.sawOtherChoices = true;
    }
    if (choice == null) {
      return;
    }

    const delta = choice.delta;
    if (delta != null) {
      this.processReasoning(delta);
      if (delta.content != null && delta.content !== '') {
        this.sawText = true;
        this.emitText(delta.content);
      }
      if (delta.audio != null) {
        this.processAudio(delta.audio);
      }
      if (delta.refusal != null && delta.refusal !== '') {
        this.refusal += delta.refusal;
        this.emitText(delta.refusal);
      }
      if (delta.images != null && delta.images.length > 0) {
        for (const file of mapOpenRouterImages(delta.images)) {
          this.emit(file);
        }
      }
      if (delta.annotations != null && delta.annotations.length > 0) {
        this.processAnnotations(delta.annotations);
      }
      if (delta.tool_calls != null && delta.tool_calls.length > 0) {
        this.processToolCallDeltas(delta.tool_calls);
      }
    }

    if (choice.logprobs != null) {
      // One at a time: a chunk may carry more entries than a call takes
      // arguments.
      for (const logprob of mapLogprobs(choice.logprobs)) {
        this.logprobs.push(logprob);
      }
    }

    if (choice.finish_reason != null && this.outcome.type === 'pending') {
      this.outcome = {
        type: 'finished',
        rawFinishReason: choice.finish_reason,
      };
    }
  }

  /**
   * Closes whatever is open and emits the single `finish` part. A reply
   * that showed neither content nor a finish reason (only keep-alives, only
   * `[DONE]`, an empty body) is a hiccup upstream, like an answer without
   * choices: it gets a retryable error first.
   */
  finish() {
    this.closeBlock(fileAnnotationsMetadata(this.annotations));
    this.emitAudio();
    this.flushUnnamedToolCalls();
    // Calls are only final once the stream ends: arguments that parse as
    // JSON can still be the prefix of longer ones.
    try {
      this.toolCallTracker.flush();
    } catch (error) {
      this.fail({ type: 'thrown', error });
    }
    if (this.outcome.type === 'pending' && !this.hasContent) {
      this.fail({ type: 'empty-stream' });
    }

    this.emit({
      type: 'finish',
      finishReason: this.finishReason(),
      usage: convertOpenRouterUsage(this.usage),
      providerMetadata: this.providerMetadata(),
    });
  }

  private finishReason(): LanguageModelV4FinishReason {
    const outcome = this.outcome;
    switch (outcome.type) {
      case 'failed':
        return { unified: 'error', raw: undefined };
      case 'finished':
        return unifyOpenRouterFinishReason(outcome.rawFinishReason, {
          hasToolCalls: this.toolCallInputs.length > 0,
          hasRefusal: this.refusal !== '',
        });
      case 'pending':
        // Without OpenRouter's completion signal the reply may be cut short;
        // it still counts as tool calls when every call is complete JSON.
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

  private processToolCallDeltas(
    toolCallDeltas: NonNullable<OpenRouterChatChunkDelta['tool_calls']>,
  ) {
    this.closeBlock();
    for (const toolCallDelta of toolCallDeltas) {
      try {
        this.processToolCallDelta(toolCallDelta);
      } catch (error) {
        // A malformed delta (another type than `function`, say) fails the
        // stream's outcome but not the stream: later content still gets
        // through.
        this.fail({ type: 'thrown', error });
      }
    }
  }

  /**
   * Hands a delta to the tracker, holding back the deltas of a call whose
   * name has not arrived yet (as `@ai-sdk/openai-compatible` does): they go
   * on, arguments joined, with the delta that brings the name.
   */
  private processToolCallDelta(toolCallDelta: OpenRouterChatChunkToolCall) {
    const index = toolCallDelta.index;
    if (typeof index !== 'number' || this.namedToolCallIndexes.has(index)) {
      this.toolCallTracker.processDelta(toolCallDelta);
      return;
    }
    const name = toolCallDelta.function?.name;
    const hasName = name != null && name.trim() !== '';
    let unnamed = this.unnamedToolCalls.get(index);
    if (unnamed == null && hasName) {
      this.namedToolCallIndexes.add(index);
      this.toolCallTracker.processDelta(toolCallDelta);
      return;
    }
    if (unnamed == null) {
      unnamed = { id: undefined, type: undefined, argumentPieces: [] };
      this.unnamedToolCalls.set(index, unnamed);
    }
    unnamed.id ??= toolCallDelta.id;
    unnamed.type ??= toolCallDelta.type;
    const argumentsDelta = toolCallDelta.function?.arguments;
    if (argumentsDelta != null && argumentsDelta !== '') {
      unnamed.argumentPieces.push(argumentsDelta);
    }
    if (!hasName) {
      return;
    }
    this.unnamedToolCalls.delete(index);
    this.namedToolCallIndexes.add(index);
    this.toolCallTracker.processDelta({
      index,
      id: unnamed.id,
      type: unnamed.type,
      function: { name, arguments: unnamed.argumentPieces.join('') },
    });
  }

  /** Calls whose name never came: the tracker reports each as malformed. */
  private flushUnnamedToolCalls() {
    for (const [index, unnamed] of this.unnamedToolCalls) {
      try {
        this.toolCallTracker.processDelta({
          index,
          id: unnamed.id,
          type: unnamed.type,
          function: { arguments: unnamed.argumentPieces.join('') },
        });
      } catch (error) {
        this.fail({ type: 'thrown', error });
      }
    }
    this.unnamedToolCalls.clear();
  }

  /**
   * Passes the tracker's parts on, making one adjustment: a call without
   * arguments gets a `{}` delta before it ends, so that its deltas still add
   * up to exactly the input of its `tool-call`.
   */
  private emitToolPart(incoming: LanguageModelV4StreamPart | undefined) {
    if (incoming == null) {
      return;
    }
    const part = this.withDistinctToolCallId(incoming);
    if (part.type === 'error') {
      // The tracker throws its errors; one it handed on would be the same.
      this.fail({ type: 'thrown', error: part.error });
      return;
    }
    if (part.type === 'tool-input-end') {
      this.pendingToolInputEnd = part;
      return;
    }
    if (part.type === 'tool-call') {
      let input = part.input;
      if (input.trim() === '') {
        this.emit({
          type: 'tool-input-delta',
          id: part.toolCallId,
          delta: '{}',
        });
        input += '{}';
      }
      if (this.pendingToolInputEnd != null) {
        this.emit(this.pendingToolInputEnd);
        this.pendingToolInputEnd = undefined;
      }
      this.toolCallInputs.push(input);
      const providerMetadata = this.takeReasoningMetadata();
      this.emit(
        input === part.input && providerMetadata == null
          ? part
          : {
              ...part,
              input,
              ...(providerMetadata != null ? { providerMetadata } : {}),
            },
      );
      return;
    }
    this.emit(part);
  }

  private withDistinctToolCallId(
    part: LanguageModelV4StreamPart,
  ): LanguageModelV4StreamPart {
    if (part.type === 'tool-input-start') {
      const distinct = this.toolCallIds.take(part.id);
      if (distinct !== part.id) {
        this.renamedToolCallIds.set(part.id, distinct);
      }
    }
    if (this.renamedToolCallIds.size === 0) {
      return part;
    }
    if (part.type === 'tool-call') {
      const toolCallId = this.renamedToolCallIds.get(part.toolCallId);
      return toolCallId == null ? part : { ...part, toolCallId };
    }
    if (
      part.type === 'tool-input-start' ||
      part.type === 'tool-input-delta' ||
      part.type === 'tool-input-end'
    ) {
      const id = this.renamedToolCallIds.get(part.id);
      return id == null ? part : { ...part, id };
    }
    return part;
  }

  private providerMetadata(): SharedV4ProviderMetadata {
    return buildOpenRouterProviderMetadata({
      generationId: this.generationId,
      model: this.servedModel,
      provider: this.servedBy,
      usage: this.usage,
      reasoningDetails: this.reasoningDetails.wasReceived
        ? this.reasoningDetails.snapshot()
        : undefined,
      annotations: this.annotations,
      logprobs: this.logprobs,
      refusal: this.refusal !== '' ? this.refusal : undefined,
      warnings: this.sawOtherChoices
        ? [{ ...OTHER_CHOICES_WARNING }]
        : undefined,
    });
  }

  private recordChunkMetadata(chunk: OpenRouterChatChunk) {
    if (chunk.usage != null) {
      this.usage = chunk.usage;
    }
    if (chunk.provider != null) {
      this.servedBy = chunk.provider;
    }
    if (chunk.model != null) {
      this.servedModel = chunk.model;
    }
    if (chunk.id != null) {
      this.generationId = chunk.id;
    }
    // Some upstreams send an empty placeholder chunk first; the metadata is
    // taken from the first chunk that actually names the response.
    if (
      !this.hasResponseMetadata &&
      (chunk.id != null || chunk.model != null || chunk.created != null)
    ) {
      this.hasResponseMetadata = true;
      this.emit({ type: 'response-metadata', ...mapResponseMetadata(chunk) });
    }
  }

  /**
   * Reasoning arrives as `reasoning` text, as `reasoning_details`, or as both
   * carrying the same text. Details win, so nothing is shown twice, and they
   * are accumulated for the round trip; encrypted ones show no text at all.
   */
  private processReasoning(delta: OpenRouterChatChunkDelta) {
    const details = delta.reasoning_details;
    let showedDetailText = false;
    if (details != null) {
      this.reasoningDetails.markReceived();
      for (const detail of details as OpenRouterReasoningDetail[]) {
        this.reasoningDetails.add(detail);
        const text = visibleReasoningText(detail);
        if (text != null && text !== '') {
          this.emitReasoning(text, detail.index);
          showedDetailText = true;
        }
        this.emitServerToolCall(detail);
      }
    }
    // Plain `reasoning` text is shown when the details carry none of their
    // own (empty, encrypted-only or signature-only details).
    if (
      !showedDetailText &&
      delta.reasoning != null &&
      delta.reasoning !== ''
    ) {
      this.emitReasoning(delta.reasoning, undefined);
    }
  }

  /** A call OpenRouter made to a server tool, as provider-executed parts. */
  private emitServerToolCall(detail: unknown) {
    const serverTools = this.context.serverTools;
    if (serverTools == null || serverTools.size === 0) {
      return;
    }
    const parts = mapServerToolCall(detail, serverTools, this.toolCallIds);
    if (parts != null) {
      this.closeBlock();
      this.emit(parts[0]);
      this.emit(parts[1]);
    }
  }

  private emitReasoning(text: string, sectionIndex: number | undefined) {
    let delta = text;
    if (this.block.type !== 'reasoning') {
      this.openBlock('reasoning');
    } else if (sectionIndex !== this.reasoningSectionIndex) {
      // A new summary or thinking section: keep it apart from the last one.
      delta = `\n\n${text}`;
    }
    this.reasoningSectionIndex = sectionIndex;
    this.emit({ type: 'reasoning-delta', id: this.blockId(), delta });
  }

  private blockId() {
    return this.block.type === 'none' ? '' : this.block.id;
  }

  /**
   * `reasoning_details` for a part that ends now, when there are details it
   * has not carried yet. The AI SDK keeps a part's metadata on the part, so
   * the last carrying part of a turn holds the complete array for the next
   * request (late signatures included), without a copy on every part.
   */
  private takeReasoningMetadata(): SharedV4ProviderMetadata | undefined {
    const accumulator = this.reasoningDetails;
    if (
      !accumulator.wasReceived ||
      accumulator.version === this.attachedDetailsVersion
    ) {
      return undefined;
    }
    this.attachedDetailsVersion = accumulator.version;
    return {
      openrouter: {
        reasoning_details: accumulator.snapshot() as JSONValue[],
        ...(this.servedBy != null ? { provider: this.servedBy } : {}),
      },
    };
  }

  /** Keeps annotations for the metadata and emits each cited URL once. */
  private processAnnotations(annotations: unknown[]) {
    for (const annotation of annotations) {
      const key = JSON.stringify(annotation);
      if (!this.annotationKeys.has(key)) {
        this.annotationKeys.add(key);
        this.annotations.push(annotation);
      }
    }
    const { sources, citations } = mapUrlCitations(
      annotations,
      this.sourcesByUrl,
    );
    for (const source of sources) {
      this.emit(source);
    }
    // Citations end the text block they support; the citation list is read
    // when it closes.
    for (const citation of citations) {
      this.citations.push(citation);
    }
  }

  /**
   * One piece of a spoken reply. Its transcript is shown as text while the
   * reply has none of its own (audio models answer without `content`), as
   * in `mapOpenRouterAudio`.
   */
  private processAudio(audio: OpenRouterChatChunkAudio) {
    if (audio.id != null) {
      this.audio.id = audio.id;
    }
    if (audio.expires_at != null) {
      this.audio.expires_at = audio.expires_at;
    }
    if (audio.data != null && audio.data !== '') {
      this.audioPieces.push(convertBase64ToUint8Array(audio.data));
    }
    if (audio.transcript != null && audio.transcript !== '') {
      this.transcriptPieces.push(audio.transcript);
      if (!this.sawText) {
        this.emitText(audio.transcript);
      }
    }
  }

  private emitAudio() {
    if (this.audioPieces.length === 0) {
      return;
    }
    let size = 0;
    for (const piece of this.audioPieces) {
      size += piece.byteLength;
    }
    const bytes = new Uint8Array(size);
    let offset = 0;
    for (const piece of this.audioPieces) {
      bytes.set(piece, offset);
      offset += piece.byteLength;
    }
    this.emit({
      type: 'file',
      mediaType: requestedAudioMediaType(this.context.requestBody),
      data: { type: 'data', data: bytes },
      providerMetadata: audioProviderMetadata(
        this.audio,
        this.transcriptPieces.join(''),
      ),
    });
  }

  private emitText(delta: string) {
    const id =
      this.block.type === 'text' ? this.block.id : this.openBlock('text');
    this.emit({ type: 'text-delta', id, delta });
  }

  private openBlock(type: 'text' | 'reasoning') {
    this.closeBlock();
    const id = `${type === 'text' ? 'txt' : 'reasoning'}-${this.blockCount++}`;
    this.block = { type, id };
    this.emit({ type: `${type}-start`, id });
    return id;
  }

  /**
   * `extraMetadata` rides on a text block that ends with the stream: parsed
   * file annotations, which go back next turn so PDFs are not parsed again.
   */
  private closeBlock(extraMetadata?: Record<string, JSONValue>) {
    const block = this.block;
    if (block.type === 'none') {
      return;
    }
    this.block = NO_BLOCK;
    let providerMetadata =
      block.type === 'reasoning' || this.reasoningDetails.wasReceived
        ? this.takeReasoningMetadata()
        : undefined;
    if (extraMetadata != null && block.type === 'text') {
      providerMetadata = {
        openrouter: { ...providerMetadata?.openrouter, ...extraMetadata },
      };
    }
    if (block.type === 'text') {
      const citations = this.citations.splice(0);
      this.emit({
        type: 'text-end',
        id: block.id,
        ...(citations.length > 0 ? { citations } : {}),
        ...(providerMetadata != null ? { providerMetadata } : {}),
      });
      return;
    }
    this.emit(
      providerMetadata != null
        ? { type: 'reasoning-end', id: block.id, providerMetadata }
        : { type: 'reasoning-end', id: block.id },
    );
  }

  private fail(failure: StreamFailure) {
    this.outcome = { type: 'failed' };
    this.emit({ type: 'error', error: failure });
  }
}

const OTHER_CHOICES_WARNING: SharedV4Warning = {
  type: 'other',
  message:
    'OpenRouter streamed choices other than index 0; only choice 0 was read, the others were dropped.',
};
