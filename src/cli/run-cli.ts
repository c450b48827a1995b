import { parseArgs } from 'node:util';
import { APICallError, LoadAPIKeyError } from '@ai-sdk/provider';
import { VERSION } from '../http/version';
import {
  createOpenRouterProvider,
  DEFAULT_BASE_URL,
  type OpenRouterProvider,
  type SettingNames,
} from '../openrouter-provider';
import {
  type CliCommand,
  type CliContext,
  type CliOptions,
  CliUsageError,
} from './cli-command';
import { creditsCommand } from './commands/credits-command';
import { emulatorCommand } from './commands/emulator-command';
import { endpointsCommand } from './commands/endpoints-command';
import { generationCommand } from './commands/generation-command';
import { keyCommand } from './commands/key-command';
import { modelsCommand } from './commands/models-command';
import { didYouMean } from './did-you-mean';
import { commandHelpText, helpText, NAME } from './help-text';
import {
  createTerminalOutput,
  escapeJsonForTerminal,
  toOneLine,
} from './terminal-text';

const COMMANDS: Record<string, CliCommand> = {
  models: modelsCommand,
  endpoints: endpointsCommand,
  key: keyCommand,
  credits: creditsCommand,
  generation: generationCommand,
  emulator: emulatorCommand,
};

/** Options every command that talks to OpenRouter takes. */
const API_OPTIONS = ['json', 'base-url'];

/** Where the CLI reads its environment and writes its output. */
export type CliIo = {
  env: Record<string, string | undefined>;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /**
   * Resolves with a signal's name when the user asks a command that runs
   * until stopped (`emulator`) to stop: SIGINT or SIGTERM in the binary.
   */
  untilStopped?: (() => Promise<string>) | undefined;
};

/** Exit codes: success, a failure, a mistake in the command line. */
const EXIT_SUCCESS = 0;
const EXIT_FAILURE = 1;
const EXIT_USAGE = 2;

/**
 * Runs the CLI and returns its exit code: 0 on success, 1 with a one-line
 * message on stderr for any failure (no stack trace, no key), 2 for a
 * mistake in the command line (no arguments at all prints the help). What
 * it writes holds no control character from API data and none of the keys
 * it was given, even when a response echoes one.
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const output = createTerminalOutput(io, [
    io.env.OPENROUTER_API_KEY,
    io.env.OPENROUTER_PROVISIONING_KEY,
  ]);
  let commandName: string | undefined;
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
        port: { type: 'string' },
      },
    });

    if (values.version) {
      output.stdout(`${VERSION}\n`);
      return EXIT_SUCCESS;
    }
    const [firstPositional, ...args] = positionals;
    if (firstPositional == null) {
      // Asked for, help is the answer; given nothing, it is a usage error.
      if (values.help) {
        output.stdout(helpText(COMMANDS));
        return EXIT_SUCCESS;
      }
      output.stderr(helpText(COMMANDS));
      return EXIT_USAGE;
    }
    if (firstPositional === 'help') {
      if (args.length === 0) {
        output.stdout(helpText(COMMANDS));
        return EXIT_SUCCESS;
      }
      if (args.length > 1) {
        throw new CliUsageError(`Usage: ${NAME} help [<command>]`);
      }
      output.stdout(commandHelpText(findCommand(args[0])));
      return EXIT_SUCCESS;
    }
    const command = findCommand(firstPositional);
    commandName = firstPositional;
    if (values.help) {
      output.stdout(commandHelpText(command));
      return EXIT_SUCCESS;
    }
    if (args.length !== command.arguments) {
      throw new CliUsageError(`Usage: ${NAME} ${command.usage}`);
    }
    for (const option of Object.keys(values)) {
      if (values[option as keyof typeof values] != null) {
        checkOptionApplies(option, commandName, command);
      }
    }

    const options: CliOptions = {
      json: values.json ?? false,
      supports: values.supports ?? [],
      inputModalities: values['input-modality'] ?? [],
      outputModalities: values['output-modality'] ?? [],
      modalities: values.modality ?? [],
      free: values.free ?? false,
      sort: values.sort,
      port: values.port,
    };
    let openrouter: OpenRouterProvider | undefined;
    const context: CliContext = {
      get openrouter() {
        openrouter ??= createCliProvider(io.env, values['base-url']);
        return openrouter;
      },
      stdout: output.stdout,
      untilStopped: io.untilStopped ?? (() => new Promise<string>(() => {})),
    };
    const result = await command.run(context, args, options);
    for (const warning of result.warnings ?? []) {
      output.stderr(`${NAME}: warning: ${toOneLine(warning)}\n`);
    }
    output.stdout(
      options.json
        ? `${escapeJsonForTerminal(JSON.stringify(result.data, withoutRaw, 2))}\n`
        : result.text,
    );
    return EXIT_SUCCESS;
  } catch (error) {
    output.stderr(`${NAME}: ${describeError(error, commandName)}\n`);
    return isUsageError(error) ? EXIT_USAGE : EXIT_FAILURE;
  }
}

function findCommand(name: string): CliCommand {
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (command == null) {
    throw new CliUsageError(
      `Unknown command "${name}".${didYouMean(name, Object.keys(COMMANDS))}`,
    );
  }
  return command;
}

function checkOptionApplies(
  option: string,
  commandName: string,
  command: CliCommand,
) {
  if (
    option === 'help' ||
    command.options?.includes(option) ||
    (command.usesApi && API_OPTIONS.includes(option))
  ) {
    return;
  }
  const owners = Object.entries(COMMANDS)
    .filter(([, other]) => other.options?.includes(option))
    .map(([name]) => name);
  throw new CliUsageError(
    owners.length === 1
      ? `--${option} only applies to the ${owners[0]} command`
      : `--${option} does not apply to the ${commandName} command`,
  );
}

/**
 * The provider, from the flags and the environment the CLI was given. Its
 * messages name those (`OPENROUTER_API_KEY`, `--base-url`), since a CLI
 * user has no `apiKey` setting to set.
 */
function createCliProvider(
  env: Record<string, string | undefined>,
  baseURLFlag: string | undefined,
): OpenRouterProvider {
  // A blank variable counts as none, as the provider counts it.
  const environmentBaseURL = env.OPENROUTER_BASE_URL?.trim() || undefined;
  const names: SettingNames = {
    apiKeySetting: 'OPENROUTER_API_KEY',
    apiKeyPlaces: 'OPENROUTER_API_KEY',
    provisioningKeySetting: 'OPENROUTER_PROVISIONING_KEY',
    provisioningKeyPlaces: 'OPENROUTER_PROVISIONING_KEY',
    baseURL: baseURLFlag != null ? '--base-url' : 'OPENROUTER_BASE_URL',
  };
  return createOpenRouterProvider(
    {
      // The default is passed on, so the provider reads no variable of its
      // own process that the CLI was not given.
      baseURL: baseURLFlag ?? environmentBaseURL ?? DEFAULT_BASE_URL,
      apiKey: env.OPENROUTER_API_KEY,
      provisioningKey: env.OPENROUTER_PROVISIONING_KEY,
    },
    names,
  );
}

// `--json` prints the utilities' objects without their `raw` copies of the
// wire format, which would double the output.
function withoutRaw(key: string, value: unknown) {
  return key === 'raw' ? undefined : value;
}

function isUsageError(error: unknown) {
  return error instanceof CliUsageError || isParseArgsError(error);
}

// parseArgs errors (unknown options, missing values) are usage mistakes.
function isParseArgsError(error: unknown) {
  return String((error as { code?: unknown })?.code).startsWith(
    'ERR_PARSE_ARGS',
  );
}

function describeError(error: unknown, commandName: string | undefined) {
  const helpHint = `Run '${NAME}${commandName == null ? '' : ` ${commandName}`} --help' for usage.`;
  if (error instanceof CliUsageError) {
    return `${asSentence(toOneLine(error.message))} ${helpHint}`;
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
  if (isParseArgsError(error)) {
    // Its first sentence says what was wrong.
    const [firstSentence] = message.split(/(?<=\.) /);
    return `${firstSentence} ${helpHint}`;
  }
  return message;
}

function asSentence(text: string) {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
