// One limiter for both doors, over real HTTP: sign-ups through REST and through tRPC, and sign-in attempts through
// next-auth's credentials callback, all draw from one per-address budget — and the sign-in form says so.
import { expect, test } from '@playwright/test';
import { E2E_PORT } from '../../playwright.config';
import { OPEN_BUDGETS, startAppServer, type AppServer } from '../fixtures/app-server';

test.describe.configure({ mode: 'serial', timeout: 120_000 });

// A budget no other spec's server uses, so their counters (kept per budget size) cannot interfere.
const AUTH_BUDGET = 5;
let server: AppServer;

test.beforeAll(async () => {
  server = await startAppServer({ port: E2E_PORT + 6, databaseUrl: process.env.E2E_DATABASE_URL!, env: { ...OPEN_BUDGETS, RATE_LIMIT_AUTH_PER_MINUTE: String(AUTH_BUDGET), WORKER: 'off' }, quiet: true });
});

test.afterAll(async () => {
  await server?.stop();
});

const signUp = (label: string) => ({ email: `${label}-${Date.now()}-${Math.random().toString(36).slice(2)}@example.test`, password: 'long enough password', firstName: 'Rate', lastName: 'Limit' });

test('REST, tRPC and next-auth spend one budget per address; the sign-in form shows the refusal', async ({ request, page }) => {
  const rest = () => request.post(`${server.url}/api/v1/auth/register`, { data: signUp('rest') });
  const trpc = () => request.post(`${server.url}/api/trpc/account.register`, { data: { json: signUp('trpc') } });

  // Five sign-ups, alternating doors, spend the address's budget...
  const statuses = [];
  for (let i = 0; i < AUTH_BUDGET; i++) statuses.push((await (i % 2 ? trpc() : rest())).status());
  expect(statuses).toEqual([201, 200, 201, 200, 201]);

  // ...after which both doors refuse, with Retry-After.
  const refusedRest = await rest();
  expect(refusedRest.status()).toBe(429);
  expect((await refusedRest.json()).code).toBe('rate_limited');
  const refusedTrpc = await trpc();
  expect(refusedTrpc.status()).toBe(429);
  expect(Number(refusedTrpc.headers()['retry-after'])).toBeGreaterThan(0);
  expect((await refusedTrpc.json()).error.json.data.code).toBe('TOO_MANY_REQUESTS');

  // The browser's credentials sign-in is refused from this address too (password spraying across accounts).
  const csrf = await (await request.get(`${server.url}/api/auth/csrf`)).json();
  const callback = await request.post(`${server.url}/api/auth/callback/credentials`, {
    form: { login: 'anyone@example.test', password: 'guess', csrfToken: csrf.csrfToken, json: 'true' },
  });
  expect(callback.status()).toBe(429);
  expect(callback.headers()['content-type']).toBe('application/problem+json');
  expect((await callback.json()).code).toBe('rate_limited');

  // And a person signing in sees why, in the form.
  await page.goto(`${server.url}/login`);
  await page.getByLabel('Email or username').fill('anyone@example.test');
  await page.getByLabel('Password').fill('guess');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Too many' })).toHaveText(/^Too many sign-in attempts from this address; try again in \d+ s$/);
});
