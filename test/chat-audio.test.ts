import { generateText, streamText } from 'ai';
import { describe, expect, it } from 'vitest';
import { useEmulator } from './support/use-emulator';

const server = useEmulator();
// The emulated catalogue's model; the emulator speaks for any of them.
const MODEL = 'openai/gpt-4o-mini';

function audioOptions(format = 'wav') {
  return {
    openrouter: {
      modalities: ['text', 'audio'],
      audio: { voice: 'alloy', format },
    },
  } as const;
}

function isWav(bytes: Uint8Array) {
  const text = new TextDecoder().decode(bytes.subarray(0, 12));
  return text.startsWith('RIFF') && text.endsWith('WAVE');
}

describe('audio out of chat', () => {
  it('generateText returns the audio as a WAV file part and the transcript as text', async () => {
    const openrouter = server.createProvider();
    const result = await generateText({
      model: openrouter(MODEL),
      prompt: 'Say hi',
      providerOptions: audioOptions(),
    });

    expect(result.text).toContain('You said: "Say hi"');
    expect(result.files).toHaveLength(1);
    const [file] = result.files;
    expect(file.mediaType).toBe('audio/wav');
    expect(isWav(file.uint8Array)).toBe(true);
    expect(server.emulator.requests[0].body).toMatchObject({
      modalities: ['text', 'audio'],
      audio: { voice: 'alloy', format: 'wav' },
    });
    const fileMetadata = result.content.find(part => part.type === 'file')
      ?.providerMetadata?.openrouter;
    expect(fileMetadata).toMatchObject({
      audioId: expect.stringMatching(/^audio_/),
      transcript: result.text,
      audioExpiresAt: 1_900_000_000,
    });
  });

  it('streamText assembles the audio pieces into one file and streams the transcript', async () => {
    const openrouter = server.createProvider();
    const result = streamText({
      model: openrouter(MODEL),
      prompt: 'Say hi',
      providerOptions: audioOptions('pcm16'),
    });

    const textDeltas: string[] = [];
    for await (const part of result.fullStream) {
      if (part.type === 'text-delta') {
        textDeltas.push(part.text);
      }
    }
    expect(textDeltas.length).toBeGreaterThan(1);
    expect(await result.text).toContain('You said: "Say hi"');
    const files = await result.files;
    expect(files).toHaveLength(1);
    expect(files[0].mediaType).toBe('audio/pcm');
    // 50 ms of 16-bit mono at 8 kHz, both pieces.
    expect(files[0].uint8Array.byteLength).toBe(800);
  });

  it('replays an assistant turn with audio as audio: { id }, without the bytes', async () => {
    const openrouter = server.createProvider();
    const first = await generateText({
      model: openrouter(MODEL),
      prompt: 'Say hi',
      providerOptions: audioOptions(),
    });
    const audioId = first.content.find(part => part.type === 'file')
      ?.providerMetadata?.openrouter?.audioId;

    await generateText({
      model: openrouter(MODEL),
      messages: [
        { role: 'user', content: 'Say hi' },
        ...first.response.messages,
        { role: 'user', content: 'Again' },
      ],
      providerOptions: audioOptions(),
    });

    const replayed = (
      server.emulator.requests[1].body as {
        messages: Record<string, unknown>[];
      }
    ).messages[1];
    expect(replayed.role).toBe('assistant');
    expect(replayed.audio).toStrictEqual({ id: audioId });
    expect(JSON.stringify(replayed)).not.toContain('UklGR'); // no WAV bytes
  });

  it('the emulator refuses audio output without a voice, as OpenRouter would', async () => {
    const openrouter = server.createProvider();
    const error = await generateText({
      model: openrouter(MODEL),
      prompt: 'Say hi',
      maxRetries: 0,
      providerOptions: { openrouter: { modalities: ['text', 'audio'] } },
    }).catch((caught: unknown) => caught);
    expect(String(error)).toContain('audio');
    expect((error as { statusCode?: number }).statusCode).toBe(400);
    expect((error as { isRetryable?: boolean }).isRetryable).toBe(false);
  });
});
