// Every route file answers the methods it does not implement with 405 problem+json and `Allow`, and OPTIONS with
// `Allow` — checked by walking every route file of app/, so one added later without `otherMethods` fails here.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ROOT, routeTable } from '../test/route-table';
import { API_METHODS } from './other-methods';

// Every route file of the app — the REST API, uploads, media, tRPC, sign-in, health, the API reference — but the API's
// catch-all, which answers every method of an unknown path with 404.
const routes = routeTable(APP_ROOT, { catchAlls: true });
const UUID = '3f0c1e9a-6a5b-4c1d-9e8f-0a1b2c3d4e5f';

describe.each(routes.map((r, i) => [path.relative(path.resolve(APP_ROOT, '..'), r.file), r, i] as const))('%s', (_name, route, index) => {
  // Each route file calls from its own address, so the per-address rate limit never speaks for a long route table.
  const peer = `10.9.${index >> 8}.${index & 255}`;
  const allowed = API_METHODS.filter((m) => route.methods.includes(m));
  const allow = [...allowed, ...(allowed.includes('GET') ? ['HEAD'] : []), 'OPTIONS'].join(', ');
  const params = Object.fromEntries(route.params.map((p) => [p, UUID]));

  it.each(API_METHODS.filter((m) => !allowed.includes(m)))('answers %s with 405 problem+json and Allow', async (method) => {
    const mod = (await import(route.file)) as Record<string, (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>>;
    expect(mod[method], `${route.file} has no ${method} export: end it with \`export const { … } = otherMethods({ ${allowed.join(', ')} })\``).toBeTypeOf('function');
    const body = method === 'GET' || method === 'DELETE' ? undefined : JSON.stringify({ a: 1 });
    const res = await mod[method]!(new Request(`http://x${route.template}`, { method, body, headers: { 'content-type': 'application/json', 'x-pitchcraft-peer': peer } }), { params: Promise.resolve(params) });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe(allow);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.headers.get('x-request-id')).toBeTruthy();
    expect(res.headers.get('ratelimit-limit')).toBeTruthy();
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(await res.json()).toMatchObject({ status: 405, code: 'method_not_allowed', title: 'Method not allowed', detail: `${method} is not allowed here; this path takes ${allowed.join(', ')}` });
  });

  it('answers OPTIONS with 204 and Allow', async () => {
    const mod = (await import(route.file)) as Record<string, (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>>;
    expect(mod.OPTIONS).toBeTypeOf('function');
    const res = await mod.OPTIONS!(new Request(`http://x${route.template}`, { method: 'OPTIONS', headers: { 'x-pitchcraft-peer': peer } }), { params: Promise.resolve(params) });
    expect(res.status).toBe(204);
    expect(res.headers.get('allow')).toBe(allow);
  });
});

describe('the examples of the issue', () => {
  it.each([
    ['DELETE', '/me', 'GET, PATCH, HEAD, OPTIONS'],
    ['GET', '/auth/token', 'POST, OPTIONS'],
    ['POST', '/openapi.json', 'GET, HEAD, OPTIONS'],
    ['GET', '/api-keys/{id}', 'DELETE, OPTIONS'],
  ])('%s %s → 405 with Allow: %s', async (method, template, allow) => {
    const route = routes.find((r) => r.template === `/api/v1${template}`)!;
    const mod = (await import(route.file)) as Record<string, (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>>;
    const res = await mod[method]!(new Request(`http://x/api/v1${template}`, { method }), { params: Promise.resolve({ id: UUID }) });
    expect([res.status, res.headers.get('allow'), (await res.json()).code]).toEqual([405, allow, 'method_not_allowed']);
  });
});
