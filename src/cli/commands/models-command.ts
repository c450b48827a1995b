import { type CliCommand, CliUsageError } from '../cli-command';
import { didYouMean } from '../did-you-mean';
import { filterModels, MODEL_SORTS, type ModelSort } from '../filter-models';
import { formatTable } from '../format-table';
import {
  formatCount,
  formatPricePerMillion,
  formatText,
  PRICE_LEGEND,
} from '../format-values';
import { describeSkipped } from '../skipped-warning';
import {
  checkSupportsInCatalogue,
  checkSupportsSpelling,
} from '../supported-parameters';

export const modelsCommand: CliCommand = {
  usage:
    'models [--supports <param>] [--input-modality <m>] [--output-modality <m>] [--modality <m>] [--free] [--sort price|context|newest]',
  summary: 'List models, prices in USD per million tokens.',
  details:
    'Works without a key: OpenRouter serves its catalogue to anyone, and OPENROUTER_API_KEY is sent when it is set. Filters repeat and combine; every one must match.',
  arguments: 0,
  usesApi: true,
  options: [
    'supports',
    'input-modality',
    'output-modality',
    'modality',
    'free',
    'sort',
  ],
  optionHelp: [
    {
      flag: '--supports <param>',
      description:
        'Only models that accept this request parameter, e.g. tools, reasoning, structured_outputs.',
    },
    {
      flag: '--input-modality <m>',
      description:
        'Only models that take this input: text, image, file, audio, video.',
    },
    {
      flag: '--output-modality <m>',
      description:
        'Only models that produce this output: text, image, embeddings, audio, video, speech, transcription, rerank.',
    },
    {
      flag: '--modality <m>',
      description: 'Only models that take or produce this modality.',
    },
    { flag: '--free', description: 'Only models without any charge.' },
    {
      flag: '--sort price|context|newest',
      description:
        'Cheapest input first, largest context window first, or newest first.',
    },
  ],
  examples: [
    'models --supports tools --sort price',
    'models --output-modality image',
    'models --output-modality transcription',
    'models --free --sort context --json',
  ],
  async run({ openrouter }, _args, options) {
    if (
      options.sort != null &&
      !MODEL_SORTS.includes(options.sort as ModelSort)
    ) {
      throw new CliUsageError(
        `--sort must be one of ${MODEL_SORTS.join(', ')}, got "${options.sort}".${didYouMean(options.sort, MODEL_SORTS)}`,
      );
    }
    checkSupportsSpelling(options.supports);
    // The API filters by supported parameters as well, but how it combines
    // several is undocumented, so the list is filtered here too.
    // OpenRouter lists only text models unless other outputs are named.
    const all = await openrouter.models.list({
      ...(options.supports.length > 0
        ? { supportedParameters: options.supports }
        : {}),
      ...(options.outputModalities.length > 0
        ? { outputModalities: options.outputModalities }
        : {}),
    });
    checkSupportsInCatalogue(options.supports, all);
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
        { heading: 'CONTEXT TOKENS', align: 'right' },
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
    const count = `${models.length} ${models.length === 1 ? 'model' : 'models'}. ${PRICE_LEGEND}\n`;
    return { data: models, text: `${table}\n${count}`, warnings };
  },
};
