import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { experimental_generateVideo as generateVideo } from 'ai';
import { openRouterMetadata } from 'ai-sdk-openrouter';
import { connect } from './support/connect';

// Video generation: OpenRouter runs a job; the video model submits it, polls
// it until it ends and downloads the video.
const { openrouter, close } = await connect();

try {
  const result = await generateVideo({
    model: openrouter.videoModel(
      process.env.OPENROUTER_VIDEO_MODEL ?? 'google/veo-3.1',
      // The emulator finishes at once; OpenRouter takes a minute or more.
      { pollIntervalMs: process.env.OPENROUTER_API_KEY ? 5_000 : 50 },
    ),
    prompt:
      process.argv.slice(2).join(' ') ||
      'A lighthouse at dawn, waves rolling in',
    duration: 4,
    aspectRatio: '16:9',
  });

  const directory = await mkdtemp(join(tmpdir(), 'openrouter-videos-'));
  const path = join(directory, 'video.mp4');
  const { video } = result;
  await writeFile(path, video.uint8Array);
  console.log(
    `Saved ${video.mediaType} (${video.uint8Array.length} bytes) to ${path}`,
  );
  const [job] = openRouterMetadata(result, 'video')?.videos ?? [];
  console.log(`Job ${job?.jobId}, cost: $${(job?.cost ?? 0).toFixed(2)}`);
} finally {
  await close();
}
