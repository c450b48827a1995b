import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { decode, encode } from '@jridgewell/sourcemap-codec';
import { dts } from 'rollup-plugin-dts';

// The published declarations, one file per entry. tsup builds the
// JavaScript; its own declaration bundler cannot emit declaration maps,
// which let an editor's go-to-definition open the source in `src/` (shipped
// in the package) instead of the bundled `.d.ts`.
const ENTRIES = {
  index: 'src/index.ts',
  'testing/index': 'src/testing/index.ts',
  'internal/index': 'src/internal/index.ts',
};

// One build per entry, so that each entry's declarations stand alone: a
// chunk shared between entries would rename the types both use.
export default Object.entries(ENTRIES).map(([name, input]) => ({
  input: { [name]: input },
  output: { dir: 'dist', format: 'es', sourcemap: true },
  external: [/^node:/, /^@ai-sdk\//, /^zod(\/|$)/],
  plugins: [
    dts({
      tsconfig: 'tsconfig.json',
      sourcemap: true,
      compilerOptions: {
        declarationMap: true,
        noEmit: false,
        // Declarations marked @internal (the model classes, which carry the
        // config and its credentials) stay out of the published types.
        stripInternal: true,
      },
    }),
    mapDeclarationMembers(),
  ],
}));

// A property or method signature: what precedes its name, and the name.
const MEMBER = /^(\s*(?:readonly\s+)?)([A-Za-z_$][\w$]*)\??\s*[:(<]/;
// The start of another declaration in a source file.
const DECLARATION = /^(export |type |interface |const |function |class )/;

/**
 * rollup-plugin-dts maps the first line of each declaration (and some
 * tokens of others), and an editor maps a position without a mapping of its
 * own to the next mapping, so go-to-definition on `provider.order` would
 * open whatever follows. This maps each property and method name of a
 * declaration to the same name in its source, searched onwards from where
 * the declaration starts.
 */
function mapDeclarationMembers() {
  return {
    name: 'map-declaration-members',
    generateBundle(options, bundle) {
      for (const chunk of Object.values(bundle)) {
        const asset = bundle[`${chunk.fileName}.map`];
        if (chunk.type !== 'chunk' || asset?.type !== 'asset') {
          continue;
        }
        const map = JSON.parse(String(asset.source));
        const chunkDirectory = dirname(resolve(options.dir, chunk.fileName));
        const sourceLines = map.sources.map(source =>
          readFileSync(resolve(chunkDirectory, source), 'utf8').split('\n'),
        );
        const lines = decode(map.mappings);
        const code = chunk.code.split('\n');
        let anchor;
        for (let index = 0; index < code.length; index++) {
          const segments = lines[index] ?? [];
          const member = MEMBER.exec(code[index]);
          if (!member) {
            const mapped = segments.find(segment => segment.length >= 4);
            if (mapped != null) {
              anchor = { source: mapped[1], line: mapped[2], column: -1 };
            }
            continue;
          }
          const column = member[1].length;
          if (
            anchor == null ||
            segments.some(segment => segment[0] === column)
          ) {
            continue;
          }
          const found = findMember(
            sourceLines[anchor.source],
            anchor,
            member[2],
          );
          if (found != null) {
            lines[index] = [
              [column, anchor.source, found.line, found.column],
              ...segments.filter(segment => segment[0] > column),
            ];
            anchor.line = found.line;
            anchor.column = found.column;
          }
        }
        map.mappings = encode(lines);
        asset.source = JSON.stringify(map);
      }
    },
  };
}

/**
 * The line and column of member `name` in the source, after the last one
 * found (members may share a line: `{ type: 'range'; min: number }`), and
 * before the next declaration.
 */
function findMember(lines, from, name) {
  const escaped = name.replaceAll('$', '\\$');
  const pattern = new RegExp(`(?<![\\w$.'"])${escaped}\\??\\s*[:(<]`, 'g');
  for (let line = from.line; line < lines.length; line++) {
    const text = lines[line];
    if (line > from.line && DECLARATION.test(text)) {
      return undefined;
    }
    if (/^\s*(\*|\/\*|\/\/)/.test(text)) {
      continue;
    }
    pattern.lastIndex = line === from.line ? from.column + 1 : 0;
    const match = pattern.exec(text);
    if (match != null) {
      return { line, column: match.index };
    }
  }
  return undefined;
}
