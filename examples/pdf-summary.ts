import { generateText } from 'ai';
import { connect } from './support/connect';

// A PDF by URL, parsed by OpenRouter's file-parser plugin.
const { openrouter, close } = await connect();
const pdfUrl = process.argv[2] ?? 'https://bitcoin.org/bitcoin.pdf';

try {
  const { text, usage } = await generateText({
    model: openrouter(process.env.OPENROUTER_MODEL ?? 'openai/gpt-4o-mini'),
    messages: [
      {
        role: 'user',
        content: [
          { type: 'text', text: 'Summarise this document in three sentences.' },
          {
            type: 'file',
            mediaType: 'application/pdf',
            filename: 'document.pdf',
            data: new URL(pdfUrl),
          },
        ],
      },
    ],
    providerOptions: {
      // 'pdf-text' is free; 'mistral-ocr' reads scans; 'native' uses the model's own.
      openrouter: {
        plugins: [{ id: 'file-parser', pdf: { engine: 'pdf-text' } }],
      },
    },
  });

  console.log(`PDF: ${pdfUrl}`);
  console.log(`Summary: ${text}`);
  console.log(`Tokens: ${usage.inputTokens} in, ${usage.outputTokens} out`);
} finally {
  await close();
}
