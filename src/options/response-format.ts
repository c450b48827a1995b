import type { LanguageModelV4CallOptions } from '@ai-sdk/provider';

/** A JSON schema for the reply, as both OpenRouter APIs name its fields. */
export type JsonSchemaFormat = {
  name: string;
  description?: string;
  schema: unknown;
  strict: boolean;
};

/**
 * The call's `responseFormat`, the rule both language models follow: text
 * asks for nothing; JSON without a schema is `json_object`; a schema is
 * `json_schema`, strict unless the options turn strictness off. Chat nests
 * the schema under `json_schema`, the Responses API spreads it into
 * `text.format`; each wraps what this returns.
 */
export function readResponseFormat(
  responseFormat: LanguageModelV4CallOptions['responseFormat'],
  strict: boolean | undefined,
): 'json_object' | JsonSchemaFormat | undefined {
  if (responseFormat == null || responseFormat.type === 'text') {
    return undefined;
  }
  if (responseFormat.schema == null) {
    return 'json_object';
  }
  return {
    name: responseFormat.name ?? 'response',
    ...(responseFormat.description != null
      ? { description: responseFormat.description }
      : {}),
    schema: responseFormat.schema,
    strict: strict ?? true,
  };
}
