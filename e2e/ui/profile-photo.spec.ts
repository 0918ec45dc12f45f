// A person uploads a profile photo on the Account page, sees it in the user menu, and removes it.
import { expect, test } from './test';
import { bootstrapTenant } from '../fixtures/tenant';
import { snap } from './screenshot';
import { signIn } from './sign-in';

// A real 1×1 PNG, so the browser can draw what the server stored.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

test('upload, see and remove a profile photo; other file types are refused', async ({ page, baseURL }) => {
  const tenant = await bootstrapTenant(baseURL!, 'photo');
  await signIn(page, tenant.email, tenant.password);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Account', exact: true }).click();
  const photo = page.getByRole('region', { name: 'Photo' });
  await expect(photo.getByText('Upload photo')).toBeVisible();

  await photo.locator('input[type=file]').setInputFiles({ name: 'notes.gif', mimeType: 'image/gif', buffer: Buffer.from('GIF89a') });
  await expect(photo.getByText('Choose a JPEG, PNG or BMP image.')).toBeVisible();

  await photo.locator('input[type=file]').setInputFiles({ name: 'me.png', mimeType: 'image/png', buffer: PNG });
  await expect(photo.getByText('Change photo')).toBeVisible();
  const menuPhoto = page.getByRole('button', { name: /Account menu for/ }).locator('img');
  await expect(menuPhoto).toHaveAttribute('src', /^\/media\/[0-9a-f-]{36}$/);
  // The browser actually decoded the stored file.
  await expect.poll(() => menuPhoto.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);
  await snap(page, '30-account-photo');

  await page.reload();
  await expect(page.getByRole('button', { name: /Account menu for/ }).locator('img')).toBeVisible();
  await page.getByRole('region', { name: 'Photo' }).getByRole('button', { name: 'Remove photo' }).click();
  await expect(page.getByRole('region', { name: 'Photo' }).getByText('Upload photo')).toBeVisible();
  await expect(page.getByRole('button', { name: /Account menu for/ }).locator('img')).toHaveCount(0);
});

test('a photo removed while the page re-reads its profile stays removed', async ({ page, baseURL, request }) => {
  const tenant = await bootstrapTenant(baseURL!, 'photo-race');
  const bearer = { authorization: `Bearer ${tenant.access}` };
  expect((await request.put('/api/v1/me/image', { data: PNG, headers: { ...bearer, 'content-type': 'image/png' } })).status()).toBe(200);
  await signIn(page, tenant.email, tenant.password);
  await page.goto(`/${tenant.organizationId}/account`);
  const photo = page.getByRole('region', { name: 'Photo' });
  const menuPhoto = page.getByRole('button', { name: /Account menu for/ }).locator('img');
  await expect(photo.getByRole('button', { name: 'Remove photo' })).toBeVisible();
  await expect(menuPhoto).toBeVisible();

  // The next read of the profile is answered by the server at once (the photo is still there) but reaches the page
  // only after Remove has answered: a refetch that was on its way when the removal committed.
  let answered!: () => void;
  const readAnswered = new Promise<void>((r) => (answered = r));
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  let held = false;
  const reads = (url: URL) => url.pathname.startsWith('/api/trpc/') && decodeURIComponent(url.pathname.slice('/api/trpc/'.length)).split(',').includes('account.me');
  await page.route(reads, async (route) => {
    if (held || route.request().method() !== 'GET') return route.continue();
    held = true;
    const response = await route.fetch();
    answered();
    await released;
    // The page may have given the request up (its query cancelled): then there is nothing to answer.
    await route.fulfill({ response }).catch(() => undefined);
  });
  // Elsewhere, the organization changes: its live event makes the page read the profile again.
  expect((await request.patch(`/api/v1/organizations/${tenant.organizationId}`, { data: { location: 'Read again' }, headers: { ...bearer, 'x-organization-id': tenant.organizationId } })).status()).toBe(200);
  await readAnswered;

  await photo.getByRole('button', { name: 'Remove photo' }).click();
  await expect(photo.getByText('Upload photo')).toBeVisible();
  await expect(menuPhoto).toHaveCount(0);
  release();
  // The read answered before the removal arrives now; it must not bring the photo back.
  await page.waitForTimeout(1_500);
  await expect(photo.getByText('Upload photo')).toBeVisible();
  await expect(menuPhoto).toHaveCount(0);
  await page.unroute(reads);
  await page.reload();
  await expect(page.getByRole('region', { name: 'Photo' }).getByText('Upload photo')).toBeVisible();
});
