// The security log: one organization's events only, newest first, paginated, filtered by type, with named actors.
import { describe, expect, it } from 'vitest';
import { resolveApiKeyContext, resolveUserContext } from '../../auth/resolve-context';
import { db } from '../../db';
import { api } from '../../test/api-client';
import { newTenant, PASSWORD, registerAndLogin } from '../../test/factories';
import { listAuditEvents } from './list-audit-events';

const ctxOf = (userId: string, organizationId: string) => resolveUserContext({ userId, requestedOrganizationId: organizationId, requestId: 'test' });
const everything = { limit: 200, offset: 0 };

describe('listAuditEvents', () => {
  it("lists this organization's events newest first, with who acted; never another organization's", async () => {
    const a = await newTenant('audit-a');
    const b = await newTenant('audit-b');
    // The tenant's key acts too: its own actions are attributed to the key, by name.
    const keyCtx = await resolveApiKeyContext(a.apiKey, 'test');
    const minted = await api('POST', '/api-keys', { json: { name: 'Reporting', scopes: ['statistics:read'] }, headers: a.keyHeaders });
    expect(minted.status).toBe(201);
    expect((await api('DELETE', `/api-keys/${minted.body.id}`, { headers: a.orgHeaders })).status).toBe(204);
    // A sign-in is logged in the organization that was active at the time; a failed one in each of the member's.
    expect((await api('POST', '/auth/token', { json: { email: a.owner.email, password: PASSWORD }, headers: { 'x-pitchcraft-peer': a.owner.ip } })).status).toBe(200);
    expect((await api('POST', '/auth/token', { json: { email: a.owner.email, password: 'wrong password' }, headers: { 'x-pitchcraft-peer': a.owner.ip } })).status).toBe(401);
    // Busy neighbours: none of B's events may show in A's log.
    await api('POST', '/api-keys', { json: { name: 'B key', scopes: ['statistics:read'] }, headers: b.orgHeaders });

    const ownerCtx = await ctxOf(a.owner.userId, a.organizationId);
    const log = await listAuditEvents({ ctx: ownerCtx, page: everything });
    expect(log.results.map((e) => e.type)).toEqual(['login.failed', 'login.succeeded', 'api_key.revoked', 'api_key.created', 'api_key.created', 'organization.created']);
    expect(log.count).toBe(6);
    const times = log.results.map((e) => e.createdAt);
    expect([...times].sort().reverse()).toEqual(times);

    const [failed, login, revoked, createdByKey, createdByOwner] = log.results;
    expect(failed).toMatchObject({ actor: { kind: 'user', id: a.owner.userId }, ip: a.owner.ip, detail: { login: a.owner.email } });
    const owner = { kind: 'user', id: a.owner.userId, name: 'Ada audit-a', email: a.owner.email };
    expect(login).toMatchObject({ actor: owner, ip: a.owner.ip });
    expect(revoked).toMatchObject({ actor: owner, detail: { apiKeyId: minted.body.id, name: 'Reporting' } });
    expect(createdByKey).toMatchObject({ actor: { kind: 'apiKey', id: keyCtx.actor.id, name: 'all scopes', email: null }, detail: { name: 'Reporting', scopes: ['statistics:read'] } });
    expect(createdByOwner).toMatchObject({ actor: owner, detail: { name: 'all scopes', apiKeyId: a.apiKeyId } });

    const bIds = new Set((await listAuditEvents({ ctx: await ctxOf(b.owner.userId, b.organizationId), page: everything })).results.map((e) => e.id));
    expect(log.results.some((e) => bIds.has(e.id))).toBe(false);
    expect(bIds.size).toBe(3);
  });

  it('filters by a list of types and pages through the rest', async () => {
    const t = await newTenant('audit-filter');
    for (const name of ['one', 'two', 'three']) await api('POST', '/api-keys', { json: { name, scopes: ['statistics:read'] }, headers: t.orgHeaders });
    await api('DELETE', `/api-keys/${t.apiKeyId}`, { headers: t.orgHeaders });
    const ctx = await ctxOf(t.owner.userId, t.organizationId);

    const revoked = await listAuditEvents({ ctx, page: everything, types: ['api_key.revoked'] });
    expect(revoked.count).toBe(1);
    expect(revoked.results.map((e) => e.type)).toEqual(['api_key.revoked']);
    const keysOnly = await listAuditEvents({ ctx, page: everything, types: ['api_key.created', 'api_key.revoked'] });
    expect(keysOnly.count).toBe(5);
    expect([...new Set(keysOnly.results.map((e) => e.type.split('.')[0]))]).toEqual(['api_key']);
    expect((await listAuditEvents({ ctx, page: everything, types: [] })).count).toBe(6);

    const page2 = await listAuditEvents({ ctx, page: { limit: 2, offset: 2 }, types: ['api_key.created'] });
    expect(page2.count).toBe(4);
    expect(page2.results.map((e) => e.detail.name)).toEqual(['one', 'all scopes']);
    // The limit is capped at the API's maximum whatever the caller asks.
    expect((await listAuditEvents({ ctx, page: { limit: 10_000, offset: 0 } })).results).toHaveLength(6);
  });

  it('needs audit:read: owners and admins read the log, managers and members are forbidden', async () => {
    const t = await newTenant('audit-perm');
    const roles = ['admin', 'manager', 'member'] as const;
    const ctxs = Object.fromEntries(
      await Promise.all(
        roles.map(async (role) => {
          const u = await registerAndLogin(`audit-${role}`);
          await db.membership.create({ data: { userId: u.userId, organizationId: t.organizationId, role } });
          return [role, await ctxOf(u.userId, t.organizationId)] as const;
        }),
      ),
    );
    expect((await listAuditEvents({ ctx: ctxs.admin!, page: everything })).count).toBeGreaterThan(0);
    for (const role of ['manager', 'member'] as const) {
      await expect(listAuditEvents({ ctx: ctxs[role]!, page: everything }), role).rejects.toMatchObject({ code: 'forbidden' });
    }
    // An API key reads it only with the scope.
    const narrow = await api('POST', '/api-keys', { json: { name: 'stats', scopes: ['statistics:read'] }, headers: t.orgHeaders });
    await expect(listAuditEvents({ ctx: await resolveApiKeyContext(narrow.body.key, 'test'), page: everything })).rejects.toMatchObject({ code: 'forbidden' });
    expect((await listAuditEvents({ ctx: await resolveApiKeyContext(t.apiKey, 'test'), page: everything })).count).toBeGreaterThan(0);
  });

  it('names a deleted actor as unknown instead of failing', async () => {
    const t = await newTenant('audit-gone');
    const admin = await registerAndLogin('audit-gone-admin');
    await db.membership.create({ data: { userId: admin.userId, organizationId: t.organizationId, role: 'admin' } });
    await api('POST', '/api-keys', { json: { name: 'by admin', scopes: ['statistics:read'] }, headers: { ...admin.bearer, 'x-organization-id': t.organizationId } });
    await db.user.delete({ where: { id: admin.userId } });

    const log = await listAuditEvents({ ctx: await ctxOf(t.owner.userId, t.organizationId), page: everything, types: ['api_key.created'] });
    expect(log.results[0]).toMatchObject({ actor: { kind: 'user', id: admin.userId, name: null, email: null }, detail: { name: 'by admin' } });
  });
});

describe('security events of coaching and sign-in', () => {
  it('a manager deleting, re-transcribing or replacing a rep’s session is logged; the rep’s own changes are not', async () => {
    const { addPerson, createProductWithModule, createTeam, recordSession } = await import('../../test/coaching');
    const t = await newTenant('audit-coach');
    const team = await createTeam(t.orgHeaders, 'Floor');
    const manager = await addPerson(t, 'audit-mgr', { role: 'manager', teamId: team.id, teamRole: 'manager' });
    const rep = await addPerson(t, 'audit-rep', { teamId: team.id });
    const { moduleId } = await createProductWithModule(t.orgHeaders);
    const mine = await recordSession(rep.headers, moduleId);
    expect((await api('DELETE', `/sessions/${mine.id}`, { headers: rep.headers })).status).toBe(204);
    const theirs = await recordSession(rep.headers, moduleId);
    const other = await recordSession(rep.headers, moduleId);
    expect((await api('PUT', `/sessions/${theirs.id}/transcript`, { headers: manager.headers, body: 'hello there our free trial', contentType: 'text/plain' })).status).toBe(200);
    expect((await api('DELETE', `/sessions/${other.id}`, { headers: manager.headers })).status).toBe(204);

    const log = await listAuditEvents({ ctx: await ctxOf(t.owner.userId, t.organizationId), page: everything, types: ['session.deleted', 'session.transcript_replaced'] });
    expect(log.results.map((e) => [e.type, e.detail.sessionId])).toEqual([
      ['session.deleted', other.id],
      ['session.transcript_replaced', theirs.id],
    ]);
    expect(log.results[0]).toMatchObject({ actor: { id: manager.userId }, detail: { userId: rep.userId, name: expect.stringContaining('audit-rep') } });
  });

  it('failed sign-ins and the lockout that follows are logged in the member’s organization, once per lockout', async () => {
    const t = await newTenant('audit-lock');
    const ip = `198.51.100.${Math.floor(Math.random() * 200) + 1}`;
    const attempt = () => api('POST', '/auth/token', { json: { email: t.owner.email, password: 'not the password' }, headers: { 'x-pitchcraft-peer': ip } });
    for (let i = 0; i < 10; i++) expect((await attempt()).status).toBe(401);
    expect((await attempt()).status).toBe(429);
    expect((await attempt()).status).toBe(429);
    const log = await listAuditEvents({ ctx: await ctxOf(t.owner.userId, t.organizationId), page: everything, types: ['login.failed', 'login.locked_out'] });
    expect(log.results.filter((e) => e.type === 'login.failed')).toHaveLength(10);
    expect(log.results.filter((e) => e.type === 'login.locked_out')).toEqual([expect.objectContaining({ ip, detail: expect.objectContaining({ login: t.owner.email, minutes: expect.any(Number) }) })]);
  });
});
