import { estimateTokens } from './emulator-chat-model';
import { EmulatorRequestError, takeMatches } from './emulator-limits';
import {
  EMULATOR_COMPLETION_PRICE,
  EMULATOR_PROMPT_PRICE,
  upstreamFor,
} from './emulator-models';
import { type EmulatorRoute, jsonReply } from './emulator-routes';

/**
 * Emulator limits for a Decisions request (OpenRouter documents none): at
 * most 256 questions, 256 options of a choice question and 256 levels of a
 * score question, and the first 100,000 words of the state and of each
 * text read. The answer's size follows from these, whatever the request.
 */
export const DECISION_MAX_QUESTIONS = 256;
export const DECISION_MAX_OPTIONS = 256;
export const DECISION_MAX_WORDS = 100_000;

/** Tokens the emulated model writes per answer. */
const OUTPUT_TOKENS_PER_ANSWER = 5;

type Text = string | Record<string, unknown> | unknown[];
type Question =
  | { type: 'choice'; instructions: Text; criteria: Record<string, unknown> }
  | { type: 'score'; instructions: Text; criteria: Text[] }
  | {
      type: 'noul';
      instructions: Text;
      criteria?: { true: Text; false: Text } | undefined;
    };

/**
 * OpenRouter's Decisions API, `POST /api/alpha/decisions`, beside `/api/v1`
 * as on openrouter.ai. The emulated decision model judges by words in
 * common: an option, a level or an outcome whose name and description share
 * more words with the state is likelier. So the same request always gets
 * the same answers, and a test can steer them with its wording.
 * Probabilities have two decimals and sum to 1, as OpenRouter's do.
 */
export const decisionRoutes: EmulatorRoute[] = [
  {
    method: 'POST',
    path: '/api/alpha/decisions',
    besideApiRoot: true,
    handle(request, context) {
      const body = asRecord(request.body, 'Invalid request body');
      if (typeof body.model !== 'string' || body.model === '') {
        throw invalid('model: expected a model id');
      }
      if (!isText(body.state)) {
        throw invalid('state: expected a string, a JSON object or an array');
      }
      const questions = readQuestions(body.questions);
      const stateWords = wordsOf(body.state);

      const answers: Record<string, unknown> = {};
      for (const [id, question] of questions) {
        answers[id] = answer(question, stateWords);
      }

      const inputTokens = estimateTokens(
        JSON.stringify([body.state, body.questions]),
      );
      const outputTokens = OUTPUT_TOKENS_PER_ANSWER * questions.length;
      return jsonReply({
        id: `gen-dec-emulator-${context.nextSequence()}`,
        model: body.model,
        provider: upstreamFor(body.model),
        answers,
        usage: {
          input_tokens: inputTokens,
          output_tokens: outputTokens,
          cost: roundCost(
            inputTokens * EMULATOR_PROMPT_PRICE +
              outputTokens * EMULATOR_COMPLETION_PRICE,
          ),
        },
      });
    },
  },
];

function answer(question: Question, stateWords: ReadonlySet<string>) {
  switch (question.type) {
    case 'choice': {
      const names = Object.keys(question.criteria);
      const probabilities = distribution(
        names.map(name =>
          overlap(stateWords, [name, question.criteria[name] ?? '']),
        ),
      );
      const best = indexOfMax(probabilities);
      return {
        type: 'choice',
        choice: names[best],
        probabilities: Object.fromEntries(
          names.map((name, index) => [name, probabilities[index]]),
        ),
        confidence: probabilities[best],
      };
    }
    case 'score': {
      const probabilities = distribution(
        question.criteria.map(level => overlap(stateWords, [level])),
      );
      const mean = probabilities.reduce(
        (sum, probability, index) => sum + probability * index,
        0,
      );
      return {
        type: 'score',
        score: round2(mean),
        legend: Object.fromEntries(
          question.criteria.map((level, index) => [String(index), level]),
        ),
        probabilities: Object.fromEntries(
          probabilities.map((probability, index) => [
            String(index),
            probability,
          ]),
        ),
        confidence: probabilities[indexOfMax(probabilities)],
      };
    }
    case 'noul': {
      // Without criteria, the instructions describe the true outcome.
      const forTrue = overlap(stateWords, [
        question.criteria?.true ?? question.instructions,
      ]);
      const forFalse =
        question.criteria != null
          ? overlap(stateWords, [question.criteria.false])
          : 0;
      return {
        type: 'noul',
        noul: round2((1 + forTrue) / (2 + forTrue + forFalse)),
      };
    }
  }
}

/**
 * Weights 1 + words in common, normalised to whole hundredths that sum to
 * exactly 1: each gets its share rounded down, and the hundredths left go
 * to the largest remainders (ties to the first).
 */
function distribution(overlaps: number[]): number[] {
  const weights = overlaps.map(count => 1 + count);
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const shares = weights.map(weight => (weight * 100) / total);
  const cents = shares.map(Math.floor);
  let left = 100 - cents.reduce((sum, value) => sum + value, 0);
  const byRemainder = shares
    .map((share, index) => ({ index, remainder: share - cents[index] }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of byRemainder) {
    if (left <= 0) {
      break;
    }
    cents[index]++;
    left--;
  }
  return cents.map(value => value / 100);
}

function indexOfMax(values: number[]) {
  let best = 0;
  for (let index = 1; index < values.length; index++) {
    if (values[index] > values[best]) {
      best = index;
    }
  }
  return best;
}

function overlap(stateWords: ReadonlySet<string>, texts: unknown[]) {
  let count = 0;
  for (const word of wordsOf(texts)) {
    if (stateWords.has(word)) {
      count++;
    }
  }
  return count;
}

// Words that say nothing about what a text is about.
const STOP_WORDS = new Set(
  'a an and are as at be by for from has in is it of on or that the this to was were will with'.split(
    ' ',
  ),
);

/** The distinct words of a text or JSON value (keys and string leaves). */
function wordsOf(value: unknown): Set<string> {
  const text = JSON.stringify(value) ?? '';
  const { pieces } = takeMatches(
    text.toLowerCase(),
    // takeMatches compiles the pattern without the u flag: BMP ranges only.
    /[a-z0-9\u00c0-\uffff]+/,
    DECISION_MAX_WORDS,
  );
  return new Set(pieces.filter(word => !STOP_WORDS.has(word)));
}

function readQuestions(value: unknown): Array<[string, Question]> {
  const questions = asRecord(
    value,
    'questions: expected an object of questions by id',
  );
  const entries = Object.entries(questions);
  if (entries.length === 0) {
    throw invalid('questions: expected at least one question');
  }
  if (entries.length > DECISION_MAX_QUESTIONS) {
    throw invalid(
      `questions: expected at most ${DECISION_MAX_QUESTIONS} questions, got ${entries.length}`,
    );
  }
  return entries.map(([id, question]) => [id, readQuestion(id, question)]);
}

function readQuestion(id: string, value: unknown): Question {
  const question = asRecord(value, `questions.${id}: expected an object`);
  const at = `questions.${id}`;
  if (!isText(question.instructions)) {
    throw invalid(
      `${at}.instructions: required, a string or a JSON object or array`,
    );
  }
  const instructions = question.instructions;
  switch (question.type) {
    case 'choice': {
      const criteria = asRecord(
        question.criteria,
        `${at}.criteria: expected an object of options`,
      );
      const count = Object.keys(criteria).length;
      if (count === 0 || count > DECISION_MAX_OPTIONS) {
        throw invalid(
          `${at}.criteria: expected 1 to ${DECISION_MAX_OPTIONS} options, got ${count}`,
        );
      }
      for (const [name, description] of Object.entries(criteria)) {
        if (description !== null && !isText(description)) {
          throw invalid(
            `${at}.criteria.${name}: expected a string, a JSON object or array, or null`,
          );
        }
      }
      return { type: 'choice', instructions, criteria };
    }
    case 'score': {
      const criteria = question.criteria;
      if (
        !Array.isArray(criteria) ||
        criteria.length === 0 ||
        criteria.length > DECISION_MAX_OPTIONS
      ) {
        throw invalid(
          `${at}.criteria: expected an array of 1 to ${DECISION_MAX_OPTIONS} levels`,
        );
      }
      if (!criteria.every(isText)) {
        throw invalid(
          `${at}.criteria: every level needs a description (a string or a JSON object or array)`,
        );
      }
      return { type: 'score', instructions, criteria };
    }
    case 'noul': {
      if (question.criteria == null) {
        return { type: 'noul', instructions };
      }
      const criteria = asRecord(
        question.criteria,
        `${at}.criteria: expected { true, false }`,
      );
      if (
        !isText(criteria.true) ||
        !isText(criteria.false) ||
        Object.keys(criteria).length !== 2
      ) {
        throw invalid(
          `${at}.criteria: expected exactly "true" and "false", each a string or a JSON object or array`,
        );
      }
      return {
        type: 'noul',
        instructions,
        criteria: { true: criteria.true, false: criteria.false },
      };
    }
    default:
      throw invalid(`${at}.type: expected "choice", "score" or "noul"`);
  }
}

function isText(value: unknown): value is Text {
  return (
    typeof value === 'string' || (typeof value === 'object' && value !== null)
  );
}

function asRecord(value: unknown, message: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalid(message);
  }
  return value as Record<string, unknown>;
}

function invalid(message: string) {
  return new EmulatorRequestError(400, `Invalid Decisions request: ${message}`);
}

function round2(value: number) {
  return Math.round(value * 100) / 100;
}

function roundCost(cost: number) {
  return Math.round(cost * 1e12) / 1e12;
}
