import type { CliCommand, CliOptionHelp } from './cli-command';

export const NAME = 'ai-sdk-openrouter';

const WIDTH = 78;

// The options every command that talks to OpenRouter takes.
const API_OPTIONS: CliOptionHelp[] = [
  {
    flag: '--json',
    description:
      "Print JSON (the same objects the provider's utilities return, without their raw copies) instead of a table.",
  },
  {
    flag: '--base-url <url>',
    description:
      'The API root (default: OPENROUTER_BASE_URL, else https://openrouter.ai/api/v1).',
  },
];

const HELP_OPTION: CliOptionHelp = {
  flag: '-h, --help',
  description: 'Show this help.',
};

/** The overview: every command, the shared options and the environment. */
export function helpText(commands: Record<string, CliCommand>): string {
  const list = Object.values(commands)
    .map(
      command =>
        `  ${command.usage}\n${wrap(command.summary, '      ').join('\n')}\n`,
    )
    .join('');
  return `Usage: ${NAME} <command> [options]

OpenRouter's model catalogue and account from the terminal, and a local
OpenRouter emulator.

Commands:
${list}
Options:
${formatOptions([
  ...API_OPTIONS,
  {
    flag: '-h, --help',
    description: `Show this help; '${NAME} <command> --help' shows a command's.`,
  },
  { flag: '-v, --version', description: 'Show the version.' },
])}
Environment:
${formatOptions([
  {
    flag: 'OPENROUTER_API_KEY',
    description:
      'Sent by models and endpoints when set (they work without it); needed by key and generation.',
  },
  {
    flag: 'OPENROUTER_PROVISIONING_KEY',
    description: 'Used by credits (falls back to OPENROUTER_API_KEY).',
  },
  {
    flag: 'OPENROUTER_BASE_URL',
    description: 'Default for --base-url; the emulator command prints one.',
  },
])}
Exit code 0 on success, 1 with a one-line message on failure, 2 for a
mistake in the command line.
`;
}

/** One command's help: usage, what it does, its options and examples. */
export function commandHelpText(command: CliCommand): string {
  const sections = [
    `Usage: ${NAME} ${command.usage}`,
    wrap(
      command.details == null
        ? command.summary
        : `${command.summary} ${command.details}`,
    ).join('\n'),
    `Options:\n${formatOptions([
      ...(command.optionHelp ?? []),
      ...(command.usesApi ? API_OPTIONS : []),
      HELP_OPTION,
    ]).trimEnd()}`,
  ];
  if (command.examples != null && command.examples.length > 0) {
    sections.push(
      `Examples:\n${command.examples.map(example => `  ${NAME} ${example}`).join('\n')}`,
    );
  }
  return `${sections.join('\n\n')}\n`;
}

function formatOptions(options: CliOptionHelp[]): string {
  const width = Math.max(...options.map(option => option.flag.length)) + 3;
  return options
    .map(({ flag, description }) => {
      const [first, ...rest] = wrap(description, ' '.repeat(width + 2));
      return `  ${flag.padEnd(width)}${first.trimStart()}\n${rest.map(line => `${line}\n`).join('')}`;
    })
    .join('');
}

/** Words wrapped at the help's width, each line starting with `indent`. */
function wrap(text: string, indent = ''): string[] {
  const lines: string[] = [];
  let line = indent;
  for (const word of text.split(' ')) {
    if (line.length > indent.length && line.length + 1 + word.length > WIDTH) {
      lines.push(line);
      line = indent;
    }
    line += line.length > indent.length ? ` ${word}` : word;
  }
  lines.push(line);
  return lines;
}
