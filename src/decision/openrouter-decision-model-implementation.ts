import type {
  Experimental_DecisionModelV4CallOptions as DecisionModelV4CallOptions,
  Experimental_DecisionModelV4Result as DecisionModelV4Result,
  SharedV4Warning,
} from '@ai-sdk/provider';
import { createOpenRouterJsonResponseHandler } from '../http/openrouter-response-handlers';
import { sendModelRequest } from '../http/send-openrouter-request';
import type { LazyModelSource } from '../model-base/load-on-first-use';
import { buildRequestBody } from '../options/build-request-body';
import {
  convertToOpenRouterDecisionsQuestions,
  convertToOpenRouterDecisionsState,
} from './convert-to-openrouter-decisions-request';
import {
  buildDecisionProviderMetadata,
  mapOpenRouterDecisionsAnswers,
  mapOpenRouterDecisionsUsage,
  OPENROUTER_DECISIONS_ROUNDING,
  openRouterDecisionsResponseSchema,
} from './map-openrouter-decisions-response';
import {
  type OpenRouterDecisionModelId,
  type OpenRouterDecisionSettings,
  parseOpenRouterDecisionOptions,
} from './openrouter-decision-options';

/**
 * The code of the decision model, loaded on its first call: a decision
 * model over OpenRouter's Decisions API (alpha),
 * `POST {decisionsBaseURL}/decisions`, for the AI SDK's `experimental_decide`
 * (and its deprecated alias `experimental_evaluate`). It answers `choice`,
 * `score` and `boolean` questions (OpenRouter's `noul`) about one shared
 * state; `box` questions are not offered by the API. Its config's `baseURL`
 * is the decisions base URL, so its requests stay on that origin.
 */
export class OpenRouterDecisionModelImplementation {
  constructor(
    private readonly source: LazyModelSource<
      OpenRouterDecisionModelId,
      OpenRouterDecisionSettings
    >,
  ) {}

  async doDecide(
    options: DecisionModelV4CallOptions,
  ): Promise<DecisionModelV4Result> {
    const { abortSignal, headers } = options;
    const { body, warnings } = this.getArgs(options);
    const url = `${this.source.config.baseURL}/decisions`;

    // Built apart so that `readAnswer` below is typed by what it reads.
    const successfulResponseHandler = createOpenRouterJsonResponseHandler(
      openRouterDecisionsResponseSchema,
    );
    const {
      value: response,
      rawValue,
      responseHeaders,
      mapped,
    } = await sendModelRequest(this.source.config, {
      method: 'POST',
      url,
      callHeaders: headers,
      body,
      successfulResponseHandler,
      abortSignal,
      readAnswer: answer => ({
        ...answer,
        mapped: mapOpenRouterDecisionsAnswers(answer.value, answer.rawValue),
      }),
    });

    const usage = mapOpenRouterDecisionsUsage(response.usage);
    return {
      answers: mapped.answers,
      rounding: { ...OPENROUTER_DECISIONS_ROUNDING },
      ...(usage != null ? { usage } : {}),
      warnings,
      providerMetadata: buildDecisionProviderMetadata(
        response,
        mapped.answerMetadata,
      ),
      response: {
        ...(response.id != null ? { id: response.id } : {}),
        ...(response.model != null ? { modelId: response.model } : {}),
        ...(responseHeaders != null ? { headers: responseHeaders } : {}),
        body: rawValue,
      },
    };
  }

  private getArgs({
    state,
    questions,
    maxOutputTokens,
    reasoning,
    providerOptions,
  }: DecisionModelV4CallOptions) {
    const warnings: SharedV4Warning[] = [];
    if (maxOutputTokens != null) {
      warnings.push({
        type: 'unsupported',
        feature: 'maxOutputTokens',
        details:
          "OpenRouter's Decisions API has no output token limit; maxOutputTokens was not sent.",
      });
    }
    if (reasoning != null && reasoning !== 'provider-default') {
      warnings.push({
        type: 'unsupported',
        feature: 'reasoning',
        details: `OpenRouter's Decisions API takes no reasoning effort; reasoning "${reasoning}" was not sent.`,
      });
    }

    const fixed = {
      model: this.source.modelId,
      state: convertToOpenRouterDecisionsState(state),
      questions: convertToOpenRouterDecisionsQuestions(questions, {
        modelId: this.source.modelId,
        provider: this.source.config.provider,
      }),
    };
    const body = buildRequestBody({
      fixed,
      layers: [
        { source: 'extraBody', values: this.source.config.extraBody },
        {
          source: 'model settings',
          values: parseOpenRouterDecisionOptions(
            this.source.settings,
            'settings',
            warnings,
          ),
        },
        {
          source: 'providerOptions.openrouter',
          values: parseOpenRouterDecisionOptions(
            providerOptions?.openrouter,
            'providerOptions.openrouter',
            warnings,
          ),
        },
      ],
      reservedKeys: ['model', 'state', 'questions'],
      warnings,
    });
    return { body, warnings };
  }
}
