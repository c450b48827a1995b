import { describe, expect, it } from 'vitest';
import { toProviderSlug } from './openrouter-provider-slug';

describe('toProviderSlug', () => {
  it.each([
    ['Google', 'google-vertex'],
    ['Google AI Studio', 'google-ai-studio'],
    ['Amazon Bedrock', 'amazon-bedrock'],
    ['Moonshot AI', 'moonshotai'],
    ['Anthropic', 'anthropic'],
    ['DeepInfra', 'deepinfra'],
    ['Z.AI', 'z-ai'],
  ])('maps %s to %s', (name, slug) => {
    expect(toProviderSlug(name)).toBe(slug);
  });
});
