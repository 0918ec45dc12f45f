// Tenant A's ids through tenant B's user token and API key, over HTTP: always 404, and A is unchanged.
import { expect, test } from '@playwright/test';
import { bootstrapTenant } from '../fixtures/tenant';

test('another organization’s ids are 404 for every verb', async ({ request, baseURL }) => {
  const a = await bootstrapTenant(baseURL!, 'tenant-a');
  const b = await bootstrapTenant(baseURL!, 'tenant-b');
  const role = await (await request.post('/api/v1/roles', { headers: { 'x-api-key': a.apiKey }, data: { name: 'A only', permissions: ['members:read'] } })).json();
  const attempts: Array<[string, string, unknown?]> = [
    ['GET', `/api/v1/organizations/${a.organizationId}`],
    ['PATCH', `/api/v1/organizations/${a.organizationId}`, { name: 'pwned' }],
    ['PUT', `/api/v1/organizations/${a.organizationId}`, { name: 'pwned', baseCurrency: 'USD' }],
    ['DELETE', `/api/v1/organizations/${a.organizationId}`],
    ['DELETE', `/api/v1/api-keys/${a.apiKeyId}`],
    // Users and roles (issue 21): A's owner and A's custom role.
    ['GET', `/api/v1/users/${a.userId}`],
    ['PUT', `/api/v1/users/${a.userId}`, { email: 'pwned@example.test', firstName: 'P', lastName: 'W' }],
    ['DELETE', `/api/v1/users/${a.userId}`],
    ['PUT', `/api/v1/users/${a.userId}/password`, { password: 'pwned pwned pwned' }],
    ['PUT', `/api/v1/users/${a.userId}/roles/member`],
    ['DELETE', `/api/v1/users/${a.userId}/roles/owner`],
    ['PUT', `/api/v1/users/${a.userId}/permissions/statistics:read`],
    ['DELETE', `/api/v1/users/${a.userId}/permissions/statistics:read`],
    ['GET', `/api/v1/roles/${role.id}`],
    ['PUT', `/api/v1/roles/${role.id}`, { name: 'pwned', permissions: [] }],
    ['DELETE', `/api/v1/roles/${role.id}`],
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
  // B's lists show nothing of A.
  const users = await (await request.get('/api/v1/users', { headers: { 'x-api-key': b.apiKey } })).json();
  expect(users.results.map((u: { id: string }) => u.id)).toEqual([b.userId]);
  const roles = await (await request.get('/api/v1/roles', { headers: { 'x-api-key': b.apiKey } })).json();
  expect(roles.results.map((r: { id: string }) => r.id)).toEqual(['owner', 'admin', 'manager', 'member']);
  const aRole = await request.get(`/api/v1/roles/${role.id}`, { headers: { 'x-api-key': a.apiKey } });
  expect((await aRole.json()).name).toBe('A only');
});
