// @openrouter/ai-sdk-provider README: "Evaluation (Jev with AI SDK through
// OpenRouter)".
import { experimental_evaluate as evaluate } from 'ai';
import { createOpenRouter, openrouter } from 'ai-sdk-openrouter';

{
  const result = await evaluate({
    // INCUMBENT-README: fails against the incumbent itself with ai@7.0.173,
    // whose `experimental_evaluate` passes the state as AI SDK parts that
    // the incumbent's `doEvaluate` (typed for JSON state) does not accept.
    model: openrouter.evaluationModel('typesafe/jev-1.13'),
    state: {
      ticket: 'My checkout page shows a blank screen after I click Pay.',
      customer_tier: 'enterprise',
    },
    questions: {
      is_bug: {
        type: 'boolean',
        instructions: 'Is the customer reporting a software defect?',
      },
      team: {
        type: 'choice',
        instructions: 'Which team should own this ticket?',
        criteria: {
          payments: 'Checkout, billing, or payment processing issues.',
          frontend: 'Rendering, layout, or browser compatibility issues.',
          account: 'Login, permissions, or profile issues.',
        },
      },
      urgency: {
        type: 'score',
        instructions: 'How urgent is this ticket?',
        criteria: [
          'Can wait for the next release',
          'Should be fixed this week',
          'Blocking revenue right now',
        ],
      },
    },
  });

  result.answers.is_bug.probability; // 0.93
  result.answers.team.choice; // 'payments'
  result.answers.team.probabilities; // { payments: 0.87, frontend: 0.13, account: 0 }
  result.answers.urgency.score; // 2 (probability-weighted mean over criteria indices)
  result.answers.urgency.probabilities; // { '0': 0, '1': 0, '2': 1 }
  result.providerMetadata?.openrouter; // { provider: 'TypeSafe', answers: { team: { confidence: 0.8 }, ... }, usage: { cost: 0.000018228 } }
}

{
  const openrouter = createOpenRouter({
    baseURL: 'https://proxy.example.com/openrouter',
    decisionsBaseURL: 'https://proxy.example.com/openrouter-alpha',
  });
  openrouter.evaluationModel('typesafe/jev-1.13');
}
