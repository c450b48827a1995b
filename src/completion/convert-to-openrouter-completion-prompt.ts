import {
  InvalidPromptError,
  type LanguageModelV4Prompt,
  UnsupportedFunctionalityError,
} from '@ai-sdk/provider';

const USER_LABEL = 'User';
const ASSISTANT_LABEL = 'Assistant';

/**
 * Converts a prompt into the single text a completion model continues. A
 * lone user message (after an optional system message) is sent as is, which
 * is how completion models are usually prompted. A conversation becomes a
 * labelled transcript that ends with the assistant's turn, plus a stop
 * sequence so the model does not write the user's next turn too.
 */
export function convertToOpenRouterCompletionPrompt(
  prompt: LanguageModelV4Prompt,
): { prompt: string; stopSequences: string[] } {
  let system = '';
  const turns: Array<{ role: 'user' | 'assistant'; text: string }> = [];

  for (const [index, message] of prompt.entries()) {
    switch (message.role) {
      case 'system':
        if (index !== 0) {
          throw new InvalidPromptError({
            prompt,
            message: `A completion prompt may only start with a system message; message ${index} is one too.`,
          });
        }
        system = message.content;
        break;
      case 'user':
      case 'assistant': {
        let text = '';
        for (const part of message.content) {
          if (part.type === 'text') {
            text += part.text;
          } else if (part.type !== 'reasoning') {
            throw new UnsupportedFunctionalityError({
              functionality: `${part.type} parts in ${message.role} messages of completion models; use a chat model (openrouter.chat) for ${part.type === 'file' ? 'files' : 'tools'}`,
            });
          }
        }
        turns.push({ role: message.role, text });
        break;
      }
      case 'tool':
        throw new UnsupportedFunctionalityError({
          functionality:
            'tool messages in completion models; use a chat model (openrouter.chat) for tools',
        });
    }
  }

  const prefix = system === '' ? '' : `${system}\n\n`;
  if (turns.length === 1 && turns[0].role === 'user') {
    return { prompt: `${prefix}${turns[0].text}`, stopSequences: [] };
  }

  const transcript = turns
    .map(
      turn =>
        `${turn.role === 'user' ? USER_LABEL : ASSISTANT_LABEL}: ${turn.text}`,
    )
    .join('\n\n');
  return {
    prompt: `${prefix}${transcript}\n\n${ASSISTANT_LABEL}:`,
    stopSequences: [`\n${USER_LABEL}:`],
  };
}
