import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

/** Runs an example the way a user does, offline (no API key). */
async function runExample(name: string, ...args: string[]) {
  const environment = { ...process.env };
  delete environment.OPENROUTER_API_KEY;
  delete environment.OPENROUTER_MODEL;
  const { stdout } = await run(
    process.execPath,
    ['--import', 'tsx', 'examples/run.ts', name, ...args],
    { env: environment, timeout: 30_000 },
  );
  return stdout;
}

// Each example is its own process, mostly waiting on its start-up, so
// they run side by side (vitest's maxConcurrency, 5 at a time).
describe.concurrent('examples, offline against the emulator', () => {
  it('demo streams a reply and prints usage and cost', async () => {
    const output = await runExample('demo', 'Tell me a joke');

    expect(output).toContain('runs offline against the OpenRouter emulator');
    expect(output).toContain('You said: "Tell me a joke"');
    expect(output).toMatch(/Model: openai\/gpt-4o-mini, served by OpenAI/);
    expect(output).toMatch(/Tokens: \d+ in, \d+ out, \d+ total/);
    expect(output).toMatch(/Cost: \$0\.\d{6}/);
  });

  it('agent calls the weather tool and answers from its result', async () => {
    // The emulated model calls a tool the prompt names.
    const output = await runExample('agent', 'Lisbon weather');

    expect(output).toContain(
      'Step 1: called weather({"city":"Lisbon weather"})',
    );
    expect(output).toContain(
      'Answer: The weather tool returned {"city":"Lisbon weather","temperatureCelsius":21,"sky":"clear"}.',
    );
  });

  it('structured-output prints the typed object', async () => {
    const output = await runExample('structured-output', 'Pea soup');

    expect(output).toContain('Recipe: Pea soup');
    expect(output).toContain('Servings: 3, vegetarian: true');
  });

  it('reasoning shows the reasoning of two turns', async () => {
    const output = await runExample('reasoning', 'Is 7 prime?');

    expect(output).toContain('Turn 1 reasoning: The user said "Is 7 prime?".');
    expect(output).toContain('Turn 1: 1 reasoning detail(s)');
    // The second turn only succeeds when the signed reasoning came back.
    expect(output).toMatch(/Turn 2 answer: .*"Explain that in one sentence\."/);
  });

  it('responses runs a tool loop over the Responses API, replaying its reasoning', async () => {
    const output = await runExample('responses', 'Use weather for Porto');

    expect(output).toContain(
      'Called weather({"city":"Use weather for Porto"})',
    );
    expect(output).toMatch(/Answer: The weather tool returned/);
    expect(output).toContain('Steps: 2, encrypted reasoning items: 2');
    expect(output).toMatch(/Cost of the last step: \$0\.\d{6}/);
  });

  it('speech writes a real WAV file', async () => {
    const output = await runExample('speech', 'Hello there');

    expect(output).toContain('Said: Hello there');
    expect(output).toMatch(/Wrote \d+ bytes of audio\/wav to .*speech\.wav/);
    expect(output).toContain('Generation: gen-tts-emulator-0');
  });

  it('transcribe gives back the generated sentence with word timings', async () => {
    const output = await runExample('transcribe');

    expect(output).toContain(
      'Text: The quick brown fox jumps over the lazy dog.',
    );
    expect(output).toMatch(/Language: en, [\d.]+ s/);
    expect(output).toMatch(/0\.00-0\.\d\d {2}The/);
    expect(output).toMatch(/Cost: \$0\.\d{6}/);
  });

  it('rerank puts the matching results first', async () => {
    const output = await runExample('rerank', 'sunny weather at the beach');

    const lines = output
      .split('\n')
      .filter(line => /^\d\.\d{3} {2}#/.test(line));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain('#3  Sunny weather returns to the beach');
    expect(output).toContain('Cost: $0.002000');
  });

  it('embeddings-search ranks the matching document first', async () => {
    const output = await runExample('embeddings-search');

    const ranked = output
      .split('\n')
      .filter(line => /^\d\.\d{3} {2}/.test(line));
    expect(ranked).toHaveLength(4);
    expect(ranked[0]).toContain('The beach was sunny and warm all afternoon.');
    expect(output).toMatch(/Embedded 4 documents with \d+ tokens\./);
  });

  it('completion continues the prompt', async () => {
    const output = await runExample('completion', 'Hello there');

    expect(output).toContain(
      'Completion: and so the story goes on, one word after another (the prompt had 11 characters).',
    );
  });

  it('image-input sends the image URL for OpenRouter to fetch', async () => {
    const output = await runExample(
      'image-input',
      'https://images.example/cat.jpg',
    );

    expect(output).toContain(
      'Answer: I received an image (https://images.example/cat.jpg).',
    );
  });

  it('pdf-summary sends the PDF URL with the file parser', async () => {
    const output = await runExample(
      'pdf-summary',
      'https://papers.example/a.pdf',
    );

    expect(output).toContain(
      'Summary: I received a file named document.pdf (https://papers.example/a.pdf).',
    );
  });

  it('files-pdf uploads a PDF once and asks two questions about it by reference', async () => {
    const output = await runExample('files-pdf');

    expect(output).toContain('Uploaded notes.pdf');
    expect(output).toContain('as file-emulator-0');
    expect(
      output.match(
        /I received a file named notes\.pdf \(uploaded file-emulator-0, application\/pdf/g,
      ),
    ).toHaveLength(2);
    expect(output).toContain('Deleted the file.');
  });

  it('image-generation saves four PNGs from one /images request and reports its cost', async () => {
    const output = await runExample('image-generation', 'a red square');

    for (const index of [1, 2, 3, 4]) {
      expect(output).toMatch(
        new RegExp(
          `Saved image/png \\(\\d+ bytes\\) to .*image-${index}\\.png`,
        ),
      );
    }
    expect(output).toContain('4 images in 1 request(s), 5160 output tokens');
    expect(output).toMatch(/cost: \$0\.16\d{4}/);
  });

  it('video-generation saves an MP4 and reports the job and its cost', async () => {
    const output = await runExample('video-generation', 'a kite');

    expect(output).toMatch(/Saved video\/mp4 \(\d+ bytes\) to .*video\.mp4/);
    expect(output).toContain('Job video-emulator-0, cost: $0.20');
  });

  it('web-search streams an answer with the web search server tool and lists its sources', async () => {
    // The emulated model searches when the prompt names the tool.
    const output = await runExample('web-search', 'web search news');

    expect(output).toContain(
      'I searched the web for "web search news" and found 2 results.',
    );
    expect(output).toContain(
      'Sources:\n- Emulated search result: https://example.com/search/web%20search%20news',
    );
    expect(output).toContain(
      '- OpenRouter documentation: https://openrouter.ai/docs',
    );
  });

  it('models-and-credits lists the cheapest tool models and the credits left', async () => {
    const output = await runExample('models-and-credits');

    expect(output).toContain('Cheapest models with tool calling:');
    expect(output).toContain(
      '- meta-llama/llama-3.3-70b-instruct: $0.13/M in, $0.39/M out',
    );
    expect(output).toMatch(
      /Credits: \$\d+\.\d{2} bought, \$\d+\.\d{2} used, \$\d+\.\d{2} left/,
    );
  });

  it('generate-text prints the answer, the upstream and the cost', async () => {
    const output = await runExample('generate-text', 'Hi');

    expect(output).toContain('You said: "Hi"');
    expect(output).toMatch(/Served by OpenAI; \d+ tokens; \$0\.\d{6}/);
  });

  it('stream-text streams and reports the finish', async () => {
    const output = await runExample('stream-text', 'Hi');

    expect(output).toContain('You said: "Hi"');
    expect(output).toMatch(/Finished \(stop\) after \d+ output tokens\./);
  });
});
