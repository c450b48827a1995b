import { fileURLToPath } from 'node:url';
import type { NextConfig } from 'next';

// ai-sdk-openrouter is linked from the repository root (`file:../..`), so
// the bundler must be allowed to read files up there.
const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url));

const nextConfig: NextConfig = {
  turbopack: { root: repositoryRoot },
  outputFileTracingRoot: repositoryRoot,
};

export default nextConfig;
