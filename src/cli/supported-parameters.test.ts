import { describe, expect, it } from 'vitest';
import type { OpenRouterModel } from '../api/model';
import { CliUsageError } from './cli-command';
import {
  checkSupportsInCatalogue,
  checkSupportsSpelling,
} from './supported-parameters';

function catchError(run: () => void): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

const modelWith = (parameters: string[]) =>
  ({ supportedParameters: parameters }) as unknown as OpenRouterModel;

describe('checkSupportsSpelling', () => {
  it('refuses a near miss of a known parameter, with the suggestion', () => {
    const error = catchError(() =>
      checkSupportsSpelling(['tools', 'structured_output']),
    );

    expect(error).toBeInstanceOf(CliUsageError);
    expect((error as Error).message).toBe(
      '--supports "structured_output" is not a request parameter OpenRouter lists. Did you mean "structured_outputs"?',
    );
  });

  it('leaves known parameters and far-off names to the catalogue', () => {
    expect(
      catchError(() =>
        checkSupportsSpelling(['tools', 'reasoning_effort', 'teleportation']),
      ),
    ).toBeUndefined();
  });
});

describe('checkSupportsInCatalogue', () => {
  it('accepts a parameter some model of the answer lists', () => {
    expect(
      catchError(() =>
        checkSupportsInCatalogue(
          ['teleportation', 'tools'],
          [modelWith(['tools']), modelWith(['teleportation'])],
        ),
      ),
    ).toBeUndefined();
  });

  it('accepts a known parameter no model lists', () => {
    expect(
      catchError(() => checkSupportsInCatalogue(['top_a'], [])),
    ).toBeUndefined();
  });

  it('refuses one nobody knows, listing the known ones', () => {
    const error = catchError(() =>
      checkSupportsInCatalogue(['teleportation'], [modelWith(['tools'])]),
    );

    expect(error).toBeInstanceOf(CliUsageError);
    expect((error as Error).message).toMatch(
      /^--supports "teleportation" is not a request parameter OpenRouter lists\. Known parameters: temperature, top_p, .*, verbosity$/,
    );
  });
});
