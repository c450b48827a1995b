import type { CliCommand } from '../cli-command';
import { formatDetails } from '../format-table';
import { formatBoolean, formatText, formatUsd } from '../format-values';

export const keyCommand: CliCommand = {
  usage: 'key',
  summary: 'Show the limit and usage of the API key (OPENROUTER_API_KEY).',
  arguments: 0,
  usesApi: true,
  async run({ openrouter }) {
    const key = await openrouter.keys.current();
    const text = formatDetails([
      ['Label', formatText(key.label)],
      ['Limit', key.limit == null ? 'none' : formatUsd(key.limit)],
      [
        'Limit remaining',
        key.limitRemaining == null ? '-' : formatUsd(key.limitRemaining),
      ],
      ['Limit reset', key.limitReset ?? 'never'],
      ['Usage (all time)', formatUsd(key.usage)],
      ['Usage (today)', formatUsd(key.usageDaily)],
      ['Usage (this week)', formatUsd(key.usageWeekly)],
      ['Usage (this month)', formatUsd(key.usageMonthly)],
      ['BYOK usage', formatUsd(key.byokUsage)],
      ['BYOK in limit', formatBoolean(key.includeByokInLimit)],
      ['Free tier', formatBoolean(key.isFreeTier)],
      ['Provisioning key', formatBoolean(key.isProvisioningKey)],
    ]);
    return { data: key, text };
  },
};
