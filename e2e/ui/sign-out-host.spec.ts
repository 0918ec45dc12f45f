// Issue 8.1: signing out keeps the person on the host they came in on. The test server's NEXTAUTH_URL names
// 127.0.0.1; this person uses localhost, and next-auth's own redirect would have sent them to 127.0.0.1.
import { bootstrapTenant } from '../fixtures/tenant';
import { expect, test } from './test';

test('signing in and out on another host than NEXTAUTH_URL stays on that host', async ({ page, baseURL }) => {
  const tenant = await bootstrapTenant(baseURL!, 'host');
  const host = baseURL!.replace('127.0.0.1', 'localhost');
  expect(host).not.toBe(baseURL);

  await page.goto(`${host}/login`);
  await page.getByLabel('Email or username').fill(tenant.email);
  await page.getByLabel('Password').fill(tenant.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(`${host}/${tenant.organizationId}`);

  await page.getByRole('button', { name: /Account menu for/ }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(`${host}/login`);
  await expect(page.getByRole('heading', { name: 'Sign in to Pitchcraft' })).toBeVisible();
  // Really signed out, on this host: the organization asks for sign-in again.
  await page.goto(`${host}/${tenant.organizationId}`);
  await expect(page).toHaveURL(new RegExp(`^${host}/login\\?callbackUrl=`));
});
