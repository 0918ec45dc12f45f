// Open tabs follow what happens elsewhere without a reload: the security log grows, a rename shows, a role change
// changes what a member may open.
import { expect, test } from './test';
import { addMember } from '../fixtures/membership';
import { bootstrapTenant } from '../fixtures/tenant';
import { guardConsole } from './console-guard';
import { snap } from './screenshot';
import { signIn } from './sign-in';

test('the security log, the organization name and a member\'s role update live in open tabs', async ({ browser, baseURL, request }) => {
  const tenant = await bootstrapTenant(baseURL!, 'live');
  const api = (method: 'POST' | 'PATCH', path: string, data: unknown) =>
    request.fetch(`/api/v1${path}`, { method, data, headers: { authorization: `Bearer ${tenant.access}`, 'x-organization-id': tenant.organizationId } });

  const owner = await browser.newContext();
  const log = await owner.newPage();
  const problems = guardConsole(log);
  await signIn(log, tenant.email, tenant.password);
  await log.goto(`/${tenant.organizationId}/settings/security`);
  await expect(log.getByRole('heading', { name: 'Security log' })).toBeVisible();
  await expect(log.getByRole('cell', { name: 'API key created' })).toHaveCount(1); // the one the fixture made

  await test.step('a key created elsewhere appears in the open security log', async () => {
    expect((await api('POST', '/api-keys', { name: 'made while you watched', scopes: ['organization:read'] })).status()).toBe(201);
    await expect(log.getByRole('cell', { name: 'API key created' })).toHaveCount(2);
    await snap(log, 'live-01-security-log');
  });

  await test.step('a rename shows in the open tab', async () => {
    expect((await api('PATCH', `/organizations/${tenant.organizationId}`, { name: 'Renamed Live Motors' })).status()).toBe(200);
    await expect(log.getByRole('button', { name: /Organization: Renamed Live Motors/ })).toBeVisible();
  });

  await test.step('a member promoted to admin sees the admin pages appear', async () => {
    const email = `live-member-${Date.now()}@example.test`;
    const password = 'a long enough password';
    const registered = await request.post('/api/v1/auth/register', { data: { email, password, firstName: 'Mary', lastName: 'Jackson' } });
    expect(registered.status()).toBe(201);
    await addMember(tenant.organizationId, (await registered.json()).id, 'member');
    const tab = await (await browser.newContext()).newPage();
    await signIn(tab, email, password);
    await tab.goto(`/${tenant.organizationId}`);
    const nav = tab.getByRole('navigation', { name: 'Main' });
    await expect(nav.getByRole('link', { name: 'Organization' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Security log' })).toHaveCount(0);
    // The owner, in their own tab, makes Mary an admin.
    const settings = await owner.newPage();
    await settings.goto(`/${tenant.organizationId}/settings/organization`);
    await settings.getByRole('combobox', { name: 'Role of Mary Jackson' }).selectOption('admin');
    await expect(settings.getByText(/Mary Jackson is now (an? )?admin/i)).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Security log' })).toBeVisible();
    await snap(tab, 'live-02-promoted-member');
  });

  expect(problems()).toEqual([]);
});
