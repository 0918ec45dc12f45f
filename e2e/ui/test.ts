// The `test` every UI spec uses: Playwright's, with the console guard always on. A spec fails when the page logged an
// error of ours (uncaught exceptions, React warnings, hydration mismatches, console.error) or when the server
// answered 5xx; the browser's own "Failed to load resource" lines for refusals a step expects (401, 409, 422) pass.
import { test as base, expect } from '@playwright/test';
import { guardConsole } from './console-guard';

export const test = base.extend<{ consoleProblems: () => string[] }>({
  consoleProblems: [
    async ({ page }, use) => {
      const problems = guardConsole(page);
      await use(problems);
      expect(problems(), 'errors logged by the page or 5xx answers from the server').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
