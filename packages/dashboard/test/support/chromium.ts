import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Whether the browser tests run here. Without Debian's chromium they skip with a warning on a
 * developer's machine, and fail under CI, where `.ci/run` installs it.
 */
export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM_PATH)) return true;
  if (process.env['CI'] !== undefined) {
    throw new Error(`${CHROMIUM_PATH} is missing; CI must install chromium (see .ci/run).`);
  }
  console.warn(`Skipping browser tests: ${CHROMIUM_PATH} is missing (apt-get install chromium).`);
  return false;
}

/** `extraArgs`, e.g. the fake microphone of the softphone's audio test. */
export function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...ARGS, ...extraArgs],
  });
}
