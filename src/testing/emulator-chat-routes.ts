import {
  chatReplyToChunks,
  chatReplyToResponse,
  createChatReply,
} from './emulator-chat-model';
import { recordServedGeneration } from './emulator-generations';
import { checkReplayedReasoning } from './emulator-reasoning';
import { type EmulatorRoute, errorReply, jsonReply } from './emulator-routes';

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
      const reply = createChatReply(body, context.nextSequence());
      const streamed = (body as { stream?: unknown }).stream === true;
      recordServedGeneration(context, {
        id: reply.id,
        created: reply.created,
        model: reply.model,
        provider: reply.provider,
        usage: reply.usage,
        finishReason: reply.finishReason,
        streamed,
        user: (body as { user?: unknown }).user,
      });
      return streamed
        ? { type: 'stream', events: chatReplyToChunks(reply) }
        : jsonReply(chatReplyToResponse(reply));
    },
  },
];
