declare const __PACKAGE_VERSION__: string | undefined;

/** The version of `ai-sdk-openrouter`, injected at build time. */
export const VERSION: string =
  typeof __PACKAGE_VERSION__ !== 'undefined'
    ? __PACKAGE_VERSION__
    : '0.0.0-test';
