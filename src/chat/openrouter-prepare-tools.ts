import type {
  LanguageModelV4CallOptions,
  SharedV4Warning,
} from '@ai-sdk/provider';

export type OpenRouterChatTool = {
  type: 'function';
  function: {
    name: string;
    description?: string;
    parameters: unknown;
    strict?: boolean;
  };
};

export type OpenRouterToolChoice =
  | 'auto'
  | 'none'
  | 'required'
  | { type: 'function'; function: { name: string } };

/**
 * Maps AI SDK tools and tool choice to OpenRouter's. Function tools become
 * OpenAI-style function definitions; provider tools of other providers are
 * reported as unsupported rather than silently dropped.
 */
export function prepareOpenRouterTools({
  tools,
  toolChoice,
}: {
  tools: LanguageModelV4CallOptions['tools'];
  toolChoice: LanguageModelV4CallOptions['toolChoice'];
}): {
  tools: OpenRouterChatTool[] | undefined;
  toolChoice: OpenRouterToolChoice | undefined;
  toolWarnings: SharedV4Warning[];
} {
  const toolWarnings: SharedV4Warning[] = [];
  const openRouterTools: OpenRouterChatTool[] = [];

  for (const tool of tools ?? []) {
    switch (tool.type) {
      case 'function':
        openRouterTools.push({
          type: 'function',
          function: {
            name: tool.name,
            description: describeTool(tool.description, tool.inputExamples),
            parameters: canonicalizeToolSchema(tool.inputSchema),
            ...(tool.strict != null ? { strict: tool.strict } : {}),
          },
        });
        break;
      case 'provider':
        toolWarnings.push({
          type: 'unsupported',
          feature: `provider-defined tool ${tool.id}`,
        });
        break;
      default: {
        const unknownTool: never = tool;
        toolWarnings.push({
          type: 'unsupported',
          feature: `tool type ${(unknownTool as { type: string }).type}`,
        });
      }
    }
  }

  // An empty tools array is an error for several upstreams.
  if (openRouterTools.length === 0) {
    return { tools: undefined, toolChoice: undefined, toolWarnings };
  }

  if (toolChoice == null) {
    return { tools: openRouterTools, toolChoice: undefined, toolWarnings };
  }

  switch (toolChoice.type) {
    case 'auto':
    case 'none':
    case 'required':
      return {
        tools: openRouterTools,
        toolChoice: toolChoice.type,
        toolWarnings,
      };
    case 'tool':
      return {
        tools: openRouterTools,
        toolChoice: {
          type: 'function',
          function: { name: toolChoice.toolName },
        },
        toolWarnings,
      };
    default: {
      const unknownChoice: never = toolChoice;
      toolWarnings.push({
        type: 'unsupported',
        feature: `tool choice ${(unknownChoice as { type: string }).type}`,
      });
      return { tools: openRouterTools, toolChoice: undefined, toolWarnings };
    }
  }
}

// `ai` passes the same schema objects at every step of an agent, so each is
// canonicalized once. Schemas are treated as immutable once handed to a
// call, as `ai` treats them; the canonical copy is shared and never mutated.
const canonicalSchemas = new WeakMap<object, unknown>();

/** `canonicalizeSchema`, computed once per schema object. */
export function canonicalizeToolSchema(schema: unknown): unknown {
  if (typeof schema !== 'object' || schema === null) {
    return schema;
  }
  let canonical = canonicalSchemas.get(schema);
  if (canonical === undefined) {
    canonical = canonicalizeSchema(schema);
    canonicalSchemas.set(schema, canonical);
  }
  return canonical;
}

/**
 * The schema with its keys in a stable order, so that the same tools always
 * serialise to the same bytes and prompt caches keep hitting. The order of
 * `properties` is kept: models read the fields in that order.
 */
export function canonicalizeSchema(
  value: unknown,
  isPropertyMap = false,
): unknown {
  if (Array.isArray(value)) {
    return value.map(item => canonicalizeSchema(item));
  }
  if (typeof value !== 'object' || value === null) {
    return value;
  }
  const keys = Object.keys(value);
  if (!isPropertyMap) {
    keys.sort();
  }
  const result: Record<string, unknown> = {};
  for (const key of keys) {
    result[key] = canonicalizeSchema(
      (value as Record<string, unknown>)[key],
      !isPropertyMap &&
        (key === 'properties' ||
          key === 'patternProperties' ||
          key === '$defs' ||
          key === 'definitions'),
    );
  }
  return result;
}

/**
 * OpenRouter has no field for input examples, so they are appended to the
 * description, where every model reads them.
 */
function describeTool(
  description: string | undefined,
  inputExamples: Array<{ input: unknown }> | undefined,
): string | undefined {
  if (inputExamples == null || inputExamples.length === 0) {
    return description;
  }
  const examples = inputExamples
    .map(example => JSON.stringify(example.input))
    .join('\n');
  return `${description ?? ''}${description ? '\n\n' : ''}Examples of valid input:\n${examples}`;
}
