import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`); nothing is downloaded. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * Without the background-networking flags Chromium keeps trying to reach
 * Google's services, which this machine's closed network refuses.
 */
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export type RunningBrowser = {
  context: BrowserContext;
  close: () => Promise<void>;
};

/** Headless Chromium with a fresh profile in a temporary folder. */
export async function launchChromium(): Promise<RunningBrowser> {
  const userDataDirectory = await mkdtemp(join(tmpdir(), 'next-chat-e2e-'));
  const removeProfile = () =>
    rm(userDataDirectory, { recursive: true, force: true });
  let context: BrowserContext;
  try {
    // Playwright takes the profile folder here and passes it to Chromium as
    // --user-data-dir; it refuses that flag among `args`.
    context = await chromium.launchPersistentContext(userDataDirectory, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_FLAGS,
      viewport: { width: 1000, height: 800 },
      timeout: 60_000,
    });
  } catch (error) {
    await removeProfile();
    throw error;
  }
  context.setDefaultTimeout(30_000);
  context.setDefaultNavigationTimeout(30_000);

  return {
    context,
    async close() {
      await Promise.race([
        context.close(),
        new Promise(resolve => setTimeout(resolve, 10_000)),
      ]);
      await removeProfile();
    },
  };
}
