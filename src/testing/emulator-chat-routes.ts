import {
  audioRequestProblem,
  speakChunks,
  speakResponse,
  wantsAudio,
} from './emulator-chat-audio';
import {
  chatReplyToChunks,
  chatReplyToResponse,
  createChatReply,
} from './emulator-chat-model';
import { describeUploadedFile, unknownFileIds } from './emulator-file-routes';
import { recordServedReply } from './emulator-generations';
import { checkFallbackModels, serveModel } from './emulator-models';
import { checkReplayedReasoning } from './emulator-reasoning';
import {
  type EmulatorContext,
  type EmulatorRoute,
  errorReply,
  jsonReply,
} from './emulator-routes';

export const chatRoutes: EmulatorRoute[] = [
  {
    method: 'POST',
    path: '/chat/completions',
    handle(request, context) {
      const body = request.body;
      if (
        typeof body !== 'object' ||
        body === null ||
        !Array.isArray((body as { messages?: unknown }).messages)
      ) {
        return errorReply(400, 'Input required: specify "messages"');
      }
      // Like real upstreams, refuse reasoning that did not come back intact.
      const replayProblem = checkReplayedReasoning(body);
      if (replayProblem != null) {
        return errorReply(400, replayProblem);
      }
      const missingFiles = unknownFileIds(context, body);
      if (missingFiles.length > 0) {
        return errorReply(
          404,
          `File not found: ${missingFiles.join(', ')} (upload it to /files first)`,
        );
      }
      const audioProblem = audioRequestProblem(body);
      if (audioProblem != null) {
        return errorReply(400, audioProblem);
      }
      const model = chatModelOf(body, context);
      const reply = createChatReply(body, context.nextSequence(), model, id =>
        describeUploadedFile(context, id),
      );
      const streamed = (body as { stream?: unknown }).stream === true;
      recordServedReply(context, reply, {
        streamed,
        user: (body as { user?: unknown }).user,
      });
      if (wantsAudio(body)) {
        const audioId = `audio_${reply.id}`;
        return streamed
          ? {
              type: 'stream',
              events: speakChunks(chatReplyToChunks(reply), body, audioId),
            }
          : jsonReply(speakResponse(chatReplyToResponse(reply), body, audioId));
      }
      return streamed
        ? { type: 'stream', events: chatReplyToChunks(reply) }
        : jsonReply(chatReplyToResponse(reply));
    },
  },
];

/**
 * The model that serves a chat request: `model`, else the first of the
 * `models` fallbacks, else (as OpenRouter uses the account's default) the
 * auto router. Every id named is checked against the catalogue.
 */
export function chatModelOf(body: object, context: EmulatorContext) {
  const { model, models } = body as { model?: unknown; models?: unknown };
  checkFallbackModels(context, models, 'chat');
  const requested =
    typeof model === 'string'
      ? model
      : Array.isArray(models) && typeof models[0] === 'string'
        ? models[0]
        : 'openrouter/auto';
  return serveModel(context, requested, 'chat');
}
