// The REST API over real HTTP against the production build, with the API key minted in global setup.
import { expect, test } from '@playwright/test';

const key = () => ({ 'x-api-key': process.env.E2E_API_KEY! });

test('an API key reads its organization, profile and statistics', async ({ request }) => {
  const me = await request.get('/api/v1/me', { headers: key() });
  expect(me.status()).toBe(200);
  expect((await me.json()).activeOrganization.id).toBe(process.env.E2E_ORG_ID);
  const orgs = await request.get('/api/v1/organizations', { headers: key() });
  expect(await orgs.json()).toMatchObject({ count: 1, next: null, previous: null, results: [{ id: process.env.E2E_ORG_ID }] });
  expect(orgs.headers()['ratelimit-limit']).toBeDefined();
  const stats = await request.get('/api/v1/statistics', { headers: key() });
  expect((await stats.json()).members).toBe(1);
});

test('errors are problem+json with stable codes', async ({ request }) => {
  const noAuth = await request.get('/api/v1/me');
  expect(noAuth.status()).toBe(401);
  expect(noAuth.headers()['content-type']).toBe('application/problem+json');
  expect((await noAuth.json()).code).toBe('unauthenticated');
  const malformed = await request.post('/api/v1/api-keys', { headers: { ...key(), 'content-type': 'application/json' }, data: Buffer.from('{"name":') });
  expect(malformed.status()).toBe(400);
  const unknown = await request.post('/api/v1/api-keys', { headers: key(), data: { name: 'x', scopes: ['statistics:read'], admin: true } });
  expect(unknown.status()).toBe(422);
  expect((await unknown.json()).errors).toEqual([{ path: 'admin', message: 'Unknown field' }]);
});

test('token login, refresh rotation and logout over HTTP', async ({ request }) => {
  const email = `e2e-${Date.now()}-${Math.random().toString(36).slice(2)}@example.test`;
  expect((await request.post('/api/v1/auth/register', { data: { email, password: 'long enough password', firstName: 'E', lastName: 'Two' } })).status()).toBe(201);
  const tokens = await (await request.post('/api/v1/auth/token', { data: { email, password: 'long enough password' } })).json();
  const rotated = await request.post('/api/v1/auth/token/refresh', { data: { refresh: tokens.refresh } });
  expect(rotated.status()).toBe(200);
  const { refresh, access } = await rotated.json();
  expect((await request.get('/api/v1/me', { headers: { authorization: `Bearer ${access}` } })).status()).toBe(200);
  expect((await request.post('/api/v1/auth/logout', { headers: { authorization: `Bearer ${access}` }, data: { refresh } })).status()).toBe(204);
  expect((await request.post('/api/v1/auth/token/refresh', { data: { refresh } })).status()).toBe(401);
});

test('the OpenAPI document and the offline reference are served', async ({ request, page }) => {
  const doc = await (await request.get('/api/v1/openapi.json')).json();
  expect(doc.openapi).toBe('3.1.0');
  expect(Object.keys(doc.paths)).toContain('/api-keys/{id}');
  const external: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(process.env.E2E_BASE_URL!)) external.push(r.url());
  });
  await page.goto('/docs/api');
  // Swagger UI renders the whole document in the browser; with live calls it is 230 KB, which takes a while on a
  // loaded machine.
  await expect(page.getByText('Pitchcraft API')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('/organizations/{id}/make-active')).toBeVisible({ timeout: 15_000 });
  expect(external).toEqual([]);
});

test('liveness answers without credentials', async ({ request }) => {
  const res = await request.get('/api/health');
  expect(res.status()).toBe(200);
  expect(await res.json()).toEqual({ status: 'ok' });
});
