import { generateText, uploadFile } from 'ai';
import { connect } from './support/connect';

// Upload a PDF once with openrouter.files(), then ask two questions about it
// by reference: the bytes are sent once, not with every question.
const { openrouter, close } = await connect();

// A one-page PDF made here, so the example needs no file of its own.
const pdf = new TextEncoder().encode(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n' +
    '2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n' +
    'trailer << /Root 1 0 R >>\n%%EOF\n',
);

try {
  const uploaded = await uploadFile({
    api: openrouter,
    data: pdf,
    mediaType: 'application/pdf',
    filename: 'notes.pdf',
  });
  console.log(
    `Uploaded ${uploaded.filename} (${uploaded.byteSize} bytes) as ${uploaded.providerReference.openrouter}`,
  );

  for (const question of [
    'What is this document about?',
    'How many pages does it have?',
  ]) {
    const { text } = await generateText({
      model: openrouter(process.env.OPENROUTER_MODEL ?? 'openai/gpt-4o-mini'),
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: question },
            {
              type: 'file',
              mediaType: 'application/pdf',
              data: uploaded.providerReference,
            },
          ],
        },
      ],
    });
    console.log(`Q: ${question}\nA: ${text}`);
  }

  await openrouter.files().deleteFile({ file: uploaded.providerReference });
  console.log('Deleted the file.');
} finally {
  await close();
}
