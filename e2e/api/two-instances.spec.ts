// Two app instances on one database agree on rate limits (the counters live in PostgreSQL), the per-IP budget
// cannot be reset by forging X-Forwarded-For, and an API key revoked on one is refused by the other within a second
// (each keeps keys in an in-process cache that access-change notices evict).
import { expect, test } from '@playwright/test';
import { E2E_PORT } from '../../playwright.config';
import { OPEN_BUDGETS, startAppServer, type AppServer } from '../fixtures/app-server';
import { bootstrapTenant } from '../fixtures/tenant';

test.describe.configure({ mode: 'serial', timeout: 120_000 });

let a: AppServer;
let b: AppServer;

test.beforeAll(async () => {
  // WORKER off: these instances only serve. With workers (and no SMTP_URL) they took the suite's mail jobs and kept
  // the messages in their development mailbox, so a spec waiting for its email at the same moment never saw it.
  const env = { ...OPEN_BUDGETS, RATE_LIMIT_PER_MINUTE: '6', RATE_LIMIT_AUTH_PER_MINUTE: '3', WORKER: 'off' };
  [a, b] = await Promise.all([
    startAppServer({ port: E2E_PORT + 2, databaseUrl: process.env.E2E_DATABASE_URL!, env, quiet: true }),
    startAppServer({ port: E2E_PORT + 3, databaseUrl: process.env.E2E_DATABASE_URL!, env, quiet: true }),
  ]);
});

test.afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
});

test('one API key has one budget, whichever instance it calls', async ({ request }) => {
  const tenant = await bootstrapTenant(process.env.E2E_BASE_URL!, 'two-instances');
  const headers = { 'x-api-key': tenant.apiKey };
  const remaining: string[] = [];
  for (let i = 0; i < 6; i++) {
    const res = await request.get(`${i % 2 ? b.url : a.url}/api/v1/me`, { headers });
    expect(res.status(), `request ${i + 1}`).toBe(200);
    remaining.push(res.headers()['ratelimit-remaining']!);
  }
  expect(remaining).toEqual(['5', '4', '3', '2', '1', '0']);
  for (const server of [a, b]) {
    const refused = await request.get(`${server.url}/api/v1/me`, { headers });
    expect(refused.status()).toBe(429);
    expect(Number(refused.headers()['retry-after'])).toBeGreaterThan(0);
    expect((await refused.json()).code).toBe('rate_limited');
  }
});

test('a forged X-Forwarded-For does not buy a fresh per-address budget', async ({ request }) => {
  const statuses: number[] = [];
  for (let i = 0; i < 4; i++) {
    const res = await request.post(`${a.url}/api/v1/auth/token`, { headers: { 'x-forwarded-for': `198.51.100.${i + 1}` }, data: { email: 'nobody@example.test', password: 'x' } });
    statuses.push(res.status());
  }
  expect(statuses).toEqual([401, 401, 401, 429]);
});

test('a revoked API key stops working on every instance within one second', async ({ request }) => {
  const tenant = await bootstrapTenant(process.env.E2E_BASE_URL!, 'revoke-two');
  const headers = { 'x-api-key': tenant.apiKey };
  // Both instances have read the key (and keep it: the second call is served from their caches). The key's budget
  // here is 6 a minute: four calls, then the revocation.
  for (const server of [a, b]) for (let i = 0; i < 2; i++) expect((await request.get(`${server.url}/api/v1/me`, { headers })).status()).toBe(200);
  const revoke = await request.delete(`${a.url}/api/v1/api-keys/${tenant.apiKeyId}`, { headers: { authorization: `Bearer ${tenant.access}`, 'x-organization-id': tenant.organizationId } });
  expect(revoke.status()).toBe(204);
  const revokedAt = Date.now();
  // The instance that revoked it refuses it at once.
  expect((await request.get(`${a.url}/api/v1/me`, { headers })).status()).toBe(401);
  // The other within a second (before that, a call may still pass or draw the key's last budget: 200 or 429).
  let status = 0;
  while (Date.now() - revokedAt < 3_000) {
    status = (await request.get(`${b.url}/api/v1/me`, { headers })).status();
    if (status === 401) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  expect(status).toBe(401);
  expect(Date.now() - revokedAt).toBeLessThan(1_000);
});
