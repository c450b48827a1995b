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

describe('examples, offline against the emulator', () => {
  it('demo streams a reply and prints usage and cost', async () => {
    const output = await runExample('demo', 'Tell me a joke');

    expect(output).toContain('runs offline against the OpenRouter emulator');
    expect(output).toContain('You said: "Tell me a joke"');
    expect(output).toMatch(/Model: openai\/gpt-4o-mini, served by OpenAI/);
    expect(output).toMatch(/Tokens: \d+ in, \d+ out, \d+ total/);
    expect(output).toMatch(/Cost: \$0\.\d{6}/);
  });

  it('agent calls the weather tool and answers from its result', async () => {
    const output = await runExample('agent', 'Lisbon');

    expect(output).toContain('Step 1: called weather({"city":"Lisbon"})');
    expect(output).toContain(
      'Answer: The weather tool returned {"city":"Lisbon","temperatureCelsius":21,"sky":"clear"}.',
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
    expect(output).toContain(
      'Turn 2 answer: Hello from the OpenRouter emulator. You said: "Explain that in one sentence."',
    );
  });
});
