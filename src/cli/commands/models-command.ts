import { type CliCommand, CliUsageError } from '../cli-command';
import { filterModels, MODEL_SORTS, type ModelSort } from '../filter-models';
import { formatTable } from '../format-table';
import {
  formatCount,
  formatPricePerMillion,
  formatText,
} from '../format-values';
import { describeSkipped } from '../skipped-warning';

export const modelsCommand: CliCommand = {
  usage:
    'models [--supports <param>] [--input-modality <m>] [--output-modality <m>] [--modality <m>] [--free] [--sort price|context|newest]',
  summary: 'List models, prices in USD per million tokens.',
  arguments: 0,
  options: [
    'supports',
    'input-modality',
    'output-modality',
    'modality',
    'free',
    'sort',
  ],
  async run(openrouter, _args, options) {
    if (
      options.sort != null &&
      !MODEL_SORTS.includes(options.sort as ModelSort)
    ) {
      throw new CliUsageError(
        `--sort must be one of ${MODEL_SORTS.join(', ')}, got "${options.sort}"`,
      );
    }
    // The API filters by supported parameters as well, but how it combines
    // several is undocumented, so the list is filtered here too.
    const all = await openrouter.models.list(
      options.supports.length > 0
        ? { supportedParameters: options.supports }
        : undefined,
    );
    const models = filterModels(all, {
      supports: options.supports,
      inputModalities: options.inputModalities,
      outputModalities: options.outputModalities,
      modalities: options.modalities,
      free: options.free,
      sort: options.sort as ModelSort | undefined,
    });
    const warnings = describeSkipped(all, {
      singular: 'model',
      plural: 'models',
      arrayName: 'data',
    });
    if (models.length === 0) {
      return { data: models, text: 'No models match.\n', warnings };
    }
    const table = formatTable(
      [
        { heading: 'MODEL' },
        { heading: 'CONTEXT', align: 'right' },
        { heading: 'INPUT $/M', align: 'right' },
        { heading: 'OUTPUT $/M', align: 'right' },
        { heading: 'MODALITY' },
      ],
      models.map(model => [
        model.id,
        formatCount(model.contextLength),
        formatPricePerMillion(model.pricing.prompt),
        formatPricePerMillion(model.pricing.completion),
        formatText(model.architecture.modality),
      ]),
    );
    const count = `${models.length} ${models.length === 1 ? 'model' : 'models'}\n`;
    return { data: models, text: `${table}\n${count}`, warnings };
  },
};
