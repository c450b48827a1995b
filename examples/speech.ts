import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateSpeech } from 'ai';
import { openRouterMetadata } from 'ai-sdk-openrouter';
import { connect } from './support/connect';

// Speak a sentence and save it to a file.
const { openrouter, close } = await connect();
const text =
  process.argv.slice(2).join(' ') || 'Hello from OpenRouter text to speech.';

try {
  const result = await generateSpeech({
    model: openrouter.speechModel(
      process.env.OPENROUTER_SPEECH_MODEL ??
        'openai/gpt-4o-mini-tts-2025-12-15',
    ),
    text,
    voice: 'alloy',
    outputFormat: 'wav',
  });
  const { audio, warnings } = result;
  const path = join(tmpdir(), `speech.${audio.format}`);
  await writeFile(path, audio.uint8Array);

  console.log(`Said: ${text}`);
  console.log(
    `Wrote ${audio.uint8Array.byteLength} bytes of ${audio.mediaType} to ${path}`,
  );
  // The answer is the audio; the cost is on the generation record.
  const generationId = openRouterMetadata(result, 'speech')?.generationId;
  console.log(`Generation: ${generationId ?? 'not reported'}`);
  for (const warning of warnings) {
    console.log(`Warning: ${JSON.stringify(warning)}`);
  }
} finally {
  await close();
}
