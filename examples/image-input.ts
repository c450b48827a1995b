import { generateText } from 'ai';
import { connect } from './support/connect';

// An image by URL. One whose path ends in an image extension, as this one
// does, is fetched by OpenRouter, so the AI SDK does not download it; the
// AI SDK downloads any other image URL and it is sent as bytes.
const { openrouter, close } = await connect();
const imageUrl =
  process.argv[2] ??
  'https://upload.wikimedia.org/wikipedia/commons/thumb/3/3a/Cat03.jpg/320px-Cat03.jpg';

try {
  const { text } = await generateText({
    model: openrouter(process.env.OPENROUTER_MODEL ?? 'openai/gpt-4o-mini'),
    messages: [
      {
        role: 'user',
        content: [
          { type: 'text', text: 'What is in this picture? One sentence.' },
          { type: 'file', mediaType: 'image', data: new URL(imageUrl) },
        ],
      },
    ],
  });

  console.log(`Image: ${imageUrl}`);
  console.log(`Answer: ${text}`);
} finally {
  await close();
}
