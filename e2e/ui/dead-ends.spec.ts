// Issue 7: no dead ends. Onboarding can be left (sign out) and says honestly where the person is; /login while signed
// in goes on into the app; the only owner is offered neither Leave nor a role change but told how; an unknown path
// is a 404 signed out too; changing the base currency keeps the old one accepted and says so.
import { randomBytes } from 'node:crypto';
import { addMember } from '../fixtures/membership';
import { bootstrapTenant } from '../fixtures/tenant';
import { snap } from './screenshot';
import { signIn } from './sign-in';
import { expect, test } from './test';

test('onboarding offers sign-out and honest steps; signed-in visitors skip /login; the old base currency stays', async ({ page }) => {
  const email = `new-${randomBytes(4).toString('hex')}@example.test`;
  const password = 'a long enough password';
  await page.goto('/register');
  await page.getByLabel('First name').fill('Nia');
  await page.getByLabel('Last name').fill('Okafor');
  await page.getByLabel('Work email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page).toHaveURL(/\/onboarding$/);

  const steps = page.getByRole('list', { name: 'Getting started' });
  await expect(steps.getByRole('listitem')).toHaveText(['✓Create your account (done)', '2Set up your organization']);
  await expect(steps.getByRole('listitem').nth(1)).toHaveAttribute('aria-current', 'step');
  await expect(page.getByText('Step 2 of 2')).toHaveCount(0);

  // Base currency: switching from USD to EUR keeps USD accepted, says so, and one click removes it.
  await page.getByLabel('Base currency').selectOption('EUR');
  const chips = page.getByRole('list', { name: 'Selected currencies' });
  await expect(chips.getByRole('listitem')).toHaveText(['EURBase', 'USD']);
  await expect(page.getByText('USD stays accepted. Remove it below if you no longer take it.')).toBeVisible();
  await snap(page, '44-onboarding-base-currency');

  // Already signed in, /login and /register lead on into the app (here: onboarding, with no organization yet).
  await page.goto('/login');
  await expect(page).toHaveURL(/\/onboarding$/);
  await page.goto('/register');
  await expect(page).toHaveURL(/\/onboarding$/);

  await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto('/onboarding');
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fonboarding$/);
});

test('an unknown path is a 404 page for someone signed out, not the sign-in form', async ({ page }) => {
  for (const path of ['/no-such-page', '/favicon.png', '/pricing/enterprise']) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page).toHaveURL(new RegExp(`${path.replace('.', '\\.')}$`));
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Sign in' })).toHaveAttribute('href', '/login');
  }
  // What may be an organization still asks for sign-in: only its members may learn whether it exists.
  await page.goto('/00000000-0000-4000-8000-000000000000');
  await expect(page).toHaveURL(/\/login\?callbackUrl=/);
});

test('the only owner gets no Leave or role menu but the way there; with a second owner both appear', async ({ page, request, baseURL }) => {
  const tenant = await bootstrapTenant(baseURL!, 'sole');
  const email = `kim-${randomBytes(4).toString('hex')}@example.test`;
  const registered = await request.post('/api/v1/auth/register', { data: { email, password: 'a long enough password', firstName: 'Kim', lastName: 'Park' } });
  await addMember(tenant.organizationId, (await registered.json()).id, 'member');

  await signIn(page, tenant.email, tenant.password);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Organization' }).click();
  const members = page.getByRole('region', { name: 'Members', exact: true });
  const me = members.getByRole('row', { name: /Test sole/ });
  await expect(me).toContainText('Only owner');
  await expect(me.getByRole('combobox')).toHaveCount(0);
  await expect(me.getByRole('button', { name: 'Leave organization' })).toHaveCount(0);
  await expect(members).toContainText('Make another member an owner first; then you can step down or leave.');

  await members.getByRole('combobox', { name: 'Role of Kim Park' }).selectOption('owner');
  await expect(page.getByText('Kim Park is now owner')).toBeVisible();
  await expect(me.getByRole('button', { name: 'Leave organization' })).toBeVisible();
  await expect(me.getByRole('combobox', { name: 'Role of Test sole' })).toHaveValue('owner');
  await expect(members).not.toContainText('You are the only owner');
});
