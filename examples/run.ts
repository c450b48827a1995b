import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// `npm run example -- <name>` runs examples/<name>.ts.
const directory = fileURLToPath(new URL('.', import.meta.url));
const available = readdirSync(directory)
  .filter(file => file.endsWith('.ts') && file !== 'run.ts')
  .map(file => file.slice(0, -3))
  .sort();

const [name, ...rest] = process.argv.slice(2);
if (name == null || !available.includes(name)) {
  console.error(
    `${name == null ? 'Name an example' : `No example "${name}"`}. Available: ${available.join(', ')}`,
  );
  process.exit(1);
}

process.argv = [process.argv[0], process.argv[1], ...rest];
await import(`./${name}.ts`);
