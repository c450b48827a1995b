/**
 * Display names OpenRouter reports (`provider` in responses) whose routing
 * slug is not simply the name lower-cased and hyphenated.
 */
const SLUG_BY_DISPLAY_NAME: Record<string, string> = {
  google: 'google-vertex',
  'google vertex': 'google-vertex',
  'moonshot ai': 'moonshotai',
};

/**
 * The `provider.order` slug for an upstream OpenRouter named in a response,
 * e.g. "Google AI Studio" → `google-ai-studio`, "Google" → `google-vertex`.
 */
export function toProviderSlug(displayName: string): string {
  const name = displayName.trim().toLowerCase();
  return (
    SLUG_BY_DISPLAY_NAME[name] ??
    name.replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')
  );
}
