// Collects the page's uncaught errors and console errors (hydration mismatches, React warnings) and the server's 5xx
// answers, so a spec can require there were none. The browser's "Failed to load resource" line for a 4xx a step
// expects (401, 404, 409, 422) is the browser's doing, not ours, and is not counted; for a 5xx it is.
import type { Page } from '@playwright/test';

export function guardConsole(page: Page): () => string[] {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    const text = m.text();
    if (text.startsWith('Failed to load resource') && !/status of 5\d\d/.test(text)) return;
    // A sandboxed frame without allow-scripts (an email's HTML shown as a reader sees it) refusing a script is the
    // sandbox working; Playwright's own trace recorder, which snapshots every frame, is refused the same way.
    if (text.startsWith("Blocked script execution in 'about:srcdoc' because the document's frame is sandboxed")) return;
    problems.push(`console: ${text}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 500) problems.push(`server: ${r.status()} for ${r.request().method()} ${new URL(r.url()).pathname}`);
  });
  return () => problems;
}
