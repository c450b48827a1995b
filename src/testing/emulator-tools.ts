import { isRecord } from '@ai-sdk/provider-utils';
import { EMULATED_IMAGE_BASE64 } from './emulator-attachments';
import { synthesizeFromSchema } from './emulator-json-schema';

/**
 * When the emulated model uses a tool, and what OpenRouter's server tools
 * return. The rule is meant to be predictable, so a test can say which
 * replies call a tool without reading the emulator:
 *
 * 1. `tool_choice: 'none'`, or tool results as the last messages (it then
 *    answers from them): no tool.
 * 2. `tool_choice` naming a tool (`{ type: 'function', function: { name } }`
 *    or `{ type: 'openrouter:web_search' }`): that tool, if it was offered.
 * 3. Otherwise every offered tool whose name the last user message mentions
 *    (`weather` in "What's the weather?"; case, `_`, `-` and spaces between
 *    words do not matter, so "web search" names `web_search`).
 * 4. `tool_choice: 'required'` and no tool named: the first tool offered.
 *
 * Function tools are called for the client to run: the reply ends with
 * finish reason `tool_calls`. Server tools (`openrouter:*`) run "on
 * OpenRouter's side": the reply carries each call and its result as a
 * `reasoning.server_tool_call` entry of `reasoning_details`, then answers
 * from the results with finish reason `stop`.
 */

export type OfferedTool =
  | { kind: 'function'; name: string; parameters: unknown }
  | {
      kind: 'server';
      /** OpenRouter's type, e.g. `openrouter:web_search`. */
      type: string;
      /** The type without its prefix, e.g. `web_search`. */
      name: string;
      parameters: Record<string, unknown>;
    };

const SERVER_TOOL_PREFIX = 'openrouter:';

export function offeredTools(tools: unknown): OfferedTool[] {
  if (!Array.isArray(tools)) {
    return [];
  }
  return tools.flatMap((tool): OfferedTool[] => {
    if (!isRecord(tool)) {
      return [];
    }
    if (
      typeof tool.type === 'string' &&
      tool.type.startsWith(SERVER_TOOL_PREFIX)
    ) {
      return [
        {
          kind: 'server',
          type: tool.type,
          name: tool.type.slice(SERVER_TOOL_PREFIX.length),
          // Our provider nests the arguments under `parameters`; the
          // incumbent sends them flat beside `type`.
          parameters: isRecord(tool.parameters) ? tool.parameters : tool,
        },
      ];
    }
    const definition = tool.function;
    return isRecord(definition) && typeof definition.name === 'string'
      ? [
          {
            kind: 'function',
            name: definition.name,
            parameters: definition.parameters,
          },
        ]
      : [];
  });
}

/** Whether `text` mentions `name` as a word of its own. */
export function mentionsName(text: string, name: string) {
  const words = name
    .split(/[_\-\s]+/)
    .filter(Boolean)
    .map(word => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  if (words.length === 0) {
    return false;
  }
  return new RegExp(
    `(?<![\\p{L}\\p{N}])${words.join('[_\\-\\s]*')}(?![\\p{L}\\p{N}])`,
    'iu',
  ).test(text);
}

/** The tools the emulated model uses for this request, by the rule above. */
export function chooseTools(
  tools: OfferedTool[],
  toolChoice: unknown,
  said: string,
): OfferedTool[] {
  if (tools.length === 0 || toolChoice === 'none') {
    return [];
  }
  if (isRecord(toolChoice)) {
    const forcedName = isRecord(toolChoice.function)
      ? toolChoice.function.name
      : undefined;
    const forced = tools.find(tool =>
      tool.kind === 'function'
        ? toolChoice.type === 'function' && tool.name === forcedName
        : tool.type === toolChoice.type,
    );
    return forced == null ? [] : [forced];
  }
  const named = tools.filter(tool => mentionsName(said, tool.name));
  if (named.length > 0) {
    return named;
  }
  return toolChoice === 'required' ? [tools[0]] : [];
}

export type EmulatedToolCall = { id: string; name: string; arguments: string };

/** A server tool the emulated OpenRouter ran, as its reply reports it. */
export type EmulatedServerToolCall = {
  /** `openrouter:web_search`, … */
  toolName: string;
  id: string;
  arguments: string;
  result: string;
  /** What the model says about the result. */
  summary: string;
  /** URL citations the call backs (web search). */
  citations: unknown[];
  /** Images the call made (image generation). */
  images: unknown[];
  /**
   * The type of its output item on `/responses`, when not the tool's own
   * (`web_search_call`, OpenAI's native item). @default toolName
   */
  itemType?: string | undefined;
};

/** The emulated web search's results: the same two for every query. */
export function searchResults(query: string) {
  const clean = wellFormed(query);
  const topic = encodeURIComponent(clean || 'openrouter');
  return [
    {
      url: `https://example.com/search/${topic}`,
      title: 'Emulated search result',
      content: `What the web says about ${clean || 'OpenRouter'}.`,
    },
    {
      url: 'https://openrouter.ai/docs',
      title: 'OpenRouter documentation',
      content: 'OpenRouter documentation.',
    },
  ];
}

/** Search results as OpenRouter's `url_citation` annotations. */
export function urlCitations(query: string) {
  return searchResults(query).map((result, index) => ({
    type: 'url_citation',
    url_citation: {
      url: result.url,
      title: result.title,
      // The second result has no excerpt, as some real citations do not.
      ...(index === 0 ? { content: result.content } : {}),
      start_index: index === 0 ? 0 : 6,
      end_index: index === 0 ? 5 : 10,
    },
  }));
}

/**
 * Lone surrogates replaced, as `encodeURIComponent` throws on them and a
 * prompt (or a cut through a pair) may hold one.
 */
export function wellFormed(text: string) {
  return text.replace(
    /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    '\uFFFD',
  );
}

/**
 * Runs a server tool as the emulated OpenRouter: deterministic arguments
 * from the prompt, and a deterministic result. `created` (Unix seconds of
 * the reply) is the emulated clock of `openrouter:datetime`.
 */
export function runServerTool(
  tool: Extract<OfferedTool, { kind: 'server' }>,
  said: string,
  id: string,
  created: number,
): EmulatedServerToolCall {
  // Only the start of the prompt: the query is repeated in citations and
  // in a stream, and a whole prompt in each would multiply it.
  const query = wellFormed(said.slice(0, 200));
  const base = { toolName: tool.type, id, citations: [], images: [] };
  switch (tool.name) {
    case 'web_search': {
      const results = searchResults(query);
      return {
        ...base,
        arguments: JSON.stringify({ query }),
        result: JSON.stringify(results),
        summary: `I searched the web for "${query}" and found ${results.length} results.`,
        citations: urlCitations(query),
      };
    }
    case 'web_fetch': {
      const url =
        /https?:\/\/[^\s"'<>]+/.exec(said)?.[0] ?? 'https://openrouter.ai/docs';
      return {
        ...base,
        arguments: JSON.stringify({ url }),
        result: JSON.stringify({
          url,
          title: 'Emulated page',
          content: `The emulated content of ${url}.`,
        }),
        summary: `I fetched ${url}.`,
      };
    }
    case 'datetime': {
      const timezone =
        typeof tool.parameters.timezone === 'string'
          ? tool.parameters.timezone
          : 'UTC';
      const datetime = new Date(created * 1000).toISOString();
      return {
        ...base,
        arguments: JSON.stringify({ timezone }),
        result: JSON.stringify({ datetime, timezone }),
        summary: `It is ${datetime} (${timezone}).`,
      };
    }
    case 'image_generation':
      return {
        ...base,
        arguments: JSON.stringify({ prompt: query }),
        result: JSON.stringify({ status: 'completed', images: 1 }),
        summary: `Here is an image of ${query || 'something'}.`,
        images: [
          {
            type: 'image_url',
            image_url: {
              url: `data:image/png;base64,${EMULATED_IMAGE_BASE64}`,
            },
          },
        ],
      };
    default:
      // A server tool the emulator does not know: called with no
      // arguments, it reports that it ran.
      return {
        ...base,
        arguments: '{}',
        result: JSON.stringify({ status: 'completed' }),
        summary: `I used ${tool.type}.`,
      };
  }
}

/** A function tool call with arguments made from the tool's JSON schema. */
export function callFunctionTool(
  tool: Extract<OfferedTool, { kind: 'function' }>,
  said: string,
  id: string,
): EmulatedToolCall {
  return {
    id,
    name: tool.name,
    arguments: JSON.stringify(
      synthesizeFromSchema(tool.parameters, { text: said }),
    ),
  };
}

/** A server tool call as a `reasoning_details` entry. */
export function serverToolCallDetail(
  call: EmulatedServerToolCall,
  index: number,
) {
  return {
    type: 'reasoning.server_tool_call',
    index,
    tool_call_id: call.id,
    tool_name: call.toolName,
    arguments: call.arguments,
    result: call.result,
  };
}
