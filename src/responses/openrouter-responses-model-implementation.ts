import {
  InvalidArgumentError,
  type LanguageModelV4CallOptions,
  type LanguageModelV4GenerateResult,
  type LanguageModelV4StreamResult,
  type SharedV4Warning,
} from '@ai-sdk/provider';
import { collectToolCallIds } from '../chat/convert-to-openrouter-chat-messages';
import { serverToolNames } from '../chat/map-server-tool-calls';
import type { OpenRouterConfig } from '../http/openrouter-config';
import type { LazyModelSource } from '../model-base/load-on-first-use';
import { buildRequestBody } from '../options/build-request-body';
import { readResponseFormat } from '../options/response-format';
import { streamModelRequest } from '../sse/stream-model-request';
import { convertToOpenRouterResponsesInput } from './convert-to-openrouter-responses-input';
import { generateOpenRouterResponses } from './generate-openrouter-responses';
import {
  type OpenRouterResponsesModelId,
  type OpenRouterResponsesSettings,
  parseOpenRouterResponsesOptions,
} from './openrouter-responses-options';
import { OpenRouterResponsesStreamState } from './openrouter-responses-stream-state';
import { prepareResponsesTools } from './prepare-responses-tools';
import {
  handsOnResponsesEventObjects,
  validateResponsesEvent,
} from './responses-stream-event';

const ENCRYPTED_REASONING = 'reasoning.encrypted_content';

/** Body keys that only this provider sets; options cannot override them. */
const RESERVED_BODY_KEYS = ['model', 'input', 'stream', 'tools', 'store'];

/** The code of the Responses model, loaded on its first call. */
export class OpenRouterResponsesModelImplementation {
  private readonly modelId: OpenRouterResponsesModelId;
  private readonly settings: OpenRouterResponsesSettings;
  private readonly config: OpenRouterConfig;

  constructor({
    modelId,
    settings,
    config,
  }: LazyModelSource<OpenRouterResponsesModelId, OpenRouterResponsesSettings>) {
    this.modelId = modelId;
    this.settings = settings;
    this.config = config;
  }

  getArgs(options: LanguageModelV4CallOptions) {
    const warnings: SharedV4Warning[] = [];
    const modelOptions = parseOpenRouterResponsesOptions(
      this.settings,
      'settings',
    );
    const callOptions = parseOpenRouterResponsesOptions(
      options.providerOptions?.openrouter,
      'providerOptions.openrouter',
    );
    warnings.push(
      ...(modelOptions?.warnings ?? []),
      ...(callOptions?.warnings ?? []),
    );
    if (options.stopSequences != null && options.stopSequences.length > 0) {
      warnings.push({
        type: 'unsupported',
        feature: 'stopSequences',
        details: 'The Responses API has no stop sequences; they were not sent.',
      });
    }
    if (options.seed != null) {
      warnings.push({
        type: 'unsupported',
        feature: 'seed',
        details: 'The Responses API has no seed; it was not sent.',
      });
    }

    const { tools, toolChoice, toolWarnings } = prepareResponsesTools({
      tools: options.tools,
      toolChoice: options.toolChoice,
    });
    warnings.push(...toolWarnings);

    const { instructions, input, replaysEncryptedReasoning } =
      convertToOpenRouterResponsesInput(options.prompt, warnings);

    const format = convertResponseFormat(
      options.responseFormat,
      callOptions?.strictJsonSchema ?? modelOptions?.strictJsonSchema,
    );
    const body = buildRequestBody({
      fixed: { model: this.modelId, input, store: false },
      layers: [
        { source: 'extraBody', values: this.config.extraBody },
        { source: 'model settings', values: modelOptions?.body },
        {
          source: 'call settings',
          values: {
            max_output_tokens: options.maxOutputTokens,
            temperature: options.temperature,
            top_p: options.topP,
            top_k: options.topK,
            frequency_penalty: options.frequencyPenalty,
            presence_penalty: options.presencePenalty,
            tool_choice: toolChoice,
            reasoning: mapReasoningOption(options.reasoning),
          },
        },
        { source: 'providerOptions.openrouter', values: callOptions?.body },
      ],
      reservedKeys: RESERVED_BODY_KEYS,
      warnings,
    });

    if (body.previous_response_id != null) {
      throw new InvalidArgumentError({
        argument: 'previous_response_id',
        message:
          'OpenRouter refuses previous_response_id: its Responses API is stateless, and this provider sends the whole conversation in input instead. Leave previous_response_id out.',
      });
    }
    delete body.previous_response_id;

    // The prompt's system messages win over an `instructions` option.
    if (instructions != null) {
      if (body.instructions != null) {
        warnings.push({
          type: 'other',
          message:
            'The prompt has a system message, which was sent as instructions; the instructions option was ignored.',
        });
      }
      body.instructions = instructions;
    }

    // The call's response format goes in `text.format`, beside a
    // verbosity the options set; a format the options set wins.
    if (format != null) {
      const text = (body.text ?? {}) as Record<string, unknown>;
      body.text = { format, ...text };
    }

    // Encrypted reasoning is what lets the next turn (a tool loop's next
    // step) continue the model's thinking; it comes only when asked for.
    // It is not asked for without reasoning: some upstreams refuse it then.
    if (replaysEncryptedReasoning || reasoningIsOn(body.reasoning)) {
      const include = Array.isArray(body.include) ? body.include : [];
      if (!include.includes(ENCRYPTED_REASONING)) {
        body.include = [...include, ENCRYPTED_REASONING];
      }
    }

    // Tools are set last: no option may replace the definitions the call
    // gave, or the model would be offered tools the SDK cannot execute.
    if (tools != null) {
      body.tools = tools;
    } else {
      delete body.tool_choice;
    }

    return { args: body, warnings };
  }

  async doGenerate(
    options: LanguageModelV4CallOptions,
  ): Promise<LanguageModelV4GenerateResult> {
    const { args, warnings } = this.getArgs(options);
    return generateOpenRouterResponses({
      config: this.config,
      args,
      warnings,
      options,
    });
  }

  async doStream(
    options: LanguageModelV4CallOptions,
  ): Promise<LanguageModelV4StreamResult> {
    const { args, warnings } = this.getArgs(options);
    const url = `${this.config.baseURL}/responses`;
    // Usage comes with the terminal event; there are no stream options.
    const body = { ...args, stream: true };
    return streamModelRequest({
      config: this.config,
      url,
      body,
      warnings,
      options,
      validateChunk: validateResponsesEvent,
      handsOnObjects: handsOnResponsesEventObjects,
      context: {
        previousToolCallIds: collectToolCallIds(options.prompt),
        serverTools: serverToolNames(options.tools),
      },
      createState: (context, output) =>
        new OpenRouterResponsesStreamState(context, output),
    });
  }
}

/**
 * The AI SDK's `reasoning` call option as the Responses `reasoning` object:
 * every effort the AI SDK has, `max` included, exists here.
 */
function mapReasoningOption(
  reasoning: LanguageModelV4CallOptions['reasoning'],
): { effort: string } | undefined {
  return reasoning == null || reasoning === 'provider-default'
    ? undefined
    : { effort: reasoning };
}

function reasoningIsOn(reasoning: unknown) {
  if (typeof reasoning !== 'object' || reasoning === null) {
    return false;
  }
  const { effort, enabled } = reasoning as {
    effort?: unknown;
    enabled?: unknown;
  };
  return effort !== 'none' && enabled !== false;
}

/** `responseFormat` in this API's words (see `readResponseFormat`). */
function convertResponseFormat(
  responseFormat: LanguageModelV4CallOptions['responseFormat'],
  strict: boolean | undefined,
) {
  const format = readResponseFormat(responseFormat, strict);
  if (format === undefined) {
    return undefined;
  }
  if (format === 'json_object') {
    return { type: 'json_object' };
  }
  // The Responses API's `text.format` holds the schema's fields flat.
  return { type: 'json_schema', ...format };
}
