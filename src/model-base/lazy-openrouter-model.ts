import type { OpenRouterConfig } from '../http/openrouter-config';
import { type LazyModelSource, loadOnFirstUse } from './load-on-first-use';
import { OpenRouterModel } from './openrouter-model';

/**
 * A model whose code loads on its first call (embedding and video models),
 * so an app that does not use it does not ship it. The model hands its id,
 * settings and config to the loaded implementation once.
 */
export abstract class LazyOpenRouterModel<
  MODEL_ID,
  SETTINGS,
  IMPLEMENTATION,
> extends OpenRouterModel<MODEL_ID, SETTINGS> {
  protected readonly implementation: () => Promise<IMPLEMENTATION>;

  constructor(modelId: MODEL_ID, settings: SETTINGS, config: OpenRouterConfig) {
    super(modelId, settings, config);
    this.implementation = loadOnFirstUse(() =>
      this.loadImplementation({ modelId, settings, config }),
    );
  }

  /** Imports the model's code with a dynamic `import()` and builds it. */
  protected abstract loadImplementation(
    source: LazyModelSource<MODEL_ID, SETTINGS>,
  ): Promise<IMPLEMENTATION>;
}
