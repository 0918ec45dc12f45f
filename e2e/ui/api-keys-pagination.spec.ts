// An organization with more than 50 API keys pages through them, 50 at a time; its owner signs in with an
// account made through the REST API.
import { expect, test } from './test';
import { bootstrapTenant } from '../fixtures/tenant';
import { snap } from './screenshot';

test('more than 50 API keys are paginated', async ({ page, request, baseURL }) => {
  const tenant = await bootstrapTenant(baseURL!, 'paging');
  // The tenant starts with one key; 51 more make 52.
  for (let i = 1; i <= 51; i++) {
    const res = await request.post('/api/v1/api-keys', { headers: { 'x-api-key': tenant.apiKey }, data: { name: `Batch key ${String(i).padStart(2, '0')}`, scopes: ['statistics:read'] } });
    expect(res.status()).toBe(201);
  }

  await page.goto(`/${tenant.organizationId}/settings/api-keys`);
  await expect(page).toHaveURL(/\/login\?callbackUrl=/);
  await page.getByLabel('Email or username').fill(tenant.email);
  await page.getByLabel('Password').fill(tenant.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // Signing in comes back to the page that was asked for (issue 16, item 7).
  await expect(page).toHaveURL(new RegExp(`/${tenant.organizationId}/settings/api-keys$`));
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
  await expect(page.getByRole('region', { name: 'API keys' }).getByText('52 active.')).toBeVisible();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'API keys' }).click();
  const pager = page.getByRole('navigation', { name: 'API key pages' });
  await expect(pager).toContainText('Showing 1–50 of 52');
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(51); // header + 50
  // Newest first: the last batch key leads the first page.
  await expect(rows.nth(1)).toContainText('Batch key 51');
  await expect(pager.getByRole('button', { name: 'Previous' })).toBeDisabled();

  await pager.getByRole('button', { name: 'Next' }).click();
  await expect(pager).toContainText('Showing 51–52 of 52');
  await expect(rows).toHaveCount(3);
  await snap(page, '16-api-keys-second-page');
  await expect(page.getByRole('table')).toContainText(`key paging-`);
  await expect(pager.getByRole('button', { name: 'Next' })).toBeDisabled();
});
