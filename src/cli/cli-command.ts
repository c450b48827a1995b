import type { OpenRouterProvider } from '../openrouter-provider';

/** Parsed options of one CLI run. */
export type CliOptions = {
  /** `--json`: print data instead of a table. */
  json: boolean;
  /** `--supports`, repeatable. */
  supports: string[];
  /** `--input-modality`, repeatable. */
  inputModalities: string[];
  /** `--output-modality`, repeatable. */
  outputModalities: string[];
  /** `--modality` (input or output), repeatable. */
  modalities: string[];
  /** `--free`. */
  free: boolean;
  /** `--sort`, checked by the command. */
  sort?: string | undefined;
  /** `--port`, checked by the command. */
  port?: string | undefined;
};

/** What a command produced: data for `--json`, text for the terminal. */
export type CliResult = {
  /** Printed as JSON with `--json`. */
  data: unknown;
  /** Printed otherwise; ends with a newline. */
  text: string;
  /** Printed to stderr either way, one line each, e.g. skipped entries. */
  warnings?: string[] | undefined;
};

/** What a command runs with besides its arguments and options. */
export type CliContext = {
  /**
   * The provider, created on first read from the flags and environment,
   * so that a command that needs none (`emulator`) checks none of them.
   */
  readonly openrouter: OpenRouterProvider;
  /** Writes to stdout at once, for a command that runs until stopped. */
  stdout: (text: string) => void;
  /** Resolves with the signal's name when the user asks the CLI to stop. */
  untilStopped: () => Promise<string>;
};

/** One option a command accepts, for its help. */
export type CliOptionHelp = {
  /** As typed, with its value: `--sort price|context|newest`. */
  flag: string;
  /** One line or two. */
  description: string;
};

/** One CLI command. */
export type CliCommand = {
  /** The usage line, e.g. `endpoints <author/slug>`. */
  usage: string;
  /** One line for the overview in `--help`. */
  summary: string;
  /** More about what it prints, for `<command> --help`. */
  details?: string | undefined;
  /** How many positional arguments the command takes. */
  arguments: number;
  /** Options only this command accepts, by their names in `parseArgs`. */
  options?: string[] | undefined;
  /** Whether it talks to OpenRouter, and so takes --json and --base-url. */
  usesApi: boolean;
  /** Its own options, for its help. */
  optionHelp?: CliOptionHelp[] | undefined;
  /** Example invocations, without the program name. */
  examples?: string[] | undefined;
  /** Runs the command with its positional arguments. */
  run: (
    context: CliContext,
    args: string[],
    options: CliOptions,
  ) => Promise<CliResult>;
};

/**
 * A mistake in how the CLI was called: reported with a hint to `--help`,
 * and exit code 2.
 */
export class CliUsageError extends Error {
  override readonly name = 'CliUsageError';
}
