// The `test` every UI spec uses: Playwright's, with the console guard always on for the pages of the test's browser
// context. A spec fails when such a page logged an error of ours (uncaught exceptions, React warnings, hydration
// mismatches, console.error) or the server answered 5xx; the browser's own "Failed to load resource" lines for
// refusals a step expects (401, 409, 422) pass. Pages a spec opens in contexts of its own take guardConsole themselves.
import { test as base, expect } from '@playwright/test';
import { guardConsole } from './console-guard';

export const test = base.extend<{ consoleProblems: () => string[] }>({
  consoleProblems: [
    async ({ context }, use) => {
      const guards: Array<() => string[]> = context.pages().map(guardConsole);
      context.on('page', (page) => guards.push(guardConsole(page)));
      const problems = () => guards.flatMap((g) => g());
      await use(problems);
      expect(problems(), 'errors logged by the page or 5xx answers from the server').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
