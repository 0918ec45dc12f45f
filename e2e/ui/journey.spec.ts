// The first-run journey in the browser: sign up, create an organization, set currencies, mint an API key, use it
// against REST, revoke it, and sign out and in again.
import { randomBytes } from 'node:crypto';
import { expect, test } from './test';
import { snap } from './screenshot';

test('a new user sets up an organization and an API key, then revokes it', async ({ page, request }) => {
  const email = `ada-${randomBytes(4).toString('hex')}@example.test`;
  const password = 'analytical engine 1843';

  await test.step('register', async () => {
    await page.goto('/register');
    await expect(page.getByRole('heading', { name: 'Create your account' })).toBeVisible();
    await snap(page, '02-register');
    await page.getByLabel('First name').fill('Ada');
    await page.getByLabel('Last name').fill('Lovelace');
    await page.getByLabel('Work email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByLabel('Password').press('Enter');
    await expect(page).toHaveURL(/\/onboarding$/);
  });

  let orgId = '';
  await test.step('create the first organization', async () => {
    await expect(page.getByRole('heading', { name: 'Set up your organization' })).toBeVisible();
    await snap(page, '04-onboarding');
    await page.getByLabel('Organization name').fill('Analytical Motors');
    await page.getByRole('button', { name: 'Create organization' }).click();
    await expect(page).toHaveURL(/\/[0-9a-f-]{36}$/);
    orgId = new URL(page.url()).pathname.slice(1);
  });

  await test.step('dashboard shows the organization, its members and the way to a first key', async () => {
    // A brand-new user is welcomed, not welcomed back.
    await expect(page.getByRole('heading', { name: 'Welcome, Ada', level: 1 })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Members' })).toContainText('Just you so far.');
    await expect(page.getByRole('region', { name: 'API keys' })).toContainText('No keys yet.');
    await expect(page.getByText('Connect your first integration')).toBeVisible();
    await expect(page.getByRole('button', { name: /Organization: Analytical Motors/ })).toBeVisible();
    await snap(page, '05-dashboard-empty');
  });

  await test.step('set base currency and accepted currencies; they survive a reload', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Organization' }).click();
    await expect(page.getByRole('heading', { name: 'Organization', level: 1 })).toBeVisible();
    await page.getByLabel('Location').fill('London');
    await page.getByLabel('Base currency').selectOption('EUR');
    const picker = page.getByRole('combobox', { name: 'Accepted currencies' });
    const options = page.getByRole('listbox', { name: 'Currencies' });
    await picker.fill('gbp');
    await expect(options.getByRole('option').first()).toHaveAccessibleName('GBP British Pound');
    await picker.press('Enter');
    await picker.fill('japanese');
    await picker.press('Enter');
    await picker.fill('swiss');
    await expect(options).toBeVisible();
    await snap(page, '06-currency-picker-open', { fullPage: false });
    await options.getByRole('option', { name: /^CHF / }).click();
    await picker.press('Escape');
    const chips = page.getByRole('list', { name: 'Selected currencies' });
    await expect(chips).toContainText('GBP');
    // USD was the base at creation; it stays accepted until removed, and removing it is one click.
    await chips.getByRole('button', { name: 'Remove USD' }).click();
    await expect(chips.getByRole('listitem')).toHaveText(['EURBase', 'GBP', 'JPY', 'CHF']);
    await snap(page, '06-organization-settings-editing');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByText('Organization settings saved')).toBeVisible();

    await page.reload();
    await expect(page.getByLabel('Base currency')).toHaveValue('EUR');
    await expect(page.getByLabel('Location')).toHaveValue('London');
    await expect(page.getByRole('list', { name: 'Selected currencies' }).getByRole('listitem')).toHaveText(['EURBase', 'GBP', 'JPY', 'CHF']);
  });

  await test.step('the only owner is offered no role change and no leaving, and is told why', async () => {
    const members = page.getByRole('region', { name: 'Members' });
    await expect(members.getByRole('combobox', { name: 'Role of Ada Lovelace' })).toHaveCount(0);
    await expect(members.getByRole('button', { name: 'Leave organization' })).toHaveCount(0);
    await expect(members.getByRole('row', { name: /Ada Lovelace/ })).toContainText('Only owner');
    await expect(members).toContainText('You are the only owner, so you cannot leave or change your own role.');
    await snap(page, '07-organization-settings-saved');
  });

  let secret = '';
  await test.step('create an API key and read its secret once', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'API keys' }).click();
    await expect(page.getByText('No API keys yet')).toBeVisible();
    await snap(page, '08-api-keys-empty');
    await page.getByRole('button', { name: 'Create key' }).click();
    await expect(page.getByText('Give the key a name')).toBeVisible();
    await expect(page.getByText('Choose at least one scope')).toBeVisible();
    await page.getByLabel('Key name').fill('CRM sync');
    await page.getByLabel('Read organization').check();
    await page.getByLabel('List members').check();
    await page.getByRole('button', { name: 'Create key' }).click();
    const secretBox = page.getByRole('textbox', { name: 'New API key secret' });
    await expect(secretBox).toBeVisible();
    secret = await secretBox.inputValue();
    expect(secret).toMatch(/^pk_[A-Za-z0-9_-]{20,}$/);
    const row = page.getByRole('row', { name: /CRM sync/ });
    await expect(row).toContainText(`${secret.slice(0, 9)}…`);
    await expect(row.getByRole('cell').nth(3)).toHaveText('Never');
    await snap(page, '09-api-key-created');
  });

  await test.step('the key works against the REST API', async () => {
    const me = await request.get('/api/v1/me', { headers: { 'x-api-key': secret } });
    expect(me.status()).toBe(200);
    expect((await me.json()).email).toBe(email);
    const orgs = await request.get('/api/v1/organizations', { headers: { authorization: `Bearer ${secret}` } });
    expect(orgs.status()).toBe(200);
    const body = await orgs.json();
    expect(body.results.map((o: { id: string }) => o.id)).toEqual([orgId]);
    expect(body.results[0].currencies).toEqual(expect.arrayContaining(['EUR', 'GBP', 'JPY', 'CHF']));
  });

  await test.step('revoke it in the UI; the same call is refused', async () => {
    await page.getByRole('button', { name: 'Done' }).click();
    await expect(page.getByRole('textbox', { name: 'New API key secret' })).toHaveCount(0);
    await page.reload();
    // Its use a moment ago is now recorded as "last used".
    await expect(page.getByRole('row', { name: /CRM sync/ }).getByRole('cell').nth(3)).toHaveText(/^[A-Z][a-z]{2} \d{1,2}, \d{4}$/);
    await page.getByRole('button', { name: 'Revoke CRM sync' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Revoke “CRM sync”?' });
    await expect(dialog).toBeVisible();
    await snap(page, '10-api-key-revoke-confirm', { fullPage: false });
    await dialog.getByRole('button', { name: 'Revoke key' }).click();
    await expect(dialog).toBeHidden();
    // Not "no keys yet": there was one, and it was revoked.
    await expect(page.getByText('No active keys')).toBeVisible();
    await expect(page.getByText('Every key created here has been revoked or has expired')).toBeVisible();
    const after = await request.get('/api/v1/me', { headers: { 'x-api-key': secret } });
    expect(after.status()).toBe(401);
    const orgsAfter = await request.get('/api/v1/organizations', { headers: { 'x-api-key': secret } });
    expect(orgsAfter.status()).toBe(401);
  });

  await test.step('account page', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Account', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Account', level: 1 })).toBeVisible();
    await expect(page.getByLabel('Email')).toHaveValue(email);
    await page.getByLabel('Current password').fill(password);
    await page.getByLabel('New password', { exact: true }).fill('a much longer password');
    await page.getByLabel('Confirm new password').fill('something else');
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect(page.getByText('The passwords do not match')).toBeVisible();
    await snap(page, '11-account');
  });

  await test.step('create a second organization and switch back', async () => {
    await page.getByRole('button', { name: /Organization: Analytical Motors/ }).click();
    await expect(page.getByRole('menu')).toBeVisible();
    await snap(page, '12-organization-switcher', { fullPage: false });
    await page.getByRole('menuitem', { name: 'Create organization' }).click();
    // The password form above still holds what was typed: leaving asks first.
    const leave = page.getByRole('alertdialog', { name: 'Leave without saving?' });
    await expect(leave).toBeVisible();
    await leave.getByRole('button', { name: 'Discard changes' }).click();
    await expect(page.getByRole('heading', { name: 'Create another organization' })).toBeVisible();
    await page.getByLabel('Organization name').fill('Difference Engines');
    await page.getByLabel('Base currency').selectOption('GBP');
    await page.getByRole('button', { name: 'Create organization' }).click();
    await expect(page.getByRole('button', { name: /Organization: Difference Engines/ })).toBeVisible();
    const secondId = new URL(page.url()).pathname.slice(1);
    expect(secondId).not.toBe(orgId);
    await expect(page.getByRole('region', { name: 'Members' })).toContainText('Just you so far.');

    await page.getByRole('button', { name: /Organization: Difference Engines/ }).click();
    await page.getByRole('menuitemradio', { name: 'Analytical Motors' }).click();
    await expect(page).toHaveURL(new RegExp(`/${orgId}$`));
    await expect(page.getByRole('button', { name: /Organization: Analytical Motors/ })).toBeVisible();
    await expect(page.getByText('London')).toBeVisible();
  });

  await test.step('sign out and sign in again with the same account', async () => {
    await page.getByRole('button', { name: /Account menu for Ada Lovelace/ }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto(`/${orgId}/settings/api-keys`);
    await expect(page).toHaveURL(/\/login\?callbackUrl=/);

    await page.getByLabel('Email or username').fill(email);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'incorrect' })).toBeVisible();
    await snap(page, '01-login-error');

    await page.getByLabel('Password').fill(password);
    await page.getByLabel('Password').press('Enter');
    // Back on the page that was asked for; the dashboard is one link away.
    await expect(page).toHaveURL(new RegExp(`/${orgId}/settings/api-keys$`));
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
    await expect(page.getByRole('heading', { name: 'Welcome, Ada', level: 1 })).toBeVisible();
    const keys = page.getByRole('region', { name: 'API keys' });
    await expect(keys).toContainText('No key works right now.');
    await expect(keys.getByText('No active API keys')).toBeVisible();
    await snap(page, '13-dashboard-after-sign-in');
  });

  await test.step("another organization's id is simply not found", async () => {
    await page.goto('/00000000-0000-4000-8000-000000000000');
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    await snap(page, '14-not-found');
  });

  await test.step('the dashboard fits a phone screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/${orgId}`);
    await expect(page.getByRole('heading', { name: 'Welcome, Ada', level: 1 })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await snap(page, '15-dashboard-phone');
  });

});
