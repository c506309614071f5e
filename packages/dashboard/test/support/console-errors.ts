import type { Page } from 'playwright-core';

export interface ConsoleProblem {
  readonly text: string;
  readonly url: string;
}

/**
 * Records console errors and uncaught exceptions of `page`. Chromium also logs every HTTP error
 * status as a console error, so the checks that expect an API error (a wrong key, a 422) run
 * before `take()` empties the record.
 */
export function watchConsole(page: Page): { take(): ConsoleProblem[] } {
  const problems: ConsoleProblem[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error')
      problems.push({ text: message.text(), url: message.location().url });
  });
  page.on('pageerror', (error) => {
    problems.push({ text: `uncaught: ${error.message}`, url: page.url() });
  });
  return { take: () => problems.splice(0) };
}
