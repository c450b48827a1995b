import {
  chatReplyToChunks,
  chatReplyToResponse,
  createChatReply,
} from './emulator-chat-model';
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
      const reply = createChatReply(body, context.nextSequence());
      return (body as { stream?: unknown }).stream === true
        ? { type: 'stream', events: chatReplyToChunks(reply) }
        : jsonReply(chatReplyToResponse(reply));
    },
  },
];
