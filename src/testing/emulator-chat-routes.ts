import {
  chatReplyToChunks,
  chatReplyToResponse,
  createChatReply,
} from './emulator-chat-model';
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
      return (body as { stream?: unknown }).stream === true
        ? { type: 'stream', events: chatReplyToChunks(reply) }
        : jsonReply(chatReplyToResponse(reply));
    },
  },
];
