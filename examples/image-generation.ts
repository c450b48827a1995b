import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateImage } from 'ai';
import { connect } from './support/connect';

// Image generation: OpenRouter's image models answer chat requests with images.
const { openrouter, close } = await connect();

try {
  const { images, providerMetadata } = await generateImage({
    model: openrouter.imageModel(
      process.env.OPENROUTER_IMAGE_MODEL ?? 'google/gemini-2.5-flash-image',
    ),
    prompt:
      process.argv.slice(2).join(' ') || 'A lighthouse at dawn, watercolour',
    aspectRatio: '16:9',
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
  const costs = (providerMetadata.openrouter?.images ?? []) as Array<{
    cost?: number;
  }>;
  const cost = costs.reduce((sum, image) => sum + (image.cost ?? 0), 0);
  console.log(`Cost: $${cost.toFixed(6)}`);
} finally {
  await close();
}
