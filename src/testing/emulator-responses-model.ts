import { isRecord } from '@ai-sdk/provider-utils';
import type { EmulatedChatReply } from './emulator-chat-model';
import { sign } from './emulator-reasoning';
import type { EmulatorReply } from './emulator-routes';

/**
 * The emulator's Responses API (`POST /responses`): the request is checked
 * as OpenRouter's validator checks it, read as a chat request so that the
 * default model (and a scripted reply) answers it as it answers chat, and
 * the answer is written in the Responses shapes: output items, the event
 * grammar of OpenRouter's published types, usage with cost.
 */

const ENCRYPTED_PREFIX = 'emu-rs-';

type ResponsesRequest = Record<string, unknown>;

/**
 * OpenRouter's answer to an invalid Responses request: HTTP 400 with the
 * validator's issues as a JSON string in the top-level `metadata.raw`.
 */
export function invalidResponsesRequest(
  issues: Array<{ path: Array<string | number>; message: string }>,
  message = 'Invalid Responses API request',
): EmulatorReply {
  return {
    type: 'json',
    status: 400,
    body: {
      error: { code: 'invalid_prompt', message },
      metadata: { raw: JSON.stringify(issues) },
    },
  };
}

/**
 * The request as a chat request, or the validator's refusal. Checks what
 * OpenRouter refuses (`store`, `previous_response_id`, an image without
 * `detail`, an assistant output message without `id`, a call output without
 * its call, a reasoning item without `id` or `summary`) and that replayed
 * encrypted reasoning is intact and comes back with the calls it preceded.
 */
export function responsesRequestToChat(
  body: ResponsesRequest,
): { chat: Record<string, unknown> } | { refusal: EmulatorReply } {
  const issues: Array<{ path: Array<string | number>; message: string }> = [];
  if (body.store != null && body.store !== false) {
    issues.push({ path: ['store'], message: 'Invalid input: expected false' });
  }
  if (body.previous_response_id != null) {
    issues.push({
      path: ['previous_response_id'],
      message: 'previous_response_id is not supported; send the whole input',
    });
  }
  const input =
    typeof body.input === 'string'
      ? [{ type: 'message', role: 'user', content: body.input }]
      : Array.isArray(body.input)
        ? body.input
        : undefined;
  if (input == null) {
    issues.push({ path: ['input'], message: 'Required' });
  }

  const messages: Array<Record<string, unknown>> = [];
  if (typeof body.instructions === 'string') {
    messages.push({ role: 'system', content: body.instructions });
  }
  const callIds = new Set<string>();
  let verifiedReasoning = false;
  let encryptionProblem: string | undefined;
  (input ?? []).forEach((item: unknown, index: number) => {
    if (!isRecord(item)) {
      issues.push({ path: ['input', index], message: 'Invalid input' });
      return;
    }
    const type = item.type ?? 'message';
    if (type === 'message') {
      const content = item.content;
      const parts = Array.isArray(content) ? content : [];
      if (
        item.role === 'assistant' &&
        parts.some(part => isRecord(part) && part.type === 'output_text') &&
        typeof item.id !== 'string'
      ) {
        issues.push({ path: ['input', index, 'id'], message: 'Required' });
      }
      parts.forEach((part: unknown, partIndex: number) => {
        if (
          isRecord(part) &&
          part.type === 'input_image' &&
          typeof part.detail !== 'string'
        ) {
          issues.push({
            path: ['input', index, 'content', partIndex, 'detail'],
            message: 'Required',
          });
        }
      });
      messages.push({
        role: item.role === 'developer' ? 'system' : item.role,
        content: typeof content === 'string' ? content : parts.map(toChatPart),
      });
      return;
    }
    if (type === 'reasoning') {
      if (typeof item.id !== 'string' || !Array.isArray(item.summary)) {
        issues.push({
          path: [
            'input',
            index,
            typeof item.id !== 'string' ? 'id' : 'summary',
          ],
          message: 'Required',
        });
        return;
      }
      const encrypted = item.encrypted_content;
      if (
        typeof encrypted === 'string' &&
        encrypted.startsWith(ENCRYPTED_PREFIX)
      ) {
        if (decryptReasoning(encrypted)?.itemId !== item.id) {
          encryptionProblem ??= `input.${index}.encrypted_content could not be verified`;
        } else {
          verifiedReasoning = true;
        }
      }
      return;
    }
    if (type === 'function_call') {
      const callId = String(item.call_id ?? '');
      callIds.add(callId);
      // Reasoning the emulator made must come back before its calls.
      if (
        callId.startsWith('call_emulator_') &&
        wantsEncryptedReasoning(body) &&
        !verifiedReasoning
      ) {
        encryptionProblem ??= `input.${index}: the reasoning item that preceded this function call must be passed back with its encrypted_content`;
      }
      const previous = messages.at(-1);
      const toolCall = {
        id: callId,
        type: 'function',
        function: { name: item.name, arguments: item.arguments },
      };
      if (
        previous?.role === 'assistant' &&
        Array.isArray(previous.tool_calls)
      ) {
        previous.tool_calls.push(toolCall);
      } else {
        messages.push({
          role: 'assistant',
          content: null,
          tool_calls: [toolCall],
        });
      }
      return;
    }
    if (type === 'function_call_output') {
      const callId = String(item.call_id ?? '');
      if (!callIds.has(callId)) {
        issues.push({
          path: ['input', index, 'call_id'],
          message: `No function call found for call_id ${callId}`,
        });
      }
      messages.push({
        role: 'tool',
        tool_call_id: callId,
        content:
          typeof item.output === 'string'
            ? item.output
            : Array.isArray(item.output)
              ? item.output.map(toChatPart)
              : '',
      });
    }
    // Server-tool items replayed from an earlier turn add nothing here.
  });

  if (issues.length > 0) {
    return { refusal: invalidResponsesRequest(issues) };
  }
  if (encryptionProblem != null) {
    return {
      refusal: invalidResponsesRequest(
        [{ path: [], message: encryptionProblem }],
        'encrypted content could not be verified',
      ),
    };
  }

  const text = isRecord(body.text) ? body.text : undefined;
  const format = isRecord(text?.format) ? text.format : undefined;
  return {
    chat: {
      model: body.model,
      models: body.models,
      messages,
      max_tokens: body.max_output_tokens,
      reasoning: body.reasoning,
      plugins: body.plugins,
      modalities: body.modalities,
      parallel_tool_calls: body.parallel_tool_calls,
      user: body.user,
      stream: body.stream,
      tools: Array.isArray(body.tools) ? body.tools.map(toChatTool) : undefined,
      tool_choice: toChatToolChoice(body.tool_choice),
      response_format:
        format == null
          ? undefined
          : format.type === 'json_schema'
            ? { type: 'json_schema', json_schema: { schema: format.schema } }
            : { type: format.type },
    },
  };
}

function toChatPart(part: unknown) {
  if (!isRecord(part)) {
    return part;
  }
  switch (part.type) {
    case 'input_text':
    case 'output_text':
      return { type: 'text', text: part.text };
    case 'input_image':
      return {
        type: 'image_url',
        image_url: { url: part.image_url ?? part.file_id },
      };
    case 'input_file':
      return {
        type: 'file',
        file: {
          filename: part.filename ?? part.file_id,
          file_data: part.file_data ?? part.file_url,
        },
      };
    case 'input_video':
      return { type: 'video_url', video_url: { url: part.video_url } };
    default:
      return part;
  }
}

function toChatTool(tool: unknown) {
  if (!isRecord(tool) || tool.type !== 'function') {
    return tool;
  }
  return {
    type: 'function',
    function: { name: tool.name, parameters: tool.parameters },
  };
}

function toChatToolChoice(choice: unknown) {
  if (!isRecord(choice)) {
    return choice;
  }
  if (choice.type === 'function') {
    return { type: 'function', function: { name: choice.name } };
  }
  if (choice.type === 'allowed_tools' && Array.isArray(choice.tools)) {
    const [first] = choice.tools;
    return isRecord(first) ? { type: first.type } : 'required';
  }
  return choice;
}

function wantsEncryptedReasoning(body: ResponsesRequest) {
  return (
    Array.isArray(body.include) &&
    body.include.includes('reasoning.encrypted_content')
  );
}

/** The emulator's encrypted reasoning: the item it belongs to, signed. */
function encryptReasoning(model: string, itemId: string, text: string) {
  const payload = Buffer.from(
    JSON.stringify({ model, itemId, summaryHash: sign(text) }),
    'utf8',
  ).toString('base64');
  return `${ENCRYPTED_PREFIX}${payload}.${sign(payload)}`;
}

function decryptReasoning(
  data: string,
): { model: string; itemId: string } | undefined {
  const [payload, signature] = data.slice(ENCRYPTED_PREFIX.length).split('.');
  if (payload == null || sign(payload) !== signature) {
    return undefined;
  }
  try {
    return JSON.parse(Buffer.from(payload, 'base64').toString('utf8'));
  } catch {
    return undefined;
  }
}

/** The answer as Responses output items, with their ids. */
function outputItems(reply: EmulatedChatReply, request: ResponsesRequest) {
  const items: Array<Record<string, unknown>> = [];
  const sequence = reply.id.replace(/\D+/g, '') || '0';
  const reasoning = reply.reasoning;
  if (reasoning != null) {
    const id = `rs_emulator_${sequence}`;
    const text = reasoning.pieces.join('');
    items.push({
      type: 'reasoning',
      id,
      summary: reasoning.excluded ? [] : [{ type: 'summary_text', text }],
      ...(wantsEncryptedReasoning(request)
        ? { encrypted_content: encryptReasoning(reply.model, id, text) }
        : {}),
    });
  }
  reply.serverToolCalls.forEach((call, index) => {
    const args = JSON.parse(call.arguments) as Record<string, unknown>;
    items.push(
      call.toolName === 'openrouter:web_search'
        ? {
            type: 'openrouter:web_search',
            id: `ws_emulator_${sequence}_${index}`,
            status: 'completed',
            action: {
              type: 'search',
              query: args.query,
              sources: call.citations.flatMap(citation =>
                isRecord(citation) && isRecord(citation.url_citation)
                  ? [{ type: 'url', url: citation.url_citation.url }]
                  : [],
              ),
            },
          }
        : {
            type: call.toolName,
            id: `srv_emulator_${sequence}_${index}`,
            status: 'completed',
            arguments: call.arguments,
            result: call.result,
          },
    );
  });
  const text = reply.textPieces.join('');
  if (text !== '' || reply.toolCalls.length === 0) {
    items.push({
      type: 'message',
      id: `msg_emulator_${sequence}`,
      role: 'assistant',
      status: 'completed',
      content: [
        {
          type: 'output_text',
          text,
          annotations: reply.annotations.flatMap(annotation =>
            isRecord(annotation) && isRecord(annotation.url_citation)
              ? [{ type: 'url_citation', ...annotation.url_citation }]
              : [],
          ),
        },
      ],
    });
  }
  reply.toolCalls.forEach((call, index) => {
    items.push({
      type: 'function_call',
      id: `fc_emulator_${sequence}_${index}`,
      call_id: call.id,
      name: call.name,
      arguments: call.arguments,
      status: 'completed',
    });
  });
  return items;
}

/** Chat usage in the Responses spelling. */
function responsesUsage(reply: EmulatedChatReply) {
  const { usage } = reply;
  return {
    input_tokens: usage.prompt_tokens,
    input_tokens_details: {
      cached_tokens: usage.prompt_tokens_details.cached_tokens,
    },
    output_tokens: usage.completion_tokens,
    output_tokens_details: {
      reasoning_tokens: usage.completion_tokens_details.reasoning_tokens,
    },
    total_tokens: usage.total_tokens,
    cost: usage.cost,
    is_byok: usage.is_byok,
    cost_details: {
      upstream_inference_cost: usage.cost_details.upstream_inference_cost,
      upstream_inference_input_cost:
        usage.cost_details.upstream_inference_prompt_cost,
      upstream_inference_output_cost:
        usage.cost_details.upstream_inference_completions_cost,
    },
  };
}

function responseEnvelope(reply: EmulatedChatReply) {
  return {
    id: reply.id,
    object: 'response',
    created_at: reply.created,
    model: reply.model,
    provider: reply.provider,
  };
}

/** The finished response, as `generateText` receives it. */
export function chatReplyToResponsesResult(
  reply: EmulatedChatReply,
  request: ResponsesRequest,
) {
  const incomplete =
    reply.finishReason === 'length'
      ? 'max_output_tokens'
      : reply.finishReason === 'content_filter'
        ? 'content_filter'
        : undefined;
  return {
    ...responseEnvelope(reply),
    status: incomplete != null ? 'incomplete' : 'completed',
    incomplete_details: incomplete != null ? { reason: incomplete } : null,
    error: null,
    output: outputItems(reply, request),
    usage: responsesUsage(reply),
  };
}

/**
 * The response as OpenRouter's published types stream it: `created`, each
 * item added, its parts and deltas, done (encrypted reasoning only on the
 * done item), then `completed` with the usage. With `error`, a flat `error`
 * event takes the place of `completed`.
 */
export function chatReplyToResponsesEvents(
  reply: EmulatedChatReply,
  request: ResponsesRequest,
  error?: { code: string | number; message: string },
): unknown[] {
  let sequenceNumber = 0;
  const events: Array<Record<string, unknown>> = [];
  const push = (event: Record<string, unknown>) => {
    events.push({ ...event, sequence_number: sequenceNumber++ });
  };
  const envelope = responseEnvelope(reply);
  push({
    type: 'response.created',
    response: { ...envelope, status: 'in_progress', output: [], usage: null },
  });
  push({
    type: 'response.in_progress',
    response: { ...envelope, status: 'in_progress', output: [], usage: null },
  });
  const result = chatReplyToResponsesResult(reply, request);
  result.output.forEach((item, outputIndex) => {
    const itemId = item.id;
    switch (item.type) {
      case 'reasoning': {
        const { encrypted_content: _encrypted, ...added } = item;
        push({
          type: 'response.output_item.added',
          output_index: outputIndex,
          item: { ...added, summary: [] },
        });
        const summary = item.summary as Array<{ text: string }>;
        summary.forEach((part, summaryIndex) => {
          const common = {
            item_id: itemId,
            output_index: outputIndex,
            summary_index: summaryIndex,
          };
          push({
            type: 'response.reasoning_summary_part.added',
            ...common,
            part: { type: 'summary_text', text: '' },
          });
          for (const piece of reply.reasoning?.pieces ?? []) {
            push({
              type: 'response.reasoning_summary_text.delta',
              ...common,
              delta: piece,
            });
          }
          push({
            type: 'response.reasoning_summary_text.done',
            ...common,
            text: part.text,
          });
          push({
            type: 'response.reasoning_summary_part.done',
            ...common,
            part,
          });
        });
        push({
          type: 'response.output_item.done',
          output_index: outputIndex,
          item,
        });
        return;
      }
      case 'message': {
        const [content] = item.content as Array<{
          text: string;
          annotations: unknown[];
        }>;
        push({
          type: 'response.output_item.added',
          output_index: outputIndex,
          item: { ...item, status: 'in_progress', content: [] },
        });
        const common = {
          item_id: itemId,
          output_index: outputIndex,
          content_index: 0,
        };
        push({
          type: 'response.content_part.added',
          ...common,
          part: { type: 'output_text', text: '', annotations: [] },
        });
        for (const piece of reply.textPieces) {
          push({
            type: 'response.output_text.delta',
            ...common,
            delta: piece,
            logprobs: [],
          });
        }
        content.annotations.forEach((annotation, annotationIndex) => {
          push({
            type: 'response.output_text.annotation.added',
            ...common,
            annotation_index: annotationIndex,
            annotation,
          });
        });
        push({
          type: 'response.output_text.done',
          ...common,
          text: content.text,
          logprobs: [],
        });
        push({ type: 'response.content_part.done', ...common, part: content });
        push({
          type: 'response.output_item.done',
          output_index: outputIndex,
          item,
        });
        return;
      }
      case 'function_call': {
        push({
          type: 'response.output_item.added',
          output_index: outputIndex,
          item: { ...item, arguments: '', status: 'in_progress' },
        });
        const args = String(item.arguments);
        for (let start = 0; start < args.length; start += 8) {
          push({
            type: 'response.function_call_arguments.delta',
            item_id: itemId,
            output_index: outputIndex,
            delta: args.slice(start, start + 8),
          });
        }
        push({
          type: 'response.function_call_arguments.done',
          item_id: itemId,
          output_index: outputIndex,
          name: item.name,
          arguments: args,
        });
        push({
          type: 'response.output_item.done',
          output_index: outputIndex,
          item,
        });
        return;
      }
      default:
        push({
          type: 'response.output_item.added',
          output_index: outputIndex,
          item: { ...item, status: 'in_progress' },
        });
        push({
          type: 'response.output_item.done',
          output_index: outputIndex,
          item,
        });
    }
  });
  if (error != null) {
    push({
      type: 'error',
      code: error.code,
      message: error.message,
      param: null,
    });
    return events;
  }
  push({
    type:
      result.status === 'incomplete'
        ? 'response.incomplete'
        : 'response.completed',
    response: result,
  });
  return events;
}
