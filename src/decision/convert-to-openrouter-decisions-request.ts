import {
  type Experimental_DecisionModelV4Input as DecisionModelV4Input,
  type Experimental_DecisionModelV4Question as DecisionModelV4Question,
  type Experimental_DecisionModelV4State as DecisionModelV4State,
  Experimental_DecisionUnsupportedQuestionTypeError as DecisionUnsupportedQuestionTypeError,
  InvalidArgumentError,
  type JSONValue,
  UnsupportedFunctionalityError,
} from '@ai-sdk/provider';

/** `instructions` and criteria on the wire: a string, or JSON structure. */
export type OpenRouterDecisionsText = DecisionModelV4Input;

/**
 * One question of OpenRouter's Decisions request, as `@openrouter/sdk`'s
 * `DecisionsChoiceQuestion`, `DecisionsScoreQuestion` and
 * `DecisionsNoulQuestion` define it: `instructions` is required, a score
 * level must have a description, and boolean questions are `noul`
 * questions whose criteria, when given, describe both outcomes.
 */
export type OpenRouterDecisionsQuestion =
  | {
      type: 'choice';
      instructions: OpenRouterDecisionsText;
      criteria: Record<string, OpenRouterDecisionsText | null>;
    }
  | {
      type: 'score';
      instructions: OpenRouterDecisionsText;
      criteria: OpenRouterDecisionsText[];
    }
  | {
      type: 'noul';
      instructions: OpenRouterDecisionsText;
      criteria?:
        | {
            true: OpenRouterDecisionsText;
            false: OpenRouterDecisionsText;
          }
        | undefined;
    };

/** What the request is identified by in errors. */
type ModelIdentity = { provider: string; modelId: string };

/**
 * The AI SDK's state parts as the Decisions API's one `state`: a string, a
 * JSON object or a JSON array. A lone text part is sent as its text, a lone
 * JSON part as its value (so `state: 'text'` and `state: { … }` in
 * `experimental_decide` reach OpenRouter as they were written); several
 * parts become an array of their texts and values, in order. The API takes
 * no files, so a file part is refused before anything is sent rather than
 * dropped: the answers would judge a state the caller did not give.
 */
export function convertToOpenRouterDecisionsState(
  state: DecisionModelV4State,
): JSONValue {
  const values = state.map((part, index): JSONValue => {
    switch (part.type) {
      case 'text':
        return part.text;
      case 'json':
        return part.value;
      default:
        throw new UnsupportedFunctionalityError({
          functionality: 'file state parts',
          message: `state[${index}] is a file (${part.mediaType}): OpenRouter's Decisions API takes text and JSON state only, so the file was not sent. Describe its content as text or JSON instead.`,
        });
    }
  });
  const only = values.length === 1 ? values[0] : undefined;
  if (typeof only === 'string') {
    return only;
  }
  if (typeof only === 'object' && only !== null) {
    return only;
  }
  // Several parts, none, or one JSON number, boolean or null, which the API
  // does not take on its own.
  return values;
}

/** The AI SDK's questions as OpenRouter's, under the same ids. */
export function convertToOpenRouterDecisionsQuestions(
  questions: Readonly<Record<string, DecisionModelV4Question>>,
  model: ModelIdentity,
): Record<string, OpenRouterDecisionsQuestion> {
  const converted: Record<string, OpenRouterDecisionsQuestion> =
    Object.create(null);
  for (const [id, question] of Object.entries(questions)) {
    converted[id] = convertQuestion(id, question, model);
  }
  return converted;
}

function convertQuestion(
  id: string,
  question: DecisionModelV4Question,
  model: ModelIdentity,
): OpenRouterDecisionsQuestion {
  switch (question.type) {
    case 'choice':
      return {
        type: 'choice',
        instructions: requireInstructions(id, question.instructions),
        criteria: { ...question.criteria },
      };
    case 'score':
      return {
        type: 'score',
        instructions: requireInstructions(id, question.instructions),
        criteria: question.criteria.map((criterion, index) => {
          if (criterion == null) {
            throw new InvalidArgumentError({
              argument: `questions.${id}.criteria[${index}]`,
              message: `Question "${id}": OpenRouter's Decisions API needs a description for every score level, and level ${index} has none.`,
            });
          }
          return criterion;
        }),
      };
    case 'boolean': {
      const instructions = requireInstructions(id, question.instructions);
      const whenTrue = question.criteria?.true;
      const whenFalse = question.criteria?.false;
      if (whenTrue == null && whenFalse == null) {
        return { type: 'noul', instructions };
      }
      if (whenTrue == null || whenFalse == null) {
        throw new InvalidArgumentError({
          argument: `questions.${id}.criteria`,
          message: `Question "${id}": OpenRouter's Decisions API takes boolean criteria only in pairs; describe both "true" and "false", or neither.`,
        });
      }
      return {
        type: 'noul',
        instructions,
        criteria: { true: whenTrue, false: whenFalse },
      };
    }
    default:
      // `box`, or a type added to the contract later; `experimental_decide`
      // refuses these itself from `supportedQuestionTypes`.
      throw new DecisionUnsupportedQuestionTypeError({
        questionId: id,
        questionType: (question as { type: string }).type,
        provider: model.provider,
        modelId: model.modelId,
      });
  }
}

function requireInstructions(
  id: string,
  instructions: DecisionModelV4Input | null | undefined,
): DecisionModelV4Input {
  if (instructions == null) {
    throw new InvalidArgumentError({
      argument: `questions.${id}.instructions`,
      message: `Question "${id}": OpenRouter's Decisions API requires instructions for every question.`,
    });
  }
  return instructions;
}
