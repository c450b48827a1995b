import {
  type Experimental_DecisionModelV4Answer as DecisionModelV4Answer,
  InvalidResponseDataError,
  type JSONObject,
  type JSONValue,
} from '@ai-sdk/provider';
import { lazySchema, zodSchema } from '@ai-sdk/provider-utils';
import * as z from 'zod/v4';

// The response as `@openrouter/sdk`'s `DecisionsResponse` defines it:
// `answers` keyed by question id, each a `choice`, `score` or `noul` answer
// (the SDK keeps answers of other types as unknown), `id`, `model`,
// `provider`, and `usage` with `input_tokens`, `output_tokens` and `cost`
// (USD). Fields are read leniently where a missing one harms nothing.

const choiceAnswerSchema = z.looseObject({
  type: z.literal('choice'),
  choice: z.string(),
  probabilities: z.record(z.string(), z.number()).nullish(),
  confidence: z.number().nullish(),
});

const scoreAnswerSchema = z.looseObject({
  type: z.literal('score'),
  score: z.number(),
  probabilities: z.record(z.string(), z.number()).nullish(),
  confidence: z.number().nullish(),
  legend: z.record(z.string(), z.unknown()).nullish(),
});

const noulAnswerSchema = z.looseObject({
  type: z.literal('noul'),
  /** P(true). */
  noul: z.number(),
});

type OpenRouterDecisionsAnswer =
  | z.infer<typeof choiceAnswerSchema>
  | z.infer<typeof scoreAnswerSchema>
  | z.infer<typeof noulAnswerSchema>;

const answerSchemas = {
  choice: choiceAnswerSchema,
  score: scoreAnswerSchema,
  noul: noulAnswerSchema,
} as const;

export const openRouterDecisionsResponseSchema = lazySchema(() =>
  zodSchema(
    z.looseObject({
      id: z.string().nullish(),
      model: z.string().nullish(),
      provider: z.string().nullish(),
      // Each answer is checked by its own type below, so that an error can
      // name the question and an unknown type can be told apart.
      answers: z.record(z.string(), z.looseObject({ type: z.string() })),
      usage: z
        .looseObject({
          input_tokens: z.number().nullish(),
          output_tokens: z.number().nullish(),
          cost: z.number().nullish(),
        })
        .nullish(),
    }),
  ),
);

export type OpenRouterDecisionsResponse = {
  id?: string | null | undefined;
  model?: string | null | undefined;
  provider?: string | null | undefined;
  answers: Record<string, { type: string; [key: string]: unknown }>;
  usage?:
    | {
        input_tokens?: number | null | undefined;
        output_tokens?: number | null | undefined;
        cost?: number | null | undefined;
      }
    | null
    | undefined;
};

/**
 * OpenRouter rounds probabilities and scores to two decimals (as in its
 * Decisions reference: `0.78`, `1.99`). Declaring it lets the AI SDK allow
 * half a unit in the last place when it checks that a distribution sums to 1
 * and that a score is its distribution's mean.
 */
export const OPENROUTER_DECISIONS_ROUNDING = {
  probabilityDecimals: 2,
  scoreDecimals: 2,
} as const;

/**
 * The answers in the AI SDK's terms, under the same ids: `noul` becomes a
 * `boolean` answer whose probability is P(true); `choice` and `score` keep
 * their distributions. What the contract has no place for (`confidence`, a
 * score's `legend`) is returned apart, for `providerMetadata`. Whether every
 * question got exactly one answer of its type is checked by
 * `experimental_decide`.
 */
export function mapOpenRouterDecisionsAnswers(
  response: OpenRouterDecisionsResponse,
  rawValue: unknown,
): {
  answers: Record<string, DecisionModelV4Answer>;
  answerMetadata: JSONObject;
} {
  const answers: Record<string, DecisionModelV4Answer> = {};
  const answerMetadata: JSONObject = {};
  for (const [id, raw] of Object.entries(response.answers)) {
    const answer = parseAnswer(id, raw, rawValue);
    switch (answer.type) {
      case 'noul':
        answers[id] = { type: 'boolean', probability: answer.noul };
        answerMetadata[id] = {};
        break;
      case 'choice':
        answers[id] = {
          type: 'choice',
          choice: answer.choice,
          ...(answer.probabilities != null
            ? { probabilities: answer.probabilities }
            : {}),
        };
        answerMetadata[id] = withConfidence({}, answer.confidence);
        break;
      case 'score':
        answers[id] = {
          type: 'score',
          score: answer.score,
          ...(answer.probabilities != null
            ? { probabilities: answer.probabilities }
            : {}),
        };
        answerMetadata[id] = withConfidence(
          answer.legend != null ? { legend: answer.legend as JSONObject } : {},
          answer.confidence,
        );
        break;
    }
  }
  return { answers, answerMetadata };
}

function withConfidence(
  metadata: JSONObject,
  confidence: number | null | undefined,
): JSONObject {
  return confidence != null ? { confidence, ...metadata } : metadata;
}

function parseAnswer(
  id: string,
  raw: { type: string },
  rawValue: unknown,
): OpenRouterDecisionsAnswer {
  const schema = Object.hasOwn(answerSchemas, raw.type)
    ? answerSchemas[raw.type as keyof typeof answerSchemas]
    : undefined;
  if (schema == null) {
    throw new InvalidResponseDataError({
      data: rawValue,
      message: `OpenRouter answered question "${id}" with an answer of type "${raw.type}", which this version of ai-sdk-openrouter does not know (it knows choice, score and noul).`,
    });
  }
  const result = schema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new InvalidResponseDataError({
      data: rawValue,
      message: `OpenRouter's ${raw.type} answer to question "${id}" is malformed at ${[
        'answers',
        id,
        ...issue.path.map(String),
      ].join('.')}: ${issue.message}.`,
    });
  }
  return result.data;
}

/** `usage` in the AI SDK's terms, when OpenRouter reported any. */
export function mapOpenRouterDecisionsUsage(
  usage: OpenRouterDecisionsResponse['usage'],
): { inputTokens?: number; outputTokens?: number } | undefined {
  if (usage == null) {
    return undefined;
  }
  return {
    ...(usage.input_tokens != null ? { inputTokens: usage.input_tokens } : {}),
    ...(usage.output_tokens != null
      ? { outputTokens: usage.output_tokens }
      : {}),
  };
}

/**
 * `providerMetadata.openrouter`: the serving `provider`, the answering
 * `model` build, the `generationId`, each answer's `confidence` and score
 * `legend` under `answers`, and `usage` (`inputTokens`, `outputTokens`,
 * `cost` in USD) as reported. The incumbent's keys (`provider`, `answers`,
 * `usage.cost`) are all here.
 */
export function buildDecisionProviderMetadata(
  response: OpenRouterDecisionsResponse,
  answerMetadata: JSONObject,
): { openrouter: JSONObject } {
  const metadata: JSONObject = {};
  if (response.provider != null) {
    metadata.provider = response.provider;
  }
  if (response.model != null) {
    metadata.model = response.model;
  }
  if (response.id != null) {
    metadata.generationId = response.id;
  }
  metadata.answers = answerMetadata;
  const usage: Record<string, JSONValue> = {};
  if (response.usage?.input_tokens != null) {
    usage.inputTokens = response.usage.input_tokens;
  }
  if (response.usage?.output_tokens != null) {
    usage.outputTokens = response.usage.output_tokens;
  }
  if (response.usage?.cost != null) {
    usage.cost = response.usage.cost;
  }
  if (Object.keys(usage).length > 0) {
    metadata.usage = usage;
  }
  return { openrouter: metadata };
}
