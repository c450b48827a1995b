import type { OpenRouterModel } from '../api/model';
import { CliUsageError } from './cli-command';
import { didYouMean } from './did-you-mean';

/**
 * The request parameters OpenRouter's API types list for a model's
 * `supported_parameters` (the `Parameter` enum of `@openrouter/sdk`).
 * OpenRouter may add more; the catalogue itself says which exist.
 */
export const KNOWN_SUPPORTED_PARAMETERS: readonly string[] = [
  'temperature',
  'top_p',
  'top_k',
  'min_p',
  'top_a',
  'frequency_penalty',
  'presence_penalty',
  'repetition_penalty',
  'max_tokens',
  'max_completion_tokens',
  'logit_bias',
  'logprobs',
  'top_logprobs',
  'prediction',
  'seed',
  'response_format',
  'structured_outputs',
  'stop',
  'tools',
  'tool_choice',
  'parallel_tool_calls',
  'include_reasoning',
  'reasoning',
  'reasoning_effort',
  'web_search_options',
  'verbosity',
];

/**
 * Before any request: a `--supports` value that is not a known parameter
 * but close to one is a typo, refused with the suggestion. Other unknown
 * values wait for the catalogue (see `checkSupportsInCatalogue`), which
 * may list parameters newer than this package.
 */
export function checkSupportsSpelling(values: readonly string[]) {
  for (const value of values) {
    if (KNOWN_SUPPORTED_PARAMETERS.includes(value)) {
      continue;
    }
    const suggestion = didYouMean(value, KNOWN_SUPPORTED_PARAMETERS);
    if (suggestion !== '') {
      throw new CliUsageError(
        `--supports ${JSON.stringify(value)} is not a request parameter OpenRouter lists.${suggestion}`,
      );
    }
  }
}

/**
 * After the catalogue arrived: a `--supports` value that neither this
 * package nor any model of the answer knows is an error rather than an
 * empty list, which would read as "no model supports it".
 */
export function checkSupportsInCatalogue(
  values: readonly string[],
  models: readonly OpenRouterModel[],
) {
  const known = new Set(KNOWN_SUPPORTED_PARAMETERS);
  for (const model of models) {
    for (const parameter of model.supportedParameters) {
      known.add(parameter);
    }
  }
  for (const value of values) {
    if (!known.has(value)) {
      throw new CliUsageError(
        `--supports ${JSON.stringify(value)} is not a request parameter OpenRouter lists. Known parameters: ${KNOWN_SUPPORTED_PARAMETERS.join(', ')}`,
      );
    }
  }
}
