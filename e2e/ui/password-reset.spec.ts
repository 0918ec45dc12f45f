// Forgot password end to end: the link arrives by real SMTP, sets a new password, and the browser session that was
// open before is signed out.
import { expect, test } from './test';
import { firstLink, readMail } from '../fixtures/mail-sink';
import { bootstrapTenant } from '../fixtures/tenant';
import { guardConsole } from './console-guard';
import { snap } from './screenshot';
import { signIn } from './sign-in';

test('a user who forgot their password resets it by email; their other session ends', async ({ browser, baseURL }) => {
  const tenant = await bootstrapTenant(baseURL!, 'reset');
  const before = await browser.newContext();
  const old = await before.newPage();
  await signIn(old, tenant.email, tenant.password);

  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = guardConsole(page);
  await test.step('ask for a reset link from the sign-in page', async () => {
    await page.goto('/login');
    await page.getByRole('link', { name: 'Forgot password?' }).click();
    await expect(page.getByRole('heading', { name: 'Forgot your password?' })).toBeVisible();
    await snap(page, 'reset-01-forgot');
    await page.getByLabel('Email').fill(tenant.email);
    await page.getByRole('button', { name: 'Send reset link' }).click();
    await expect(page.getByRole('heading', { name: 'Check your inbox' })).toBeVisible();
    await expect(page.getByText(`If ${tenant.email} belongs to a Pitchcraft account`)).toBeVisible();
    await snap(page, 'reset-02-sent');
  });

  let link = '';
  await test.step('the email arrives over SMTP with an absolute link, in HTML and text', async () => {
    const mail = await readMail(tenant.email, { subject: /Reset your Pitchcraft password/ });
    link = firstLink(mail)!;
    expect(link.startsWith(`${baseURL}/reset-password/`)).toBe(true);
    expect(mail.html).toContain(`href="${link}"`);
  });

  await test.step('the link sets a new password and signs in', async () => {
    await page.goto(link);
    await expect(page.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
    await snap(page, 'reset-03-choose');
    await page.getByLabel('New password', { exact: true }).fill('a fresh passphrase 2026');
    await page.getByLabel('Confirm new password').fill('a fresh passphrase 2026');
    await page.getByRole('button', { name: 'Set new password' }).click();
    await expect(page).toHaveURL(new RegExp(`/${tenant.organizationId}$`));
  });

  await test.step('the browser session from before the reset is signed out', async () => {
    await old.reload();
    await expect(old).toHaveURL(/\/login/);
  });

  await test.step('the link is spent', async () => {
    await page.goto(link);
    await expect(page.getByRole('heading', { name: 'This link cannot be used' })).toBeVisible();
    await expect(page.getByText(/expired or was already used/)).toBeVisible();
    await snap(page, 'reset-04-spent');
  });

  await test.step('the new password works for a fresh sign-in', async () => {
    const fresh = await (await browser.newContext()).newPage();
    await signIn(fresh, tenant.email, 'a fresh passphrase 2026');
  });
  expect(problems()).toEqual([]);
});

test('the reset pages fit a phone', async ({ browser }) => {
  const page = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await page.goto('/forgot-password');
  await expect(page.getByRole('heading', { name: 'Forgot your password?' })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await snap(page, 'reset-phone-01-forgot');
  await page.goto('/reset-password/pr_this-is-not-a-token');
  await expect(page.getByRole('heading', { name: 'This link cannot be used' })).toBeVisible();
  await expect(page.getByText('This reset link is not valid')).toBeVisible();
  await snap(page, 'reset-phone-02-invalid');
});
