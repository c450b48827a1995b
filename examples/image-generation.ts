import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateImage } from 'ai';
import { openRouterMetadata } from 'ai-sdk-openrouter';
import { connect } from './support/connect';

// Image generation over OpenRouter's image API, POST /images: four images
// in one request, with their usage and cost.
const { openrouter, close } = await connect();

try {
  const { images, calls, usage } = await generateImage({
    model: openrouter.imageModel(
      process.env.OPENROUTER_IMAGE_MODEL ?? 'google/gemini-2.5-flash-image',
    ),
    prompt:
      process.argv.slice(2).join(' ') || 'A lighthouse at dawn, watercolour',
    n: 4,
    aspectRatio: '16:9',
    providerOptions: { openrouter: { resolution: '1K' } },
  });

  const directory = await mkdtemp(join(tmpdir(), 'openrouter-images-'));
  for (const [index, image] of images.entries()) {
    const extension = image.mediaType.split('/')[1] ?? 'png';
    const path = join(directory, `image-${index + 1}.${extension}`);
    await writeFile(path, image.uint8Array);
    console.log(
      `Saved ${image.mediaType} (${image.uint8Array.length} bytes) to ${path}`,
    );
  }

  // Up to 10 images are one request; each request reports its own cost.
  const cost = calls.reduce(
    (sum, call) => sum + (openRouterMetadata(call, 'image')?.cost ?? 0),
    0,
  );
  console.log(
    `${images.length} images in ${calls.length} request(s), ${usage.outputTokens ?? 0} output tokens, cost: $${cost.toFixed(6)}`,
  );
} finally {
  await close();
}
