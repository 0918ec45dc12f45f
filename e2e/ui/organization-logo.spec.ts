// Issue 8.3: the organization logo accepts only web addresses (a javascript: URL is refused and nothing is saved)
// or a picture uploaded through the media store, and the app shows it in the organization switcher.
import { bootstrapTenant } from '../fixtures/tenant';
import { signIn } from './sign-in';
import { snap } from './screenshot';
import { expect, test } from './test';

// A real 1×1 PNG, so the browser can draw what the server stored.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

test('a logo is a web address or an upload, never a script URL, and the switcher shows it', async ({ page, request, baseURL }) => {
  const tenant = await bootstrapTenant(baseURL!, 'logo');
  const readImage = async () => (await (await request.get(`/api/v1/organizations/${tenant.organizationId}`, { headers: { 'x-api-key': tenant.apiKey } })).json()).image;
  await signIn(page, tenant.email, tenant.password);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Organization' }).click();
  const logo = page.getByRole('region', { name: 'Logo' });
  const address = logo.getByLabel('Or use a picture on the web');
  const switcherLogo = page.getByRole('button', { name: /^Organization: / }).locator('img');

  await address.fill('javascript:alert(document.cookie)');
  await logo.getByRole('button', { name: 'Use this address' }).click();
  await expect(logo.getByText('Enter a web address starting with https://')).toBeVisible();
  await expect(address).toHaveAttribute('aria-invalid', 'true');
  expect(await readImage()).toBeNull();
  await expect(switcherLogo).toHaveCount(0);

  // A picture on the web (here one this server serves, since tests run offline).
  const web = `${baseURL}/icon-192.png`;
  await address.fill(web);
  await logo.getByRole('button', { name: 'Use this address' }).click();
  await expect(page.getByText('Logo updated')).toBeVisible();
  await expect(switcherLogo).toHaveAttribute('src', web);
  await expect.poll(() => switcherLogo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(192);
  expect(await readImage()).toBe(web);

  await logo.locator('input[type=file]').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: PNG });
  await expect(switcherLogo).toHaveAttribute('src', /^\/media\/[0-9a-f-]{36}$/);
  await expect.poll(() => switcherLogo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);
  expect(await readImage()).toMatch(/^\/media\//);
  // The uploaded logo replaced the address, which is no longer offered as the current one.
  await expect(page.getByRole('region', { name: 'Logo' }).getByLabel('Or use a picture on the web')).toHaveValue('');
  await snap(page, '40-organization-logo');

  await page.getByRole('region', { name: 'Logo' }).getByRole('button', { name: 'Remove logo' }).click();
  await expect(page.getByText('Logo removed')).toBeVisible();
  await expect(switcherLogo).toHaveCount(0);
  expect(await readImage()).toBeNull();
});
