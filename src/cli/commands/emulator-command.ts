import { type CliCommand, CliUsageError } from '../cli-command';

/** A fixed default, so the URL in an env file stays valid across runs. */
export const DEFAULT_EMULATOR_PORT = 4010;
const MAX_PORT = 65_535;

export const emulatorCommand: CliCommand = {
  usage: 'emulator [--port <n>]',
  summary:
    'Start the OpenRouter emulator on 127.0.0.1 for offline work, until Ctrl-C.',
  details:
    "The emulator of ai-sdk-openrouter/testing: OpenRouter's API (chat, streaming, embeddings, images, video, the catalogue and account endpoints) with a small deterministic model, no network and no charges. It accepts any API key. Set the OPENROUTER_BASE_URL it prints in another terminal or an env file, and the provider (createOpenRouter() and the default openrouter instance), this CLI and the examples use it.",
  arguments: 0,
  usesApi: false,
  options: ['port'],
  optionHelp: [
    {
      flag: '--port <n>',
      description: `The port to listen on (default ${DEFAULT_EMULATOR_PORT}; 0 picks a free one).`,
    },
  ],
  examples: ['emulator', 'emulator --port 0'],
  async run({ stdout, untilStopped }, _args, options) {
    const port = parsePort(options.port);
    // Listening for Ctrl-C before anything is printed: a signal sent the
    // moment the URL appears (by a script, say) must find the handler, and
    // one sent while the server starts stops it once it is up.
    const stopped = untilStopped();
    // Loaded here, so the other commands do not load the emulator.
    const { createOpenRouterEmulator } = await import(
      '../../testing/openrouter-emulator'
    );
    let emulator: Awaited<ReturnType<typeof createOpenRouterEmulator>>;
    try {
      emulator = await createOpenRouterEmulator({ port });
    } catch (error) {
      if ((error as { code?: unknown })?.code === 'EADDRINUSE') {
        throw new Error(
          `port ${port} on 127.0.0.1 is in use. Pick another with --port <n>, or --port 0 for a free one.`,
        );
      }
      throw error;
    }
    stdout(
      [
        `OpenRouter emulator listening at ${emulator.baseURL}`,
        '',
        'Point the provider, the examples or this CLI at it (any API key works):',
        '',
        `  OPENROUTER_BASE_URL=${emulator.baseURL}`,
        '  OPENROUTER_API_KEY=sk-or-emulator',
        '',
        'Press Ctrl-C to stop.',
        '',
      ].join('\n'),
    );
    const signal = await stopped;
    await emulator.close();
    return {
      data: { stopped: signal },
      text: `Emulator stopped (${signal}).\n`,
    };
  },
};

function parsePort(value: string | undefined): number {
  if (value == null) {
    return DEFAULT_EMULATOR_PORT;
  }
  const port = /^\d{1,5}$/.test(value) ? Number(value) : Number.NaN;
  if (!(port <= MAX_PORT)) {
    throw new CliUsageError(
      `--port must be a whole number from 0 to ${MAX_PORT}, got "${value}"`,
    );
  }
  return port;
}
