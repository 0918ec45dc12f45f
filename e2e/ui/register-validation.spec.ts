// A bad sign-up form shows inline errors from the shared schema and sends nothing to the server.
import { randomBytes } from 'node:crypto';
import { expect, test } from './test';
import { snap } from './screenshot';

test('register shows inline errors for a bad email and a short password, and creates nothing', async ({ page, request }) => {
  const registerCalls: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('account.register')) registerCalls.push(r.url());
  });

  await page.goto('/register');
  await page.getByLabel('First name').fill('Grace');
  await page.getByLabel('Last name').fill('Hopper');
  const emailInput = page.getByLabel('Work email');
  await emailInput.fill('not-an-email');
  await emailInput.blur();
  await expect(page.getByText('Enter an email address, like name@company.com')).toBeVisible();
  await expect(emailInput).toHaveAttribute('aria-invalid', 'true');

  const passwordInput = page.getByLabel('Password');
  await passwordInput.fill('short');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText('Use at least 8 characters')).toBeVisible();
  await expect(passwordInput).toHaveAttribute('aria-invalid', 'true');
  // The error is what a screen reader reads with the field.
  const describedBy = await passwordInput.getAttribute('aria-describedby');
  expect(describedBy).toBeTruthy();
  await expect(page.locator(`[id="${describedBy!.split(' ').pop()}"]`)).toHaveText('Use at least 8 characters');
  // Focus goes to the first field in error.
  await expect(emailInput).toBeFocused();
  await snap(page, '03-register-errors');

  // Fixing the email clears its error as the user types; the short password still blocks.
  const email = `grace-${randomBytes(4).toString('hex')}@example.test`;
  await emailInput.fill(email);
  await expect(page.getByText('Enter an email address, like name@company.com')).toHaveCount(0);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText('Use at least 8 characters')).toBeVisible();
  await expect(page).toHaveURL(/\/register$/);
  expect(registerCalls).toEqual([]);

  const signIn = await request.post('/api/v1/auth/token', { data: { email, password: 'short' } });
  expect(signIn.status()).toBe(401);
});

test('the sign-in page renders', async ({ page }) => {
  await page.goto('/login');
  await expect(page.getByRole('heading', { name: 'Sign in to Pitchcraft' })).toBeVisible();
  await expect(page.getByLabel('Email or username')).toBeFocused();
  await snap(page, '00-login');
});
