// The owner's Email log and Background jobs panels: reachable from settings, honest when empty, fit a phone.
import { expect, test } from './test';
import { bootstrapTenant } from '../fixtures/tenant';
import { guardConsole } from './console-guard';
import { snap } from './screenshot';
import { signIn } from './sign-in';

for (const viewport of [{ width: 1366, height: 900 }, { width: 390, height: 844 }]) {
  test(`email log and background jobs at ${viewport.width}px`, async ({ browser, baseURL }) => {
    const tenant = await bootstrapTenant(baseURL!, 'ops');
    const page = await (await browser.newContext({ viewport })).newPage();
    const problems = guardConsole(page);
    await signIn(page, tenant.email, tenant.password);
    await page.goto(`/${tenant.organizationId}/settings/email`);
    await expect(page.getByRole('heading', { name: 'Email log', level: 1 })).toBeVisible();
    await expect(page.getByText('No emails yet')).toBeVisible();
    await snap(page, `ops-email-log-${viewport.width}`);
    await page.goto(`/${tenant.organizationId}/settings/jobs`);
    await expect(page.getByRole('heading', { name: 'Background jobs', level: 1 })).toBeVisible();
    await expect(page.getByText('mail.send').filter({ visible: true })).toBeVisible();
    await expect(page.getByText('No failed jobs')).toBeVisible();
    await snap(page, `ops-background-jobs-${viewport.width}`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
    expect(problems()).toEqual([]);
  });
}
