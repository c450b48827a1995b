import type { CliCommand } from '../cli-command';
import { formatDetails } from '../format-table';
import {
  formatBoolean,
  formatCount,
  formatMilliseconds,
  formatText,
  formatUsd,
} from '../format-values';

export const generationCommand: CliCommand = {
  usage: 'generation <id>',
  summary: 'Show the cost and token counts of one generation (gen-…).',
  details:
    'The id is the response id of a chat or completion call (result.response.id in the AI SDK). Needs OPENROUTER_API_KEY, of the account that made the call.',
  arguments: 1,
  usesApi: true,
  examples: ['generation gen-1767225600-sonnet45a'],
  async run({ openrouter }, [id]) {
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
      ['Latency', formatMilliseconds(generation.latency)],
      ['Moderation latency', formatMilliseconds(generation.moderationLatency)],
      ['Generation time', formatMilliseconds(generation.generationTime)],
      ['Streamed', formatBoolean(generation.streamed)],
      ['BYOK', formatBoolean(generation.isByok)],
    ]);
    return { data: generation, text };
  },
};
