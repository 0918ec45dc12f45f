// Issue 15, defects 2 and 9: one grant rule for every path that gives a role or permissions — invites, role changes,
// API key scopes — and for acting on someone (removing them from a team, purging their sessions); a test per path
// tries to give more than the caller holds. Statistics count only what the caller may read.
import { describe, expect, it } from 'vitest';
import { resolveUserContext } from '../../auth/resolve-context';
import { db } from '../../db';
import { api } from '../../test/api-client';
import { requestCall } from '../../test/call-factories';
import { addPerson, createProductWithModule, createTeam, putOnTeam, recordSession } from '../../test/coaching';
import { newTenant, randomIp, uniqueEmail } from '../../test/factories';
import { changeMemberRole } from '../organizations/manage-members';
import { beyondGrantor, mayGrant } from './grant-rule';

const ctxOf = (userId: string, organizationId: string) => resolveUserContext({ userId, requestedOrganizationId: organizationId, requestId: 'test' });
const membershipOf = (userId: string, organizationId: string) => db.membership.findFirstOrThrow({ where: { userId, organizationId } });

describe('the grant rule', () => {
  it('decides on permission sets: a role resolves to its permissions, direct grants add to them', () => {
    const member = { permissions: new Set(['organization:read', 'members:read'] as const) };
    expect(mayGrant(member, { permissions: ['members:read'] })).toBe(true);
    expect(beyondGrantor(member, { role: 'member' })).toContain('sessions:write');
    expect(beyondGrantor({ permissions: new Set() }, { role: 'member', permissions: ['audit:read'] })).toContain('audit:read');
  });
});

describe('invites (defect 2)', () => {
  it('a team lead who is an organization member cannot invite a manager; the accepted account is never above them', async () => {
    const t = await newTenant('grant-invite');
    const lead = await addPerson(t, 'grant-lead', { role: 'member' });
    const team = await createTeam(t.orgHeaders, 'Led by a member', [lead.userId]);
    const email = uniqueEmail('grant-new');
    const refused = await api('POST', '/invites', { headers: lead.headers, json: [{ email, teamId: team.id, role: 'manager' }] });
    expect([refused.status, refused.body.code]).toEqual([403, 'forbidden']);
    expect(refused.body.detail).toMatch(/manager role.*calls:read/);
    expect(await db.invite.count({ where: { email } })).toBe(0);
    // As a member they may invite, and the newcomer is a member.
    expect((await api('POST', '/invites', { headers: lead.headers, json: [{ email, teamId: team.id }] })).status).toBe(201);
  });

  it('accepting asks the rule again: an inviter demoted since cannot make a newcomer a manager any more', async () => {
    const t = await newTenant('grant-accept');
    const manager = await addPerson(t, 'grant-mgr', { role: 'manager' });
    const team = await createTeam(manager.headers, 'Managed');
    const email = uniqueEmail('grant-late');
    const sent = await api('POST', '/invites', { headers: manager.headers, json: [{ email, teamId: team.id, role: 'manager' }] });
    expect(sent.status).toBe(201);
    await db.membership.update({ where: { id: (await membershipOf(manager.userId, t.organizationId)).id }, data: { role: 'member' } });
    const mail = await db.emailMessage.findFirstOrThrow({ where: { to: email }, orderBy: { createdAt: 'desc' } });
    const token = mail.text.match(/\/invite\/(inv_[\w-]+)/)![1]!;
    const accepted = await api('POST', `/invites/${token}/accept`, { headers: { 'x-pitchcraft-peer': randomIp() }, json: { firstName: 'Late', lastName: 'Joiner', password: 'compiler 1952 rocks' } });
    expect(accepted.status).toBe(200);
    expect((await membershipOf(accepted.body.user.id, t.organizationId)).role).toBe('member');
  });
});

describe('role changes (defect 2)', () => {
  it('someone granted members:manage directly can neither give a role above their own nor change someone holding more', async () => {
    const t = await newTenant('grant-role');
    const granted = await addPerson(t, 'grant-hr', { role: 'member' });
    await db.membership.update({ where: { id: (await membershipOf(granted.userId, t.organizationId)).id }, data: { permissions: ['members:manage'] } });
    const rep = await addPerson(t, 'grant-rep', { role: 'member' });
    const admin = await addPerson(t, 'grant-admin', { role: 'admin' });
    const ctx = await ctxOf(granted.userId, t.organizationId);
    const repMembership = (await membershipOf(rep.userId, t.organizationId)).id;
    await expect(changeMemberRole({ ctx, input: { membershipId: repMembership, role: 'manager' } })).rejects.toMatchObject({ code: 'forbidden', message: expect.stringMatching(/role “Manager”/) });
    await expect(changeMemberRole({ ctx, input: { membershipId: repMembership, role: 'admin' } })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(changeMemberRole({ ctx, input: { membershipId: (await membershipOf(admin.userId, t.organizationId)).id, role: 'member' } })).rejects.toMatchObject({ code: 'forbidden' });
    expect((await membershipOf(rep.userId, t.organizationId)).role).toBe('member');
    expect((await membershipOf(admin.userId, t.organizationId)).role).toBe('admin');
    // An admin may give what an admin holds.
    await changeMemberRole({ ctx: await ctxOf(admin.userId, t.organizationId), input: { membershipId: repMembership, role: 'manager' } });
    expect((await membershipOf(rep.userId, t.organizationId)).role).toBe('manager');
  });

  it('an API key never gets scopes beyond the key that creates it', async () => {
    const t = await newTenant('grant-key');
    const narrow = await api('POST', '/api-keys', { headers: t.keyHeaders, json: { name: 'narrow', scopes: ['apiKeys:manage', 'statistics:read'] } });
    const wider = await api('POST', '/api-keys', { headers: { 'x-api-key': narrow.body.key }, json: { name: 'wider', scopes: ['statistics:read', 'audit:read'] } });
    expect([wider.status, wider.body.errors]).toEqual([422, [{ path: 'scopes.1', message: 'Your role does not include audit:read' }]]);
  });
});

describe('reach of a team manager (defect 9)', () => {
  it('a purge deletes only the sessions the caller may delete, and nobody removes someone holding more', async () => {
    const t = await newTenant('purge');
    const lead = await addPerson(t, 'purge-lead', { role: 'member' });
    const team = await createTeam(t.orgHeaders, 'Purged', [lead.userId]);
    const other = await createTeam(t.orgHeaders, 'Kept');
    const rep = await addPerson(t, 'purge-rep', { teamId: team.id });
    await putOnTeam(t, rep.userId, other.id);
    await putOnTeam(t, t.owner.userId, team.id);
    const teamProduct = await createProductWithModule(t.orgHeaders);
    await api('PATCH', `/products/${teamProduct.productId}`, { headers: t.orgHeaders, json: { teamId: team.id } });
    const otherProduct = await createProductWithModule(t.orgHeaders);
    await api('PATCH', `/products/${otherProduct.productId}`, { headers: t.orgHeaders, json: { teamId: other.id } });
    const orgWide = await createProductWithModule(t.orgHeaders);
    const onTeam = await recordSession(rep.headers, teamProduct.moduleId);
    const kept = [await recordSession(rep.headers, otherProduct.moduleId), await recordSession(rep.headers, orgWide.moduleId)];

    const owner = await api('DELETE', `/teams/${team.id}/members/${t.owner.userId}`, { headers: lead.headers });
    expect([owner.status, owner.body.code]).toEqual([403, 'forbidden']);
    expect(await db.teamMember.count({ where: { teamId: team.id, userId: t.owner.userId } })).toBe(1);

    expect((await api('DELETE', `/teams/${team.id}/members/${rep.userId}?purge=true`, { headers: lead.headers })).status).toBe(204);
    expect(await db.practiceSession.count({ where: { id: onTeam.id } })).toBe(0);
    expect(await db.practiceSession.count({ where: { id: { in: kept.map((s) => s.id) } } })).toBe(2);
    // An admin's purge reaches every session of the person.
    expect((await api('DELETE', `/teams/${other.id}/members/${rep.userId}?purge=true`, { headers: t.orgHeaders })).status).toBe(204);
    expect(await db.practiceSession.count({ where: { userId: rep.userId } })).toBe(0);
  });

  it('statistics count only what the caller may read', async () => {
    const t = await newTenant('stats-scope');
    const member = await addPerson(t, 'stats-member', { role: 'member' });
    await requestCall(t);
    const mine = await requestCall(t);
    await db.call.update({ where: { id: mine.id }, data: { status: 'completed', dealerId: member.userId } });
    await api('POST', '/leads', { json: { firstName: 'L', lastName: 'L', email: 'l@example.test' }, headers: mine.customer });
    const asMember = await api('GET', '/statistics', { headers: member.headers });
    expect(asMember.status).toBe(200);
    expect(asMember.body).toMatchObject({ calls: { total: 1, completed: 1, requested: 0 }, leads: null, apiKeys: null, members: 2 });
    const asOwner = await api('GET', '/statistics', { headers: t.orgHeaders });
    expect(asOwner.body).toMatchObject({ calls: { total: 2, completed: 1, requested: 1 }, leads: { total: 1 }, apiKeys: { total: 1 }, members: 2 });
    const statsKey = await api('POST', '/api-keys', { headers: t.orgHeaders, json: { name: 'stats only', scopes: ['statistics:read'] } });
    expect((await api('GET', '/statistics', { headers: { 'x-api-key': statsKey.body.key } })).body).toMatchObject({ calls: null, leads: null, apiKeys: null, members: null });
  });
});
