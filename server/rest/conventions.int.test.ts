// API.md §1 conventions, implemented once in withApi: errors, bodies, idempotency, rate limits, headers.
import { describe, expect, it } from 'vitest';
import { api } from '../test/api-client';
import { newTenant } from '../test/factories';
import { ok } from './respond';
import { withApi } from './with-api';

describe('request bodies', () => {
  it('malformed JSON is 400, a wrong media type 415, wrong types 422, all as problem+json', async () => {
    const t = await newTenant('bodies');
    const malformed = await api('POST', '/organizations', { body: '{"name": ', contentType: 'application/json', headers: t.owner.bearer });
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get('content-type')).toBe('application/problem+json');
    expect(malformed.body).toMatchObject({ code: 'bad_request', status: 400, title: 'Bad request', requestId: expect.any(String), type: expect.stringContaining('bad-request') });
    expect((await api('POST', '/organizations', { body: 'name=x', contentType: 'application/x-www-form-urlencoded', headers: t.owner.bearer })).status).toBe(415);
    const types = await api('POST', '/organizations', { json: { name: 7, baseCurrency: ['USD'] }, headers: t.owner.bearer });
    expect(types.status).toBe(422);
    expect(types.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['baseCurrency', 'name']);
    expect((await api('POST', '/organizations', { json: [1, 2], headers: t.owner.bearer })).status).toBe(422);
    const huge = await api('POST', '/organizations', { json: { name: 'x'.repeat(1024 * 1024 + 10), baseCurrency: 'USD' }, headers: t.owner.bearer });
    expect(huge.status).toBe(413);
    const count = await api('GET', '/organizations', { headers: t.owner.bearer });
    expect(count.body.count).toBe(1);
  });

  it('a 500 is masked: no stack, no internals, but a request id', async () => {
    const boom = withApi({ access: 'public' }, async () => {
      throw new Error('relation "secret_table" does not exist at /srv/app/server.ts:12');
    });
    const res = await boom(new Request('http://x/api/v1/boom'), { params: Promise.resolve({}) });
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toMatch(/secret_table|server\.ts|at \//);
    expect(JSON.parse(text)).toMatchObject({ code: 'internal', requestId: res.headers.get('x-request-id') });
  });
});

describe('Idempotency-Key', () => {
  it('replays the first response for the same key and body, 409 for a different body', async () => {
    const t = await newTenant('idem');
    const headers = { ...t.owner.bearer, 'idempotency-key': 'create-org-1' };
    const first = await api('POST', '/organizations', { json: { name: 'Once', baseCurrency: 'USD' }, headers });
    const second = await api('POST', '/organizations', { json: { name: 'Once', baseCurrency: 'USD' }, headers });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body.id).toBe(first.body.id);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    const different = await api('POST', '/organizations', { json: { name: 'Twice', baseCurrency: 'USD' }, headers });
    expect(different.status).toBe(409);
    const list = await api('GET', '/organizations', { headers: t.owner.bearer });
    expect(list.body.results.filter((o: { name: string }) => o.name === 'Once')).toHaveLength(1);
    // Keys are per caller: another caller's same key is a new request.
    const other = await newTenant('idem2');
    const theirs = await api('POST', '/organizations', { json: { name: 'Once', baseCurrency: 'USD' }, headers: { ...other.owner.bearer, 'idempotency-key': 'create-org-1' } });
    expect(theirs.body.id).not.toBe(first.body.id);
  });
});

describe('rate limits', () => {
  it('every response carries RateLimit-* headers; past the budget 429 with Retry-After', async () => {
    const t = await newTenant('limits');
    const res = await api('GET', '/me', { headers: t.keyHeaders });
    expect(Number(res.headers.get('ratelimit-limit'))).toBeGreaterThan(0);
    expect(res.headers.get('ratelimit-remaining')).not.toBeNull();
    expect(res.headers.get('ratelimit-reset')).not.toBeNull();

    const tiny = withApi({ access: 'authenticated', rateLimit: { points: 2, durationSeconds: 60 } }, async () => ok({ fine: true }));
    const call = () => tiny(new Request('http://x/api/v1/tiny', { headers: t.keyHeaders }), { params: Promise.resolve({}) });
    expect((await call()).status).toBe(200);
    const second = await call();
    expect(second.headers.get('ratelimit-remaining')).toBe('0');
    const third = await call();
    expect(third.status).toBe(429);
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await third.json()).code).toBe('rate_limited');
  });

  it('failed credentials draw from the per-IP budget', async () => {
    const tiny = withApi({ access: 'authenticated', rateLimit: { points: 1, durationSeconds: 60 } }, async () => ok({}));
    const ip = `192.0.2.${Math.floor(Math.random() * 250)}`;
    const call = () => tiny(new Request('http://x/api/v1/tiny', { headers: { 'x-api-key': 'pk_wrong', 'x-forwarded-for': '1.2.3.4', 'x-pitchcraft-peer': ip } }), { params: Promise.resolve({}) });
    expect((await call()).status).toBe(401);
    expect((await call()).status).toBe(429);
  });
});

describe('unknown paths', () => {
  it('answer problem+json 404 for every verb', async () => {
    const { GET, DELETE } = await import('../../app/api/v1/[...path]/route');
    for (const handler of [GET, DELETE]) {
      const res = await handler(new Request('http://x/api/v1/organisations'), { params: Promise.resolve({ path: ['organisations'] }) });
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      expect((await res.json()).detail).toMatch(/No API operation at \/api\/v1\/organisations/);
    }
  });
});

describe('idempotency records', () => {
  it('expire after 24 h: the key is reusable and old records are swept', async () => {
    const { db } = await import('../db');
    const t = await newTenant('idem-expiry');
    const headers = { ...t.owner.bearer, 'idempotency-key': 'expiring' };
    const first = await api('POST', '/organizations', { json: { name: 'Day one', baseCurrency: 'USD' }, headers });
    const stale = await db.idempotencyRecord.create({ data: { scope: 'someone-else', key: 'old', requestHash: 'x', status: 201, body: '{}', expiresAt: new Date(Date.now() - 1000) } });
    await db.idempotencyRecord.updateMany({ where: { key: 'expiring' }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const again = await api('POST', '/organizations', { json: { name: 'Day two', baseCurrency: 'USD' }, headers });
    expect(again.status).toBe(201);
    expect(again.body.id).not.toBe(first.body.id);
    expect(await db.idempotencyRecord.findUnique({ where: { id: stale.id } })).toBeNull();
  });
});
