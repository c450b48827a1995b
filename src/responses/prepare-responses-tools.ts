import type {
  LanguageModelV4CallOptions,
  SharedV4Warning,
} from '@ai-sdk/provider';
import { prepareOpenRouterTools } from '../chat/openrouter-prepare-tools';

/**
 * The call's tools and tool choice as the Responses API spells them. The
 * chat model's rules decide what is sent (server tools, schemas in a stable
 * order, input examples, warnings for other providers' tools); function
 * tools are then flattened (`{ type: 'function', name, parameters }`), and
 * a choice of a server tool becomes an `allowed_tools` choice, the
 * Responses API having no `openrouter:*` choice of its own.
 */
export function prepareResponsesTools({
  tools,
  toolChoice,
}: {
  tools: LanguageModelV4CallOptions['tools'];
  toolChoice: LanguageModelV4CallOptions['toolChoice'];
}): {
  tools: Array<Record<string, unknown>> | undefined;
  toolChoice: unknown;
  toolWarnings: SharedV4Warning[];
} {
  const prepared = prepareOpenRouterTools({ tools, toolChoice });
  const responsesTools = prepared.tools?.map(tool =>
    tool.type === 'function'
      ? {
          type: 'function',
          name: tool.function.name,
          ...(tool.function.description != null
            ? { description: tool.function.description }
            : {}),
          parameters: tool.function.parameters,
          ...(tool.function.strict != null
            ? { strict: tool.function.strict }
            : {}),
        }
      : tool,
  );
  const choice = prepared.toolChoice;
  let responsesChoice: unknown = choice;
  if (typeof choice === 'object' && choice != null) {
    responsesChoice =
      choice.type === 'function'
        ? { type: 'function', name: choice.function.name }
        : {
            type: 'allowed_tools',
            mode: 'required',
            tools: [{ type: choice.type }],
          };
  }
  return {
    tools: responsesTools,
    toolChoice: responsesChoice,
    toolWarnings: prepared.toolWarnings,
  };
}
