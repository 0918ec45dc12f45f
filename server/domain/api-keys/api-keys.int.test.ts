// REST API keys: create (secret once, hashed at rest), scopes enforced, list, revoke → 401, expiry.
import { describe, expect, it } from 'vitest';
import { db } from '../../db';
import { sha256 } from '../../auth/secrets';
import { api } from '../../test/api-client';
import { newTenant, registerAndLogin } from '../../test/factories';

describe('/api-keys', () => {
  it('creates a key shown once, stored only as a hash, listed by prefix', async () => {
    const t = await newTenant('keys');
    const res = await api('POST', '/api-keys', { json: { name: 'Reporting', scopes: ['statistics:read'] }, headers: t.orgHeaders });
    expect(res.status).toBe(201);
    expect(res.body.key).toMatch(/^pk_/);
    expect(res.body.key.slice(0, res.body.prefix.length)).toBe(res.body.prefix);
    const row = await db.apiKey.findUniqueOrThrow({ where: { id: res.body.id } });
    expect(row.hash).toBe(sha256(res.body.key));
    expect(JSON.stringify(row)).not.toContain(res.body.key);
    const list = await api('GET', '/api-keys', { headers: t.orgHeaders });
    expect(list.body.count).toBe(2);
    expect(list.text).not.toContain(res.body.key);
    expect(list.body.results[0]).toMatchObject({ name: 'Reporting', prefix: res.body.prefix, scopes: ['statistics:read'], lastUsedAt: null });
    await api('POST', '/api-keys', { json: { name: 'Zeta', scopes: ['statistics:read'] }, headers: t.orgHeaders });
    await api('POST', '/api-keys', { json: { name: 'Alpha', scopes: ['statistics:read'] }, headers: t.orgHeaders });
    const names = (await api('GET', '/api-keys?ordering=name', { headers: t.orgHeaders })).body.results.map((k: { name: string }) => k.name);
    expect(names.indexOf('Alpha')).toBeLessThan(names.indexOf('Zeta'));
    const desc = (await api('GET', '/api-keys?ordering=-name', { headers: t.orgHeaders })).body.results.map((k: { name: string }) => k.name);
    expect(desc.indexOf('Zeta')).toBeLessThan(desc.indexOf('Alpha'));
    expect((await api('GET', '/api-keys?ordering=hash', { headers: t.orgHeaders })).status).toBe(422);
  });

  it('a key can do exactly its scopes, and records its last use', async () => {
    const t = await newTenant('scoped');
    const { body } = await api('POST', '/api-keys', { json: { name: 'stats only', scopes: ['statistics:read'] }, headers: t.orgHeaders });
    const h = { 'x-api-key': body.key };
    expect((await api('GET', '/statistics', { headers: h })).status).toBe(200);
    expect((await api('GET', '/api-keys', { headers: h })).status).toBe(403);
    expect((await api('PATCH', `/organizations/${t.organizationId}`, { json: { name: 'x' }, headers: h })).status).toBe(403);
    expect((await api('POST', '/organizations', { json: { name: 'x', baseCurrency: 'USD' }, headers: h })).status).toBe(403);
    // Authorization: Bearer pk_… works as well as X-Api-Key.
    expect((await api('GET', '/statistics', { headers: { authorization: `Bearer ${body.key}` } })).status).toBe(200);
    const row = await db.apiKey.findUniqueOrThrow({ where: { id: body.id } });
    expect(row.lastUsedAt).not.toBeNull();
  });

  it('cannot grant scopes the creator does not hold, nor unknown ones', async () => {
    const t = await newTenant('escalate');
    const manager = await registerAndLogin('manager');
    await db.membership.create({ data: { userId: manager.userId, organizationId: t.organizationId, role: 'admin' } });
    const h = { ...manager.bearer, 'x-organization-id': t.organizationId };
    const res = await api('POST', '/api-keys', { json: { name: 'x', scopes: ['statistics:read', 'organization:delete'] }, headers: h });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([{ path: 'scopes.1', message: 'Your role does not include organization:delete' }]);
    expect((await api('POST', '/api-keys', { json: { name: 'x', scopes: ['root'] }, headers: h })).status).toBe(422);
    expect((await api('POST', '/api-keys', { json: { name: 'x', scopes: [] }, headers: h })).status).toBe(422);
    expect((await api('POST', '/api-keys', { json: { name: 'x', scopes: ['statistics:read'], expiresAt: '2001-01-01T00:00:00Z' }, headers: h })).status).toBe(422);
    expect(await db.apiKey.count({ where: { organizationId: t.organizationId } })).toBe(1);
  });

  it('revoke makes the key 401 at once and writes the audit log; expired keys are refused, saying no more than for an unknown key', async () => {
    const t = await newTenant('revoke');
    expect((await api('GET', '/me', { headers: t.keyHeaders })).status).toBe(200);
    expect((await api('DELETE', `/api-keys/${t.apiKeyId}`, { headers: t.orgHeaders })).status).toBe(204);
    const after = await api('GET', '/me', { headers: t.keyHeaders });
    expect(after.status).toBe(401);
    expect((await api('DELETE', `/api-keys/${t.apiKeyId}`, { headers: t.orgHeaders })).status).toBe(404);
    const types = (await db.auditEvent.findMany({ where: { organizationId: t.organizationId } })).map((e) => e.type).sort();
    expect(types).toEqual(['api_key.created', 'api_key.revoked', 'organization.created']);

    const soon = await api('POST', '/api-keys', { json: { name: 'short', scopes: ['statistics:read'], expiresAt: new Date(Date.now() + 60_000).toISOString() }, headers: t.orgHeaders });
    await db.apiKey.update({ where: { id: soon.body.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const expired = await api('GET', '/statistics', { headers: { 'x-api-key': soon.body.key } });
    expect(expired.status).toBe(401);

    // Revoked, expired and never-issued keys are one answer: a key's 401 tells an attacker nothing about its history.
    const unknown = await api('GET', '/me', { headers: { 'x-api-key': `pk_${'x'.repeat(32)}` } });
    const asBearer = await api('GET', '/me', { headers: { authorization: `Bearer ${soon.body.key}` } });
    const answer = (r: typeof after) => ({ status: r.status, body: { ...r.body, requestId: undefined }, authenticate: r.headers.get('www-authenticate') });
    expect(answer(after)).toEqual(answer(unknown));
    expect(answer(expired)).toEqual(answer(unknown));
    expect(answer(asBearer)).toEqual(answer(unknown));
    expect(unknown.body).toMatchObject({ code: 'unauthenticated', detail: 'The API key is not valid' });
  });
});
