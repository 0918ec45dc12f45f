// Issue 21: an admin builds a custom role from the roles matrix and gives it to a member on the users page; the member
// then sees exactly the pages that role opens. The only owner cannot demote themselves. Screenshots at both widths.
import { randomBytes } from 'node:crypto';
import type { Page } from '@playwright/test';
import { expect, test } from './test';
import { bootstrapTenant } from '../fixtures/tenant';
import { snap } from './screenshot';
import { signIn } from './sign-in';

const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' });
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1366, height: 900 };
const noSidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

test('an owner makes a custom role in the matrix and gives it to a member, who sees exactly its pages; the only owner cannot step down', async ({ page, request, baseURL }) => {
  test.setTimeout(180_000);
  const owner = await bootstrapTenant(baseURL!, 'roles-ui');
  const memberEmail = `mary-${randomBytes(4).toString('hex')}@example.test`;
  const memberPassword = 'a long enough password';
  const added = await request.post('/api/v1/users', { headers: { 'x-api-key': owner.apiKey }, data: { email: memberEmail, firstName: 'Mary', lastName: 'Jackson', password: memberPassword } });
  expect(added.status()).toBe(201);

  await page.setViewportSize(DESKTOP);
  await signIn(page, owner.email, owner.password);

  await test.step('create “Lead desk” from the matrix: calls and leads, nothing else', async () => {
    await nav(page).getByRole('link', { name: 'Roles' }).click();
    await expect(page.getByRole('heading', { name: 'Roles', level: 1 })).toBeVisible();
    const matrix = page.getByRole('table', { name: 'Roles and permissions' });
    await expect(matrix.getByRole('columnheader', { name: /Owner/ })).toBeVisible();
    await page.getByRole('button', { name: 'New role' }).click();
    await page.getByLabel('Role name').fill('Lead desk');
    await page.getByLabel('Description').fill('Follows up every call and lead');
    for (const permission of ['organization:read', 'calls:read', 'leads:read']) {
      await matrix.getByRole('checkbox', { name: new RegExp(`\\(${permission}\\) in Lead desk$`) }).check();
    }
    await expect(page.getByText('3 of')).toBeVisible();
    await snap(page, '60-roles-matrix-new-role');
    await page.getByRole('button', { name: 'Create role' }).click();
    await expect(page.getByText('The role “Lead desk” was created')).toBeVisible();
    await expect(matrix.getByRole('columnheader', { name: /Lead desk/ })).toBeVisible();
    await expect(matrix.getByRole('button', { name: 'Edit Lead desk' })).toBeVisible();
    await snap(page, '61-roles-matrix');
    await page.setViewportSize(PHONE);
    expect(await noSidewaysScroll(page)).toBeLessThanOrEqual(0);
    await snap(page, '61-roles-matrix-phone');
    await snap(page, '61-roles-matrix-phone-top', { fullPage: false });
    await page.setViewportSize(DESKTOP);
  });

  await test.step('give it to Mary on the users page', async () => {
    await nav(page).getByRole('link', { name: 'Users' }).click();
    await expect(page.getByRole('heading', { name: 'Users', level: 1 })).toBeVisible();
    const users = page.getByRole('table', { name: 'Users' });
    await users.getByRole('combobox', { name: 'Role of Mary Jackson' }).selectOption({ label: 'Lead desk' });
    await expect(page.getByText('Mary Jackson is now “Lead desk”')).toBeVisible();
    // The owner's own row offers no way down: they are the only owner.
    await expect(page.getByText('You are the only owner, so you cannot change your own role or leave.')).toBeVisible();
    await expect(users.getByRole('combobox', { name: /^Role of Test/ })).toHaveCount(0);
    await expect(users.getByText('Only owner: make someone else owner before stepping down.').filter({ visible: true })).toBeVisible();
    await snap(page, '62-users');
    await page.setViewportSize(PHONE);
    expect(await noSidewaysScroll(page)).toBeLessThanOrEqual(0);
    await snap(page, '62-users-phone');
    await page.setViewportSize(DESKTOP);
  });

  await test.step('the security log says who gave what to whom', async () => {
    await nav(page).getByRole('link', { name: 'Security log' }).click();
    const rows = page.getByRole('table').getByRole('row');
    await expect(rows.nth(1)).toContainText('Member role changed');
    await expect(rows.nth(1)).toContainText('Mary Jackson: Member → Lead desk');
    await expect(rows.nth(2)).toContainText('Role created');
  });

  await test.step('add a user by invite and grant Mary a permission directly', async () => {
    await nav(page).getByRole('link', { name: 'Users' }).click();
    await page.getByRole('button', { name: 'Add user' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a user' });
    await dialog.getByLabel('Email', { exact: true }).fill(`dorothy-${randomBytes(4).toString('hex')}@example.test`);
    await dialog.getByLabel('First name').fill('Dorothy');
    await dialog.getByLabel('Last name').fill('Vaughan');
    await dialog.getByLabel('Role').selectOption({ label: 'Lead desk' });
    await snap(page, '64-add-user', { fullPage: false });
    await dialog.getByRole('button', { name: 'Add user' }).click();
    await expect(page.getByText(/Dorothy Vaughan was added: an invite to choose a password is on its way/)).toBeVisible();
    const users = page.getByRole('table', { name: 'Users' });
    await expect(users.getByRole('row', { name: /Dorothy Vaughan/ })).toContainText('Invited');

    await users.getByRole('button', { name: 'Actions for Mary Jackson' }).click();
    await page.getByRole('menuitem', { name: 'Permissions…' }).click();
    const permissions = page.getByRole('dialog', { name: 'Mary Jackson’s permissions' });
    await expect(permissions.getByRole('checkbox', { name: /List and export leads/ })).toBeDisabled();
    await permissions.getByRole('checkbox', { name: /Read statistics/ }).check();
    await expect(permissions.getByText('Granted directly')).toBeVisible();
    await snap(page, '65-direct-permissions', { fullPage: false });
    await permissions.getByRole('button', { name: 'Done' }).click();
    await expect(users.getByRole('row', { name: /Mary Jackson/ })).toContainText('statistics:read');
  });

  await test.step('Mary sees the pages “Lead desk” opens, and no more', async () => {
    await page.getByRole('button', { name: /Account menu for/ }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/login/);
    await signIn(page, memberEmail, memberPassword);
    await expect(nav(page).getByRole('link')).toHaveText(['Dashboard', 'Calls', 'Leads', 'Organization', 'Account']);
    await nav(page).getByRole('link', { name: 'Leads' }).click();
    await expect(page.getByRole('heading', { name: 'Leads', level: 1 })).toBeVisible();
    // What the role does not open stays closed, even by address.
    await page.goto(`/${owner.organizationId}/settings/users`);
    await expect(page.getByText("Your role cannot see this organization's users")).toBeVisible();
    await page.goto(`/${owner.organizationId}/settings/api-keys`);
    await expect(page.getByText("Your role cannot see this organization's API keys")).toBeVisible();
    await nav(page).getByRole('link', { name: 'Dashboard' }).click();
    await expect(page.getByRole('heading', { name: /^Welcome/, level: 1 })).toBeVisible();
    await snap(page, '63-custom-role-dashboard');
  });
});
