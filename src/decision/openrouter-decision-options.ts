import type { SharedV4Warning } from '@ai-sdk/provider';
import * as z from 'zod/v4';
import {
  createRoutedOptionsReader,
  getProviderRoutingSchema,
  type OpenRouterProviderRouting,
} from '../chat/openrouter-chat-options';
import { openObject, requestBodyOf } from '../options/read-options';

/**
 * Decision models on OpenRouter, e.g. `typesafe/jev-1.13` (OpenRouter's own
 * Decisions guide uses it). Any id of the live catalogue works.
 */
export type OpenRouterDecisionModelId = 'typesafe/jev-1.13' | (string & {});

/**
 * `trace` of a Decisions request: observability metadata. The known keys get
 * special handling at OpenRouter; any other key is passed on as custom
 * metadata to your broadcast destinations.
 */
export type OpenRouterDecisionTrace = {
  /** Groups the request with others of one trace. */
  trace_id?: string | undefined;
  /** A name for the trace. */
  trace_name?: string | undefined;
  /** A name for this request's span. */
  span_name?: string | undefined;
  /** A name for the generation. */
  generation_name?: string | undefined;
  /** The span this request's span belongs under. */
  parent_span_id?: string | undefined;
  /** Any other key is custom metadata. */
  [key: string]: unknown;
};

/**
 * Decision model settings (`openrouter.decisionModel(id, settings)`), and
 * `providerOptions.openrouter` of an `experimental_decide` call, which take
 * the same fields. They are the optional fields of OpenRouter's
 * `POST /api/alpha/decisions` body, spelled as OpenRouter spells them; a
 * field this package does not know yet still passes through at run time.
 */
export type OpenRouterDecisionSettings = {
  /** Your end user's id, which helps OpenRouter detect abuse. */
  user?: string | undefined;
  /** Provider routing, as for chat models. */
  provider?: OpenRouterProviderRouting | undefined;
  /**
   * Groups related requests (a conversation, an agent workflow) for
   * observability; never sent to the upstream. At most 256 characters.
   */
  session_id?: string | undefined;
  /** Tracing metadata for your broadcast destinations. */
  trace?: OpenRouterDecisionTrace | undefined;
  /**
   * Extra body fields, underneath the fields above. `model`, `state` and
   * `questions` are set by the provider and cannot be replaced.
   */
  extraBody?: Record<string, unknown> | undefined;
};

/** `providerOptions.openrouter` of a decision call. */
export type OpenRouterDecisionOptions = OpenRouterDecisionSettings;

/** The incumbent's name for the decision model ids. */
export type OpenRouterEvaluationModelId = OpenRouterDecisionModelId;

/** The incumbent's name for the decision model settings. */
export type OpenRouterEvaluationSettings = OpenRouterDecisionSettings;

/**
 * The incumbent's name for the Decisions request's `provider` preferences:
 * the same provider routing object as chat models take.
 */
export type OpenRouterEvaluationProviderPreferences = OpenRouterProviderRouting;

/** Per OpenRouter's API reference for `session_id`. */
export const MAX_SESSION_ID_LENGTH = 256;

// Built on first use: an app that makes no decisions never builds it.
export function buildDecisionOptionsSchema() {
  const optionalString = z.string().optional();
  return z.looseObject({
    user: optionalString,
    provider: getProviderRoutingSchema().optional(),
    session_id: z.string().max(MAX_SESSION_ID_LENGTH).optional(),
    // Any other key is custom metadata, so the keys are not reviewed.
    trace: openObject(
      z.looseObject({
        trace_id: optionalString,
        trace_name: optionalString,
        span_name: optionalString,
        generation_name: optionalString,
        parent_span_id: optionalString,
      }),
    ).optional(),
    extraBody: z.record(z.string(), z.unknown()).optional(),
  });
}

const readDecisionOptions = /* @__PURE__ */ createRoutedOptionsReader(
  buildDecisionOptionsSchema,
);

// Keys that configure this package rather than name a request field.
const CONTROL_KEYS = new Set(['extraBody']);

/**
 * Validates decision options from `source` (`settings` or
 * `providerOptions.openrouter`) and returns their request-body fields, with
 * `extraBody` underneath. An invalid value throws an `InvalidArgumentError`
 * naming the field; a camelCase spelling of a known field (`sessionId`) is
 * renamed to it, and any other camelCase key is sent with a warning.
 */
export function parseOpenRouterDecisionOptions(
  options: unknown,
  source: string,
  warnings: SharedV4Warning[],
): Record<string, unknown> | undefined {
  const parsed = readDecisionOptions(options, source, warnings);
  return parsed && requestBodyOf(parsed, CONTROL_KEYS);
}
