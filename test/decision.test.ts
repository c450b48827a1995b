import {
  APICallError,
  Experimental_DecisionUnsupportedQuestionTypeError,
  InvalidArgumentError,
  InvalidResponseDataError,
  LoadSettingError,
  UnsupportedFunctionalityError,
} from '@ai-sdk/provider';
import {
  WORKFLOW_DESERIALIZE,
  WORKFLOW_SERIALIZE,
} from '@ai-sdk/provider-utils';
import { experimental_decide, experimental_evaluate } from 'ai';
import { createOpenRouter } from 'ai-sdk-openrouter';
import { describe, expect, it } from 'vitest';
import { startHostileServer } from './support/hostile-server';
import { TEST_API_KEY, useEmulator } from './support/use-emulator';

const server = useEmulator();

const MODEL = 'typesafe/jev-1.13';

const QUESTIONS = {
  team: {
    type: 'choice',
    instructions: 'Which team should own this ticket?',
    criteria: {
      payments: 'Checkout, billing, or payment issues',
      frontend: 'Rendering or layout issues',
      account: null,
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
    criteria: {
      true: 'Broken behaviour such as a blank screen',
      false: 'A feature request',
    },
  },
} as const;

const STATE = 'My checkout page shows a blank screen after I click Pay.';

/** A Decisions answer body, as OpenRouter's reference shows one. */
function decisionsBody(answers: Record<string, unknown>) {
  return {
    id: 'gen-dec-1',
    model: 'typesafe/jev-1.13-20260917',
    provider: 'TypeSafe',
    answers,
    usage: { input_tokens: 10, output_tokens: 2, cost: 0.00002 },
  };
}

function jsonHandler(status: number, body: unknown) {
  return (_request: unknown, response: import('node:http').ServerResponse) => {
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(typeof body === 'string' ? body : JSON.stringify(body));
  };
}

describe('decisionModel over the Decisions API', () => {
  it('answers choice, score and boolean questions, with usage, cost and metadata', async () => {
    const openrouter = server.createProvider();

    const result = await experimental_decide({
      model: openrouter.decisionModel(MODEL),
      state: STATE,
      questions: QUESTIONS,
    });

    // The emulator judges by words in common with the state.
    expect(result.answers).toStrictEqual({
      team: {
        type: 'choice',
        choice: 'payments',
        probabilities: { payments: 0.5, frontend: 0.25, account: 0.25 },
      },
      urgency: {
        type: 'score',
        score: 1.25,
        probabilities: { '0': 0.25, '1': 0.25, '2': 0.5 },
      },
      isBug: { type: 'boolean', probability: 0.75 },
    });
    expect(result.rounding).toStrictEqual({
      probabilityDecimals: 2,
      scoreDecimals: 2,
    });
    expect(result.usage).toStrictEqual({
      inputTokens: expect.any(Number),
      outputTokens: 15,
      totalTokens: expect.any(Number),
    });
    expect(result.warnings).toStrictEqual([]);
    expect(result.providerMetadata?.openrouter).toStrictEqual({
      provider: 'Emulator',
      model: MODEL,
      generationId: 'gen-dec-emulator-0',
      answers: {
        team: { confidence: 0.5 },
        urgency: {
          confidence: 0.5,
          legend: {
            '0': 'Can wait',
            '1': 'This week',
            '2': 'Blocking checkout right now',
          },
        },
        isBug: {},
      },
      usage: {
        inputTokens: result.usage.inputTokens,
        outputTokens: 15,
        cost: expect.any(Number),
      },
    });
    expect(result.response).toMatchObject({
      id: 'gen-dec-emulator-0',
      modelId: MODEL,
      body: expect.objectContaining({ id: 'gen-dec-emulator-0' }),
    });

    const [request] = server.emulator.requests;
    expect(request.path).toBe('/api/alpha/decisions');
    expect(request.headers.authorization).toBe('Bearer [REDACTED …cdef]');
    // Boolean questions are OpenRouter's noul questions; the string state
    // is sent as the string it was.
    expect(request.body).toStrictEqual({
      model: MODEL,
      state: STATE,
      questions: {
        team: QUESTIONS.team,
        urgency: QUESTIONS.urgency,
        isBug: { ...QUESTIONS.isBug, type: 'noul' },
      },
    });
  });

  it('is also evaluationModel, for experimental_evaluate', async () => {
    const openrouter = server.createProvider();
    const model = openrouter.evaluationModel(MODEL);

    const result = await experimental_evaluate({
      model,
      state: STATE,
      questions: { isBug: QUESTIONS.isBug },
    });

    expect(result.answers.isBug).toStrictEqual({
      type: 'boolean',
      probability: 0.75,
    });
    expect(model.supportedQuestionTypes).toStrictEqual([
      'choice',
      'score',
      'boolean',
    ]);
    expect(model.provider).toBe('openrouter.decision');
    expect(server.emulator.requests).toHaveLength(1);
  });

  it('keeps doEvaluate, the earlier contract name, as doDecide', async () => {
    const model = server.createProvider().evaluationModel(MODEL);
    const result = await model.doEvaluate({
      state: [{ type: 'text', text: STATE }],
      questions: { isBug: QUESTIONS.isBug },
    });
    expect(result.answers.isBug).toStrictEqual({
      type: 'boolean',
      probability: 0.75,
    });
  });

  it('answers the same request the same way, and follows the wording', async () => {
    const model = server.createProvider().decisionModel(MODEL);
    const questions = {
      refund: {
        type: 'boolean',
        instructions: 'Does the customer want money back?',
        criteria: { true: 'asks for a refund', false: 'asks a question' },
      },
    } as const;

    const first = await experimental_decide({
      model,
      state: 'Please refund my order',
      questions,
    });
    const again = await experimental_decide({
      model,
      state: 'Please refund my order',
      questions,
    });
    const other = await experimental_decide({
      model,
      state: 'I have a question about my order',
      questions,
    });

    expect(again.answers).toStrictEqual(first.answers);
    expect(first.answers.refund.probability).toBeGreaterThan(0.5);
    expect(other.answers.refund.probability).toBeLessThan(0.5);
  });
});

describe('state', () => {
  it('sends a JSON object state as the object', async () => {
    await experimental_decide({
      model: server.createProvider().decisionModel(MODEL),
      state: { ticket: STATE, tier: 'enterprise' },
      questions: { isBug: QUESTIONS.isBug },
    });
    expect(server.emulator.requests[0].body).toMatchObject({
      state: { ticket: STATE, tier: 'enterprise' },
    });
  });

  it('sends several text and JSON parts as one array, in order', async () => {
    await experimental_decide({
      model: server.createProvider().decisionModel(MODEL),
      state: [
        { type: 'text', text: 'first' },
        { type: 'json', value: { second: 2 } },
        { type: 'json', value: 3 },
      ],
      questions: { isBug: QUESTIONS.isBug },
    });
    expect(server.emulator.requests[0].body).toMatchObject({
      state: ['first', { second: 2 }, 3],
    });
  });

  it('refuses a file part before sending anything, instead of dropping it', async () => {
    const call = experimental_decide({
      model: server.createProvider().decisionModel(MODEL),
      state: [
        { type: 'text', text: 'Is this a receipt?' },
        {
          type: 'file',
          data: new Uint8Array([1, 2, 3]),
          mediaType: 'image/png',
        },
      ],
      questions: { isBug: QUESTIONS.isBug },
    });
    await expect(call).rejects.toSatisfy(
      error =>
        UnsupportedFunctionalityError.isInstance(error) &&
        error.message.includes('state[1] is a file (image/png)'),
    );
    expect(server.emulator.requests).toHaveLength(0);
  });
});

describe('questions OpenRouter cannot take', () => {
  const cases = [
    [
      'missing instructions',
      { q: { type: 'choice', criteria: { a: 'A', b: 'B' } } },
      'questions.q.instructions',
    ],
    [
      'a score level without a description',
      {
        q: {
          type: 'score',
          instructions: 'How good?',
          criteria: ['bad', null, 'good'],
        },
      },
      'questions.q.criteria[1]',
    ],
    [
      'one boolean criterion without the other',
      {
        q: {
          type: 'boolean',
          instructions: 'Is it?',
          criteria: { true: 'yes' },
        },
      },
      'questions.q.criteria',
    ],
  ] as const;

  it.each(cases)(
    'refuses %s, naming it, before any request',
    async (_name, questions, argument) => {
      const call = experimental_decide({
        model: server.createProvider().decisionModel(MODEL),
        state: STATE,
        questions,
      });
      await expect(call).rejects.toSatisfy(
        error =>
          InvalidArgumentError.isInstance(error) && error.argument === argument,
      );
      expect(server.emulator.requests).toHaveLength(0);
    },
  );

  it('sends a boolean question without criteria as a bare noul question', async () => {
    await experimental_decide({
      model: server.createProvider().decisionModel(MODEL),
      state: STATE,
      questions: {
        q: {
          type: 'boolean',
          instructions: 'Is it a bug?',
          criteria: { true: null, false: null },
        },
      },
    });
    expect(server.emulator.requests[0].body).toMatchObject({
      questions: { q: { type: 'noul', instructions: 'Is it a bug?' } },
    });
  });

  it('does not offer box questions, so the AI SDK refuses them before I/O', async () => {
    const call = experimental_decide({
      model: server.createProvider().decisionModel(MODEL),
      state: STATE,
      questions: { where: { type: 'box', instructions: 'Where is the logo?' } },
    });
    await expect(call).rejects.toSatisfy(error =>
      Experimental_DecisionUnsupportedQuestionTypeError.isInstance(error),
    );
    expect(server.emulator.requests).toHaveLength(0);
  });
});

describe('options', () => {
  it('layers provider extraBody, settings and providerOptions.openrouter', async () => {
    const openrouter = server.createProvider({
      extraBody: { user: 'from-extra-body', custom_field: 1 },
    });
    const result = await experimental_decide({
      model: openrouter.decisionModel(MODEL, {
        user: 'from-settings',
        provider: { order: ['typesafe'], allow_fallbacks: false },
        trace: { trace_id: 't-1', team: 'support' },
        extraBody: { session_id: 'under-settings' },
      }),
      state: STATE,
      questions: { isBug: QUESTIONS.isBug },
      providerOptions: {
        openrouter: { sessionId: 'session-1', user: 'from-call' },
      },
    });

    expect(server.emulator.requests[0].body).toStrictEqual({
      model: MODEL,
      state: STATE,
      questions: { isBug: { ...QUESTIONS.isBug, type: 'noul' } },
      custom_field: 1,
      user: 'from-call',
      provider: { order: ['typesafe'], allow_fallbacks: false },
      trace: { trace_id: 't-1', team: 'support' },
      session_id: 'session-1',
    });
    expect(result.warnings).toStrictEqual([]);
  });

  it('never lets options replace model, state or questions, and says so', async () => {
    const result = await experimental_decide({
      model: server.createProvider().decisionModel(MODEL),
      state: STATE,
      questions: { isBug: QUESTIONS.isBug },
      providerOptions: {
        openrouter: { extraBody: { model: 'other/model', state: 'other' } },
      },
    });
    expect(server.emulator.requests[0].body).toMatchObject({
      model: MODEL,
      state: STATE,
    });
    expect(result.warnings).toHaveLength(2);
    expect(result.warnings[0]).toMatchObject({
      type: 'other',
      message: expect.stringContaining('"model"'),
    });
  });

  it('refuses an invalid option, naming the field, before any request', async () => {
    const call = experimental_decide({
      model: server.createProvider().decisionModel(MODEL),
      state: STATE,
      questions: { isBug: QUESTIONS.isBug },
      providerOptions: {
        openrouter: { session_id: 'x'.repeat(257) },
      },
    });
    await expect(call).rejects.toSatisfy(
      error =>
        InvalidArgumentError.isInstance(error) &&
        error.argument === 'providerOptions.openrouter.session_id',
    );

    const model = server.createProvider().decisionModel(MODEL, {
      provider: {
        // @ts-expect-error a wrong type is a compile error too
        order: 'typesafe',
      },
    });
    await expect(
      model.doDecide({
        state: [{ type: 'text', text: STATE }],
        questions: { isBug: QUESTIONS.isBug },
      }),
    ).rejects.toSatisfy(
      error =>
        InvalidArgumentError.isInstance(error) &&
        error.argument === 'settings.provider.order',
    );
    expect(server.emulator.requests).toHaveLength(0);
  });

  it('warns that maxOutputTokens and reasoning cannot be sent', async () => {
    const result = await experimental_decide({
      model: server.createProvider().decisionModel(MODEL),
      state: STATE,
      questions: { isBug: QUESTIONS.isBug },
      maxOutputTokens: 50,
      reasoning: 'high',
    });
    expect(result.warnings).toStrictEqual([
      {
        type: 'unsupported',
        feature: 'maxOutputTokens',
        details: expect.stringContaining('not sent'),
      },
      {
        type: 'unsupported',
        feature: 'reasoning',
        details: expect.stringContaining('"high" was not sent'),
      },
    ]);
    expect(server.emulator.requests[0].body).not.toHaveProperty('max_tokens');
    expect(server.emulator.requests[0].body).not.toHaveProperty('reasoning');
  });

  it('sends call headers and attribution headers', async () => {
    await experimental_decide({
      model: server.createProvider({ appName: 'Decider' }).decisionModel(MODEL),
      state: STATE,
      questions: { isBug: QUESTIONS.isBug },
      headers: { 'x-trace': 'abc' },
    });
    expect(server.emulator.requests[0].headers).toMatchObject({
      'x-trace': 'abc',
      'x-openrouter-title': 'Decider',
    });
  });
});

describe('decisionsBaseURL', () => {
  it('defaults to https://openrouter.ai/api/alpha', async () => {
    const urls: string[] = [];
    const openrouter = createOpenRouter({
      apiKey: TEST_API_KEY,
      fetch: async input => {
        urls.push(String(input));
        return Response.json(
          decisionsBody({ isBug: { type: 'noul', noul: 0.2 } }),
        );
      },
    });
    await experimental_decide({
      model: openrouter.decisionModel(MODEL),
      state: STATE,
      questions: { isBug: QUESTIONS.isBug },
    });
    expect(urls).toStrictEqual(['https://openrouter.ai/api/alpha/decisions']);
  });

  it('replaces a trailing /v1 of baseURL with /alpha, trailing slash or not', async () => {
    const urls: string[] = [];
    const openrouter = createOpenRouter({
      apiKey: TEST_API_KEY,
      baseURL: 'https://gateway.example/openrouter/api/v1/',
      fetch: async input => {
        urls.push(String(input));
        return Response.json(
          decisionsBody({ isBug: { type: 'noul', noul: 0.2 } }),
        );
      },
    });
    await experimental_decide({
      model: openrouter.decisionModel(MODEL),
      state: STATE,
      questions: { isBug: QUESTIONS.isBug },
    });
    expect(urls).toStrictEqual([
      'https://gateway.example/openrouter/api/alpha/decisions',
    ]);
  });

  it('has no default for a baseURL without /v1: decisionModel() says to set it, other models work', () => {
    const openrouter = createOpenRouter({
      apiKey: TEST_API_KEY,
      baseURL: 'https://proxy.example/openrouter',
    });
    expect(() => openrouter.decisionModel(MODEL)).toThrow(LoadSettingError);
    expect(() => openrouter.evaluationModel(MODEL)).toThrow(
      /Set decisionsBaseURL/,
    );
    expect(openrouter.chat('openai/gpt-4o').modelId).toBe('openai/gpt-4o');
  });

  it.each([
    ['a query', 'https://openrouter.ai/api/alpha?key=secret'],
    ['a fragment', 'https://openrouter.ai/api/alpha#secret'],
    ['credentials', 'https://user:secret@openrouter.ai/api/alpha'],
    ['another protocol', 'ftp://openrouter.ai/api/alpha'],
  ])(
    'refuses %s when the provider is created, without repeating it',
    (_name, decisionsBaseURL) => {
      let thrown: unknown;
      try {
        createOpenRouter({ decisionsBaseURL });
      } catch (error) {
        thrown = error;
      }
      expect(InvalidArgumentError.isInstance(thrown)).toBe(true);
      expect((thrown as InvalidArgumentError).argument).toBe(
        'decisionsBaseURL',
      );
      expect((thrown as Error).message).not.toContain('secret');
    },
  );

  it('sends to decisionsBaseURL on its own origin, and follows a redirect there', async () => {
    // Another origin than baseURL: the request path must be bound to this
    // one, or the same-origin redirect below would be refused.
    const decisions = await startHostileServer((request, response) => {
      if (request.url === '/alpha/decisions') {
        response.writeHead(307, { location: '/alpha/v2/decisions' });
        response.end();
        return;
      }
      jsonHandler(200, decisionsBody({ isBug: { type: 'noul', noul: 0.9 } }))(
        request,
        response,
      );
    });
    try {
      const openrouter = server.createProvider({
        decisionsBaseURL: `${decisions.origin}/alpha/`,
      });
      const result = await experimental_decide({
        model: openrouter.decisionModel(MODEL),
        state: STATE,
        questions: { isBug: QUESTIONS.isBug },
      });
      expect(result.answers.isBug.probability).toBe(0.9);
      expect(decisions.requests.map(request => request.url)).toStrictEqual([
        '/alpha/decisions',
        '/alpha/v2/decisions',
      ]);
      expect(server.emulator.requests).toHaveLength(0);
    } finally {
      await decisions.close();
    }
  });

  it('refuses a redirect from the decisions origin to another, even to baseURL', async () => {
    const decisions = await startHostileServer((_request, response) => {
      response.writeHead(307, {
        location: `${server.emulator.baseURL.replace('/v1', '/alpha')}/decisions`,
      });
      response.end();
    });
    try {
      const call = experimental_decide({
        model: server
          .createProvider({ decisionsBaseURL: decisions.origin })
          .decisionModel(MODEL),
        state: STATE,
        questions: { isBug: QUESTIONS.isBug },
        maxRetries: 0,
      });
      await expect(call).rejects.toSatisfy(
        error => APICallError.isInstance(error) && !error.isRetryable,
      );
      expect(server.emulator.requests).toHaveLength(0);
    } finally {
      await decisions.close();
    }
  });

  it('survives workflow serialization', async () => {
    const model = server.createProvider().decisionModel(MODEL, { user: 'u' });
    const modelClass = model.constructor as unknown as {
      [WORKFLOW_SERIALIZE](model: unknown): unknown;
      [WORKFLOW_DESERIALIZE](data: unknown): typeof model;
    };
    const stored = JSON.parse(
      JSON.stringify(modelClass[WORKFLOW_SERIALIZE](model)),
    );
    expect(stored.config.baseURL).toBe(
      server.emulator.baseURL.replace(/\/v1$/, '/alpha'),
    );
    const restored = modelClass[WORKFLOW_DESERIALIZE](stored);
    expect(restored.supportedQuestionTypes).toStrictEqual(
      model.supportedQuestionTypes,
    );
  });
});

describe('errors', () => {
  async function decideAgainst(
    handler: Parameters<typeof startHostileServer>[0],
  ) {
    const decisions = await startHostileServer(handler);
    try {
      return await experimental_decide({
        model: createOpenRouter({
          apiKey: TEST_API_KEY,
          decisionsBaseURL: decisions.origin,
        }).decisionModel(MODEL),
        state: STATE,
        questions: { isBug: QUESTIONS.isBug },
        maxRetries: 0,
      }).then(
        () => undefined,
        (error: unknown) => error,
      );
    } finally {
      await decisions.close();
    }
  }

  it.each([
    [401, false],
    [402, false],
    [429, true],
    [500, true],
    [503, true],
  ])(
    'turns HTTP %i into an APICallError (retryable: %s) without the key',
    async (status, retryable) => {
      const error = await decideAgainst(
        jsonHandler(status, {
          error: { code: status, message: `refused with ${TEST_API_KEY}` },
        }),
      );
      expect(APICallError.isInstance(error)).toBe(true);
      const apiError = error as APICallError;
      expect(apiError.statusCode).toBe(status);
      expect(apiError.isRetryable).toBe(retryable);
      expect(apiError.message).toContain('refused with');
      expect(JSON.stringify(apiError)).not.toContain(TEST_API_KEY);
      expect(apiError.message).not.toContain(TEST_API_KEY);
    },
  );

  it('turns an error delivered with HTTP 200 into an APICallError with its code', async () => {
    const error = await decideAgainst(
      jsonHandler(200, { error: { code: 429, message: 'Rate limited' } }),
    );
    expect(APICallError.isInstance(error)).toBe(true);
    expect((error as APICallError).statusCode).toBe(429);
    expect((error as APICallError).isRetryable).toBe(true);
  });

  it('retries a cut-off body', async () => {
    const error = await decideAgainst(jsonHandler(200, '{"answers": {'));
    expect(APICallError.isInstance(error)).toBe(true);
    expect((error as APICallError).isRetryable).toBe(true);
  });

  it('refuses an answer of a type it does not know, naming it', async () => {
    const error = await decideAgainst(
      jsonHandler(200, decisionsBody({ isBug: { type: 'verdict', v: 1 } })),
    );
    expect(InvalidResponseDataError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain(
      'question "isBug" with an answer of type "verdict"',
    );
  });

  it('refuses a malformed answer, naming where', async () => {
    const error = await decideAgainst(
      jsonHandler(200, decisionsBody({ isBug: { type: 'noul', noul: 'yes' } })),
    );
    expect(InvalidResponseDataError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('answers.isBug.noul');
  });

  it('leaves a missing answer to the AI SDK, which refuses it', async () => {
    const error = await decideAgainst(jsonHandler(200, decisionsBody({})));
    expect(InvalidResponseDataError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('exactly one answer');
  });

  it('stops waiting when the call is aborted', async () => {
    server.emulator.enqueue({ type: 'stall', path: '/api/alpha/decisions' });
    const controller = new AbortController();
    const call = experimental_decide({
      model: server.createProvider().decisionModel(MODEL),
      state: STATE,
      questions: { isBug: QUESTIONS.isBug },
      abortSignal: controller.signal,
    });
    setTimeout(() => controller.abort(new Error('stop')), 50);
    await expect(call).rejects.toThrow('stop');
  });
});

describe('the emulator route', () => {
  async function post(body: unknown) {
    const response = await fetch(
      `${server.emulator.baseURL.replace(/\/v1$/, '/alpha')}/decisions`,
      {
        method: 'POST',
        headers: {
          authorization: `Bearer ${TEST_API_KEY}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify(body),
      },
    );
    return {
      status: response.status,
      body: (await response.json()) as {
        error?: { message: string };
        answers?: Record<string, { probabilities?: Record<string, number> }>;
      },
    };
  }

  it('answers 400 to what OpenRouter refuses, naming the field', async () => {
    const noInstructions = await post({
      model: MODEL,
      state: 's',
      questions: { q: { type: 'noul' } },
    });
    expect(noInstructions.status).toBe(400);
    expect(noInstructions.body.error?.message).toContain(
      'questions.q.instructions',
    );

    const boolean = await post({
      model: MODEL,
      state: 's',
      questions: { q: { type: 'boolean', instructions: 'i' } },
    });
    expect(boolean.status).toBe(400);
    expect(boolean.body.error?.message).toContain('questions.q.type');
  });

  it('bounds what a request can make it allocate', async () => {
    const tooMany = await post({
      model: MODEL,
      state: 's',
      questions: Object.fromEntries(
        Array.from({ length: 257 }, (_, index) => [
          `q${index}`,
          { type: 'noul', instructions: 'i' },
        ]),
      ),
    });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error?.message).toContain('at most 256 questions');

    const tooManyOptions = await post({
      model: MODEL,
      state: 's',
      questions: {
        q: {
          type: 'choice',
          instructions: 'i',
          criteria: Object.fromEntries(
            Array.from({ length: 257 }, (_, index) => [`o${index}`, null]),
          ),
        },
      },
    });
    expect(tooManyOptions.status).toBe(400);
  });

  it('gives distributions of whole hundredths that sum to 1, for many options too', async () => {
    const reply = await post({
      model: MODEL,
      state: 'o1 o2 o3',
      questions: {
        q: {
          type: 'choice',
          instructions: 'i',
          criteria: Object.fromEntries(
            Array.from({ length: 150 }, (_, index) => [`o${index}`, null]),
          ),
        },
      },
    });
    expect(reply.status).toBe(200);
    const probabilities = Object.values(
      reply.body.answers?.q.probabilities ?? {},
    );
    expect(probabilities).toHaveLength(150);
    expect(probabilities.every(value => value >= 0)).toBe(true);
    expect(
      Math.round(probabilities.reduce((sum, value) => sum + value, 0) * 100),
    ).toBe(100);
  });
});
