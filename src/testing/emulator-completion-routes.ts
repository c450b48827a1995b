import { buildUsage, estimateTokens } from './emulator-chat-model';
import { recordServedGeneration } from './emulator-generations';
import { checkFallbackModels, serveModel } from './emulator-models';
import { type EmulatorRoute, errorReply, jsonReply } from './emulator-routes';

/** `created` of the first completion; like chat, each later one adds a second. */
const FIRST_CREATED = 1_767_225_600;

/**
 * The legacy `/completions` endpoint: the emulated model continues the
 * prompt with a fixed sentence that names how long the prompt was.
 */
export const completionRoutes: EmulatorRoute[] = [
  {
    method: 'POST',
    path: '/completions',
    handle(request, context) {
      const body = request.body as {
        model?: unknown | undefined;
        prompt?: unknown | undefined;
        stream?: unknown | undefined;
        max_tokens?: unknown | undefined;
      };
      if (typeof body?.prompt !== 'string') {
        return errorReply(400, 'Input required: specify "prompt"');
      }
      checkFallbackModels(
        context,
        (body as { models?: unknown }).models,
        'chat',
        'completions',
      );
      const served = serveModel(
        context,
        typeof body.model === 'string'
          ? body.model
          : 'openai/gpt-3.5-turbo-instruct',
        'chat',
        'completions',
      );
      const model = served.id;
      const sequence = context.nextSequence();
      let pieces: string[] =
        ` and so the story goes on, one word after another (the prompt had ${body.prompt.length} characters).`.match(
          /\s*\S+/g,
        ) ?? [];
      let finishReason = 'stop';
      if (
        typeof body.max_tokens === 'number' &&
        pieces.length > body.max_tokens
      ) {
        pieces = pieces.slice(0, body.max_tokens);
        finishReason = 'length';
      }
      const usage = buildUsage(
        served.prices,
        estimateTokens(body.prompt),
        pieces.length,
      );
      const base = {
        id: `gen-cmpl-emulator-${sequence}`,
        object: 'text_completion',
        created: FIRST_CREATED + sequence,
        model,
        provider: served.provider,
      };

      recordServedGeneration(context, {
        id: base.id,
        created: base.created,
        model,
        provider: base.provider,
        usage,
        finishReason,
        streamed: body.stream === true,
        user: (body as { user?: unknown }).user,
      });

      if (body.stream === true) {
        return {
          type: 'stream',
          events: [
            ...pieces.map(piece => ({
              ...base,
              choices: [{ index: 0, text: piece, finish_reason: null }],
            })),
            {
              ...base,
              choices: [{ index: 0, text: '', finish_reason: finishReason }],
            },
            { ...base, choices: [], usage },
          ],
        };
      }
      return jsonReply({
        ...base,
        choices: [
          {
            index: 0,
            text: pieces.join(''),
            finish_reason: finishReason,
            logprobs: null,
          },
        ],
        usage,
      });
    },
  },
];
