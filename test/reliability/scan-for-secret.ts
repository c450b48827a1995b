/**
 * Where a secret appears in a collection of artefacts: errors (message,
 * stack, cause chain, every own property, their JSON form), results,
 * warnings, metadata and recorded requests. Returns the paths it was found
 * at, so a failure says exactly what leaked.
 */
export function scanForSecret(artefacts: unknown[], secret: string): string[] {
  const found: string[] = [];
  const seen = new Set<unknown>();

  function visit(value: unknown, path: string, depth: number) {
    if (depth > 12) {
      return;
    }
    if (typeof value === 'string') {
      if (value.includes(secret)) {
        found.push(path);
      }
      return;
    }
    if (typeof value !== 'object' || value === null || seen.has(value)) {
      return;
    }
    seen.add(value);

    if (value instanceof Error) {
      visit(value.message, `${path}.message`, depth + 1);
      visit(value.stack, `${path}.stack`, depth + 1);
      visit(String(value), `${path}.toString()`, depth + 1);
      visit(safeStringify(value), `${path}.toJSON`, depth + 1);
      visit((value as { cause?: unknown }).cause, `${path}.cause`, depth + 1);
    }
    if (value instanceof Uint8Array) {
      visit(new TextDecoder().decode(value), path, depth + 1);
      return;
    }
    for (const key of Reflect.ownKeys(value)) {
      const child = (value as Record<PropertyKey, unknown>)[key];
      visit(child, `${path}.${String(key)}`, depth + 1);
    }
  }

  artefacts.forEach((artefact, index) => {
    visit(artefact, `[${index}]`, 0);
  });
  return found;
}

function safeStringify(value: unknown) {
  try {
    return JSON.stringify(value);
  } catch {
    return '';
  }
}
