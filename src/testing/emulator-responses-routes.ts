import { isRecord } from '@ai-sdk/provider-utils';
import { createChatReply } from './emulator-chat-model';
import { chatModelOf } from './emulator-chat-routes';
import { recordServedReply } from './emulator-generations';
import {
  chatReplyToResponsesEvents,
  chatReplyToResponsesResult,
  invalidResponsesRequest,
  responsesRequestToChat,
} from './emulator-responses-model';
import { type EmulatorRoute, jsonReply } from './emulator-routes';

export const responsesRoutes: EmulatorRoute[] = [
  {
    method: 'POST',
    path: '/responses',
    handle(request, context) {
      const body = request.body;
      if (!isRecord(body)) {
        return invalidResponsesRequest([
          { path: [], message: 'Invalid input: expected object' },
        ]);
      }
      const converted = responsesRequestToChat(body);
      if ('refusal' in converted) {
        return converted.refusal;
      }
      const model = chatModelOf(converted.chat, context);
      const reply = createChatReply(
        converted.chat,
        context.nextSequence(),
        model,
      );
      const streamed = body.stream === true;
      recordServedReply(context, reply, {
        streamed,
        user: body.user,
      });
      return streamed
        ? { type: 'stream', events: chatReplyToResponsesEvents(reply, body) }
        : jsonReply(chatReplyToResponsesResult(reply, body));
    },
  },
];
