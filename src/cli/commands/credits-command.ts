import type { CliCommand } from '../cli-command';
import { formatDetails } from '../format-table';
import { formatUsd } from '../format-values';

export const creditsCommand: CliCommand = {
  usage: 'credits',
  summary:
    'Show credits bought, used and remaining (OPENROUTER_PROVISIONING_KEY, else OPENROUTER_API_KEY).',
  details:
    'Needs a provisioning key (OPENROUTER_PROVISIONING_KEY); without one OPENROUTER_API_KEY is sent, which OpenRouter refuses for credits.',
  arguments: 0,
  usesApi: true,
  async run({ openrouter }) {
    const credits = await openrouter.credits.get();
    const text = formatDetails([
      ['Total credits', formatUsd(credits.totalCredits)],
      ['Total usage', formatUsd(credits.totalUsage)],
      ['Remaining', formatUsd(credits.remaining)],
    ]);
    return { data: credits, text };
  },
};
