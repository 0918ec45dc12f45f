// Setting up what outbound messages go out from, in the browser: a sender account's owner, settings (a bad name is
// refused with a clear error, a setting added from the keyboard, changed and removed) and program subscriptions; and
// a fax document whose first page is drawn on its page.
import type { Page } from '@playwright/test';
import { onePagePdf } from '../../prisma/seed/outreach';
import { bootstrapTenant } from '../fixtures/tenant';
import { snap } from './screenshot';
import { signIn } from './sign-in';
import { expect, test } from './test';

async function api(baseURL: string, key: string, method: string, path: string, body?: unknown, type = 'application/json') {
  const res = await fetch(`${baseURL}/api/v1${path}`, { method, headers: { 'x-api-key': key, 'content-type': type }, body: body === undefined ? undefined : body instanceof Uint8Array ? (body as BodyInit) : JSON.stringify(body) });
  const json = res.status === 204 ? null : await res.json();
  if (res.status >= 300) throw new Error(`${method} ${path} answered ${res.status}: ${JSON.stringify(json)}`);
  return json;
}

/** The page at a laptop's width and a phone's, for looking at both. */
async function snapBothWidths(page: Page, name: string) {
  const before = page.viewportSize();
  await page.setViewportSize({ width: 1366, height: 900 });
  await snap(page, name);
  await page.setViewportSize({ width: 390, height: 844 });
  await snap(page, `${name}-phone`);
  if (before) await page.setViewportSize(before);
}

test('a sender account’s owner, settings and program subscriptions', async ({ page, baseURL }) => {
  const tenant = await bootstrapTenant(baseURL!, 'accounts');
  const call = (method: string, path: string, body?: unknown) => api(baseURL!, tenant.apiKey, method, path, body);
  const account = await call('POST', '/accounts', { name: 'Service line', type: 'phone', address: '(512) 555-0199' });
  await call('POST', '/programs/receivesms', { name: 'Replies to the service line', accountId: account.id });
  await signIn(page, tenant.email, tenant.password);
  const org = `/${tenant.organizationId}`;

  await page.goto(`${org}/settings/accounts`);
  await expect(page.getByRole('link', { name: 'Service line' })).toBeVisible();
  await snapBothWidths(page, 'outbound-00-accounts');
  await page.getByRole('link', { name: 'Service line' }).click();
  await expect(page.getByRole('heading', { name: 'Service line', level: 1 })).toBeVisible();
  await expect(page.getByText('+15125550199').first()).toBeVisible();
  await expect(page.getByText('No settings')).toBeVisible();
  await expect(page.getByText('Not subscribed to any program')).toBeVisible();

  await test.step('owner: a member of the organization, then none', async () => {
    const owner = page.getByRole('region', { name: 'Owner' });
    await owner.getByLabel('Owner').selectOption({ index: 1 });
    await owner.getByRole('button', { name: 'Set owner' }).click();
    await expect(owner.getByText(/Owned by/)).toContainText(tenant.email);
    await owner.getByLabel('Owner').selectOption('');
    await owner.getByRole('button', { name: 'Set owner' }).click();
    await expect(owner.getByText('The organization’s (no owner).')).toBeVisible();
  });

  await test.step('settings: a bad name is refused, a good one added from the keyboard, changed, removed', async () => {
    const settings = page.getByRole('region', { name: 'Settings' });
    await settings.getByLabel('Setting name').fill('9 lives');
    await settings.getByLabel('Value').fill('x');
    await settings.getByRole('button', { name: 'Add setting' }).click();
    await expect(settings.getByText(/A setting name is a letter/)).toBeVisible();
    await settings.getByLabel('Setting name').fill('callerId');
    await settings.getByLabel('Value').fill('+15125550199');
    await settings.getByLabel('Value').press('Enter');
    const table = settings.getByRole('table', { name: 'Account settings' });
    await expect(table.getByRole('row', { name: /callerId/ })).toContainText('+15125550199');
    await table.getByRole('button', { name: 'Edit callerId' }).click();
    await expect(settings.getByLabel('Value')).toBeFocused();
    await settings.getByLabel('Value').fill('Service');
    await settings.getByRole('button', { name: 'Change setting' }).click();
    await expect(table.getByRole('row', { name: /callerId/ })).toContainText('Service');
    expect((await call('GET', `/accounts/${account.id}/settings/callerId`)).value).toBe('Service');
    await snapBothWidths(page, 'outbound-01-account');
    await table.getByRole('button', { name: 'Remove callerId' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Remove setting' }).click();
    await expect(settings.getByText('No settings')).toBeVisible();
  });

  await test.step('subscriptions: subscribe to a program, then unsubscribe from all', async () => {
    const programs = page.getByRole('region', { name: 'Program subscriptions' });
    await programs.getByLabel('Subscribe to').selectOption({ label: 'Replies to the service line (Receive SMS)' });
    await programs.getByRole('button', { name: 'Subscribe', exact: true }).click();
    await expect(programs.getByRole('table', { name: 'Subscribed programs' })).toContainText('Replies to the service line');
    expect((await call('GET', `/accounts/${account.id}`)).programIds).toHaveLength(1);
    await programs.getByRole('button', { name: 'Unsubscribe from all' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Unsubscribe from all' }).click();
    await expect(programs.getByText('Not subscribed to any program')).toBeVisible();
    expect((await call('GET', `/accounts/${account.id}`)).programIds).toHaveLength(0);
  });
});

test('a fax document shows its first page', async ({ page, baseURL }) => {
  const tenant = await bootstrapTenant(baseURL!, 'fax-preview');
  const doc = await api(baseURL!, tenant.apiKey, 'POST', '/messages/documents', { name: 'Spring offer flyer' });
  await api(baseURL!, tenant.apiKey, 'PUT', `/messages/documents/${doc.id}/media`, onePagePdf('Spring service special'), 'application/pdf');
  await signIn(page, tenant.email, tenant.password);
  await page.goto(`/${tenant.organizationId}/messages/documents/${doc.id}`);
  const preview = page.getByRole('img', { name: 'First page of Spring offer flyer' });
  await expect(preview).toBeVisible();
  await expect(page.getByText('Page 1 of 1')).toBeVisible();
  // Drawn, not blank: the canvas holds dark pixels (the text) on white.
  const dark = await preview.evaluate((c: HTMLCanvasElement) => {
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i]! < 128) n++;
    return n;
  });
  expect(dark).toBeGreaterThan(50);
  await snapBothWidths(page, 'outbound-02-fax-preview');
});
