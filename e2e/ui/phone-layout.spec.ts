// Issue 8.2: at phone width (390×844) the app's frame leaves room for content, the navigation strip shows the
// current page, menus stay on screen, and every row action of a table is reachable without the page scrolling
// sideways. (Every page's width is checked in every-page.spec.ts.)
import type { Locator, Page } from '@playwright/test';
import { DEMO_LOGIN } from '../../prisma/seed';
import { signIn } from './sign-in';
import { expect, test } from './test';

test.use({ viewport: { width: 390, height: 844 } });

const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' });

async function onScreen(locator: Locator) {
  const box = (await locator.boundingBox())!;
  expect(box, 'element is laid out').not.toBeNull();
  expect(box.x, 'left edge on screen').toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, 'right edge on screen').toBeLessThanOrEqual(390);
}

const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

test('the shell leaves room for content, shows where you are, and keeps menus on screen', async ({ page }) => {
  await signIn(page, DEMO_LOGIN.email, DEMO_LOGIN.password);
  const org = new URL(page.url()).pathname.split('/')[1]!;

  // The page's own heading starts within the first ~150 px (it used to start below 260 px of frame).
  const heading = page.getByRole('heading', { level: 1 });
  expect((await heading.boundingBox())!.y).toBeLessThan(150);

  // Opened directly on the last page of the strip, its link is scrolled into view.
  await page.goto(`/${org}/account`);
  await expect(page.getByRole('heading', { name: 'Account', level: 1 })).toBeVisible();
  const current = nav(page).getByRole('link', { name: 'Account', exact: true });
  await expect(current).toHaveAttribute('aria-current', 'page');
  await expect.poll(async () => (await current.boundingBox())!.x + (await current.boundingBox())!.width).toBeLessThanOrEqual(390);
  await onScreen(current);

  await page.getByRole('button', { name: /^Organization: Demo Motors/ }).click();
  await expect(page.getByRole('menu')).toBeVisible();
  await onScreen(page.getByRole('menu'));
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: /Account menu for/ }).click();
  await onScreen(page.getByRole('menu'));
  await expect(page.getByRole('menuitem', { name: 'Sign out' })).toBeVisible();
  await page.keyboard.press('Escape');
});

test('every row action of the members and API keys tables is on screen; the page never scrolls sideways', async ({ page }) => {
  await signIn(page, DEMO_LOGIN.email, DEMO_LOGIN.password);
  await nav(page).getByRole('link', { name: 'Organization' }).click();
  const members = page.getByRole('region', { name: 'Members', exact: true });
  // The demo owner, the team section's four people and the coaching section's two reps, plus the header row.
  await expect(members.getByRole('row')).toHaveCount(8);
  expect(await pageWidth(page)).toBeLessThanOrEqual(390);
  const removes = members.getByRole('button', { name: /^Remove / });
  await expect(removes).toHaveCount(6);
  for (const button of await removes.all()) await onScreen(button);
  // Roles sit under the names on a phone, where they can be changed.
  await onScreen(members.getByRole('combobox', { name: 'Role of Jordan Lee' }));

  await nav(page).getByRole('link', { name: 'API keys' }).click();
  const keys = page.getByRole('region', { name: 'Active keys', exact: true });
  await expect(keys.getByRole('button', { name: /^Revoke / })).toHaveCount(3);
  expect(await pageWidth(page)).toBeLessThanOrEqual(390);
  for (const button of await keys.getByRole('button', { name: /^Revoke / }).all()) await onScreen(button);
  // The rest of the table scrolls inside its card, and can be scrolled from the keyboard.
  const scroller = keys.getByRole('region', { name: 'API keys (scrolls sideways)' });
  await expect(scroller).toHaveAttribute('tabindex', '0');

  await nav(page).getByRole('link', { name: 'Security log' }).click();
  await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible();
  expect(await pageWidth(page)).toBeLessThanOrEqual(390);
});
