import type {
  LanguageModelV4CallOptions,
  SharedV4Warning,
} from '@ai-sdk/provider';

export type OpenRouterReasoningRequest = {
  effort?: 'xhigh' | 'high' | 'medium' | 'low' | 'minimal' | 'none' | undefined;
  enabled?: boolean | undefined;
};

/**
 * The AI SDK's top-level `reasoning` call option as OpenRouter's `reasoning`
 * object. `provider-default` sends nothing, so the model's own default holds;
 * `max` has no OpenRouter equivalent and becomes the highest effort there is.
 */
export function mapOpenRouterReasoningOption(
  reasoning: LanguageModelV4CallOptions['reasoning'],
  warnings: SharedV4Warning[],
): OpenRouterReasoningRequest | undefined {
  switch (reasoning) {
    case undefined:
    case 'provider-default':
      return undefined;
    case 'none':
      return { enabled: false };
    case 'minimal':
    case 'low':
    case 'medium':
    case 'high':
    case 'xhigh':
      return { effort: reasoning };
    case 'max':
      warnings.push({
        type: 'compatibility',
        feature: 'reasoning',
        details:
          "OpenRouter has no 'max' effort; it was sent as 'xhigh', the highest.",
      });
      return { effort: 'xhigh' };
    default: {
      const unknownReasoning: never = reasoning;
      warnings.push({
        type: 'unsupported',
        feature: `reasoning ${String(unknownReasoning)}`,
      });
      return undefined;
    }
  }
}
