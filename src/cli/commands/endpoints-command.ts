import type { CliCommand } from '../cli-command';
import { formatTable } from '../format-table';
import {
  ENDPOINT_STATUS_LEGEND,
  formatCount,
  formatEndpointStatus,
  formatPricePerMillion,
  formatText,
  PRICE_LEGEND,
} from '../format-values';
import { describeSkipped } from '../skipped-warning';
import { toTerminalText } from '../terminal-text';

export const endpointsCommand: CliCommand = {
  usage: 'endpoints <author/slug>',
  summary: "List the providers serving a model, with each one's prices.",
  details:
    'Works without a key, like models. UPTIME is over the last 30 minutes; STATUS is ok, or degraded with the number OpenRouter sends.',
  arguments: 1,
  usesApi: true,
  examples: [
    'endpoints anthropic/claude-sonnet-4.5',
    'endpoints deepseek/deepseek-r1-0528:free --json',
  ],
  async run({ openrouter }, [model]) {
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
        { heading: 'CONTEXT TOKENS', align: 'right' },
        { heading: 'MAX OUTPUT TOKENS', align: 'right' },
        { heading: 'INPUT $/M', align: 'right' },
        { heading: 'OUTPUT $/M', align: 'right' },
        { heading: 'UPTIME (30 MIN)', align: 'right' },
        { heading: 'STATUS' },
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
        formatEndpointStatus(endpoint.status),
      ]),
    );
    const legends = [PRICE_LEGEND];
    if (
      result.endpoints.some(
        endpoint => endpoint.status != null && endpoint.status !== 0,
      )
    ) {
      legends.push(ENDPOINT_STATUS_LEGEND);
    }
    return {
      data: result,
      text: `${heading}\n${table}\n${legends.map(line => `${line}\n`).join('')}`,
      warnings,
    };
  },
};
