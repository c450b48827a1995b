import {
  APICallError,
  type LanguageModelV4StreamPart,
  type SharedV4ProviderMetadata,
} from '@ai-sdk/provider';
import {
  createOpenRouterApiCallError,
  extractOpenRouterErrorData,
} from '../openrouter-error';
import type { OpenRouterStreamEvent } from '../openrouter-response-handlers';
import { convertOpenRouterUsage } from './convert-openrouter-usage';
import { mapOpenRouterFinishReason } from './map-openrouter-finish-reason';
import type {
  OpenRouterChatChunk,
  OpenRouterUsage,
} from './openrouter-chat-response-schemas';
import { buildOpenRouterProviderMetadata } from './openrouter-provider-metadata';

type Emit = (part: LanguageModelV4StreamPart) => void;

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

export type OpenRouterChatStreamContext = {
  url: string;
  requestBody: unknown;
  responseHeaders: Record<string, string> | undefined;
  includeRawChunks: boolean;
};

/**
 * Turns OpenRouter chat chunks into AI SDK stream parts. It does a small,
 * constant amount of work per chunk and keeps only what the `finish` part
 * needs (usage, served model and provider), never the streamed text.
 */
export class OpenRouterChatStreamState {
  private block: OpenBlock = NO_BLOCK;
  private outcome: Outcome = { type: 'pending' };
  private blockCount = 0;
  private hasResponseMetadata = false;
  private usage: OpenRouterUsage | undefined;
  private generationId: string | undefined;
  private servedModel: string | undefined;
  private servedBy: string | undefined;

  constructor(
    private readonly context: OpenRouterChatStreamContext,
    private readonly emit: Emit,
  ) {}

  processEvent(event: OpenRouterStreamEvent<OpenRouterChatChunk>) {
    if (this.context.includeRawChunks && event.rawValue !== undefined) {
      this.emit({ type: 'raw', rawValue: event.rawValue });
    }

    if (!event.success) {
      this.fail(
        'transportFailure' in event
          ? this.describeTransportFailure(event.error)
          : event.error,
      );
      return;
    }

    const chunk = event.value;
    this.recordChunkMetadata(chunk);

    if (chunk.error != null) {
      this.fail(
        createOpenRouterApiCallError({
          error: extractOpenRouterErrorData(chunk) ?? {},
          url: this.context.url,
          requestBodyValues: this.context.requestBody,
          responseHeaders: this.context.responseHeaders,
        }),
      );
      return;
    }

    const choice = chunk.choices?.[0];
    if (choice == null) {
      return;
    }

    const delta = choice.delta;
    if (delta != null) {
      if (delta.content != null && delta.content !== '') {
        this.emitText(delta.content);
      }
    }

    if (choice.finish_reason != null && this.outcome.type === 'pending') {
      this.outcome = {
        type: 'finished',
        rawFinishReason: choice.finish_reason,
      };
    }
  }

  /** Closes whatever is open and emits the single `finish` part. */
  finish() {
    this.closeBlock();

    const outcome = this.outcome;
    this.emit({
      type: 'finish',
      finishReason:
        outcome.type === 'finished'
          ? {
              unified: mapOpenRouterFinishReason(outcome.rawFinishReason),
              raw: outcome.rawFinishReason,
            }
          : outcome.type === 'failed'
            ? { unified: 'error', raw: undefined }
            : // A stream that ends without OpenRouter's completion signal.
              { unified: 'interrupted', raw: undefined },
      usage: convertOpenRouterUsage(this.usage),
      providerMetadata: this.providerMetadata(),
    });
  }

  private providerMetadata(): SharedV4ProviderMetadata {
    return buildOpenRouterProviderMetadata({
      generationId: this.generationId,
      model: this.servedModel,
      provider: this.servedBy,
      usage: this.usage,
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
      this.emit({
        type: 'response-metadata',
        id: chunk.id ?? undefined,
        modelId: chunk.model ?? undefined,
        timestamp:
          chunk.created != null ? new Date(chunk.created * 1000) : undefined,
      });
    }
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

  private closeBlock() {
    const block = this.block;
    if (block.type === 'none') {
      return;
    }
    this.block = NO_BLOCK;
    this.emit({ type: `${block.type}-end`, id: block.id });
  }

  private fail(error: unknown) {
    this.outcome = { type: 'failed' };
    this.emit({ type: 'error', error });
  }

  private describeTransportFailure(error: unknown) {
    const reason =
      error instanceof Error
        ? (APICallError.isInstance(error) && error.cause instanceof Error
            ? error.cause
            : error
          ).message
        : String(error);
    return new APICallError({
      message: `The connection to OpenRouter was lost in the middle of the stream (${reason}). Everything received before the loss has been delivered.`,
      url: this.context.url,
      requestBodyValues: this.context.requestBody,
      responseHeaders: this.context.responseHeaders,
      cause: error,
      isRetryable: true,
    });
  }
}
