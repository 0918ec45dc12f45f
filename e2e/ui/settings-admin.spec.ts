// What an organization owner does in settings beyond the first run: read the security log, try to leave as the
// last owner, delete an organization by typing its name, remove a member; and what a plain member sees and does.
import { randomBytes } from 'node:crypto';
import type { Page } from '@playwright/test';
import { expect, test } from './test';
import { addMember } from '../fixtures/membership';
import { bootstrapTenant } from '../fixtures/tenant';
import { snap } from './screenshot';
import { signIn } from './sign-in';

const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' });


test('an owner reads the security log, cannot leave as the last owner, and deletes an organization', async ({ page }) => {
  const email = `grace-${randomBytes(4).toString('hex')}@example.test`;

  await test.step('sign up and create the first organization', async () => {
    await page.goto('/register');
    await page.getByLabel('First name').fill('Grace');
    await page.getByLabel('Last name').fill('Hopper');
    await page.getByLabel('Work email').fill(email);
    await page.getByLabel('Password').fill('compiler pioneer 1952');
    await page.getByLabel('Password').press('Enter');
    await expect(page).toHaveURL(/\/onboarding$/);
    await page.getByLabel('Organization name').fill('Harbor Motors');
    await page.getByRole('button', { name: 'Create organization' }).click();
    await expect(page.getByRole('heading', { name: 'Welcome, Grace', level: 1 })).toBeVisible();
  });
  const firstId = new URL(page.url()).pathname.slice(1);
  expect(firstId).toMatch(/^[0-9a-f-]{36}$/);

  await test.step('create an API key and revoke it', async () => {
    await nav(page).getByRole('link', { name: 'API keys' }).click();
    await page.getByLabel('Key name').fill('Billing export');
    await page.getByLabel('Read statistics').check();
    await page.getByRole('button', { name: 'Create key' }).click();
    await expect(page.getByRole('textbox', { name: 'New API key secret' })).toBeVisible();
    await page.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('button', { name: 'Revoke Billing export' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Revoke “Billing export”?' });
    await dialog.getByRole('button', { name: 'Revoke key' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText('No active keys')).toBeVisible();
  });

  await test.step('the security log shows both, newest first, with who did it', async () => {
    await nav(page).getByRole('link', { name: 'Security log' }).click();
    await expect(page.getByRole('heading', { name: 'Security log', level: 1 })).toBeVisible();
    const rows = page.getByRole('table').getByRole('row');
    await expect(rows).toHaveCount(4); // header + 3
    await expect(rows.nth(1)).toContainText('API key revoked');
    await expect(rows.nth(1)).toContainText('Grace Hopper');
    await expect(rows.nth(1)).toContainText(email);
    await expect(rows.nth(1)).toContainText('“Billing export”');
    await expect(rows.nth(2)).toContainText('API key created');
    await expect(rows.nth(2)).toContainText('“Billing export” · 1 scope');
    await expect(rows.nth(3)).toContainText('Organization created');
    await expect(page.getByText('3 events')).toBeVisible();
    await snap(page, '20-security-log');

    await page.getByLabel('Event type').selectOption({ label: 'API key revoked' });
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(1)).toContainText('API key revoked');
    await expect(page.getByText('1 matching event')).toBeVisible();
    await page.getByLabel('Event type').selectOption({ label: 'Member removed' });
    await expect(page.getByText('No events of this type')).toBeVisible();
    await snap(page, '21-security-log-filtered-empty');

    // On a phone the table scrolls inside its card; the page itself never scrolls sideways.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByLabel('Event type').selectOption({ label: 'All events' });
    await expect(rows).toHaveCount(4);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await snap(page, '21-security-log-phone');
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  await test.step('the last owner is not offered Leave, and reads why', async () => {
    await nav(page).getByRole('link', { name: 'Organization' }).click();
    await expect(page.getByRole('heading', { name: 'Organization', level: 1 })).toBeVisible();
    const members = page.getByRole('region', { name: 'Members' });
    await expect(members).toContainText('You are the only owner, so you cannot leave or change your own role.');
    await expect(members.getByRole('button', { name: 'Leave organization' })).toHaveCount(0);
    await snap(page, '22-only-owner', { fullPage: false });
  });

  let secondId = '';
  await test.step('create a second organization', async () => {
    await page.getByRole('button', { name: /Organization: Harbor Motors/ }).click();
    await page.getByRole('menuitem', { name: 'Create organization' }).click();
    await expect(page.getByRole('heading', { name: 'Create another organization' })).toBeVisible();
    await page.getByLabel('Organization name').fill('Scratch Garage');
    await page.getByRole('button', { name: 'Create organization' }).click();
    await expect(page.getByRole('button', { name: /Organization: Scratch Garage/ })).toBeVisible();
    secondId = new URL(page.url()).pathname.slice(1);
    expect(secondId).not.toBe(firstId);
  });

  await test.step('delete it from the danger zone, typing its name; back in the first organization', async () => {
    await nav(page).getByRole('link', { name: 'Organization' }).click();
    const danger = page.getByRole('region', { name: 'Danger zone' });
    await expect(danger).toBeVisible();
    await snap(page, '23-organization-settings-danger-zone');
    await danger.getByRole('button', { name: 'Delete organization' }).click();

    const dialog = page.getByRole('alertdialog', { name: 'Delete Scratch Garage?' });
    const confirmName = dialog.getByLabel('Type “Scratch Garage” to confirm');
    const remove = dialog.getByRole('button', { name: 'Delete organization' });
    await expect(confirmName).toBeFocused();
    await expect(remove).toBeDisabled();
    await confirmName.fill('scratch garage');
    await expect(remove).toBeDisabled();
    await confirmName.fill('Scratch Garage');
    await expect(remove).toBeEnabled();
    await snap(page, '24-delete-organization-confirm', { fullPage: false });
    await remove.click();

    await expect(page).toHaveURL(new RegExp(`/${firstId}$`));
    // Landing in another organization is explained, though the page was loaded afresh.
    await expect(page.getByRole('status').getByText('Scratch Garage was deleted')).toBeVisible();
    await expect(page.getByRole('button', { name: /Organization: Harbor Motors/ })).toBeVisible();
    await page.getByRole('button', { name: /Organization: Harbor Motors/ }).click();
    await expect(page.getByRole('menuitemradio')).toHaveCount(1);
    await expect(page.getByRole('menuitemradio')).toHaveAccessibleName('Harbor Motors');
    await page.keyboard.press('Escape');
    await page.goto(`/${secondId}`);
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  });

});

test('an owner removes a member; a member sees no owner tools and leaves', async ({ page, request, baseURL }) => {
  const owner = await bootstrapTenant(baseURL!, 'members');
  const orgName: string = (await (await request.get(`/api/v1/organizations/${owner.organizationId}`, { headers: { 'x-api-key': owner.apiKey } })).json()).name;
  const password = 'a long enough password';
  const people: Record<string, { email: string; id: string }> = {};
  for (const [firstName, lastName] of [['Alan', 'Turing'], ['Katherine', 'Johnson']] as const) {
    const email = `${firstName.toLowerCase()}-${randomBytes(4).toString('hex')}@example.test`;
    const res = await request.post('/api/v1/auth/register', { data: { email, password, firstName, lastName } });
    expect(res.status()).toBe(201);
    people[firstName] = { email, id: (await res.json()).id };
    await addMember(owner.organizationId, people[firstName]!.id, 'member');
  }

  await test.step('the owner removes Alan', async () => {
    await signIn(page, owner.email, owner.password);
    await nav(page).getByRole('link', { name: 'Organization' }).click();
    const members = page.getByRole('region', { name: 'Members' });
    await expect(members.getByRole('row')).toHaveCount(4);
    await members.getByRole('button', { name: 'Remove Alan Turing' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Remove Alan Turing?' });
    await expect(dialog).toContainText(`Alan Turing loses access to ${orgName} at once`);
    await snap(page, '25-remove-member-confirm', { fullPage: false });
    await dialog.getByRole('button', { name: 'Remove member' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText(`Alan Turing was removed from ${orgName}`)).toBeVisible();
    await expect(members.getByRole('row')).toHaveCount(3);
    await expect(members).not.toContainText('Alan Turing');

    await nav(page).getByRole('link', { name: 'Security log' }).click();
    await expect(page.getByRole('table').getByRole('row').nth(1)).toContainText('Member removed');
    await expect(page.getByRole('table').getByRole('row').nth(1)).toContainText('Alan Turing (member)');
  });

  await test.step('Katherine, a member, sees no security log or danger zone, and leaves', async () => {
    await page.getByRole('button', { name: /Account menu for/ }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/login/);
    await signIn(page, people.Katherine!.email, password);
    await expect(page).toHaveURL(new RegExp(`/${owner.organizationId}$`));
    await expect(nav(page).getByRole('link', { name: 'API keys' })).toHaveCount(0);
    await expect(nav(page).getByRole('link', { name: 'Security log' })).toHaveCount(0);
    await nav(page).getByRole('link', { name: 'Organization' }).click();
    const members = page.getByRole('region', { name: 'Members' });
    await expect(members.getByRole('row')).toHaveCount(3);
    // Only leaving: no removing others, no changing roles, no deleting the organization.
    await expect(members.getByRole('button')).toHaveText(['Leave']);
    await expect(page.getByRole('region', { name: 'Danger zone' })).toHaveCount(0);
    await snap(page, '26-organization-settings-as-member');
    await page.goto(`/${owner.organizationId}/settings/security`);
    await expect(page.getByText("Your role cannot read this organization's security log")).toBeVisible();

    await nav(page).getByRole('link', { name: 'Organization' }).click();
    await page.getByRole('button', { name: 'Leave organization' }).click();
    const dialog = page.getByRole('alertdialog', { name: `Leave ${orgName}?` });
    await dialog.getByRole('button', { name: 'Leave organization' }).click();
    // She belonged nowhere else: / sends her to create an organization.
    await expect(page).toHaveURL(/\/onboarding$/);
    await expect(page.getByRole('heading', { name: 'Set up your organization' })).toBeVisible();
    await expect(page.getByRole('status').getByText(`You left ${orgName}`)).toBeVisible();
  });

});
