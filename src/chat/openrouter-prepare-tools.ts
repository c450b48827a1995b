import type {
  LanguageModelV4CallOptions,
  LanguageModelV4FunctionTool,
  LanguageModelV4ProviderTool,
  SharedV4Warning,
} from '@ai-sdk/provider';
import { reuseJsonText } from '../http/request-body-json';
import { respellCamelCaseKeys } from '../options/read-options';

export type OpenRouterFunctionTool = {
  type: 'function';
  function: {
    name: string;
    description?: string | undefined;
    parameters: unknown;
    strict?: boolean | undefined;
  };
  /** Fine-grained tool input streaming (Anthropic), per tool. */
  eager_input_streaming?: boolean | undefined;
};

/**
 * An OpenRouter server tool, `{ type: 'openrouter:web_search', parameters }`,
 * as OpenRouter's published API types define it (`ChatFunctionTool`).
 */
export type OpenRouterServerTool = {
  type: `openrouter:${string}`;
  parameters?: Record<string, unknown> | undefined;
};

export type OpenRouterChatTool = OpenRouterFunctionTool | OpenRouterServerTool;

export type OpenRouterToolChoice =
  | 'auto'
  | 'none'
  | 'required'
  | { type: 'function'; function: { name: string } }
  /** OpenRouter's way to force a server tool (`ChatServerToolChoice`). */
  | { type: `openrouter:${string}` };

const SERVER_TOOL_PREFIX = 'openrouter.';

/**
 * Maps AI SDK tools and tool choice to OpenRouter's. Function tools become
 * OpenAI-style function definitions; OpenRouter's provider tools
 * (`openrouter.web_search`, …) become its server tools
 * (`openrouter:web_search`); provider tools of other providers are reported
 * as unsupported rather than silently dropped.
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
  // Server tools by the name the call gave them, for a tool choice.
  const serverToolTypes = new Map<string, `openrouter:${string}`>();
  const droppedToolNames = new Set<string>();

  for (const tool of tools ?? []) {
    switch (tool.type) {
      case 'function':
        openRouterTools.push(functionTool(tool, toolWarnings));
        break;
      case 'provider':
        if (tool.id.startsWith(SERVER_TOOL_PREFIX)) {
          const serverTool = toServerTool(tool);
          serverToolTypes.set(tool.name, serverTool.type);
          openRouterTools.push(serverTool);
        } else {
          droppedToolNames.add(tool.name);
          toolWarnings.push({
            type: 'unsupported',
            feature: `provider-defined tool ${tool.id}`,
          });
        }
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
    case 'tool': {
      const serverToolType = serverToolTypes.get(toolChoice.toolName);
      if (serverToolType != null) {
        return {
          tools: openRouterTools,
          toolChoice: { type: serverToolType },
          toolWarnings,
        };
      }
      if (droppedToolNames.has(toolChoice.toolName)) {
        toolWarnings.push({
          type: 'unsupported',
          feature: 'toolChoice',
          details: `toolChoice names "${toolChoice.toolName}", a provider tool that was not sent; the model chooses among the other tools.`,
        });
        return { tools: openRouterTools, toolChoice: undefined, toolWarnings };
      }
      return {
        tools: openRouterTools,
        toolChoice: {
          type: 'function',
          function: { name: toolChoice.toolName },
        },
        toolWarnings,
      };
    }
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

function functionTool(
  tool: LanguageModelV4FunctionTool,
  warnings: SharedV4Warning[],
): OpenRouterFunctionTool {
  const eagerInputStreaming = readEagerInputStreaming(tool, warnings);
  return {
    type: 'function',
    function: {
      name: tool.name,
      description: describeTool(tool.description, tool.inputExamples),
      parameters: canonicalizeToolSchema(tool.inputSchema),
      ...(tool.strict != null ? { strict: tool.strict } : {}),
    },
    ...(eagerInputStreaming != null
      ? { eager_input_streaming: eagerInputStreaming }
      : {}),
  };
}

/**
 * `providerOptions.openrouter.eager_input_streaming` of a function tool
 * (`eagerInputStreaming` is accepted too). It goes on the tool object,
 * beside `function`, where Anthropic reads it and where
 * `@openrouter/ai-sdk-provider` sends it; OpenRouter's published types do
 * not list it.
 */
function readEagerInputStreaming(
  tool: LanguageModelV4FunctionTool,
  warnings: SharedV4Warning[],
): boolean | undefined {
  const options = tool.providerOptions?.openrouter;
  if (options == null) {
    return undefined;
  }
  const source = `tools.${tool.name}.providerOptions.openrouter`;
  // Only the two spellings are read; other tool options are not this
  // function's to judge.
  const given: Record<string, unknown> = {};
  for (const key of ['eagerInputStreaming', 'eager_input_streaming']) {
    if (options[key] !== undefined) {
      given[key] = options[key];
    }
  }
  const respelled = respellCamelCaseKeys(given, {
    source,
    knownKeys: { eager_input_streaming: true },
    warnings,
  }) as { eager_input_streaming?: unknown };
  const value = respelled.eager_input_streaming;
  if (value == null) {
    return undefined;
  }
  if (typeof value !== 'boolean') {
    warnings.push({
      type: 'other',
      message: `${source}.eager_input_streaming must be a boolean; it was not sent.`,
    });
    return undefined;
  }
  return value;
}

/**
 * `openrouter.web_search` with `{ maxResults: 3 }` becomes
 * `{ type: 'openrouter:web_search', parameters: { max_results: 3 } }`.
 * Undefined arguments are left out, and so is `parameters` when none is
 * left.
 */
export function toServerTool(
  tool: LanguageModelV4ProviderTool,
): OpenRouterServerTool {
  const type =
    `openrouter:${tool.id.slice(SERVER_TOOL_PREFIX.length)}` as const;
  const parameters = toSnakeCaseKeys(tool.args);
  return isRecord(parameters) && Object.keys(parameters).length > 0
    ? { type, parameters }
    : { type };
}

/** Keys in snake_case at every depth; undefined values left out. */
function toSnakeCaseKeys(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(toSnakeCaseKeys);
  }
  if (!isRecord(value)) {
    return value;
  }
  const result: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (item !== undefined && key !== '__proto__') {
      result[key.replace(/[A-Z]/g, letter => `_${letter.toLowerCase()}`)] =
        toSnakeCaseKeys(item);
    }
  }
  return result;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// `ai` passes the same schema object at every step of an agent when the
// tool's schema is a `jsonSchema()` or `zodSchema()` value (or an MCP
// tool's), so each is canonicalized once; a bare zod schema is converted
// anew by `ai` at each step and misses this cache. Schemas are treated as immutable once handed to a
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
    // The canonical copy is ours and never changes: its JSON text is
    // written once and reused by every later call (request-body-json.ts).
    reuseJsonText(canonical as object);
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
    const canonical = canonicalizeSchema(
      (value as Record<string, unknown>)[key],
      !isPropertyMap &&
        (key === 'properties' ||
          key === 'patternProperties' ||
          key === '$defs' ||
          key === 'definitions'),
    );
    if (key === '__proto__') {
      // A property of that name (JSON.parse makes one); assigning it would
      // set the copy's prototype instead, and the property would be lost.
      Object.defineProperty(result, key, {
        value: canonical,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    } else {
      result[key] = canonical;
    }
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
