/**
 * Spoken replies of the emulated chat model, for requests whose
 * `modalities` include `audio`: the reply's text becomes the transcript and
 * a short tone, a real WAV (or raw 16-bit PCM for `pcm16`) generated here,
 * the audio. Content is `null`, as audio models answer.
 */

const SAMPLE_RATE = 8000;
const SAMPLES = 400; // 50 ms

/** The formats the emulator can speak in. */
const EMULATED_FORMATS = new Set(['wav', 'pcm16']);

/** What is wrong with a request's `audio`, or undefined. */
export function audioRequestProblem(body: object): string | undefined {
  if (!wantsAudio(body)) {
    return undefined;
  }
  const audio = (body as { audio?: unknown }).audio;
  if (typeof audio !== 'object' || audio === null) {
    return 'Audio output requires the "audio" parameter with a "voice" and a "format"';
  }
  const { voice, format } = audio as { voice?: unknown; format?: unknown };
  if (typeof voice !== 'string' || voice === '') {
    return 'audio.voice is required for audio output';
  }
  if (typeof format !== 'string' || !EMULATED_FORMATS.has(format)) {
    return `audio.format ${JSON.stringify(format)} is not supported by the emulated model; use wav or pcm16`;
  }
  return undefined;
}

export function wantsAudio(body: object) {
  const modalities = (body as { modalities?: unknown }).modalities;
  return Array.isArray(modalities) && modalities.includes('audio');
}

/** A 440 Hz tone as 16-bit little-endian mono samples. */
function toneSamples(): Uint8Array {
  const bytes = new Uint8Array(SAMPLES * 2);
  const view = new DataView(bytes.buffer);
  for (let index = 0; index < SAMPLES; index++) {
    const value = Math.round(
      8000 * Math.sin((2 * Math.PI * 440 * index) / SAMPLE_RATE),
    );
    view.setInt16(index * 2, value, true);
  }
  return bytes;
}

/** The tone as a complete WAV file: RIFF header, `fmt ` and `data`. */
export function emulatedWav(): Uint8Array {
  const samples = toneSamples();
  const bytes = new Uint8Array(44 + samples.byteLength);
  const view = new DataView(bytes.buffer);
  const ascii = (offset: number, text: string) => {
    for (let index = 0; index < text.length; index++) {
      bytes[offset + index] = text.charCodeAt(index);
    }
  };
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + samples.byteLength, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, 16, true); // fmt chunk size
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, SAMPLE_RATE, true);
  view.setUint32(28, SAMPLE_RATE * 2, true); // bytes per second
  view.setUint16(32, 2, true); // block align
  view.setUint16(34, 16, true); // bits per sample
  ascii(36, 'data');
  view.setUint32(40, samples.byteLength, true);
  bytes.set(samples, 44);
  return bytes;
}

function audioBytes(body: object) {
  const format = (body as { audio?: { format?: unknown } }).audio?.format;
  return format === 'pcm16' ? toneSamples() : emulatedWav();
}

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

/** The response with its text moved into `message.audio`. */
export function speakResponse(response: unknown, body: object, id: string) {
  const message = (
    response as { choices?: { message?: Record<string, unknown> }[] }
  ).choices?.[0]?.message;
  if (message == null) {
    return response;
  }
  message.audio = {
    id,
    data: base64(audioBytes(body)),
    transcript: typeof message.content === 'string' ? message.content : '',
    expires_at: 1_900_000_000,
  };
  message.content = null;
  return response;
}

/**
 * The chunks with each text delta turned into a transcript delta, and the
 * audio sent in two base64 pieces (each whole, as upstreams send them)
 * before the finish.
 */
export function speakChunks(chunks: unknown[], body: object, id: string) {
  const bytes = audioBytes(body);
  const half = Math.floor(bytes.byteLength / 4) * 2;
  const pieces = [bytes.subarray(0, half), bytes.subarray(half)];
  const result: unknown[] = [];
  let audioSent = false;
  for (const chunk of chunks) {
    const choice = (
      chunk as {
        choices?: {
          delta?: Record<string, unknown>;
          finish_reason?: unknown;
        }[];
      }
    ).choices?.[0];
    const delta = choice?.delta;
    if (!audioSent && choice?.finish_reason != null) {
      audioSent = true;
      for (const piece of pieces) {
        result.push(
          withDelta(chunk, { audio: { id, data: base64(piece) } }, null),
        );
      }
    }
    if (delta != null && typeof delta.content === 'string') {
      const { content, ...rest } = delta;
      result.push(
        withDelta(chunk, {
          ...rest,
          audio: { id, transcript: content, expires_at: 1_900_000_000 },
        }),
      );
      continue;
    }
    result.push(chunk);
  }
  return result;
}

function withDelta(
  chunk: unknown,
  delta: Record<string, unknown>,
  finishReason?: null,
) {
  const original = chunk as { choices: Record<string, unknown>[] };
  const [choice] = original.choices;
  return {
    ...original,
    choices: [
      {
        ...choice,
        delta,
        ...(finishReason === null
          ? { finish_reason: null, native_finish_reason: null }
          : {}),
      },
    ],
  };
}
