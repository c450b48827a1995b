import {
  EMULATOR_AUDIO_AND_RERANK_MODELS,
  EMULATOR_CHAT_MODELS,
  EMULATOR_EMBEDDING_MODELS,
  type EmulatedModel,
} from './emulator-catalog';
import { EmulatorRequestError } from './emulator-limits';
import { invalidModelError, upstreamFor } from './emulator-models';
import {
  type EmulatorContext,
  type EmulatorRoute,
  errorReply,
} from './emulator-routes';

/** Formats `POST /audio/transcriptions` takes, as OpenRouter documents them. */
const TRANSCRIPTION_FORMATS = new Set([
  'wav',
  'mp3',
  'flac',
  'm4a',
  'ogg',
  'webm',
  'aac',
]);

/** What a transcript says when the audio does not carry its own text. */
export const EMULATOR_DEFAULT_TRANSCRIPT =
  'This is a deterministic transcript from the OpenRouter emulator.';

/** Samples per second of the audio the emulator speaks (as OpenAI's PCM). */
export const EMULATOR_SPEECH_SAMPLE_RATE = 24_000;

/** OpenAI's limit on the text of one speech request. */
const MAX_SPEECH_INPUT_CHARACTERS = 4096;

/** USD per second of transcribed audio (Whisper's $0.006 a minute). */
const TRANSCRIPTION_PRICE_PER_SECOND = 0.0001;

/**
 * The catalogue model for `requested` on an endpoint serving `output`, or
 * the error OpenRouter answers: 400 for an id it does not know, 404 (no
 * endpoints) for a known model of another kind.
 */
export function serveSpecialistModel(
  context: EmulatorContext,
  requested: unknown,
  output: 'transcription' | 'speech' | 'rerank',
): { id: string; provider: string } {
  if (typeof requested !== 'string' || requested === '') {
    throw new EmulatorRequestError(400, 'Input required: specify "model"');
  }
  const listed = EMULATOR_AUDIO_AND_RERANK_MODELS.find(
    model => model.wire.id === requested,
  );
  if (listed != null && outputsOf(listed).includes(output)) {
    return {
      id: requested,
      provider: listed.endpoints[0]?.provider_name ?? upstreamFor(requested),
    };
  }
  if (context.options.acceptAnyModel === true) {
    return { id: requested, provider: upstreamFor(requested) };
  }
  const known =
    listed != null ||
    [...EMULATOR_CHAT_MODELS, ...EMULATOR_EMBEDDING_MODELS].some(
      model => model.wire.id === requested,
    );
  throw known
    ? new EmulatorRequestError(404, `No endpoints found for ${requested}.`)
    : invalidModelError(requested);
}

function outputsOf(model: EmulatedModel): string[] {
  const architecture = model.wire.architecture as {
    output_modalities: string[];
  };
  return architecture.output_modalities;
}

export const audioRoutes: EmulatorRoute[] = [
  {
    method: 'POST',
    path: '/audio/transcriptions',
    handle(request, context) {
      const body = request.body as Record<string, unknown> | null;
      const inputAudio = body?.input_audio as
        | { data?: unknown; format?: unknown }
        | undefined;
      if (
        inputAudio == null ||
        typeof inputAudio.data !== 'string' ||
        typeof inputAudio.format !== 'string'
      ) {
        return errorReply(
          400,
          'Input required: "input_audio" must be { data: <base64>, format }',
        );
      }
      serveSpecialistModel(context, body?.model, 'transcription');
      if (!TRANSCRIPTION_FORMATS.has(inputAudio.format)) {
        return errorReply(
          400,
          `Unsupported audio format "${inputAudio.format}". Supported: ${[...TRANSCRIPTION_FORMATS].join(', ')}`,
        );
      }
      if (!/^[A-Za-z0-9+/]+={0,2}$/.test(inputAudio.data)) {
        return errorReply(400, '"input_audio.data" is not valid base64');
      }
      const audio = Buffer.from(inputAudio.data, 'base64');
      const wav = inputAudio.format === 'wav' ? readWav(audio) : undefined;
      // Compressed audio: about 16 kB a second (128 kbit/s).
      const seconds = round(wav?.seconds ?? audio.byteLength / 16_000);
      const text = wav?.comment ?? EMULATOR_DEFAULT_TRANSCRIPT;
      const sequence = context.nextSequence();
      const usage = {
        seconds,
        cost: round(seconds * TRANSCRIPTION_PRICE_PER_SECOND),
      };
      const verbose = body?.response_format === 'verbose_json';
      const granularities = Array.isArray(body?.timestamp_granularities)
        ? body.timestamp_granularities
        : ['segment'];
      const words = timeWords(text, seconds);
      return {
        type: 'json',
        status: 200,
        headers: { 'x-generation-id': `gen-stt-emulator-${sequence}` },
        body: verbose
          ? {
              task: 'transcribe',
              language:
                typeof body?.language === 'string' ? body.language : 'en',
              duration: seconds,
              text,
              segments: granularities.includes('segment')
                ? [{ id: 0, seek: 0, start: 0, end: seconds, text }]
                : undefined,
              words: granularities.includes('word') ? words : undefined,
              usage,
            }
          : { text, usage },
      };
    },
  },
  {
    method: 'POST',
    path: '/audio/speech',
    handle(request, context) {
      const body = request.body as Record<string, unknown> | null;
      if (typeof body?.input !== 'string' || body.input.trim() === '') {
        return errorReply(400, 'Input required: "input" must be text');
      }
      if (body.input.length > MAX_SPEECH_INPUT_CHARACTERS) {
        return errorReply(
          400,
          `"input" is ${body.input.length} characters; at most ${MAX_SPEECH_INPUT_CHARACTERS} are spoken at once`,
        );
      }
      serveSpecialistModel(context, body.model, 'speech');
      const format = body.response_format ?? 'pcm';
      const samples = sineSamples(body.input, Number(body.speed ?? 1));
      const sequence = context.nextSequence();
      // The body is the audio; the cost is on the generation record.
      const headers = { 'x-generation-id': `gen-tts-emulator-${sequence}` };
      switch (format) {
        case 'wav':
          return {
            type: 'binary',
            status: 200,
            contentType: 'audio/wav',
            headers,
            body: encodeWav(samples, body.input),
          };
        case 'pcm':
          return {
            type: 'binary',
            status: 200,
            contentType: `audio/pcm;rate=${EMULATOR_SPEECH_SAMPLE_RATE};channels=1`,
            headers,
            body: new Uint8Array(samples.buffer),
          };
        case 'mp3':
          return {
            type: 'binary',
            status: 200,
            contentType: 'audio/mpeg',
            headers,
            body: silentMp3(samples.length / EMULATOR_SPEECH_SAMPLE_RATE),
          };
        default:
          return errorReply(
            400,
            `Unsupported response_format "${String(format)}". Supported: mp3, pcm, wav`,
          );
      }
    },
  },
];

function round(value: number) {
  return Math.round(value * 1e6) / 1e6;
}

/** Evenly timed words over the audio, for `timestamp_granularities: ['word']`. */
function timeWords(text: string, seconds: number) {
  const words = text.split(/\s+/).filter(Boolean);
  const each = seconds / Math.max(1, words.length);
  return words.map((word, index) => ({
    word,
    start: round(index * each),
    end: round((index + 1) * each),
  }));
}

/**
 * A 440 Hz tone as 16-bit mono samples, 40 ms a character at speed 1
 * (at least 0.2 s, at most 3 s), fading in and out so it does not click.
 */
function sineSamples(text: string, speed: number): Int16Array {
  const pace = Number.isFinite(speed) && speed > 0 ? speed : 1;
  const seconds = Math.min(3, Math.max(0.2, (text.length * 0.04) / pace));
  const count = Math.round(seconds * EMULATOR_SPEECH_SAMPLE_RATE);
  const samples = new Int16Array(count);
  const fade = Math.min(count / 2, EMULATOR_SPEECH_SAMPLE_RATE * 0.01);
  for (let index = 0; index < count; index++) {
    const envelope = Math.min(1, index / fade, (count - 1 - index) / fade);
    samples[index] = Math.round(
      Math.sin((2 * Math.PI * 440 * index) / EMULATOR_SPEECH_SAMPLE_RATE) *
        envelope *
        0.3 *
        0x7fff,
    );
  }
  return samples;
}

/**
 * A RIFF/WAVE file of the samples, with the spoken text in a `LIST/INFO`
 * comment (`ICMT`): the emulator's transcription reads it back, so speaking
 * then transcribing gives the text again.
 */
function encodeWav(samples: Int16Array, text: string): Uint8Array {
  const comment = Buffer.from(`${text}\0`, 'utf8');
  const commentSize = comment.byteLength + (comment.byteLength % 2);
  const listSize = 4 + 8 + commentSize;
  const dataSize = samples.byteLength;
  const size = 12 + 24 + (8 + listSize) + 8 + dataSize;
  const bytes = Buffer.alloc(size);
  let offset = 0;
  const ascii = (value: string) => {
    bytes.write(value, offset, 'ascii');
    offset += value.length;
  };
  const uint32 = (value: number) => {
    bytes.writeUInt32LE(value, offset);
    offset += 4;
  };
  const uint16 = (value: number) => {
    bytes.writeUInt16LE(value, offset);
    offset += 2;
  };
  ascii('RIFF');
  uint32(size - 8);
  ascii('WAVE');
  ascii('fmt ');
  uint32(16);
  uint16(1); // PCM
  uint16(1); // mono
  uint32(EMULATOR_SPEECH_SAMPLE_RATE);
  uint32(EMULATOR_SPEECH_SAMPLE_RATE * 2); // bytes a second
  uint16(2); // bytes a frame
  uint16(16); // bits a sample
  ascii('LIST');
  uint32(listSize);
  ascii('INFO');
  ascii('ICMT');
  uint32(comment.byteLength);
  comment.copy(bytes, offset);
  offset += commentSize;
  ascii('data');
  uint32(dataSize);
  Buffer.from(samples.buffer, samples.byteOffset, dataSize).copy(bytes, offset);
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * The length and the `ICMT` comment of a PCM WAV file, or undefined when
 * the bytes are not one (the transcript then says nothing of them).
 */
export function readWav(
  bytes: Uint8Array,
): { seconds: number; comment: string | undefined } | undefined {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (
    buffer.byteLength < 12 ||
    buffer.toString('ascii', 0, 4) !== 'RIFF' ||
    buffer.toString('ascii', 8, 12) !== 'WAVE'
  ) {
    return undefined;
  }
  let byteRate: number | undefined;
  let dataSize: number | undefined;
  let comment: string | undefined;
  let offset = 12;
  while (offset + 8 <= buffer.byteLength) {
    const id = buffer.toString('ascii', offset, offset + 4);
    const size = buffer.readUInt32LE(offset + 4);
    const start = offset + 8;
    const end = Math.min(buffer.byteLength, start + size);
    if (id === 'fmt ' && end - start >= 12) {
      byteRate = buffer.readUInt32LE(start + 8);
    } else if (id === 'data') {
      dataSize = end - start;
    } else if (
      id === 'LIST' &&
      buffer.toString('ascii', start, start + 4) === 'INFO'
    ) {
      comment = readInfoComment(buffer, start + 4, end) ?? comment;
    }
    offset = start + size + (size % 2);
  }
  if (byteRate == null || byteRate === 0 || dataSize == null) {
    return undefined;
  }
  return { seconds: dataSize / byteRate, comment };
}

function readInfoComment(buffer: Buffer, from: number, to: number) {
  let offset = from;
  while (offset + 8 <= to) {
    const id = buffer.toString('ascii', offset, offset + 4);
    const size = buffer.readUInt32LE(offset + 4);
    if (id === 'ICMT') {
      return buffer
        .toString('utf8', offset + 8, Math.min(to, offset + 8 + size))
        .replace(/\0+$/, '');
    }
    offset += 8 + size + (size % 2);
  }
  return undefined;
}

/**
 * Silent MPEG-1 Layer III frames (128 kbit/s, 44.1 kHz, mono) for about
 * `seconds`: a valid MP3 that players and media type sniffers recognise.
 * A frame whose side information is all zero decodes to silence.
 */
function silentMp3(seconds: number): Uint8Array {
  const frameLength = 417; // 144 × 128000 / 44100, no padding
  const frameSeconds = 1152 / 44_100;
  const frames = Math.max(1, Math.round(seconds / frameSeconds));
  const bytes = new Uint8Array(frames * frameLength);
  for (let frame = 0; frame < frames; frame++) {
    bytes.set([0xff, 0xfb, 0x90, 0xc0], frame * frameLength);
  }
  return bytes;
}
