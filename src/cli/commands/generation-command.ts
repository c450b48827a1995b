import type { CliCommand } from '../cli-command';
import { formatDetails } from '../format-table';
import {
  formatBoolean,
  formatCount,
  formatText,
  formatUsd,
} from '../format-values';

export const generationCommand: CliCommand = {
  usage: 'generation <id>',
  summary: 'Show the cost and token counts of one generation (gen-…).',
  arguments: 1,
  async run(openrouter, [id]) {
    const generation = await openrouter.generations.get(id);
    const text = formatDetails([
      ['Id', generation.id],
      ['Model', formatText(generation.model)],
      ['Provider', formatText(generation.providerName)],
      ['Created', formatText(generation.createdAt)],
      ['Total cost', formatUsd(generation.totalCost)],
      ['Cache discount', formatUsd(generation.cacheDiscount)],
      ['Prompt tokens', formatCount(generation.nativeTokensPrompt)],
      ['Cached tokens', formatCount(generation.nativeTokensCached)],
      ['Completion tokens', formatCount(generation.nativeTokensCompletion)],
      ['Reasoning tokens', formatCount(generation.nativeTokensReasoning)],
      ['Finish reason', formatText(generation.finishReason)],
      ['Latency', formatText(generation.latency)],
      ['Generation time', formatText(generation.generationTime)],
      ['Streamed', formatBoolean(generation.streamed)],
      ['BYOK', formatBoolean(generation.isByok)],
    ]);
    return { data: generation, text };
  },
};
