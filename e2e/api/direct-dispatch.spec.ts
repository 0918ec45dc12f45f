// REST_DISPATCH=direct, the production default (scripts/serve.ts, server/http/direct-dispatch.ts), answers /api/v1
// exactly as Next does: the same requests to an instance with it and to one with REST_DISPATCH=next give the same status, headers and body (what
// legitimately differs per request — Date, X-Request-Id, the shared rate budget's count, fresh tokens — aside).
import http from 'node:http';
import { gunzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { E2E_PORT } from '../../playwright.config';
import { OPEN_BUDGETS, startAppServer, type AppServer } from '../fixtures/app-server';
import { bootstrapTenant, browserSessionCookie, type Tenant } from '../fixtures/tenant';

test.describe.configure({ mode: 'serial', timeout: 120_000 });

let viaNext: AppServer;
let direct: AppServer;
let directOutput = '';
let tenant: Tenant;
let session: string;

test.beforeAll(async () => {
  const env = { ...OPEN_BUDGETS, WORKER: 'off' };
  [viaNext, direct] = await Promise.all([
    startAppServer({ port: E2E_PORT + 7, databaseUrl: process.env.E2E_DATABASE_URL!, env: { ...env, REST_DISPATCH: 'next' }, quiet: true }),
    startAppServer({ port: E2E_PORT + 8, databaseUrl: process.env.E2E_DATABASE_URL!, env: { ...env, REST_DISPATCH: '' }, onOutput: (text) => (directOutput += text) }),
  ]);
  tenant = await bootstrapTenant(process.env.E2E_BASE_URL!, 'direct-dispatch');
  // A second organization, so a page of one has a next link.
  await fetch(`${process.env.E2E_BASE_URL}/api/v1/organizations`, {
    method: 'POST',
    headers: { authorization: `Bearer ${tenant.access}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Second org', baseCurrency: 'USD', currencies: [] }),
  });
  session = await browserSessionCookie(process.env.E2E_BASE_URL!, tenant.email, tenant.password);
});

test.afterAll(async () => {
  await Promise.all([viaNext?.stop(), direct?.stop()]);
});

type Raw = { status: number; headers: Record<string, string | string[] | undefined>; body: string };

function send(base: string, method: string, path: string, headers: Record<string, string>, body?: string): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${base}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const bytes = Buffer.concat(chunks);
        resolve({ status: res.statusCode!, headers: res.headers, body: (res.headers['content-encoding'] === 'gzip' ? gunzipSync(bytes) : bytes).toString() });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

const PER_REQUEST_HEADERS = new Set(['date', 'x-request-id', 'ratelimit-remaining', 'ratelimit-reset', 'keep-alive']);
// Each server's own port, in absolute links, is the one difference in a body besides fresh ids and tokens.
const comparable = (r: Raw, server: AppServer) => ({
  status: r.status,
  headers: Object.fromEntries(Object.entries(r.headers).filter(([name]) => !PER_REQUEST_HEADERS.has(name))),
  body: r.body.replaceAll(`:${new URL(server.url).port}/`, ':<port>/').replace(/"(requestId|access|refresh)":"[^"]*"/g, '"$1":"…"'),
});

test('the direct dispatcher is the one answering', async () => {
  expect(directOutput).toContain('REST_DISPATCH=direct');
});

test('every kind of /api/v1 and /api/trpc answer is the same through the direct dispatcher as through Next', async () => {
  const key = { 'x-api-key': tenant.apiKey };
  const bearer = { authorization: `Bearer ${tenant.access}` };
  const json = { 'content-type': 'application/json' };
  const cases: Array<[method: string, path: string, headers: Record<string, string>, body?: string]> = [
    ['GET', '/api/v1/organizations', key],
    // The user's two organizations, a page of one: the links are absolute (built from the request URL), and name the
    // protocol a proxy reports.
    ['GET', '/api/v1/organizations?limit=1&ordering=name', bearer],
    ['GET', '/api/v1/organizations?limit=1&offset=1', { ...bearer, 'x-forwarded-proto': 'https' }],
    ['GET', '/api/v1/organizations', { ...key, 'accept-encoding': 'gzip' }],
    ['GET', '/api/v1/organizations', {}],
    // The browser's own call (CSRF header) without a session cookie: signed out, read from the request alone.
    ['GET', '/api/v1/organizations', { 'x-pitchcraft-csrf': '1' }],
    ['GET', '/api/v1/organizations', { 'x-pitchcraft-csrf': '1', cookie: 'theme=dark' }],
    ['GET', '/api/v1/organizations?limit=abc', key],
    ['HEAD', '/api/v1/organizations', key],
    ['OPTIONS', '/api/v1/organizations', key],
    ['DELETE', '/api/v1/organizations', key],
    ['PROPFIND', '/api/v1/organizations', key],
    ['GET', `/api/v1/organizations/${tenant.organizationId}`, key],
    ['GET', '/api/v1/organizations/not-an-id', key],
    ['GET', '/api/v1/nothing/here', key],
    ['GET', '/api/v1/Organizations', key],
    ['GET', '/api/v1/organizations/', key],
    ['GET', '/api/v1/me', bearer],
    ['GET', '/api/v1/openapi.json', { 'accept-encoding': 'gzip' }],
    ['POST', '/api/v1/auth/token', json, JSON.stringify({ email: tenant.email, password: tenant.password })],
    ['POST', '/api/v1/auth/token', json, '{"email":'],
    ['POST', '/api/v1/organizations', { ...bearer, ...json }, JSON.stringify({ name: '' })],
    // A browser session on REST (which reads no session) and on tRPC, which reads it from the request's cookie.
    ['GET', '/api/v1/organizations', { ...key, cookie: session }],
    ['GET', '/api/trpc/account.me', { cookie: session, 'x-organization-id': tenant.organizationId }],
    ['GET', `/api/trpc/account.me,calls.count?batch=1&input=${encodeURIComponent(JSON.stringify({ 1: { json: { filters: {} } } }))}`, { cookie: `theme=dark; ${session}`, 'x-organization-id': tenant.organizationId }],
    ['GET', `/api/trpc/calls.list?input=${encodeURIComponent(JSON.stringify({ json: { limit: 'abc' } }))}`, { cookie: session, 'x-organization-id': tenant.organizationId }],
    ['GET', '/api/trpc/account.me', {}],
    ['GET', '/api/trpc/account.me', { cookie: `${session.slice(0, -4)}AAAA` }],
    ['GET', '/api/trpc/account.me', { cookie: session, 'x-organization-id': '00000000-0000-4000-8000-000000000000' }],
    ['POST', '/api/trpc/account.me', { cookie: session, ...json }, '{}'],
    ['GET', '/api/trpc/no.such.procedure', { cookie: session }],
  ];
  for (const [method, path, headers, body] of cases) {
    const [a, b] = [await send(viaNext.url, method, path, headers, body), await send(direct.url, method, path, headers, body)];
    expect(comparable(b, direct), `${method} ${path} ${JSON.stringify(headers)}`).toEqual(comparable(a, viaNext));
    if (path.includes('limit=1')) expect(JSON.parse(b.body).count, 'the user sees both organizations').toBe(2);
  }
});
