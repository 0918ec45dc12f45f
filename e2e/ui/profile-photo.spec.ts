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
