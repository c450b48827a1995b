import { parseArgs } from 'node:util';
import { APICallError, LoadAPIKeyError } from '@ai-sdk/provider';
import { VERSION } from '../http/version';
import { createOpenRouter } from '../openrouter-provider';
import { type CliCommand, type CliOptions, CliUsageError } from './cli-command';
import { creditsCommand } from './commands/credits-command';
import { endpointsCommand } from './commands/endpoints-command';
import { generationCommand } from './commands/generation-command';
import { keyCommand } from './commands/key-command';
import { modelsCommand } from './commands/models-command';
import {
  createTerminalOutput,
  escapeJsonForTerminal,
  toOneLine,
} from './terminal-text';

const NAME = 'ai-sdk-openrouter';

const COMMANDS: Record<string, CliCommand> = {
  models: modelsCommand,
  endpoints: endpointsCommand,
  key: keyCommand,
  credits: creditsCommand,
  generation: generationCommand,
};

/** Where the CLI reads its environment and writes its output. */
export type CliIo = {
  env: Record<string, string | undefined>;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
};

/**
 * Runs the CLI and returns its exit code: 0 on success, 1 with a one-line
 * message on stderr for any failure (no stack trace, no key). Whatever it
 * writes holds no control character from API data and none of the keys it
 * was given, even when a response echoes one.
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const output = createTerminalOutput(io, [
    io.env.OPENROUTER_API_KEY,
    io.env.OPENROUTER_PROVISIONING_KEY,
  ]);
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: 'boolean' },
        'base-url': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
        supports: { type: 'string', multiple: true },
        'input-modality': { type: 'string', multiple: true },
        'output-modality': { type: 'string', multiple: true },
        modality: { type: 'string', multiple: true },
        free: { type: 'boolean' },
        sort: { type: 'string' },
      },
    });

    if (values.version) {
      output.stdout(`${VERSION}\n`);
      return 0;
    }
    const [commandName, ...args] = positionals;
    if (values.help || commandName == null || commandName === 'help') {
      output.stdout(helpText());
      return 0;
    }
    const command = COMMANDS[commandName];
    if (command == null) {
      throw new CliUsageError(`Unknown command "${commandName}"`);
    }
    if (args.length !== command.arguments) {
      throw new CliUsageError(`Usage: ${NAME} ${command.usage}`);
    }
    for (const option of COMMAND_OPTIONS) {
      if (values[option] != null && !command.options?.includes(option)) {
        throw new CliUsageError(
          `--${option} only applies to the models command`,
        );
      }
    }

    const openrouter = createOpenRouter({
      baseURL: values['base-url'] ?? io.env.OPENROUTER_BASE_URL,
      apiKey: io.env.OPENROUTER_API_KEY,
      provisioningKey: io.env.OPENROUTER_PROVISIONING_KEY,
    });
    const options: CliOptions = {
      json: values.json ?? false,
      supports: values.supports ?? [],
      inputModalities: values['input-modality'] ?? [],
      outputModalities: values['output-modality'] ?? [],
      modalities: values.modality ?? [],
      free: values.free ?? false,
      sort: values.sort,
    };
    const result = await command.run(openrouter, args, options);
    for (const warning of result.warnings ?? []) {
      output.stderr(`${NAME}: warning: ${toOneLine(warning)}\n`);
    }
    output.stdout(
      options.json
        ? `${escapeJsonForTerminal(JSON.stringify(result.data, withoutRaw, 2))}\n`
        : result.text,
    );
    return 0;
  } catch (error) {
    output.stderr(`${NAME}: ${describeError(error)}\n`);
    return 1;
  }
}

const COMMAND_OPTIONS = [
  'supports',
  'input-modality',
  'output-modality',
  'modality',
  'free',
  'sort',
] as const;

// `--json` prints the utilities' objects without their `raw` copies of the
// wire format, which would double the output.
function withoutRaw(key: string, value: unknown) {
  return key === 'raw' ? undefined : value;
}

function describeError(error: unknown): string {
  if (error instanceof CliUsageError) {
    return `${error.message}. Run '${NAME} --help' for usage.`;
  }
  if (LoadAPIKeyError.isInstance(error)) {
    return error.message.includes('OPENROUTER_PROVISIONING_KEY')
      ? 'no key found: set OPENROUTER_PROVISIONING_KEY (or OPENROUTER_API_KEY).'
      : 'no API key found: set OPENROUTER_API_KEY.';
  }
  const message = toOneLine(
    error instanceof Error ? error.message : String(error),
  );
  if (APICallError.isInstance(error) && error.statusCode != null) {
    return `${message} (HTTP ${error.statusCode})`;
  }
  // parseArgs errors (unknown options, missing values) are usage mistakes;
  // their first sentence says what was wrong.
  if (
    String((error as { code?: unknown })?.code).startsWith('ERR_PARSE_ARGS')
  ) {
    const [firstSentence] = message.split(/(?<=\.) /);
    return `${firstSentence} Run '${NAME} --help' for usage.`;
  }
  return message;
}

function helpText() {
  const commands = Object.values(COMMANDS)
    .map(command => `  ${command.usage}\n      ${command.summary}\n`)
    .join('');
  return `Usage: ${NAME} <command> [options]

OpenRouter's model catalogue and account, from the terminal.

Commands:
${commands}
Options:
  --json             Print JSON (the same objects the provider's utilities
                     return, without their raw copies) instead of a table.
  --base-url <url>   The API root (default: OPENROUTER_BASE_URL, else
                     https://openrouter.ai/api/v1).
  -h, --help         Show this help.
  -v, --version      Show the version.

Environment:
  OPENROUTER_API_KEY            Used by models, endpoints, key and generation.
  OPENROUTER_PROVISIONING_KEY   Used by credits (falls back to the API key).
  OPENROUTER_BASE_URL           Default for --base-url.

Exit code 0 on success, 1 with a one-line message on failure.
`;
}
