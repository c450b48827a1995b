import type { OpenRouterModel } from '../api/model';

/** How `models --sort` orders the list. */
export type ModelSort = 'price' | 'context' | 'newest';

export const MODEL_SORTS: readonly ModelSort[] = ['price', 'context', 'newest'];

/** The `models` command's filters; every given filter must match. */
export type ModelFilters = {
  /** Request parameters every listed model supports, e.g. `tools`. */
  supports?: string[] | undefined;
  /** Input modalities every listed model accepts. */
  inputModalities?: string[] | undefined;
  /** Output modalities every listed model produces. */
  outputModalities?: string[] | undefined;
  /** Modalities every listed model takes in or gives out. */
  modalities?: string[] | undefined;
  /** Only models whose token and request prices are all zero. */
  free?: boolean | undefined;
  sort?: ModelSort | undefined;
};

export function isFreeModel(model: OpenRouterModel) {
  return (
    model.pricing.prompt === 0 &&
    model.pricing.completion === 0 &&
    (model.pricing.request ?? 0) === 0
  );
}

export function filterModels(
  models: OpenRouterModel[],
  filters: ModelFilters,
): OpenRouterModel[] {
  const inputModalities = filters.inputModalities ?? [];
  const outputModalities = filters.outputModalities ?? [];
  const matching = models.filter(model => {
    const { architecture } = model;
    return (
      (filters.supports ?? []).every(parameter =>
        model.supportedParameters.includes(parameter),
      ) &&
      inputModalities.every(modality =>
        architecture.inputModalities.includes(modality),
      ) &&
      outputModalities.every(modality =>
        architecture.outputModalities.includes(modality),
      ) &&
      (filters.modalities ?? []).every(
        modality =>
          architecture.inputModalities.includes(modality) ||
          architecture.outputModalities.includes(modality),
      ) &&
      (!filters.free || isFreeModel(model))
    );
  });
  return filters.sort == null ? matching : sortModels(matching, filters.sort);
}

/**
 * `price`: cheapest input price first, then output price; routers whose price
 * varies (OpenRouter's -1) last. `context`: largest window first. `newest`:
 * most recently added first. Ties keep OpenRouter's order.
 */
export function sortModels(
  models: OpenRouterModel[],
  sort: ModelSort,
): OpenRouterModel[] {
  const last = Number.POSITIVE_INFINITY;
  const price = (value: number) => (value < 0 ? last : value);
  const compare: Record<
    ModelSort,
    (a: OpenRouterModel, b: OpenRouterModel) => number
  > = {
    price: (a, b) =>
      price(a.pricing.prompt) - price(b.pricing.prompt) ||
      price(a.pricing.completion) - price(b.pricing.completion),
    context: (a, b) => (b.contextLength ?? -1) - (a.contextLength ?? -1),
    newest: (a, b) => (b.created ?? -1) - (a.created ?? -1),
  };
  return [...models].sort((a, b) => {
    const order = compare[sort](a, b);
    // Infinity - Infinity is NaN: two varying prices are a tie.
    return Number.isNaN(order) ? 0 : order;
  });
}
