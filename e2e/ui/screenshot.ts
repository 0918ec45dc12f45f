// Saves a full-page screenshot of what the user sees into e2e/screenshots/, for reviewing every page by eye.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';

const dir = fileURLToPath(new URL('../screenshots/', import.meta.url));

/** Full-page by default; take a modal at viewport size, where its backdrop covers what the user sees. */
export async function snap(page: Page, name: string, opts: { fullPage?: boolean } = {}) {
  // Let fonts, toasts and transitions settle so the picture shows the finished page.
  await page.evaluate(() => document.fonts.ready);
  // Sticky and fixed parts are laid out for the scroll position; a full page is taken from the top.
  if (opts.fullPage ?? true) await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: opts.fullPage ?? true, animations: 'disabled' });
}
