import {
  APICallError,
  InvalidArgumentError,
  LoadSettingError,
} from '@ai-sdk/provider';
import { createOpenRouter as createIncumbent } from '@openrouter/ai-sdk-provider';
import {
  type Experimental_DecisionModel,
  experimental_decide,
  experimental_evaluate,
} from 'ai';
import { createOpenRouter } from 'ai-sdk-openrouter';
import { describe, expect, it } from 'vitest';
import { TEST_API_KEY, useEmulator } from './support/use-emulator';

// The same calls through `@openrouter/ai-sdk-provider`'s `evaluationModel`
// and ours, against the emulator: the request bodies and the results match,
// except where ours deliberately differs (each asserted below).

const server = useEmulator();

const MODEL = 'typesafe/jev-1.13';

const QUESTIONS = {
  team: {
    type: 'choice',
    instructions: 'Which team should own this ticket?',
    criteria: {
      payments: 'Checkout, billing, or payment issues',
      frontend: 'Rendering or layout issues',
    },
  },
  urgency: {
    type: 'score',
    instructions: 'How urgent is this ticket?',
    criteria: ['Can wait', 'This week', 'Blocking checkout right now'],
  },
  isBug: {
    type: 'boolean',
    instructions: 'Is this a software defect?',
    criteria: { true: 'A blank screen', false: 'A feature request' },
  },
  plain: { type: 'boolean', instructions: 'Is the customer upset?' },
} as const;

const STATE = 'My checkout page shows a blank screen after I click Pay.';

/**
 * The incumbent's model implements its own copy of the earlier evaluation
 * contract, whose `state` is not the parts `ai@7` now passes, so it no
 * longer type-checks as an `experimental_decide` model; at run time the AI
 * SDK still adapts it. (Ours implements the current contract.)
 */
function old(model: unknown) {
  return model as Experimental_DecisionModel;
}

function providers(settings: Record<string, unknown> = {}) {
  const common = { apiKey: TEST_API_KEY, baseURL: server.emulator.baseURL };
  return {
    incumbent: createIncumbent({ ...common, ...settings }),
    ours: createOpenRouter({ ...common, ...settings }),
  };
}

/** Runs `call` with each provider and returns both results and bodies. */
async function both<T>(
  call: (provider: 'incumbent' | 'ours') => Promise<T>,
): Promise<{
  incumbent: T;
  ours: T;
  bodies: { incumbent: Record<string, unknown>; ours: Record<string, unknown> };
}> {
  const incumbent = await call('incumbent');
  const ours = await call('ours');
  const [incumbentRequest, ourRequest] = server.emulator.requests;
  expect(incumbentRequest.path).toBe('/api/alpha/decisions');
  expect(ourRequest.path).toBe('/api/alpha/decisions');
  return {
    incumbent,
    ours,
    bodies: {
      incumbent: incumbentRequest.body as Record<string, unknown>,
      ours: ourRequest.body as Record<string, unknown>,
    },
  };
}

function withoutState(body: Record<string, unknown>) {
  const { state: _state, ...rest } = body;
  return rest;
}

describe('drop-in: evaluationModel against the incumbent', () => {
  it('sends the same questions and settings, and returns the same answers', async () => {
    const settings = {
      user: 'user-1',
      provider: { order: ['typesafe'], allow_fallbacks: false },
      session_id: 'session-1',
      trace: { trace_id: 't-1', custom: 'kept' },
      extraBody: { custom_field: 1 },
    };
    const { incumbent, ours } = providers({ extraBody: { from_provider: 1 } });

    const result = await both(provider =>
      experimental_evaluate({
        model:
          provider === 'incumbent'
            ? old(incumbent.evaluationModel(MODEL, settings))
            : ours.evaluationModel(MODEL, settings),
        state: STATE,
        questions: QUESTIONS,
        providerOptions: { openrouter: { user: 'user-2' } },
      }),
    );

    // Questions (boolean as noul, choice and score as they are), settings,
    // extraBody at both levels and the call's options: the same.
    expect(withoutState(result.bodies.ours)).toStrictEqual(
      withoutState(result.bodies.incumbent),
    );
    expect(result.bodies.ours).toMatchObject({
      user: 'user-2',
      from_provider: 1,
      custom_field: 1,
      questions: { isBug: { type: 'noul' }, plain: { type: 'noul' } },
    });

    expect(result.ours.answers).toStrictEqual(result.incumbent.answers);
    expect(result.ours.rounding).toStrictEqual(result.incumbent.rounding);
    expect(result.ours.warnings).toStrictEqual(result.incumbent.warnings);
    expect(result.ours.usage.outputTokens).toBe(
      result.incumbent.usage.outputTokens,
    );
    // Every key of the incumbent's metadata; ours adds model, generationId
    // and the token counts. The cost is lower, as the state is shorter
    // (see the next test).
    const incumbentMetadata =
      result.incumbent.providerMetadata?.openrouter ?? {};
    const ourMetadata = result.ours.providerMetadata?.openrouter ?? {};
    expect(ourMetadata.provider).toBe(incumbentMetadata.provider);
    expect(ourMetadata.answers).toStrictEqual(incumbentMetadata.answers);
    const costOf = (metadata: Record<string, unknown>) =>
      (metadata.usage as { cost: number }).cost;
    expect(costOf(ourMetadata)).toBeGreaterThan(0);
    expect(costOf(ourMetadata)).toBeLessThan(costOf(incumbentMetadata));
    expect(result.ours.providerMetadata?.openrouter).toMatchObject({
      model: MODEL,
      generationId: 'gen-dec-emulator-1',
    });
    expect(result.incumbent.response.id).toBe('gen-dec-emulator-0');
    expect(result.ours.response.id).toBe('gen-dec-emulator-1');
    expect(result.ours.response.modelId).toBe(
      result.incumbent.response.modelId,
    );
  });

  it('improvement: the state is sent as written, not wrapped in AI SDK parts', async () => {
    const { incumbent, ours } = providers();

    const text = await both(provider =>
      experimental_decide({
        model:
          provider === 'incumbent'
            ? old(incumbent.evaluationModel(MODEL))
            : ours.decisionModel(MODEL),
        state: STATE,
        questions: { plain: QUESTIONS.plain },
      }),
    );
    // The incumbent passes `ai@7`'s state parts through as the state.
    expect(text.bodies.incumbent.state).toStrictEqual([
      { type: 'text', text: STATE },
    ]);
    expect(text.bodies.ours.state).toBe(STATE);
    // So the model reads fewer tokens, for the same question.
    expect(text.ours.usage.inputTokens).toBeLessThan(
      text.incumbent.usage.inputTokens ?? 0,
    );

    server.emulator.reset();
    const json = await both(provider =>
      experimental_decide({
        model:
          provider === 'incumbent'
            ? old(incumbent.evaluationModel(MODEL))
            : ours.decisionModel(MODEL),
        state: { ticket: STATE },
        questions: { plain: QUESTIONS.plain },
      }),
    );
    expect(json.bodies.incumbent.state).toStrictEqual([
      { type: 'json', value: { ticket: STATE } },
    ]);
    expect(json.bodies.ours.state).toStrictEqual({ ticket: STATE });
  });

  it('refuses the same unsendable questions the same way', async () => {
    const { incumbent, ours } = providers();
    for (const questions of [
      {
        q: {
          type: 'score',
          instructions: 'How good?',
          criteria: ['bad', null],
        },
      },
      {
        q: {
          type: 'boolean',
          instructions: 'Is it?',
          criteria: { true: 'yes', false: null },
        },
      },
    ] as const) {
      for (const model of [
        old(incumbent.evaluationModel(MODEL)),
        ours.evaluationModel(MODEL),
      ]) {
        await expect(
          experimental_decide({ model, state: STATE, questions }),
        ).rejects.toSatisfy(error => InvalidArgumentError.isInstance(error));
      }
    }
    expect(server.emulator.requests).toHaveLength(0);
  });

  it('improvement: a question without instructions is refused before sending, not by OpenRouter', async () => {
    const { incumbent, ours } = providers();
    const questions = {
      q: { type: 'choice', criteria: { a: 'A', b: 'B' } },
    } as const;

    await expect(
      experimental_decide({
        model: old(incumbent.evaluationModel(MODEL)),
        state: STATE,
        questions,
        maxRetries: 0,
      }),
    ).rejects.toSatisfy(
      error => APICallError.isInstance(error) && error.statusCode === 400,
    );
    expect(server.emulator.requests).toHaveLength(1);

    await expect(
      experimental_decide({
        model: ours.decisionModel(MODEL),
        state: STATE,
        questions,
      }),
    ).rejects.toSatisfy(
      error =>
        InvalidArgumentError.isInstance(error) &&
        error.argument === 'questions.q.instructions',
    );
    expect(server.emulator.requests).toHaveLength(1);
  });

  it('derives the decisions URL by the same rule, and both need decisionsBaseURL behind a proxy', async () => {
    const proxy = 'https://proxy.example/openrouter';
    expect(() =>
      createIncumbent({ apiKey: TEST_API_KEY, baseURL: proxy }).evaluationModel(
        MODEL,
      ),
    ).toThrow(
      // The incumbent bundles its own copy of the error classes.
      expect.objectContaining({ name: 'AI_LoadSettingError' }),
    );
    expect(() =>
      createOpenRouter({
        apiKey: TEST_API_KEY,
        baseURL: proxy,
      }).evaluationModel(MODEL),
    ).toThrow(LoadSettingError);

    const decisionsBaseURL = server.emulator.baseURL.replace(/\/v1$/, '/alpha');
    const { incumbent, ours } = providers({
      baseURL: proxy,
      decisionsBaseURL,
    });
    await both(provider =>
      experimental_decide({
        model:
          provider === 'incumbent'
            ? old(incumbent.evaluationModel(MODEL))
            : ours.evaluationModel(MODEL),
        state: STATE,
        questions: { plain: QUESTIONS.plain },
      }),
    );
  });

  it('difference: the model reports its provider as openrouter.decision, as our other models do', () => {
    const { incumbent, ours } = providers();
    expect(incumbent.evaluationModel(MODEL).provider).toBe('openrouter');
    expect(ours.evaluationModel(MODEL).provider).toBe('openrouter.decision');
    expect(ours.evaluationModel(MODEL).supportedQuestionTypes).toStrictEqual(
      incumbent.evaluationModel(MODEL).supportedQuestionTypes,
    );
  });
});
