import type { CliCommand } from '../cli-command';
import { formatTable } from '../format-table';
import {
  formatCount,
  formatPricePerMillion,
  formatText,
} from '../format-values';
import { describeSkipped } from '../skipped-warning';
import { toTerminalText } from '../terminal-text';

export const endpointsCommand: CliCommand = {
  usage: 'endpoints <author/slug>',
  summary: "List the providers serving a model, with each one's prices.",
  arguments: 1,
  async run(openrouter, [model]) {
    const result = await openrouter.models.endpoints(model);
    const name = result.name != null ? ` (${result.name})` : '';
    const count = `${result.endpoints.length} ${result.endpoints.length === 1 ? 'endpoint' : 'endpoints'}`;
    const heading = `${toTerminalText(`${result.id}${name}`)}: ${count}\n`;
    const warnings = describeSkipped(result.endpoints, {
      singular: 'endpoint',
      plural: 'endpoints',
      arrayName: 'endpoints',
    });
    if (result.endpoints.length === 0) {
      return { data: result, text: heading, warnings };
    }
    const table = formatTable(
      [
        { heading: 'PROVIDER' },
        { heading: 'TAG' },
        { heading: 'QUANT' },
        { heading: 'CONTEXT', align: 'right' },
        { heading: 'MAX OUTPUT', align: 'right' },
        { heading: 'INPUT $/M', align: 'right' },
        { heading: 'OUTPUT $/M', align: 'right' },
        { heading: 'UPTIME', align: 'right' },
        { heading: 'STATUS', align: 'right' },
      ],
      result.endpoints.map(endpoint => [
        endpoint.providerName,
        formatText(endpoint.tag),
        formatText(endpoint.quantization),
        formatCount(endpoint.contextLength),
        formatCount(endpoint.maxCompletionTokens),
        formatPricePerMillion(endpoint.pricing.prompt),
        formatPricePerMillion(endpoint.pricing.completion),
        endpoint.uptimeLast30m == null
          ? '-'
          : `${endpoint.uptimeLast30m.toFixed(1)}%`,
        formatText(endpoint.status),
      ]),
    );
    return { data: result, text: `${heading}\n${table}`, warnings };
  },
};
