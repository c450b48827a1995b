import type { JSONValue, LanguageModelV4Source } from '@ai-sdk/provider';
import { generateId } from '@ai-sdk/provider-utils';

type UrlCitation = {
  type: 'url_citation';
  url_citation: { url: string; title?: string | null; content?: string | null };
};

function isUrlCitation(annotation: unknown): annotation is UrlCitation {
  const citation = (annotation as { url_citation?: { url?: unknown } } | null)
    ?.url_citation;
  return (
    (annotation as { type?: unknown } | null)?.type === 'url_citation' &&
    typeof citation?.url === 'string'
  );
}

/**
 * Web citations as AI SDK sources. `seenUrls` spans a whole response, so a
 * citation repeated in later stream chunks becomes a source only once.
 */
export function mapUrlCitationsToSources(
  annotations: readonly unknown[] | null | undefined,
  seenUrls: Set<string>,
): LanguageModelV4Source[] {
  const sources: LanguageModelV4Source[] = [];
  for (const annotation of annotations ?? []) {
    if (!isUrlCitation(annotation)) {
      continue;
    }
    const { url, title } = annotation.url_citation;
    if (seenUrls.has(url)) {
      continue;
    }
    seenUrls.add(url);
    sources.push({
      type: 'source',
      sourceType: 'url',
      id: generateId(),
      url,
      ...(title != null && title !== '' ? { title } : {}),
    });
  }
  return sources;
}

/**
 * The file annotations of a reply (what the file-parser plugin made of a
 * PDF), as part metadata. They go back on the assistant message next turn,
 * so OpenRouter does not parse, and bill, the same file again.
 */
export function fileAnnotationsMetadata(
  annotations: readonly unknown[] | null | undefined,
): Record<string, JSONValue> | undefined {
  const fileAnnotations = (annotations ?? []).filter(
    annotation => (annotation as { type?: unknown } | null)?.type === 'file',
  );
  return fileAnnotations.length > 0
    ? { annotations: fileAnnotations as JSONValue[] }
    : undefined;
}

/** One output token's log probability, as `providerMetadata.openrouter.logprobs`. */
export type OpenRouterTokenLogprob = {
  token: string;
  logprob: number;
  topLogprobs: Array<{ token: string; logprob: number }>;
};

/**
 * OpenAI-style `logprobs.content` in the documented camelCase shape; entries
 * that do not look like token log probabilities are skipped.
 */
export function mapLogprobs(logprobs: unknown): OpenRouterTokenLogprob[] {
  const content = (logprobs as { content?: unknown } | null)?.content;
  if (!Array.isArray(content)) {
    return [];
  }
  const result: OpenRouterTokenLogprob[] = [];
  for (const entry of content) {
    if (typeof entry?.token !== 'string' || typeof entry.logprob !== 'number') {
      continue;
    }
    result.push({
      token: entry.token,
      logprob: entry.logprob,
      topLogprobs: Array.isArray(entry.top_logprobs)
        ? entry.top_logprobs
            .filter(
              (top: { token?: unknown; logprob?: unknown }) =>
                typeof top?.token === 'string' &&
                typeof top.logprob === 'number',
            )
            .map((top: { token: string; logprob: number }) => ({
              token: top.token,
              logprob: top.logprob,
            }))
        : [],
    });
  }
  return result;
}
