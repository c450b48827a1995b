import {
  WORKFLOW_DESERIALIZE,
  WORKFLOW_SERIALIZE,
} from '@ai-sdk/provider-utils';
import type { OpenRouterConfig } from '../http/openrouter-config';
import {
  deserializeOpenRouterModel,
  type SerializedOpenRouterModel,
  serializeOpenRouterModel,
} from './workflow-serialization';

/**
 * A model class as the provider calls it, typed by the public face of the
 * model it builds. Each model kind exports its class under such a type, so
 * that the published declarations describe the model (`LanguageModelV4` and
 * its settings) and none of this package's internals: the base classes, the
 * config and its credentials, the Workflow DevKit statics.
 */
export type OpenRouterModelClass<MODEL, MODEL_ID, SETTINGS> = new (
  modelId: MODEL_ID,
  settings: SETTINGS,
  config: OpenRouterConfig,
) => MODEL;

/**
 * What every OpenRouter model keeps: its id, settings and config, the
 * provider name, and the Workflow DevKit statics that store it between
 * steps as plain JSON (see `workflow-serialization.ts`). The statics are
 * inherited, and build the class they are called on.
 */
export abstract class OpenRouterModel<MODEL_ID, SETTINGS> {
  readonly specificationVersion = 'v4';
  readonly modelId: MODEL_ID;

  /** The settings the model was created with. */
  readonly settings: SETTINGS;
  protected readonly config: OpenRouterConfig;

  constructor(modelId: MODEL_ID, settings: SETTINGS, config: OpenRouterConfig) {
    this.modelId = modelId;
    this.settings = settings;
    this.config = config;
  }

  get provider(): string {
    return this.config.provider;
  }

  static [WORKFLOW_SERIALIZE]<MODEL_ID, SETTINGS>(
    model: OpenRouterModel<MODEL_ID, SETTINGS>,
  ): SerializedOpenRouterModel<MODEL_ID, SETTINGS> {
    return serializeOpenRouterModel(
      model.modelId,
      model.settings,
      model.config,
    );
  }

  static [WORKFLOW_DESERIALIZE]<MODEL_ID, SETTINGS, MODEL>(
    this: new (
      modelId: MODEL_ID,
      settings: SETTINGS,
      config: OpenRouterConfig,
    ) => MODEL,
    serialized: SerializedOpenRouterModel<MODEL_ID, SETTINGS>,
  ): MODEL {
    return new this(...deserializeOpenRouterModel(serialized));
  }
}
