// Collects the page's uncaught errors and console errors (hydration mismatches, React warnings) so a spec can
// require there were none; failed HTTP responses a step expects (401, 404) are not counted.
import type { Page } from '@playwright/test';

export function guardConsole(page: Page): () => string[] {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) problems.push(`console: ${m.text()}`);
  });
  return () => problems;
}
