import type { OpenRouterConfig } from '../http/openrouter-config';

/**
 * What the code of a model loaded on first use needs from the model: the
 * model shell keeps these and hands them over once.
 */
export type LazyModelSource<MODEL_ID, SETTINGS> = {
  modelId: MODEL_ID;
  settings: SETTINGS;
  config: OpenRouterConfig;
};

/** Runs `load` once, on the first call, and hands out its result after. */
export function loadOnFirstUse<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () => {
    loaded ??= load();
    return loaded;
  };
}
