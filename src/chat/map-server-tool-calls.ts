import type {
  JSONValue,
  LanguageModelV4CallOptions,
  LanguageModelV4ToolCall,
  LanguageModelV4ToolResult,
} from '@ai-sdk/provider';
import { isRecord } from '@ai-sdk/provider-utils';
import type { ToolCallIds } from './tool-call-ids';

const SERVER_TOOL_PREFIX = 'openrouter.';

/**
 * The call's server tools by the names OpenRouter gives them
 * (`openrouter:web_search`, and `web_search` alone), mapped to the names the
 * call gave them, so that a server-tool call can be reported under its own.
 */
export function serverToolNames(
  tools: LanguageModelV4CallOptions['tools'],
): ReadonlyMap<string, string> {
  const names = new Map<string, string>();
  for (const tool of tools ?? []) {
    if (tool.type === 'provider' && tool.id.startsWith(SERVER_TOOL_PREFIX)) {
      const name = tool.id.slice(SERVER_TOOL_PREFIX.length);
      names.set(`openrouter:${name}`, tool.name);
      names.set(name, tool.name);
    }
  }
  return names;
}

/**
 * A server-tool call OpenRouter made, as the AI SDK's provider-executed
 * tool call and its result. OpenRouter's chat completions show them only as
 * `reasoning.server_tool_call` entries of `reasoning_details` (its published
 * `ReasoningDetailServerToolCall`), which also travel back next turn with
 * the other details; here they also become tool parts, so that `toolCalls`,
 * `toolResults` and a `toolChoice` that names the server tool see them.
 * Undefined for any other entry, or a tool the call did not offer.
 */
export function mapServerToolCall(
  detail: unknown,
  toolNames: ReadonlyMap<string, string>,
  toolCallIds: ToolCallIds,
): [LanguageModelV4ToolCall, LanguageModelV4ToolResult] | undefined {
  if (
    toolNames.size === 0 ||
    !isRecord(detail) ||
    detail.type !== 'reasoning.server_tool_call' ||
    typeof detail.tool_name !== 'string'
  ) {
    return undefined;
  }
  const toolName = toolNames.get(detail.tool_name);
  if (toolName == null) {
    return undefined;
  }
  const toolCallId = toolCallIds.take(
    typeof detail.tool_call_id === 'string' ? detail.tool_call_id : undefined,
  );
  const input =
    typeof detail.arguments === 'string' && detail.arguments.trim() !== ''
      ? detail.arguments
      : '{}';
  return [
    { type: 'tool-call', toolCallId, toolName, input, providerExecuted: true },
    {
      type: 'tool-result',
      toolCallId,
      toolName,
      result: parseResult(detail.result),
    },
  ];
}

function parseResult(result: unknown): NonNullable<JSONValue> {
  if (typeof result !== 'string') {
    return (result ?? '') as NonNullable<JSONValue>;
  }
  try {
    return (JSON.parse(result) ?? result) as NonNullable<JSONValue>;
  } catch {
    return result;
  }
}
