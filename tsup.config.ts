import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

const { version } = JSON.parse(readFileSync('./package.json', 'utf8')) as {
  version: string;
};

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    // The model classes as values, as `@openrouter/ai-sdk-provider/internal`.
    'internal/index': 'src/internal/index.ts',
    'testing/index': 'src/testing/index.ts',
    // The `ai-sdk-openrouter` bin; its `#!/usr/bin/env node` line is kept by
    // esbuild because it opens the entry file.
    'cli/index': 'src/cli/index.ts',
  },
  format: ['esm'],
  target: 'es2022',
  platform: 'neutral',
  // Declarations are built by rollup-plugin-dts (rollup.dts.config.mjs),
  // which writes declaration maps.
  dts: false,
  // No JavaScript source maps: the built code is unminified, readable ESM,
  // and go-to-definition lands in `src/` through the declaration maps.
  // Maps would add 0.4 MB to a package installed in every app.
  sourcemap: false,
  clean: true,
  splitting: true,
  treeshake: true,
  external: [/^node:/],
  define: { __PACKAGE_VERSION__: JSON.stringify(version) },
});
