// Issue 8.5: the app says what happened. Saving offline fails at once with a clear message (nothing lost); a slow page
// shows a loading state at once; leaving a form with unsaved changes asks first, by link and by closing the tab.
// (Deleting an organization's toast across the reload is in settings-admin.spec.ts.)
import type { Page } from '@playwright/test';
import { bootstrapTenant } from '../fixtures/tenant';
import { signIn } from './sign-in';
import { snap } from './screenshot';
import { expect, test } from './test';

const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' });

test('saving while offline says so at once and keeps the input; back online it saves', async ({ page, context, baseURL }) => {
  const tenant = await bootstrapTenant(baseURL!, 'offline');
  await signIn(page, tenant.email, tenant.password);
  await nav(page).getByRole('link', { name: 'Organization' }).click();
  const details = page.getByRole('region', { name: 'Details' });
  await details.getByLabel('Location').fill('Lisbon');

  await context.setOffline(true);
  await expect(page.getByText('You are offline. You can keep reading and editing')).toBeVisible();
  const started = Date.now();
  await details.getByRole('button', { name: 'Save changes' }).click();
  await expect(details.getByRole('alert')).toContainText('You are offline, so nothing was saved.', { timeout: 3000 });
  expect(Date.now() - started).toBeLessThan(3000);
  await expect(details.getByRole('button', { name: 'Save changes' })).toBeEnabled();
  await expect(details.getByLabel('Location')).toHaveValue('Lisbon');
  await snap(page, '41-save-offline', { fullPage: false });

  await context.setOffline(false);
  await details.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Organization settings saved')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('region', { name: 'Details' }).getByLabel('Location')).toHaveValue('Lisbon');
});

test('a slow page shows its loading state at once', async ({ page, baseURL }) => {
  const tenant = await bootstrapTenant(baseURL!, 'slow');
  // The app prefetches what the sidebar links to; that is what lets it show the loading state at once.
  const prefetched = page.waitForResponse((r) => new URL(r.url()).pathname.endsWith('/settings/security') && r.request().headers()['next-router-prefetch'] === '1');
  await signIn(page, tenant.email, tenant.password);
  await prefetched;
  // From one settings page to another.
  await nav(page).getByRole('link', { name: 'Organization' }).click();
  await expect(page.getByRole('heading', { name: 'Organization', level: 1 })).toBeVisible();
  // The server takes 2 s to answer for the security log (not its prefetch, which brings the loading state).
  await page.route(
    (url) => url.pathname.endsWith('/settings/security'),
    async (route) => {
      if (!route.request().headers()['next-router-prefetch']) await new Promise((r) => setTimeout(r, 2000));
      await route.continue();
    },
  );
  await nav(page).getByRole('link', { name: 'Security log' }).click();
  await expect(page.getByRole('status', { name: 'Loading page' })).toBeVisible({ timeout: 1500 });
  await snap(page, '42-page-loading', { fullPage: false });
  await expect(page.getByRole('heading', { name: 'Security log', level: 1 })).toBeVisible();
  await expect(page.getByRole('status', { name: 'Loading page' })).toHaveCount(0);
});

test('leaving a form with unsaved changes asks first, by link and by closing the tab; saved forms do not', async ({ page, baseURL }) => {
  const tenant = await bootstrapTenant(baseURL!, 'unsaved');
  await signIn(page, tenant.email, tenant.password);
  await nav(page).getByRole('link', { name: 'Organization' }).click();
  const name = page.getByRole('region', { name: 'Details' }).getByLabel('Organization name');
  await name.fill('Renamed Motors');

  await nav(page).getByRole('link', { name: 'API keys' }).click();
  const ask = page.getByRole('alertdialog', { name: 'Leave without saving?' });
  await expect(ask).toBeVisible();
  await expect(ask.getByRole('button', { name: 'Keep editing' })).toBeFocused();
  await snap(page, '43-unsaved-changes', { fullPage: false });
  await ask.getByRole('button', { name: 'Keep editing' }).click();
  await expect(ask).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Organization', level: 1 })).toBeVisible();
  await expect(name).toHaveValue('Renamed Motors');

  // Closing the tab gets the browser's own prompt; staying keeps the page.
  const prompted = new Promise<string>((resolve) =>
    page.once('dialog', (dialog) => {
      resolve(dialog.type());
      void dialog.dismiss();
    }),
  );
  await page.close({ runBeforeUnload: true });
  expect(await prompted).toBe('beforeunload');
  expect(page.isClosed()).toBe(false);
  await expect(name).toHaveValue('Renamed Motors');

  await nav(page).getByRole('link', { name: 'API keys' }).click();
  await ask.getByRole('button', { name: 'Discard changes' }).click();
  await expect(page.getByRole('heading', { name: 'API keys', level: 1 })).toBeVisible();

  // Once saved, nothing is at risk: no question.
  await nav(page).getByRole('link', { name: 'Organization' }).click();
  await page.getByRole('region', { name: 'Details' }).getByLabel('Location').fill('Porto');
  await page.getByRole('region', { name: 'Details' }).getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Organization settings saved')).toBeVisible();
  await nav(page).getByRole('link', { name: 'Account', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Account', level: 1 })).toBeVisible();
  await expect(ask).toHaveCount(0);
});
