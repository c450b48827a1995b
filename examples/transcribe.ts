import { generateSpeech, transcribe } from 'ai';
import { openRouterMetadata } from 'ai-sdk-openrouter';
import { connect } from './support/connect';

// Transcribe a clip generated here: a sentence spoken by a speech model,
// then transcribed with word timings. Pass a path to transcribe a file.
const { openrouter, close } = await connect();

try {
  const path = process.argv[2];
  const clip =
    path != null
      ? new Uint8Array(await (await import('node:fs/promises')).readFile(path))
      : (
          await generateSpeech({
            model: openrouter.speechModel('openai/gpt-4o-mini-tts-2025-12-15'),
            text: 'The quick brown fox jumps over the lazy dog.',
            outputFormat: 'wav',
          })
        ).audio.uint8Array;

  const result = await transcribe({
    model: openrouter.transcriptionModel(
      process.env.OPENROUTER_TRANSCRIPTION_MODEL ?? 'openai/whisper-large-v3',
    ),
    audio: clip,
    timestampGranularities: ['segment', 'word'],
    providerOptions: { openrouter: { language: 'en' } },
  });

  console.log(`Text: ${result.text}`);
  console.log(`Language: ${result.language}, ${result.durationInSeconds} s`);
  for (const word of result.words ?? []) {
    console.log(
      `  ${word.startSecond.toFixed(2)}-${word.endSecond.toFixed(2)}  ${word.text}`,
    );
  }
  const cost = openRouterMetadata(result, 'transcription')?.cost;
  console.log(`Cost: $${cost?.toFixed(6) ?? 'unknown'}`);
} finally {
  await close();
}
