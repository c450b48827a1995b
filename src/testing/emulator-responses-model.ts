import { isRecord } from '@ai-sdk/provider-utils';
import type { EmulatedChatReply } from './emulator-chat-model';
import { sign } from './emulator-reasoning';
import type { EmulatorReply } from './emulator-routes';
import type { EmulatedServerToolCall } from './emulator-tools';

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
 * its call, a reasoning item without `id` or `summary`, a server-tool item
 * without the fields its type requires), that replayed encrypted reasoning
 * is intact and comes back with the calls it preceded, and that replayed
 * server-tool items the emulator made are unaltered.
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
  // Whether reasoning the emulator made, verified, came back since the last
  // user message or function output: each turn's calls need their own.
  let verifiedReasoningThisTurn = false;
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
      if (item.role !== 'assistant') {
        verifiedReasoningThisTurn = false;
      }
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
        const sealed = decryptReasoning(encrypted);
        if (sealed?.itemId !== item.id) {
          encryptionProblem ??= `input.${index}.encrypted_content could not be verified`;
        } else if (
          item.summary.length > 0 &&
          sign(summaryText(item.summary)) !== sealed.summaryHash
        ) {
          encryptionProblem ??= `input.${index}.summary is not the summary its encrypted_content was made with`;
        } else {
          verifiedReasoningThisTurn = true;
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
        !verifiedReasoningThisTurn
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
      verifiedReasoningThisTurn = false;
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
    if (isServerToolItem(type)) {
      checkServerToolItem(item, index, issues);
    }
    // Server-tool items replayed from an earlier turn add nothing else.
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

function isServerToolItem(type: unknown) {
  return (
    type === 'web_search_call' ||
    type === 'image_generation_call' ||
    (typeof type === 'string' && type.startsWith('openrouter:'))
  );
}

/**
 * A replayed server-tool item: the fields OpenRouter's published types
 * require of it (`status`; `id` for OpenAI's native items; `result` for an
 * image generation call), and, for an item the emulator made, its seal.
 */
function checkServerToolItem(
  item: Record<string, unknown>,
  index: number,
  issues: Array<{ path: Array<string | number>; message: string }>,
) {
  const required = ['status'];
  if (
    item.type === 'web_search_call' ||
    item.type === 'image_generation_call'
  ) {
    required.push('id');
  }
  for (const field of required) {
    if (typeof item[field] !== 'string') {
      issues.push({ path: ['input', index, field], message: 'Required' });
    }
  }
  if (item.type === 'image_generation_call' && item.result === undefined) {
    issues.push({ path: ['input', index, 'result'], message: 'Required' });
  }
  const seal =
    typeof item.id === 'string' ? SEALED_ITEM_ID.exec(item.id)?.[1] : undefined;
  if (seal != null && sealOf(item) !== seal) {
    issues.push({
      path: ['input', index],
      message: `The ${String(item.type)} item ${String(item.id)} is not the item the response returned: it was altered`,
    });
  }
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

// The text of a replayed reasoning item's summary parts, as it was sealed.
function summaryText(summary: unknown[]) {
  return summary
    .map(part =>
      isRecord(part) && typeof part.text === 'string' ? part.text : '',
    )
    .join('');
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
): { model: string; itemId: string; summaryHash: string } | undefined {
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

/**
 * An output item with an id that seals its content: the emulator can tell,
 * when the item is replayed, that it is the one it made, unaltered (a
 * stand-in for the checks a real upstream makes on replayed items).
 */
function sealItem(prefix: string, item: Record<string, unknown>) {
  return {
    type: item.type,
    id: `${prefix}_${sealOf(item)}`,
    ...item,
  };
}

const SEALED_ITEM_ID = /^(?:ws|ig|srv)_emulator_\d+_\d+_([0-9a-f]{8})$/;

function sealOf(item: Record<string, unknown>) {
  const { id: _id, ...content } = item;
  return sign(canonicalJson(content)).slice('emu-sig-'.length);
}

/** JSON with sorted keys, so a store that reorders keys breaks no seal. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map(canonicalJson).join(',')}]`;
  }
  if (isRecord(value)) {
    return `{${Object.keys(value)
      .sort()
      .map(key => `${JSON.stringify(key)}:${canonicalJson(value[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The base64 payload and format of a chat image's `data:` URL. */
function imagePayload(image: unknown) {
  const url =
    isRecord(image) && isRecord(image.image_url) ? image.image_url.url : '';
  const match = /^data:image\/([\w.+-]+);base64,(.*)$/s.exec(String(url));
  return match == null
    ? undefined
    : { format: match[1] as string, base64: match[2] as string };
}

/** A server tool the emulated OpenRouter ran, as its output item. */
function serverToolItem(
  call: EmulatedServerToolCall,
  prefix: string,
): Record<string, unknown> {
  const args = JSON.parse(call.arguments) as Record<string, unknown>;
  const type = call.itemType ?? call.toolName;
  if (call.toolName === 'openrouter:web_search') {
    return sealItem(`ws_${prefix}`, {
      type,
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
    });
  }
  if (call.toolName === 'openrouter:image_generation') {
    const image = imagePayload(call.images[0]);
    return sealItem(`ig_${prefix}`, {
      type,
      status: 'completed',
      prompt: args.prompt,
      result: image?.base64 ?? null,
    });
  }
  return sealItem(`srv_${prefix}`, {
    type,
    status: 'completed',
    arguments: call.arguments,
    result: call.result,
  });
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
    items.push(serverToolItem(call, `emulator_${sequence}_${index}`));
  });
  // Images a server tool made are in its item; the others (asked for with
  // `modalities`, or scripted) are image generation calls of their own.
  const toolImages = new Set(
    reply.serverToolCalls.flatMap(call => call.images),
  );
  let imageItems = 0;
  reply.images
    .filter(image => !toolImages.has(image))
    .forEach((image, index) => {
      const payload = imagePayload(image);
      if (payload == null) {
        return;
      }
      imageItems++;
      items.push(
        sealItem(`ig_emulator_${sequence}_${index}`, {
          type: 'image_generation_call',
          status: 'completed',
          output_format: payload.format,
          result: payload.base64,
        }),
      );
    });
  const text = reply.textPieces.join('');
  const refusal = reply.refusalPieces.join('');
  const content: Array<Record<string, unknown>> = [];
  if (
    text !== '' ||
    (refusal === '' && reply.toolCalls.length === 0 && imageItems === 0)
  ) {
    content.push({
      type: 'output_text',
      text,
      annotations: reply.annotations.flatMap(annotation =>
        isRecord(annotation) && isRecord(annotation.url_citation)
          ? [{ type: 'url_citation', ...annotation.url_citation }]
          : [],
      ),
    });
  }
  if (refusal !== '') {
    content.push({ type: 'refusal', refusal });
  }
  if (content.length > 0) {
    items.push({
      type: 'message',
      id: `msg_emulator_${sequence}`,
      role: 'assistant',
      status: 'completed',
      content,
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

function responseEnvelope(reply: EmulatedChatReply): ResponseEnvelope {
  return {
    id: reply.id,
    object: 'response',
    created_at: reply.created,
    model: reply.model,
    provider: reply.provider,
  };
}

type ResponseEnvelope = {
  id: string;
  object: 'response';
  created_at: number;
  model: string;
  provider?: string | undefined;
};

/** An error as a script gives it, before it is put in Responses words. */
export type ResponsesErrorInput = {
  code?: number | string | undefined;
  message: string;
  metadata?: Record<string, unknown> | undefined;
  event?: 'response.failed' | 'error' | undefined;
};

// OpenRouter's Responses error codes and the statuses they stand for (its
// Responses error-handling page): a reduced vocabulary, in which
// authentication failures, timeouts and overloaded providers are all
// `server_error`.
const STATUS_OF_RESPONSES_CODE: Record<string, number> = {
  invalid_prompt: 400,
  image_content_policy_violation: 400,
  rate_limit_exceeded: 429,
  server_error: 500,
};

function responsesCodeOf(status: number) {
  if (status === 429) {
    return 'rate_limit_exceeded';
  }
  return [400, 404, 413, 422].includes(status)
    ? 'invalid_prompt'
    : 'server_error';
}

// The canonical `error_type` (OpenRouter's `ApiErrorType`) that failed
// responses carry beside the lossy code.
const ERROR_TYPE_OF_STATUS: Record<number, string> = {
  400: 'invalid_request',
  401: 'authentication',
  402: 'payment_required',
  403: 'permission_denied',
  404: 'not_found',
  408: 'timeout',
  412: 'precondition_failed',
  413: 'payload_too_large',
  422: 'unprocessable',
  429: 'rate_limit_exceeded',
  502: 'provider_unavailable',
  503: 'provider_unavailable',
  524: 'timeout',
  529: 'provider_overloaded',
};

/**
 * An error in the Responses API's words: a string code as given, a status
 * (the HTTP status, or 500, when there is no code) as the code that stands
 * for it, and the canonical `error_type` of the status, when one is known.
 */
function inResponsesWords(
  error: ResponsesErrorInput,
  status: number | undefined,
) {
  const standsFor =
    typeof error.code === 'number'
      ? error.code
      : typeof error.code === 'string'
        ? STATUS_OF_RESPONSES_CODE[error.code]
        : (status ?? 500);
  const code =
    typeof error.code === 'string'
      ? error.code
      : responsesCodeOf(standsFor ?? 500);
  const errorType =
    standsFor == null
      ? undefined
      : (ERROR_TYPE_OF_STATUS[standsFor] ??
        (standsFor >= 500 ? 'server' : 'unmapped'));
  return { code, message: error.message, errorType };
}

/**
 * OpenRouter's body for an HTTP error of `/responses`: the string code,
 * `metadata` beside `error` (`null` when there is none) and `error_type`.
 */
export function responsesErrorBody(status: number, error: ResponsesErrorInput) {
  const { code, message, errorType } = inResponsesWords(error, status);
  return {
    error: { code, message },
    metadata: error.metadata ?? null,
    ...(errorType != null ? { error_type: errorType } : {}),
  };
}

/** A response that failed: `status: 'failed'`, its error and error type. */
function failedResponse(
  envelope: ResponseEnvelope,
  error: ResponsesErrorInput,
) {
  const { code, message, errorType } = inResponsesWords(error, undefined);
  return {
    ...envelope,
    status: 'failed',
    incomplete_details: null,
    error: { code, message },
    ...(errorType != null ? { error_type: errorType } : {}),
    output: [],
    usage: null,
  };
}

/** The event that ends a stream with an error, without its sequence number. */
function streamErrorEvent(
  envelope: ResponseEnvelope,
  error: ResponsesErrorInput,
): Record<string, unknown> {
  if (error.event === 'error') {
    const { code, message } = inResponsesWords(error, undefined);
    return { type: 'error', code, message, param: null };
  }
  return { type: 'response.failed', response: failedResponse(envelope, error) };
}

/**
 * The error a `/responses` stream script inserts after `index` events
 * (`errorAfterEvents`): it names the response that `response.created`
 * announced, and continues its sequence numbers.
 */
export function responsesStreamErrorAfter(
  events: readonly unknown[],
  index: number,
  error: ResponsesErrorInput,
) {
  const sent = events.slice(0, index).filter(isRecord);
  const created = sent.find(event => event.type === 'response.created');
  const announced = isRecord(created?.response) ? created.response : {};
  const last = sent.at(-1)?.sequence_number;
  return {
    ...streamErrorEvent(
      {
        id: typeof announced.id === 'string' ? announced.id : 'resp_emulator',
        object: 'response',
        created_at:
          typeof announced.created_at === 'number'
            ? announced.created_at
            : Math.floor(Date.now() / 1000),
        model:
          typeof announced.model === 'string' ? announced.model : 'emulator',
      },
      error,
    ),
    sequence_number: typeof last === 'number' ? last + 1 : index,
  };
}

/**
 * The finished response, as `generateText` receives it; with `error`, the
 * failed response (HTTP 200), as OpenRouter answers an upstream that failed
 * after routing.
 */
export function chatReplyToResponsesResult(
  reply: EmulatedChatReply,
  request: ResponsesRequest,
  error?: ResponsesErrorInput,
) {
  if (error != null) {
    return failedResponse(responseEnvelope(reply), error);
  }
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

/** A message that says nothing: a failed reply's stream leaves it out. */
function isEmptyMessage(item: Record<string, unknown>) {
  return (
    item.type === 'message' &&
    Array.isArray(item.content) &&
    item.content.every(
      part => isRecord(part) && part.type === 'output_text' && part.text === '',
    )
  );
}

// Progress events of the items OpenRouter's published types give them for.
const PROGRESS_EVENTS: Record<string, string[]> = {
  web_search_call: ['in_progress', 'searching', 'completed'],
  image_generation_call: ['in_progress', 'generating', 'completed'],
};

/**
 * The response as OpenRouter's published types stream it: `created`, each
 * item added, its parts and deltas, done (encrypted reasoning only on the
 * done item), then `completed` with the usage. With `error`, the stream
 * fails where the reply ends: the last item is never done, and
 * `response.failed` (or the flat `error` event) takes the place of
 * `completed`.
 */
export function chatReplyToResponsesEvents(
  reply: EmulatedChatReply,
  request: ResponsesRequest,
  error?: ResponsesErrorInput,
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
  const output =
    error == null
      ? result.output
      : result.output.filter(item => !isEmptyMessage(item));
  output.forEach((item, outputIndex) => {
    pushItemEvents(item, outputIndex, reply, push);
  });
  if (error != null) {
    // The failure cuts the last item short: its closing events never come.
    while (String(events.at(-1)?.type).endsWith('.done')) {
      events.pop();
      sequenceNumber--;
    }
    push(streamErrorEvent(envelope, error));
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

function pushItemEvents(
  item: Record<string, unknown>,
  outputIndex: number,
  reply: EmulatedChatReply,
  push: (event: Record<string, unknown>) => void,
) {
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
      break;
    }
    case 'message': {
      push({
        type: 'response.output_item.added',
        output_index: outputIndex,
        item: { ...item, status: 'in_progress', content: [] },
      });
      const content = item.content as Array<Record<string, unknown>>;
      content.forEach((part, contentIndex) => {
        const common = {
          item_id: itemId,
          output_index: outputIndex,
          content_index: contentIndex,
        };
        if (part.type === 'refusal') {
          push({
            type: 'response.content_part.added',
            ...common,
            part: { type: 'refusal', refusal: '' },
          });
          for (const piece of reply.refusalPieces) {
            push({ type: 'response.refusal.delta', ...common, delta: piece });
          }
          push({
            type: 'response.refusal.done',
            ...common,
            refusal: part.refusal,
          });
          push({ type: 'response.content_part.done', ...common, part });
          return;
        }
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
        (part.annotations as unknown[]).forEach(
          (annotation, annotationIndex) => {
            push({
              type: 'response.output_text.annotation.added',
              ...common,
              annotation_index: annotationIndex,
              annotation,
            });
          },
        );
        push({
          type: 'response.output_text.done',
          ...common,
          text: part.text,
          logprobs: [],
        });
        push({ type: 'response.content_part.done', ...common, part });
      });
      break;
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
      break;
    }
    default: {
      // A server tool's item: only its type and id until it is done.
      push({
        type: 'response.output_item.added',
        output_index: outputIndex,
        item: { type: item.type, id: itemId, status: 'in_progress' },
      });
      for (const stage of PROGRESS_EVENTS[String(item.type)] ?? []) {
        push({
          type: `response.${String(item.type)}.${stage}`,
          item_id: itemId,
          output_index: outputIndex,
        });
      }
    }
  }
  push({
    type: 'response.output_item.done',
    output_index: outputIndex,
    item,
  });
}
