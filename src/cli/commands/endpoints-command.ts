import type { CliCommand } from '../cli-command';
import { formatTable } from '../format-table';
import {
  formatCount,
  formatPricePerMillion,
  formatText,
} from '../format-values';

export const endpointsCommand: CliCommand = {
  usage: 'endpoints <author/slug>',
  summary: "List the providers serving a model, with each one's prices.",
  arguments: 1,
  async run(openrouter, [model]) {
    const result = await openrouter.models.endpoints(model);
    const heading = `${result.id}${result.name != null ? ` (${result.name})` : ''}: ${result.endpoints.length} ${result.endpoints.length === 1 ? 'endpoint' : 'endpoints'}\n`;
    if (result.endpoints.length === 0) {
      return { data: result, text: heading };
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
    return { data: result, text: `${heading}\n${table}` };
  },
};
