import type {
  JSONValue,
  LanguageModelV4Citation,
  LanguageModelV4Source,
} from '@ai-sdk/provider';

type UrlCitation = {
  type: 'url_citation';
  url_citation: {
    url: string;
    title?: string | null | undefined;
    content?: string | null | undefined;
    start_index?: number | null | undefined;
    end_index?: number | null | undefined;
  };
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
 * Web citations as AI SDK sources, and as V4 citations of the text they
 * support. `seenUrls` spans a whole response, so a URL cited again (in a
 * later stream chunk, or for another passage) becomes a source only once;
 * every citation keeps its own offsets and passage, pointing at that source.
 * The passage and offsets also ride on the source's provider metadata, where
 * `@openrouter/ai-sdk-provider` puts them.
 */
export function mapUrlCitations(
  annotations: readonly unknown[] | null | undefined,
  sourcesByUrl: Map<string, LanguageModelV4Source>,
): { sources: LanguageModelV4Source[]; citations: LanguageModelV4Citation[] } {
  const sources: LanguageModelV4Source[] = [];
  const citations: LanguageModelV4Citation[] = [];
  for (const annotation of annotations ?? []) {
    if (!isUrlCitation(annotation)) {
      continue;
    }
    const { url, title, content, start_index, end_index } =
      annotation.url_citation;
    const startIndex =
      typeof start_index === 'number' ? start_index : undefined;
    const endIndex = typeof end_index === 'number' ? end_index : undefined;
    const citedText = typeof content === 'string' ? content : undefined;
    let source = sourcesByUrl.get(url);
    if (source == null) {
      const metadata: Record<string, JSONValue> = {};
      if (citedText != null) {
        metadata.content = citedText;
      }
      if (startIndex != null) {
        metadata.startIndex = startIndex;
      }
      if (endIndex != null) {
        metadata.endIndex = endIndex;
      }
      source = {
        type: 'source',
        sourceType: 'url',
        // The URL, as `@openrouter/ai-sdk-provider` does: stable across
        // calls and replays, and unique here, as each URL is one source.
        id: url,
        url,
        ...(title != null && title !== '' ? { title } : {}),
        ...(Object.keys(metadata).length > 0
          ? { providerMetadata: { openrouter: metadata } }
          : {}),
      };
      sourcesByUrl.set(url, source);
      sources.push(source);
    }
    citations.push({
      source,
      ...(startIndex != null ? { startIndex } : {}),
      ...(endIndex != null ? { endIndex } : {}),
      ...(citedText != null && citedText !== '' ? { citedText } : {}),
    });
  }
  return { sources, citations };
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
