// Issue 8.4: initials are whole characters (an emoji is never cut in half) and skip leading punctuation; the members
// table shows a member's photo when they have one.
import { randomBytes } from 'node:crypto';
import { addMember } from '../fixtures/membership';
import { bootstrapTenant } from '../fixtures/tenant';
import { signIn } from './sign-in';
import { expect, test } from './test';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

test('initials of emoji and punctuated names are whole; members with a photo show it', async ({ page, request, baseURL }) => {
  const tenant = await bootstrapTenant(baseURL!, 'initials');
  const rename = async (name: string) => {
    const res = await request.patch(`/api/v1/organizations/${tenant.organizationId}`, { headers: { 'x-api-key': tenant.apiKey }, data: { name } });
    expect(res.status()).toBe(200);
  };
  const switcher = page.getByRole('button', { name: /^Organization: / });

  await rename('😀 Zed Motors');
  await signIn(page, tenant.email, tenant.password);
  await expect(switcher.locator('span[aria-hidden]').first()).toHaveText('😀Z');

  await rename('<Acme> Motors');
  await page.reload();
  await expect(switcher.locator('span[aria-hidden]').first()).toHaveText('AM');
  // The name itself shows as text, never as markup.
  await expect(switcher).toContainText('<Acme> Motors');

  // A teammate with a photo (uploaded through the REST API) and one without.
  const password = 'a long enough password';
  const email = `grace-${randomBytes(4).toString('hex')}@example.test`;
  const registered = await request.post('/api/v1/auth/register', { data: { email, password, firstName: 'Grace', lastName: 'Hopper' } });
  const token = (await (await request.post('/api/v1/auth/token', { data: { email, password } })).json()).access;
  const photo = await request.put('/api/v1/me/image', { headers: { authorization: `Bearer ${token}`, 'content-type': 'image/png' }, data: PNG });
  expect(photo.status()).toBe(200);
  await addMember(tenant.organizationId, (await registered.json()).id, 'member');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Organization' }).click();
  // Reloading before the navigation lands would reload the dashboard (as it did on a busy machine).
  await expect(page).toHaveURL(/\/settings\/organization$/);
  await page.reload(); // the members list was read before Grace joined
  const members = page.getByRole('region', { name: 'Members', exact: true });
  const grace = members.getByRole('row', { name: /Grace Hopper/ });
  await expect(grace.locator('img')).toHaveAttribute('src', (await photo.json()).image);
  await expect.poll(() => grace.locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);
  // The owner has no photo: initials, from whole characters.
  await expect(members.getByRole('row', { name: /Test initials/ }).locator('img')).toHaveCount(0);
  await expect(members.getByRole('row', { name: /Test initials/ }).locator('span[aria-hidden]').first()).toHaveText('TI');
});
