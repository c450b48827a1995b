import { MAX_COMPLETION_TOKENS, takeMatches } from './emulator-limits';

/**
 * The emulated model's reasoning: deterministic thinking text with a
 * signature, plus an encrypted entry for Gemini-style models, and the check
 * that replayed reasoning comes back intact.
 */

export type EmulatedReasoningDetail = {
  /** `reasoning.text` first; then `reasoning.encrypted`, `reasoning.summary`. */
  type: string;
  index: number;
  format: string;
  text?: string | undefined;
  signature?: string | undefined;
  data?: string | undefined;
  [field: string]: unknown;
};

export type EmulatedReasoning = {
  /** The thinking text, in the pieces that are streamed one per chunk. */
  pieces: string[];
  /** The complete `reasoning_details` of the reply. */
  details: EmulatedReasoningDetail[];
  /** `reasoning.exclude`: tokens are spent but nothing is returned. */
  excluded: boolean;
};

type RequestWithReasoning = {
  model?: unknown | undefined;
  reasoning?: unknown | undefined;
  messages?: unknown | undefined;
};

/** Whether the request asks for reasoning, and so gets some. */
export function wantsReasoning(body: RequestWithReasoning) {
  const model = typeof body.model === 'string' ? body.model : '';
  const reasoning = body.reasoning as
    | { enabled?: unknown; effort?: unknown; max_tokens?: unknown }
    | undefined;
  if (reasoning != null && typeof reasoning === 'object') {
    return reasoning.enabled !== false && reasoning.effort !== 'none';
  }
  return model.endsWith(':thinking');
}

function formatFor(model: string) {
  if (model.startsWith('google/')) return 'google-gemini-v1';
  if (model.startsWith('openai/')) return 'openai-responses-v1';
  return 'anthropic-claude-v1';
}

export function createReasoning(
  body: RequestWithReasoning,
  said: string,
): EmulatedReasoning | undefined {
  if (!wantsReasoning(body)) {
    return undefined;
  }
  const model = typeof body.model === 'string' ? body.model : '';
  const format = formatFor(model);
  // The thinking echoes the prompt, so it stops at the model's output limit
  // too; what is signed is what is sent.
  const { pieces } = takeMatches(
    `The user said "${said || 'nothing'}". I will answer briefly and kindly.`,
    /\S+\s*/g,
    MAX_COMPLETION_TOKENS,
  );
  const text = pieces.join('');
  const details: EmulatedReasoningDetail[] = [
    { type: 'reasoning.text', index: 0, format, text, signature: sign(text) },
  ];
  if (format === 'google-gemini-v1') {
    details.push({
      type: 'reasoning.encrypted',
      index: 1,
      format,
      data: encrypt(text),
    });
  }
  const exclude = (body.reasoning as { exclude?: unknown } | undefined)
    ?.exclude;
  return {
    pieces,
    details,
    excluded: exclude === true,
  };
}

/** The detail deltas of a stream: text pieces, then the signature alone. */
export function reasoningDetailDeltas(reasoning: EmulatedReasoning) {
  const [textDetail, ...rest] = reasoning.details;
  return {
    pieces: reasoning.pieces.map(piece => ({
      reasoning: piece,
      reasoning_details: [
        {
          type: 'reasoning.text',
          index: 0,
          format: textDetail.format,
          text: piece,
        },
      ],
    })),
    // Real upstreams send the signature last, after all of the text.
    closing: {
      reasoning: '',
      reasoning_details: [
        {
          type: 'reasoning.text',
          index: 0,
          format: textDetail.format,
          text: '',
          signature: textDetail.signature,
        },
        ...rest,
      ],
    },
  };
}

/**
 * What an upstream says when replayed reasoning does not verify, or
 * undefined when every replayed entry made by the emulator is intact.
 */
export function checkReplayedReasoning(
  body: RequestWithReasoning,
): string | undefined {
  const messages = Array.isArray(body.messages) ? body.messages : [];
  for (const message of messages) {
    if (message == null || message.role !== 'assistant') {
      continue;
    }
    const details = message.reasoning_details;
    const madeByEmulator =
      Array.isArray(message.tool_calls) &&
      message.tool_calls.some(
        (call: unknown) =>
          typeof (call as { id?: unknown } | null)?.id === 'string' &&
          (call as { id: string }).id.startsWith('call_emulator_'),
      );
    if (details == null) {
      if (madeByEmulator && wantsReasoning(body)) {
        return 'reasoning_details must be passed back on assistant messages with tool calls';
      }
      continue;
    }
    if (!Array.isArray(details)) {
      return 'reasoning_details must be an array';
    }
    for (const detail of details) {
      if (
        detail?.type === 'reasoning.text' &&
        typeof detail.signature === 'string' &&
        detail.signature.startsWith('emu-sig-') &&
        detail.signature !== sign(String(detail.text ?? ''))
      ) {
        return 'Invalid signature in thinking block';
      }
      if (
        detail?.type === 'reasoning.encrypted' &&
        typeof detail.data === 'string' &&
        detail.data.startsWith('emu-enc-') &&
        decrypt(detail.data) == null
      ) {
        return 'Corrupted thought signature.';
      }
    }
  }
  return undefined;
}

/** A deterministic stand-in for an upstream's signature (FNV-1a). */
export function sign(text: string) {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `emu-sig-${hash.toString(16).padStart(8, '0')}`;
}

function encrypt(text: string) {
  return `emu-enc-${Buffer.from(text, 'utf8').toString('base64')}.${sign(text)}`;
}

function decrypt(data: string) {
  const [payload, signature] = data.slice('emu-enc-'.length).split('.');
  const text = Buffer.from(payload ?? '', 'base64').toString('utf8');
  return sign(text) === signature ? text : undefined;
}
