/**
 * What the benchmark measures: the floor (fetch, SSE split and JSON.parse with
 * nothing else), then each package's `doStream`, drained directly, and each
 * package under `ai`'s `streamText`.
 */

import { createOpenResponses } from '@ai-sdk/open-responses';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import { createOpenRouter as createIncumbentOpenRouter } from '@openrouter/ai-sdk-provider';
import { jsonSchema, type LanguageModel, streamText, tool } from 'ai';
import { createOpenRouter } from '../src/index.ts';
import {
  type ExpectedOutput,
  type ScenarioName,
  TOOL_NAME,
} from './scenarios.ts';

// The AI SDK warns once about openai-compatible's older specification
// version; the benchmark output should stay a table.
(globalThis as { AI_SDK_LOG_WARNINGS?: boolean }).AI_SDK_LOG_WARNINGS = false;

export type PackageName =
  | 'ours'
  | 'incumbent'
  | 'compatible'
  | 'ours-responses'
  | 'open-responses';
export type CandidateKind = 'floor' | 'doStream' | 'streamText';

/** What a drained stream delivered, checked against the scenario. */
export type Output = ExpectedOutput & { eventCount?: number };

export type Candidate = {
  id: string;
  label: string;
  kind: CandidateKind;
  packageName?: PackageName;
  /** The stream it reads: chat chunks, or Responses API events. */
  api: 'chat' | 'responses';
  /** Makes the client for one scenario; the returned function runs it once. */
  prepare(baseURL: string, scenario: ScenarioName): () => Promise<Output>;
};

const MODEL_ID = 'openai/gpt-4o-mini';
const API_KEY = 'sk-or-bench';
const PROMPT = [
  { role: 'user' as const, content: [{ type: 'text' as const, text: 'Hi' }] },
];

type StreamingModel = {
  doStream(options: {
    prompt: typeof PROMPT;
  }): PromiseLike<{ stream: ReadableStream<unknown> }>;
};

function createModel(packageName: PackageName, baseURL: string) {
  switch (packageName) {
    case 'ours':
      return createOpenRouter({ apiKey: API_KEY, baseURL }).chat(MODEL_ID);
    case 'incumbent':
      return createIncumbentOpenRouter({ apiKey: API_KEY, baseURL }).chat(
        MODEL_ID,
      );
    case 'compatible':
      return createOpenAICompatible({
        name: 'openrouter',
        apiKey: API_KEY,
        baseURL,
        includeUsage: true,
      }).chatModel(MODEL_ID);
    case 'ours-responses':
      return createOpenRouter({ apiKey: API_KEY, baseURL }).responses(MODEL_ID);
    case 'open-responses':
      return createOpenResponses({
        name: 'openrouter',
        url: `${baseURL}/responses`,
        apiKey: API_KEY,
      })(MODEL_ID);
  }
}

const apiOf = (packageName: PackageName) =>
  packageName === 'ours-responses' || packageName === 'open-responses'
    ? 'responses'
    : 'chat';

/** A part of either stream, read only for what the check needs. */
type AnyPart = {
  type: string;
  delta?: string;
  text?: string;
  input?: unknown;
};

async function drain(
  stream: ReadableStream<unknown>,
  field: 'delta' | 'text',
): Promise<Output> {
  const reader = stream.getReader();
  let text = '';
  let reasoning = '';
  const toolInputs: string[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) {
      break;
    }
    const part = value as AnyPart;
    switch (part.type) {
      case 'text-delta':
        text += part[field];
        break;
      case 'reasoning-delta':
        reasoning += part[field];
        break;
      case 'tool-call':
        toolInputs.push(
          typeof part.input === 'string'
            ? part.input
            : JSON.stringify(part.input),
        );
        break;
      case 'error':
        throw new Error(`The stream reported an error: ${String(value)}`);
    }
  }
  return { text, reasoning, toolInputs };
}

const tools = {
  [TOOL_NAME]: tool({
    description: 'Writes a file',
    inputSchema: jsonSchema<Record<string, unknown>>({ type: 'object' }),
  }),
};

function doStreamCandidate(packageName: PackageName, label: string): Candidate {
  return {
    id: `${packageName}-doStream`,
    label,
    kind: 'doStream',
    packageName,
    api: apiOf(packageName),
    prepare(baseURL) {
      const model = createModel(packageName, baseURL) as StreamingModel;
      return async () => {
        const { stream } = await model.doStream({ prompt: PROMPT });
        return drain(stream, 'delta');
      };
    },
  };
}

function streamTextCandidate(
  packageName: PackageName,
  label: string,
): Candidate {
  return {
    id: `${packageName}-streamText`,
    label,
    kind: 'streamText',
    packageName,
    api: apiOf(packageName),
    prepare(baseURL, scenario) {
      const model = createModel(packageName, baseURL) as LanguageModel;
      return () => {
        const result = streamText({
          model,
          prompt: 'Hi',
          maxRetries: 0,
          ...(scenario === 'tool-calls' ? { tools } : {}),
        });
        return drain(result.fullStream, 'text');
      };
    },
  };
}

/**
 * The floor: what any client must do at the least. It reads the body, splits
 * lines on `\n` and parses each `data:` payload, as OpenRouter's own
 * streaming example does, and keeps nothing.
 */
function floorCandidate(api: 'chat' | 'responses'): Candidate {
  return {
    id: api === 'chat' ? 'floor' : 'floor-responses',
    label: 'floor: fetch + SSE split + JSON.parse',
    kind: 'floor',
    api,
    prepare(baseURL) {
      const url = `${baseURL}/${api === 'chat' ? 'chat/completions' : 'responses'}`;
      const body = JSON.stringify({
        model: MODEL_ID,
        messages: [{ role: 'user', content: 'Hi' }],
        stream: true,
      });
      return async () => {
        const response = await fetch(url, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${API_KEY}`,
            'content-type': 'application/json',
          },
          body,
        });
        if (response.body == null) {
          throw new Error('The floor got no body.');
        }
        const reader = response.body.getReader();
        const decoder = new TextDecoder();
        let pending = '';
        let eventCount = 0;
        for (;;) {
          const { done, value } = await reader.read();
          if (done) {
            break;
          }
          const text = pending + decoder.decode(value, { stream: true });
          let start = 0;
          let end = text.indexOf('\n');
          while (end !== -1) {
            if (
              text.startsWith('data: ', start) &&
              !text.startsWith('data: [DONE]', start)
            ) {
              JSON.parse(text.slice(start + 6, end));
              eventCount++;
            }
            start = end + 1;
            end = text.indexOf('\n', start);
          }
          pending = text.slice(start);
        }
        return { text: '', reasoning: '', toolInputs: [], eventCount };
      };
    },
  };
}

export const CANDIDATES: Candidate[] = [
  floorCandidate('chat'),
  doStreamCandidate('ours', 'ours: doStream'),
  doStreamCandidate('incumbent', 'incumbent: doStream'),
  doStreamCandidate('compatible', 'openai-compatible: doStream'),
  streamTextCandidate('ours', 'ours: streamText'),
  streamTextCandidate('incumbent', 'incumbent: streamText'),
  streamTextCandidate('compatible', 'openai-compatible: streamText'),
];

/**
 * The Responses model beside the chat model, on the same content: the floor
 * over the Responses stream, ours and `@ai-sdk/open-responses` (the AI SDK's
 * generic Open Responses model) over it, and our chat model over the chat
 * stream of the same scenario.
 */
export const RESPONSES_CANDIDATES: Candidate[] = [
  floorCandidate('responses'),
  doStreamCandidate('ours-responses', 'ours, Responses: doStream'),
  doStreamCandidate('open-responses', 'open-responses: doStream'),
  doStreamCandidate('ours', 'ours, chat: doStream'),
  streamTextCandidate('ours-responses', 'ours, Responses: streamText'),
  streamTextCandidate('open-responses', 'open-responses: streamText'),
  streamTextCandidate('ours', 'ours, chat: streamText'),
];
