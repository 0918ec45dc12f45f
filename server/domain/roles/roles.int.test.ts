// Issue 21: permissions and roles over REST — the permission list (every API key scope among it), the built-in roles
// (fixed: 409), custom roles created, replaced and deleted (holders return to member, said in the security log).
import { describe, expect, it } from 'vitest';
import { PERMISSIONS } from '../../auth/permissions';
import { db } from '../../db';
import { api } from '../../test/api-client';
import { addPerson } from '../../test/coaching';
import { newTenant } from '../../test/factories';
import { createApiKeyInput } from '../api-keys/api-key.schema';

describe('GET /permissions', () => {
  it('lists every permission with its label, and every API key scope is among them', async () => {
    const t = await newTenant('perms');
    const res = await api('GET', '/permissions?limit=200', { headers: t.keyHeaders });
    expect(res.status).toBe(200);
    expect(res.body.count).toBe(PERMISSIONS.length);
    expect(res.body.results.map((p: { id: string }) => p.id)).toEqual([...PERMISSIONS]);
    for (const p of res.body.results) expect(p.label.length, p.id).toBeGreaterThan(5);
    expect(res.body.results.find((p: { id: string }) => p.id === 'apiKeys:read')).toEqual({ id: 'apiKeys:read', label: 'List API keys', area: 'apiKeys' });
    // Scopes are validated against the same list: a key can be given every one of them, and nothing else.
    expect(createApiKeyInput.safeParse({ name: 'all', scopes: [...PERMISSIONS] }).success).toBe(true);
    expect(createApiKeyInput.safeParse({ name: 'other', scopes: ['root:everything'] }).success).toBe(false);
  });
});

describe('roles', () => {
  it('lists the built-in roles and custom ones; built-in roles cannot be changed or deleted (409)', async () => {
    const t = await newTenant('roles-list');
    const res = await api('GET', '/roles', { headers: t.orgHeaders });
    expect(res.body.results.map((r: { id: string; builtIn: boolean; members: number }) => [r.id, r.builtIn, r.members])).toEqual([
      ['owner', true, 1],
      ['admin', true, 0],
      ['manager', true, 0],
      ['member', true, 0],
    ]);
    expect(res.body.results[0].permissions).toEqual([...PERMISSIONS]);
    expect((await api('GET', '/roles/manager', { headers: t.orgHeaders })).body).toMatchObject({ id: 'manager', name: 'Manager', builtIn: true });
    for (const id of ['owner', 'admin', 'manager', 'member']) {
      const put = await api('PUT', `/roles/${id}`, { headers: t.orgHeaders, json: { name: 'Renamed', permissions: [] } });
      expect([put.status, put.body.code], id).toEqual([409, 'conflict']);
      expect((await api('DELETE', `/roles/${id}`, { headers: t.keyHeaders })).status, id).toBe(409);
    }
    expect((await api('GET', '/roles/superuser', { headers: t.orgHeaders })).status).toBe(404);
  });

  it('creates, replaces and deletes a custom role; names are unique regardless of case; bad input changes nothing', async () => {
    const t = await newTenant('roles-crud');
    const created = await api('POST', '/roles', { headers: t.orgHeaders, json: { name: 'Closer', description: 'Takes calls and reads leads', permissions: ['calls:answer', 'leads:read'] } });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe(`/api/v1/roles/${created.body.id}`);
    expect(created.body).toMatchObject({ name: 'Closer', builtIn: false, permissions: ['calls:answer', 'leads:read'], members: 0 });

    const bad: [unknown, string][] = [
      [{ name: 'closer', permissions: [] }, 'conflict'],
      [{ name: 'Owner', permissions: [] }, 'validation_failed'],
      [{ name: 'X', permissions: ['root:everything'] }, 'validation_failed'],
      [{ name: 'X', permissions: ['leads:read', 'leads:read'] }, 'validation_failed'],
      [{ name: '', permissions: [] }, 'validation_failed'],
      [{ name: 'X', permissions: [], organizationId: t.organizationId }, 'validation_failed'],
    ];
    for (const [json, code] of bad) expect((await api('POST', '/roles', { headers: t.orgHeaders, json })).body.code, JSON.stringify(json)).toBe(code);
    expect(await db.customRole.count({ where: { organizationId: t.organizationId } })).toBe(1);

    await api('POST', '/roles', { headers: t.orgHeaders, json: { name: 'Trainer', permissions: ['products:read'] } });
    const badPut: [unknown, string][] = [
      [{ name: 'trainer', permissions: [] }, 'conflict'],
      [{ name: 'Admin', permissions: [] }, 'validation_failed'],
      [{ name: 'X', permissions: ['root:everything'] }, 'validation_failed'],
      [{ name: 'X' }, 'validation_failed'],
      [{ name: 'X', permissions: [], builtIn: true }, 'validation_failed'],
      [[], 'validation_failed'],
    ];
    for (const [json, code] of badPut) expect((await api('PUT', `/roles/${created.body.id}`, { headers: t.orgHeaders, json })).body.code, JSON.stringify(json)).toBe(code);
    expect((await api('GET', `/roles/${created.body.id}`, { headers: t.orgHeaders })).body).toMatchObject({ name: 'Closer', permissions: ['calls:answer', 'leads:read'] });

    const put = await api('PUT', `/roles/${created.body.id}`, { headers: t.orgHeaders, json: { name: 'Senior closer', permissions: ['calls:answer', 'calls:read', 'leads:read'] } });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ name: 'Senior closer', description: null, permissions: ['calls:answer', 'calls:read', 'leads:read'] });
    expect((await api('GET', `/roles/${created.body.id}`, { headers: t.orgHeaders })).body).toEqual(put.body);
    const log = await db.auditEvent.findFirstOrThrow({ where: { organizationId: t.organizationId, type: 'role.updated' } });
    expect(log.detail).toMatchObject({ roleId: created.body.id, from: { name: 'Closer', permissions: ['calls:answer', 'leads:read'] }, to: { name: 'Senior closer', permissions: ['calls:answer', 'calls:read', 'leads:read'] } });

    expect((await api('DELETE', `/roles/${created.body.id}`, { headers: t.orgHeaders })).status).toBe(204);
    expect((await api('GET', `/roles/${created.body.id}`, { headers: t.orgHeaders })).status).toBe(404);
    expect((await api('DELETE', `/roles/${created.body.id}`, { headers: t.orgHeaders })).status).toBe(404);
  });

  it('deleting a custom role in use returns its holders to member, said in the security log', async () => {
    const t = await newTenant('roles-delete');
    const rep = await addPerson(t, 'holder', { role: 'member' });
    const role = await api('POST', '/roles', { headers: t.orgHeaders, json: { name: 'Lead desk', permissions: ['organization:read', 'leads:read'] } });
    await api('PUT', `/users/${rep.userId}/roles/${role.body.id}`, { headers: t.orgHeaders });
    expect((await api('GET', `/roles/${role.body.id}`, { headers: t.orgHeaders })).body.members).toBe(1);
    expect((await api('GET', '/leads', { headers: rep.headers })).status).toBe(200);
    expect((await api('GET', '/sessions', { headers: rep.headers })).status).toBe(403);
    // Dealers are whoever holds calls:answer: the custom role holds no such thing, so they are not one.
    const dealerIds = async () => (await api('GET', '/dealers?limit=100', { headers: t.orgHeaders })).body.results.map((d: { id: string }) => d.id);
    expect(await dealerIds()).not.toContain(rep.userId);

    expect((await api('DELETE', `/roles/${role.body.id}`, { headers: t.orgHeaders })).status).toBe(204);
    expect(await dealerIds()).toContain(rep.userId);
    expect((await api('GET', `/users/${rep.userId}`, { headers: t.orgHeaders })).body.role).toEqual({ id: 'member', name: 'Member', builtIn: true });
    expect((await api('GET', '/leads', { headers: rep.headers })).status).toBe(403);
    expect((await api('GET', '/sessions', { headers: rep.headers })).status).toBe(200);
    const deleted = await db.auditEvent.findFirstOrThrow({ where: { organizationId: t.organizationId, type: 'role.deleted' } });
    expect(deleted).toMatchObject({ actorUserId: t.owner.userId, detail: { name: 'Lead desk', holders: [expect.objectContaining({ userId: rep.userId, name: 'Ada holder' })], holdersNowRole: 'member' } });
    const changed = await db.auditEvent.findFirstOrThrow({ where: { organizationId: t.organizationId, type: 'member.role_changed' }, orderBy: { createdAt: 'desc' } });
    expect(changed.detail).toMatchObject({ userId: rep.userId, from: 'Lead desk', to: 'member', reason: 'The role “Lead desk” was deleted' });
  });

  it('needs roles:manage: a manager may read roles but not make one', async () => {
    const t = await newTenant('roles-manager');
    const manager = await addPerson(t, 'roles-mgr', { role: 'manager' });
    expect((await api('GET', '/roles', { headers: manager.headers })).status).toBe(200);
    expect((await api('POST', '/roles', { headers: manager.headers, json: { name: 'Mine', permissions: [] } })).status).toBe(403);
  });
});
