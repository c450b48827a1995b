import type { OpenRouterConfig } from '../http/openrouter-config';
import { type LazyModelSource, loadOnFirstUse } from './load-on-first-use';

/**
 * A model whose code loads on its first call (completion, embedding, image
 * and video models), so an app that does not use it does not ship it. The
 * model keeps its id, settings and config, and hands them to the loaded
 * implementation once.
 */
export abstract class LazyOpenRouterModel<MODEL_ID, SETTINGS, IMPLEMENTATION> {
  readonly specificationVersion = 'v4';
  readonly modelId: MODEL_ID;

  protected readonly settings: SETTINGS;
  protected readonly config: OpenRouterConfig;
  protected readonly implementation: () => Promise<IMPLEMENTATION>;

  constructor(modelId: MODEL_ID, settings: SETTINGS, config: OpenRouterConfig) {
    this.modelId = modelId;
    this.settings = settings;
    this.config = config;
    this.implementation = loadOnFirstUse(() =>
      this.loadImplementation({ modelId, settings, config }),
    );
  }

  get provider(): string {
    return this.config.provider;
  }

  /** Imports the model's code with a dynamic `import()` and builds it. */
  protected abstract loadImplementation(
    source: LazyModelSource<MODEL_ID, SETTINGS>,
  ): Promise<IMPLEMENTATION>;
}
