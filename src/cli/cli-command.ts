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
  sort?: string;
};

/** What a command produced: data for `--json`, text for the terminal. */
export type CliResult = {
  /** Printed as JSON with `--json`. */
  data: unknown;
  /** Printed otherwise; ends with a newline. */
  text: string;
  /** Printed to stderr either way, one line each, e.g. skipped entries. */
  warnings?: string[];
};

/** One CLI command. */
export type CliCommand = {
  /** The usage line, e.g. `endpoints <model>`. */
  usage: string;
  /** One line for `--help`. */
  summary: string;
  /** How many positional arguments the command takes. */
  arguments: number;
  /** Options only this command accepts (besides --json and --base-url). */
  options?: string[];
  /** Runs the command with its positional arguments. */
  run: (
    openrouter: OpenRouterProvider,
    args: string[],
    options: CliOptions,
  ) => Promise<CliResult>;
};

/** A mistake in how the CLI was called: reported with a hint to `--help`. */
export class CliUsageError extends Error {
  override readonly name = 'CliUsageError';
}
