// Tenant A's ids through tenant B's user token and API key, over HTTP: always 404, and A is unchanged.
import { expect, test } from '@playwright/test';
import { bootstrapTenant } from '../fixtures/tenant';

test('another organization’s ids are 404 for every verb', async ({ request, baseURL }) => {
  const a = await bootstrapTenant(baseURL!, 'tenant-a');
  const b = await bootstrapTenant(baseURL!, 'tenant-b');
  const attempts: Array<[string, string, unknown?]> = [
    ['GET', `/api/v1/organizations/${a.organizationId}`],
    ['PATCH', `/api/v1/organizations/${a.organizationId}`, { name: 'pwned' }],
    ['PUT', `/api/v1/organizations/${a.organizationId}`, { name: 'pwned', baseCurrency: 'USD' }],
    ['DELETE', `/api/v1/organizations/${a.organizationId}`],
    ['DELETE', `/api/v1/api-keys/${a.apiKeyId}`],
  ];
  const callers: Record<string, string>[] = [{ authorization: `Bearer ${b.access}` }, { 'x-api-key': b.apiKey }];
  for (const headers of callers) {
    for (const [method, url, data] of attempts) {
      const res = await request.fetch(url, { method, headers, data });
      expect(res.status(), `${method} ${url}`).toBe(404);
      expect((await res.json()).code).toBe('not_found');
    }
  }
  const make = await request.post(`/api/v1/organizations/${a.organizationId}/make-active`, { headers: { authorization: `Bearer ${b.access}` } });
  expect(make.status()).toBe(404);
  const selected = await request.get('/api/v1/statistics', { headers: { authorization: `Bearer ${b.access}`, 'x-organization-id': a.organizationId } });
  expect(selected.status()).toBe(404);
  const intact = await request.get(`/api/v1/organizations/${a.organizationId}`, { headers: { 'x-api-key': a.apiKey } });
  expect((await intact.json()).name).toMatch(/^Org tenant-a/);
});
