// Open tabs follow what happens elsewhere without a reload: the security log grows, a rename shows, a role change
// changes what a member may open.
import type { Page } from '@playwright/test';
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

/**
 * Holds the page's event stream (the tRPC subscription at `procedure`) until `release()`: the page loads and reads its
 * data while its stream is still connecting, as on a busy server.
 */
async function holdStream(page: Page, procedure: string) {
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  let opened = 0;
  const matches = (url: URL) => url.pathname === `/api/trpc/${procedure}`;
  await page.route(matches, async (route) => {
    opened++;
    await released;
    await route.continue().catch(() => undefined);
  });
  return {
    get opened() {
      return opened;
    },
    release: async () => {
      release();
      await page.unroute(matches);
    },
  };
}

test('a change made while the tab\'s event stream connects shows once it listens', async ({ page, baseURL, request }) => {
  const tenant = await bootstrapTenant(baseURL!, 'connecting');
  await signIn(page, tenant.email, tenant.password);
  const stream = await holdStream(page, 'realtime.events');
  await page.goto(`/${tenant.organizationId}`);
  const switcher = page.getByRole('button', { name: /^Organization: / });
  await expect(switcher).toHaveAccessibleName(/^Organization: Org connecting-/);
  await expect.poll(() => stream.opened).toBeGreaterThan(0);
  // The page has read its data; its stream has not started listening: the rename below is in no event it will get.
  const renamed = `Renamed while connecting ${Date.now()}`;
  const res = await request.patch(`/api/v1/organizations/${tenant.organizationId}`, { data: { name: renamed }, headers: { authorization: `Bearer ${tenant.access}`, 'x-organization-id': tenant.organizationId } });
  expect(res.status()).toBe(200);
  await page.waitForTimeout(500);
  await expect(switcher, 'nothing else told the page').toHaveAccessibleName(/^Organization: Org connecting-/);
  await stream.release();
  // Listening, the stream says so, and the page reads again what it read before.
  await expect(switcher).toHaveAccessibleName(`Organization: ${renamed}. Switch organization`);
});

test('a customer\'s call page shows the dealer who answered while its stream connected', async ({ page, baseURL, request }) => {
  const tenant = await bootstrapTenant(baseURL!, 'call-connecting');
  const owner = { authorization: `Bearer ${tenant.access}`, 'x-organization-id': tenant.organizationId };
  const org = await (await request.get(`/api/v1/organizations/${tenant.organizationId}`, { headers: owner })).json();
  const created = await request.post('/api/v1/calls', { data: { vin: '2T1BURHEXJC043821', customer: { firstName: 'Grace', lastName: 'Hopper' } }, headers: { 'x-organization-token': org.callToken } });
  expect(created.status()).toBe(201);
  const call = await created.json();
  // The customer's tab already holds this call (as after asking for it, or a reload).
  await page.addInitScript(([key, value]) => sessionStorage.setItem(key!, value!), [`pitchcraft.call.${org.callToken}`, JSON.stringify({ callId: call.id, callToken: call.callToken, firstName: 'Grace' })]);
  const stream = await holdStream(page, 'callRoom.events');
  await page.goto(`/call/${org.callToken}`);
  await expect(page.getByRole('heading', { name: 'Waiting for a dealer…' })).toBeVisible({ timeout: 20_000 });
  await expect.poll(() => stream.opened).toBeGreaterThan(0);
  // The owner answers at their console (here through the API) before the page's stream listens.
  expect((await request.post(`/api/v1/calls/${call.id}/accept`, { headers: owner })).status()).toBe(200);
  await page.waitForTimeout(500);
  await expect(page.getByRole('heading', { name: 'Waiting for a dealer…' }), 'nothing else told the page').toBeVisible();
  await stream.release();
  await expect(page.getByRole('heading', { name: 'Connected' })).toBeVisible();
  await expect(page.getByText('You are talking with Test.')).toBeVisible();
  expect((await request.post(`/api/v1/calls/${call.id}/stop`, { headers: owner })).status()).toBe(200);
  await expect(page.getByRole('heading', { name: 'Call ended' })).toBeVisible();
});
