import { APICallError, InvalidArgumentError } from '@ai-sdk/provider';
import { generateText, isStepCount, Output, streamText, tool } from 'ai';
import { openRouterMetadata } from 'ai-sdk-openrouter';
import { scripted } from 'ai-sdk-openrouter/testing';
import { describe, expect, it } from 'vitest';
import { z } from 'zod/v4';
import { collect } from './support/collect';
import { TEST_API_KEY, useEmulator } from './support/use-emulator';

// The Responses model (`openrouter.responses(modelId)`) over real sockets,
// against the emulator's `/responses` route, through the AI SDK's own
// functions.

const server = useEmulator();
const MODEL = 'openai/o4-mini';

function responsesModel(settings = {}) {
  return server.createProvider().responses(MODEL, settings);
}

type Body = Record<string, unknown> & {
  input: Array<Record<string, unknown>>;
};

function requestBody(index: number) {
  const request = server.emulator.requests[index];
  expect(request.path).toBe('/responses');
  return request.body as unknown as Body;
}

const weather = tool({
  description: 'The weather in a city',
  inputSchema: z.object({ city: z.string() }),
  execute: async ({ city }) => ({ city, temperature: 21 }),
});

describe('generateText with openrouter.responses()', () => {
  it('sends the prompt as instructions and input items and reads the answer, usage and cost', async () => {
    const result = await generateText({
      model: responsesModel(),
      system: 'Be brief.',
      prompt: 'Hello there',
      maxOutputTokens: 200,
      temperature: 0.3,
    });

    expect(result.text).toContain('You said: "Hello there"');
    expect(result.finishReason).toBe('stop');
    const body = requestBody(0);
    expect(body).toMatchObject({
      model: MODEL,
      instructions: 'Be brief.',
      store: false,
      max_output_tokens: 200,
      temperature: 0.3,
      input: [
        {
          type: 'message',
          role: 'user',
          content: [{ type: 'input_text', text: 'Hello there' }],
        },
      ],
    });
    expect(body.stream).toBeUndefined();
    // No reasoning asked for: no encrypted reasoning either.
    expect(body.include).toBeUndefined();

    expect(result.usage.inputTokens).toBeGreaterThan(0);
    expect(result.usage.outputTokens).toBeGreaterThan(0);
    const metadata = openRouterMetadata(result);
    expect(metadata?.generationId).toMatch(/^gen-emulator-/);
    expect(metadata?.model).toBe(MODEL);
    expect(metadata?.provider).toBe('OpenAI');
    expect(metadata?.usage?.cost).toBeGreaterThan(0);
    expect(metadata?.usage?.promptTokens).toBe(result.usage.inputTokens);
    expect(metadata?.usage?.costDetails?.upstreamInferencePromptCost).toBe(
      (result.usage.raw as { cost_details: Record<string, number> })
        .cost_details.upstream_inference_input_cost,
    );
  });

  it('warns about stop sequences and seeds, which the Responses API lacks', async () => {
    const result = await generateText({
      model: responsesModel(),
      prompt: 'Hi',
      stopSequences: ['END'],
      seed: 7,
    });
    expect(result.warnings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          type: 'unsupported',
          feature: 'stopSequences',
        }),
        expect.objectContaining({ type: 'unsupported', feature: 'seed' }),
      ]),
    );
    const body = requestBody(0);
    expect(body.stop).toBeUndefined();
    expect(body.seed).toBeUndefined();
  });

  it('produces structured output through text.format', async () => {
    const result = await generateText({
      model: responsesModel(),
      prompt: 'Describe Lisbon',
      output: Output.object({
        schema: z.object({ city: z.string(), sunny: z.boolean() }),
      }),
    });
    expect(result.output).toEqual({
      city: expect.any(String),
      sunny: expect.any(Boolean),
    });
    expect(requestBody(0).text).toMatchObject({
      format: { type: 'json_schema', name: 'response', strict: true },
    });
  });

  it('runs a three-step tool loop with reasoning, replaying the encrypted reasoning intact at every step', async () => {
    const result = await generateText({
      model: responsesModel(),
      prompt: 'Use weather for Lisbon, then weather for Porto',
      reasoning: 'high',
      tools: { weather },
      stopWhen: isStepCount(3),
      // The default model answers once it has tool results; the second
      // step is scripted to call the tool again, thinking first.
      prepareStep: ({ stepNumber }) => {
        if (stepNumber === 1) {
          server.emulator.enqueue(
            scripted.toolCalls(
              [{ name: 'weather', input: { city: 'Porto' } }],
              { reasoning: { text: 'Now Porto.' }, path: '/responses' },
            ),
          );
        }
        return {};
      },
    });

    expect(result.steps).toHaveLength(3);
    expect(result.steps[0].toolCalls[0].toolName).toBe('weather');
    expect(result.steps[1].toolCalls[0].toolName).toBe('weather');
    expect(result.steps[2].text).toContain('weather tool returned');
    expect(server.emulator.requests).toHaveLength(3);
    for (let step = 0; step < 3; step++) {
      const body = requestBody(step);
      expect(body.include).toEqual(['reasoning.encrypted_content']);
      expect(body.reasoning).toEqual({ effort: 'high' });
      const reasoningItems = body.input.filter(
        item => item.type === 'reasoning',
      );
      // Every earlier step's reasoning comes back, with its encrypted
      // content; the emulator refuses a tampered or missing one.
      expect(reasoningItems).toHaveLength(step);
      for (const item of reasoningItems) {
        expect(item.id).toMatch(/^rs_emulator_/);
        expect(item.encrypted_content).toMatch(/^emu-rs-/);
      }
    }
    const lastInput = requestBody(2).input;
    expect(lastInput.map(item => item.type)).toEqual([
      'message',
      'reasoning',
      'function_call',
      'function_call_output',
      'reasoning',
      'function_call',
      'function_call_output',
    ]);
    expect(lastInput[3].call_id).toBe(lastInput[2].call_id);
    expect(JSON.parse(String(lastInput[3].output))).toMatchObject({
      temperature: 21,
    });
    expect(lastInput[5]).toMatchObject({
      name: 'weather',
      arguments: JSON.stringify({ city: 'Porto' }),
    });
  });

  it('is refused by the emulator when the encrypted reasoning is tampered with', async () => {
    const first = await generateText({
      model: responsesModel(),
      prompt: 'Use weather for Lisbon',
      reasoning: 'high',
      tools: { weather },
    });
    const messages = first.response.messages.map(message =>
      message.role !== 'assistant' || typeof message.content === 'string'
        ? message
        : {
            ...message,
            content: message.content.map(part =>
              part.type === 'reasoning'
                ? {
                    ...part,
                    providerOptions: {
                      openrouter: {
                        ...part.providerOptions?.openrouter,
                        reasoningEncryptedContent:
                          'emu-rs-AAAA.emu-sig-00000000',
                      },
                    },
                  }
                : part,
            ),
          },
    );
    const error = await generateText({
      model: responsesModel(),
      messages: [
        { role: 'user', content: 'Use weather for Lisbon' },
        ...messages,
      ],
      reasoning: 'high',
      tools: { weather },
      maxRetries: 0,
    }).catch(caught => caught);
    expect(APICallError.isInstance(error)).toBe(true);
    expect(error.statusCode).toBe(400);
    expect(error.isRetryable).toBe(false);
    expect(error.message).toContain('could not be verified');
  });

  it('refuses previous_response_id before sending anything', async () => {
    const error = await generateText({
      model: responsesModel(),
      prompt: 'Hi',
      providerOptions: { openrouter: { previous_response_id: 'resp_1' } },
    }).catch(caught => caught);
    expect(InvalidArgumentError.isInstance(error)).toBe(true);
    expect(error.message).toContain('previous_response_id');
    expect(server.emulator.requests).toHaveLength(0);
  });
});

describe('streamText with openrouter.responses()', () => {
  it('streams text, reasoning with its encrypted content, usage and cost', async () => {
    const result = streamText({
      model: responsesModel(),
      prompt: 'Hello stream',
      reasoning: 'low',
    });
    const parts = await collect(result.fullStream);
    expect(await result.text).toContain('You said: "Hello stream"');
    expect(await result.reasoningText).toContain('The user said');
    const types = parts.map(part => part.type);
    expect(types.indexOf('reasoning-end')).toBeLessThan(
      types.indexOf('text-start'),
    );
    const reasoningEnd = parts.find(part => part.type === 'reasoning-end');
    expect(reasoningEnd?.providerMetadata?.openrouter).toMatchObject({
      itemId: expect.stringMatching(/^rs_emulator_/),
      reasoningEncryptedContent: expect.stringMatching(/^emu-rs-/),
    });
    expect(await result.finishReason).toBe('stop');
    const metadata = openRouterMetadata({
      providerMetadata: await result.providerMetadata,
    });
    expect(metadata?.usage?.cost).toBeGreaterThan(0);
    expect((await result.usage).outputTokens).toBeGreaterThan(0);
    expect(requestBody(0)).toMatchObject({
      stream: true,
      include: ['reasoning.encrypted_content'],
    });
  });

  it('streams a tool call as tool input parts and a tool call', async () => {
    const result = streamText({
      model: responsesModel(),
      prompt: 'Use weather for Lisbon',
      tools: { weather },
    });
    const parts = await collect(result.fullStream);
    const types = parts.map(part => part.type);
    expect(types).toEqual(
      expect.arrayContaining([
        'tool-input-start',
        'tool-input-delta',
        'tool-input-end',
        'tool-call',
        'tool-result',
      ]),
    );
    const call = parts.find(part => part.type === 'tool-call');
    expect(call).toMatchObject({
      toolName: 'weather',
      input: { city: expect.any(String) },
    });
    expect(await result.finishReason).toBe('tool-calls');
    expect(requestBody(0).tools).toEqual([
      {
        type: 'function',
        name: 'weather',
        description: 'The weather in a city',
        parameters: expect.objectContaining({ type: 'object' }),
      },
    ]);
  });

  it('keeps text that arrived before an in-band error event, and reports a typed, retryable error', async () => {
    server.emulator.enqueue(
      scripted.streamError(
        { code: 'server_error', message: 'Upstream went away' },
        { text: 'Partial answer', path: '/responses' },
      ),
    );
    const errors: unknown[] = [];
    const result = streamText({
      model: responsesModel(),
      prompt: 'Hi',
      onError: ({ error }) => {
        errors.push(error);
      },
    });
    const parts = await collect(result.fullStream);
    expect(await result.text).toBe('Partial answer');
    const types = parts.map(part => part.type);
    expect(types.indexOf('text-end')).toBeLessThan(types.indexOf('error'));
    expect(await result.finishReason).toBe('error');
    const error = parts.find(part => part.type === 'error')?.error;
    expect(APICallError.isInstance(error)).toBe(true);
    expect((error as APICallError).statusCode).toBe(500);
    expect((error as APICallError).isRetryable).toBe(true);
    expect((error as APICallError).message).toContain('Upstream went away');
  });

  it('passes HTTP errors through the typed error path with the right retryability', async () => {
    server.emulator.enqueue(
      scripted.httpError(429, 'Rate limited', { path: '/responses' }),
      scripted.httpError(400, 'Bad input', { path: '/responses' }),
    );
    const limited = await generateText({
      model: responsesModel(),
      prompt: 'Hi',
      maxRetries: 0,
    }).catch(caught => caught);
    expect(APICallError.isInstance(limited)).toBe(true);
    expect(limited.statusCode).toBe(429);
    expect(limited.isRetryable).toBe(true);
    const invalid = await generateText({
      model: responsesModel(),
      prompt: 'Hi',
      maxRetries: 0,
    }).catch(caught => caught);
    expect(invalid.statusCode).toBe(400);
    expect(invalid.isRetryable).toBe(false);
    expect(JSON.stringify(invalid)).not.toContain(TEST_API_KEY);
  });
});
