// Issue 7's defects, each proven fixed where it was fixed: the request layer (NUL, ids, queries, charsets), the
// shared schemas (dates, integers) and idempotency (scope, secrets, key length) — through the real route handlers.
import { describe, expect, it } from 'vitest';
import type { NextConfig } from 'next';
import { API_CONTENT_SECURITY_POLICY, pageContentSecurityPolicy } from '../content-security-policy';
import { db } from '../db';
import { api } from '../test/api-client';
import { newTenant, PASSWORD, randomIp, registerAndLogin, uniqueEmail } from '../test/factories';
import { ok } from './respond';
import { withApi } from './with-api';

const NUL = 'a\u0000b';
const problemAt = (res: { status: number; body: { code: string; errors?: Array<{ path: string }> } }, path: string) => {
  expect(res.status).toBe(422);
  expect(res.body.code).toBe('validation_failed');
  expect(res.body.errors?.map((e) => e.path)).toContain(path);
};

describe('a NUL character in any text field is a 422 naming the field, never a 500', () => {
  it('organization name and location, PATCH /me, API key name', async () => {
    const t = await newTenant('nul');
    problemAt(await api('POST', '/organizations', { json: { name: NUL, baseCurrency: 'USD' }, headers: t.owner.bearer }), 'name');
    problemAt(await api('PATCH', `/organizations/${t.organizationId}`, { json: { location: NUL }, headers: t.orgHeaders }), 'location');
    problemAt(await api('PATCH', '/me', { json: { firstName: NUL }, headers: t.owner.bearer }), 'firstName');
    problemAt(await api('POST', '/api-keys', { json: { name: NUL, scopes: ['statistics:read'] }, headers: t.orgHeaders }), 'name');
    expect((await api('GET', '/organizations', { headers: t.owner.bearer })).body.count).toBe(1);
  });

  it('/auth/token email and username, /auth/register names', async () => {
    const headers = { 'x-pitchcraft-peer': randomIp() };
    problemAt(await api('POST', '/auth/token', { json: { email: `x${NUL}@example.test`, password: PASSWORD }, headers }), 'email');
    problemAt(await api('POST', '/auth/token', { json: { username: NUL, password: PASSWORD }, headers }), 'username');
    const email = uniqueEmail('nul');
    problemAt(await api('POST', '/auth/register', { json: { email, password: PASSWORD, firstName: NUL, lastName: 'x' }, headers }), 'firstName');
    problemAt(await api('POST', '/auth/register', { json: { email, password: PASSWORD, firstName: 'x', lastName: NUL }, headers }), 'lastName');
    expect(await db.user.count({ where: { email } })).toBe(0);
  });

  it('in a query value too', async () => {
    const t = await newTenant('nul-query');
    problemAt(await api('GET', `/statistics?tz=${encodeURIComponent(NUL)}`, { headers: t.keyHeaders }), 'query.tz');
  });
});

describe('dates are strict ISO 8601, within years 0001-9999', () => {
  it.each(['2024-13-45', '9999-99-99', '0000-00-00', '-271821-04-20T00:00:00.000Z', '1', 'Jan 1 2024'])('GET /statistics?from=%s is a 422, not a 500 or a guess', async (from) => {
    const t = await newTenant('dates');
    problemAt(await api('GET', `/statistics?from=${encodeURIComponent(from)}`, { headers: t.keyHeaders }), 'from');
  });

  it('to=2024-02-30 is refused instead of becoming March 1st; a real day is read', async () => {
    const t = await newTenant('feb30');
    problemAt(await api('GET', '/statistics?to=2024-02-30', { headers: t.keyHeaders }), 'to');
    const fine = await api('GET', '/statistics?to=2024-02-29', { headers: t.keyHeaders });
    expect(fine.body.range.to).toBe('2024-02-29T23:59:59.999Z');
  });

  it('an API key expiry in year 0000 or on an impossible day is a 422', async () => {
    const t = await newTenant('expiry');
    problemAt(await api('POST', '/api-keys', { json: { name: 'k', scopes: ['statistics:read'], expiresAt: '2099-02-30T00:00:00Z' }, headers: t.orgHeaders }), 'expiresAt');
    problemAt(await api('POST', '/api-keys', { json: { name: 'k', scopes: ['statistics:read'], expiresAt: '+275760-09-13T00:00:00.000Z' }, headers: t.orgHeaders }), 'expiresAt');
  });
});

describe('query integers are decimal digits only', () => {
  it.each(['0x10', '1e3', ' 5', '', '16.0'])('limit=%j is a 422', async (limit) => {
    const t = await newTenant('ints');
    problemAt(await api('GET', `/api-keys?limit=${encodeURIComponent(limit)}`, { headers: t.orgHeaders }), 'limit');
  });

  it('limit=16 is read as 16', async () => {
    const t = await newTenant('ints-ok');
    const res = await api('GET', '/api-keys?limit=16', { headers: t.orgHeaders });
    expect(res.status).toBe(200);
    expect(res.body.next).toBeNull();
    expect((await api('GET', '/statistics?timezoneoffset=0x10', { headers: t.keyHeaders })).status).toBe(422);
  });
});

describe('a declared charset is honoured or refused', () => {
  it('charset=utf-16 is a 415 and creates nothing; charset=utf-8 is read', async () => {
    const t = await newTenant('charset');
    const body = JSON.stringify({ name: 'Charset Co', baseCurrency: 'USD' });
    const refused = await api('POST', '/organizations', { body, contentType: 'application/json; charset=utf-16', headers: t.owner.bearer });
    expect(refused.status).toBe(415);
    expect(refused.body.code).toBe('unsupported_media_type');
    expect((await api('POST', '/organizations', { body, contentType: 'application/json; charset=UTF-8', headers: t.owner.bearer })).status).toBe(201);
    expect((await api('GET', '/organizations', { headers: t.owner.bearer })).body.count).toBe(2);
  });
});

describe('path ids that are not UUIDs are 404 before any query, in every route with an {id}', () => {
  it('GET /media/<36 characters that are not a UUID> is a problem+json 404, as is any other malformed media id', async () => {
    const { GET } = await import('../../app/media/[id]/route');
    for (const id of ['-'.repeat(36), 'g'.repeat(36), '{00000000-0000-0000-0000-000000000000}', 'x', 'a\u0000b']) {
      const res = await GET(new Request(`http://x/media/${encodeURIComponent(id)}`), { params: Promise.resolve({ id }) });
      expect(res.status, id).toBe(404);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      expect(await res.json()).toMatchObject({ code: 'not_found' });
    }
  });

  it('covers parameters named id and …Id of any route, without calling its handler', async () => {
    let called = 0;
    const route = withApi<'public', { teamId: string; userId: string; token: string }>({ access: 'public' }, async () => {
      called++;
      return ok({});
    });
    const call = (params: { teamId: string; userId: string; token: string }) => route(new Request('http://x/api/v1/teams/x/members/y'), { params: Promise.resolve(params) });
    const uuid = '3f0c1e9a-6a5b-4c1d-9e8f-0a1b2c3d4e5f';
    expect((await call({ teamId: uuid, userId: '-'.repeat(36), token: 'anything' })).status).toBe(404);
    expect((await call({ teamId: 'x', userId: uuid, token: 'anything' })).status).toBe(404);
    expect((await call({ teamId: uuid, userId: uuid, token: NUL })).status).toBe(404);
    expect(called).toBe(0);
    expect((await call({ teamId: uuid, userId: uuid, token: 'not-a-uuid-and-fine' })).status).toBe(200);
  });
});

describe('Idempotency-Key', () => {
  it('is scoped to the organization: the same key and body in another organization creates there', async () => {
    const t = await newTenant('idem-org');
    const other = await api('POST', '/organizations', { json: { name: 'Second', baseCurrency: 'EUR' }, headers: t.owner.bearer });
    const send = (organizationId: string) =>
      api('POST', '/api-keys', { json: { name: 'same', scopes: ['statistics:read'] }, headers: { ...t.owner.bearer, 'x-organization-id': organizationId, 'idempotency-key': 'one-key' } });
    const first = await send(t.organizationId);
    const second = await send(other.body.id);
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.headers.get('idempotent-replayed')).toBeNull();
    expect(second.body.id).not.toBe(first.body.id);
    expect(await db.apiKey.count({ where: { organizationId: other.body.id, name: 'same' } })).toBe(1);
  });

  it('never stores a secret: a replay of POST /api-keys answers the key without it, and says so', async () => {
    const t = await newTenant('idem-secret');
    const headers = { ...t.orgHeaders, 'idempotency-key': 'key-once' };
    const first = await api('POST', '/api-keys', { json: { name: 'shown once', scopes: ['statistics:read'] }, headers });
    expect(first.body.key).toMatch(/^pk_/);
    expect(first.headers.get('idempotent-replay-omitted')).toBeNull();
    const replay = await api('POST', '/api-keys', { json: { name: 'shown once', scopes: ['statistics:read'] }, headers });
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.headers.get('idempotent-replay-omitted')).toBe('key');
    expect(replay.body).toEqual({ ...first.body, key: null });
    const stored = await db.idempotencyRecord.findMany({ where: { key: 'key-once' } });
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(first.body.key);
  });

  it('never stores tokens either (POST /auth/token)', async () => {
    const u = await registerAndLogin('idem-token');
    const headers = { 'x-pitchcraft-peer': u.ip, 'idempotency-key': 'login-once' };
    const first = await api('POST', '/auth/token', { json: { email: u.email, password: PASSWORD }, headers });
    const replay = await api('POST', '/auth/token', { json: { email: u.email, password: PASSWORD }, headers });
    expect(replay.body).toMatchObject({ access: null, refresh: null, user: { email: u.email } });
    expect(replay.headers.get('idempotent-replay-omitted')).toBe('access, refresh');
    expect(JSON.stringify(await db.idempotencyRecord.findMany({ where: { key: 'login-once' } }))).not.toContain(first.body.refresh);
  });

  it('over 255 characters is a 422 on the header, and creates nothing', async () => {
    const t = await newTenant('idem-long');
    const res = await api('POST', '/api-keys', { json: { name: 'long', scopes: ['statistics:read'] }, headers: { ...t.orgHeaders, 'idempotency-key': 'k'.repeat(256) } });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([{ path: 'Idempotency-Key', message: 'must be at most 255 characters' }]);
    expect(await db.apiKey.count({ where: { organizationId: t.organizationId, name: 'long' } })).toBe(0);
  });
});

describe('Content-Security-Policy', () => {
  it('every REST answer, success or problem, may load nothing and be framed by no one', async () => {
    const t = await newTenant('csp');
    for (const res of [await api('GET', '/me', { headers: t.keyHeaders }), await api('GET', '/me'), await api('DELETE', '/me', { headers: t.keyHeaders })]) {
      expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
    }
  });

  it('next.config.js gives the other API and media responses the same policy', async () => {
    const config = (await import(/* @vite-ignore */ new URL('../../next.config.js', import.meta.url).href)) as { default: NextConfig; API_CONTENT_SECURITY_POLICY: string };
    expect(config.API_CONTENT_SECURITY_POLICY).toBe(API_CONTENT_SECURITY_POLICY);
    const rules = await config.default.headers!();
    for (const source of ['/api/:path*', '/media/:path*']) {
      expect(rules.find((r) => r.source === source)?.headers).toEqual([{ key: 'Content-Security-Policy', value: API_CONTENT_SECURITY_POLICY }]);
    }
  });

  it('pages run scripts only by nonce (strict-dynamic), never inline or eval in production, and are never framed', () => {
    const policy = pageContentSecurityPolicy('bm9uY2U=');
    const scriptSrc = policy.split('; ').find((d) => d.startsWith('script-src '));
    expect(scriptSrc).toBe("script-src 'self' 'nonce-bm9uY2U=' 'strict-dynamic'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("media-src 'self' blob:");
    expect(policy).toContain("img-src 'self' data: blob:");
    expect(pageContentSecurityPolicy('n', true)).toContain("'unsafe-eval'");
  });
});
