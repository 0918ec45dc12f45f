// Teams over REST: create, list, read, rename, managers, delete, settings, dashboard and removing members, with who
// may do each (a team's managers and admins) and tenancy for every verb.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../db';
import { api } from '../../test/api-client';
import { addPerson, createProductWithModule, createTeam, recordSession, type Person } from '../../test/coaching';
import { newTenant, type Tenant } from '../../test/factories';

describe('creating and changing teams', () => {
  let t: Tenant;
  let manager: Person, member: Person;
  beforeAll(async () => {
    t = await newTenant('teams');
    manager = await addPerson(t, 'teams-manager', { role: 'manager' });
    member = await addPerson(t, 'teams-member');
  });

  it('the creator leads a new team unless managerIds name others', async () => {
    const res = await api('POST', '/teams', { headers: manager.headers, json: { name: '  Fleet sales ' } });
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe(`/api/v1/teams/${res.body.id}`);
    expect(res.body).toMatchObject({ name: 'Fleet sales', managerIds: [manager.userId], managers: [{ id: manager.userId, lastName: 'teams-manager' }], memberCount: 1 });
    const named = await api('POST', '/teams', { headers: t.orgHeaders, json: { name: 'Used cars', managerIds: [manager.userId, member.userId] } });
    expect(named.body.managerIds.sort()).toEqual([manager.userId, member.userId].sort());
  });

  it('refuses bad input with 422 (naming the field), a duplicate name with 409, and a plain member with 403', async () => {
    const stranger = await newTenant('teams-stranger');
    const bad = await api('POST', '/teams', { headers: t.orgHeaders, json: { name: '', managerIds: [stranger.owner.userId, 'x'], color: 'red' } });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['color', 'managerIds.1', 'name']);
    const outsider = await api('POST', '/teams', { headers: t.orgHeaders, json: { name: 'Outsiders', managerIds: [stranger.owner.userId] } });
    expect(outsider.status).toBe(422);
    expect(outsider.body.errors).toEqual([{ path: 'managerIds.0', message: 'is not a member of this organization' }]);
    await createTeam(t.orgHeaders, 'Twins');
    const twin = await api('POST', '/teams', { headers: t.orgHeaders, json: { name: 'Twins' } });
    expect(twin.status).toBe(409);
    expect(twin.body.detail).toBe('A team named “Twins” already exists in this organization');
    expect((await api('POST', '/teams', { headers: member.headers, json: { name: 'Mine' } })).status).toBe(403);
    expect(await db.team.count({ where: { organizationId: t.organizationId, name: { in: ['Outsiders', 'Mine', ''] } } })).toBe(0);
  });

  it('lists the organization’s teams (?mine=true: the caller’s), ordered and paged', async () => {
    const own = await createTeam(t.orgHeaders, 'Zebra', [member.userId]);
    const all = await api('GET', '/teams?ordering=-name', { headers: member.headers });
    expect(all.status).toBe(200);
    const names = all.body.results.map((x: { name: string }) => x.name);
    expect(names).toEqual([...names].sort().reverse());
    const mine = await api('GET', '/teams?mine=true', { headers: member.headers });
    expect(mine.body.results.map((x: { id: string }) => x.id)).toContain(own.id);
    expect(mine.body.results.every((x: { managerIds: string[]; memberCount: number }) => x.memberCount >= 1)).toBe(true);
    expect((await api('GET', '/teams?mine=perhaps', { headers: member.headers })).status).toBe(422);
    expect((await api('GET', '/teams?limit=1', { headers: member.headers })).body.next).toContain('offset=1');
  });

  it('its managers and admins rename it and change managers; others get 403 and nothing changes', async () => {
    const team = await createTeam(manager.headers, 'Renamers');
    const otherLead = await addPerson(t, 'teams-other-lead', { role: 'manager' });
    await createTeam(otherLead.headers, 'Elsewhere');
    for (const who of [member, otherLead]) {
      expect((await api('PATCH', `/teams/${team.id}`, { headers: who.headers, json: { name: 'Hijacked' } })).status).toBe(403);
      expect((await api('DELETE', `/teams/${team.id}`, { headers: who.headers })).status).toBe(403);
    }
    const renamed = await api('PATCH', `/teams/${team.id}`, { headers: manager.headers, json: { name: 'Closers' } });
    expect(renamed.body).toMatchObject({ name: 'Closers', managerIds: [manager.userId] });
    // PUT replaces both fields: a manager left out stays on the team as a member.
    expect((await api('PUT', `/teams/${team.id}`, { headers: t.orgHeaders, json: { name: 'Closers' } })).status).toBe(422);
    const put = await api('PUT', `/teams/${team.id}`, { headers: t.orgHeaders, json: { name: 'Closers', managerIds: [member.userId] } });
    expect(put.body).toMatchObject({ managerIds: [member.userId], memberCount: 2 });
    expect((await api('GET', `/teams/${team.id}`, { headers: member.headers })).body.name).toBe('Closers');
  });

  it('deleting a team keeps its people’s sessions and makes its products organization-wide', async () => {
    const team = await createTeam(manager.headers, 'Short lived');
    const rep = await addPerson(t, 'teams-del-rep', { teamId: team.id });
    const { moduleId, productId } = await createProductWithModule(t.orgHeaders);
    await api('PATCH', `/products/${productId}`, { headers: t.orgHeaders, json: { teamId: team.id } });
    const session = await recordSession(rep.headers, moduleId);
    expect((await api('DELETE', `/teams/${team.id}`, { headers: manager.headers })).status).toBe(204);
    expect((await api('GET', `/teams/${team.id}`, { headers: manager.headers })).status).toBe(404);
    expect((await api('GET', `/sessions/${session.id}`, { headers: rep.headers })).status).toBe(200);
    expect((await api('GET', `/products/${productId}`, { headers: rep.headers })).body).toMatchObject({ teamId: null, teamName: null });
  });
});

describe('team settings, dashboard and removing members', () => {
  let t: Tenant;
  let lead: Person, ann: Person, bob: Person, newbie: Person, outsiderLead: Person;
  let teamId: string;
  let moduleId: string;

  beforeAll(async () => {
    t = await newTenant('dash');
    const product = await createProductWithModule(t.orgHeaders);
    moduleId = product.moduleId;
    lead = await addPerson(t, 'dash-lead', { role: 'manager' });
    teamId = (await createTeam(lead.headers, 'Dashboard team')).id;
    // The team's own training: its manager's purge reaches the sessions recorded on it.
    await api('PATCH', `/products/${product.productId}`, { headers: t.orgHeaders, json: { teamId } });
    ann = await addPerson(t, 'dash-ann', { teamId });
    bob = await addPerson(t, 'dash-bob', { teamId });
    newbie = await addPerson(t, 'dash-newbie', { teamId });
    outsiderLead = await addPerson(t, 'dash-outsider', { role: 'manager' });
    await createTeam(outsiderLead.headers, 'Other dashboard team');
    // Ann improves, Bob slips; the newbie has not practised yet.
    await recordSession(ann.headers, moduleId, { recordedAt: '2026-05-01T09:00:00Z', text: 'um uh um so like basically um you know um uh' });
    await recordSession(ann.headers, moduleId, { recordedAt: '2026-05-08T09:00:00Z' });
    await recordSession(bob.headers, moduleId, { recordedAt: '2026-05-02T09:00:00Z' });
    await recordSession(bob.headers, moduleId, { recordedAt: '2026-05-09T09:00:00Z', text: 'um uh um so like basically um you know um uh' });
    await api('POST', '/invites', { headers: lead.headers, json: [{ email: 'pending-person@example.test', teamId, role: 'member' }] });
  });

  it('the dashboard gives each member’s average, sessions, last activity and trend, sortable', async () => {
    const res = await api('GET', `/teams/${teamId}/dashboard?ordering=-trend`, { headers: lead.headers });
    expect(res.status).toBe(200);
    const byName = Object.fromEntries(res.body.members.map((m: { lastName: string }) => [m.lastName, m]));
    expect(byName['dash-ann']).toMatchObject({ sessions: 2, lastActivity: '2026-05-08T09:00:00.000Z' });
    expect(byName['dash-ann'].trend).toBeGreaterThan(0);
    expect(byName['dash-bob'].trend).toBe(-byName['dash-ann'].trend);
    expect(byName['dash-ann'].recentScores).toHaveLength(2);
    expect(byName['dash-ann'].performance).toBe((byName['dash-ann'].recentScores[0] + byName['dash-ann'].recentScores[1]) / 2);
    expect(byName['dash-newbie']).toMatchObject({ sessions: 0, performance: null, lastActivity: null, trend: null, recentScores: [] });
    // Highest trend first; those without one last.
    expect(res.body.members.map((m: { lastName: string }) => m.lastName)).toEqual(['dash-ann', 'dash-bob', ...res.body.members.slice(2).map((m: { lastName: string }) => m.lastName)]);
    expect(res.body.members.at(-1).trend).toBeNull();
    const byActivity = await api('GET', `/teams/${teamId}/dashboard?ordering=-lastActivity`, { headers: lead.headers });
    expect(byActivity.body.members[0].lastName).toBe('dash-bob');
    expect((await api('GET', `/teams/${teamId}/dashboard?ordering=email`, { headers: lead.headers })).status).toBe(422);
  });

  it('settings list members (managers first) and pending invites', async () => {
    const res = await api('GET', `/teams/${teamId}/settings`, { headers: lead.headers });
    expect(res.status).toBe(200);
    expect(res.body.members[0]).toMatchObject({ id: lead.userId, role: 'manager' });
    expect(res.body.members.find((m: { id: string }) => m.id === ann.userId)).toMatchObject({ email: ann.email, role: 'member', sessions: 2 });
    expect(res.body.invited).toEqual([expect.objectContaining({ email: 'pending-person@example.test', status: 'pending', teamName: 'Dashboard team' })]);
    expect(JSON.stringify(res.body)).not.toMatch(/inv_/);
  });

  it('members and managers of other teams get 403 for settings, dashboard and removal; other organizations 404', async () => {
    for (const who of [ann, outsiderLead]) {
      expect((await api('GET', `/teams/${teamId}/settings`, { headers: who.headers })).status).toBe(403);
      expect((await api('GET', `/teams/${teamId}/dashboard`, { headers: who.headers })).status).toBe(403);
      expect((await api('DELETE', `/teams/${teamId}/members/${bob.userId}`, { headers: who.headers })).status).toBe(403);
    }
    expect((await api('GET', `/teams/${teamId}/dashboard`, { headers: t.orgHeaders })).status).toBe(200);
    const intruder = await newTenant('dash-intruder');
    for (const headers of [intruder.orgHeaders, intruder.keyHeaders]) {
      for (const [method, path] of [['GET', `/teams/${teamId}`], ['PATCH', `/teams/${teamId}`], ['PUT', `/teams/${teamId}`], ['DELETE', `/teams/${teamId}`], ['GET', `/teams/${teamId}/settings`], ['GET', `/teams/${teamId}/dashboard`], ['DELETE', `/teams/${teamId}/members/${bob.userId}`]] as const) {
        const json = method === 'PATCH' ? { name: 'x' } : method === 'PUT' ? { name: 'x', managerIds: [] } : undefined;
        expect((await api(method, path, { headers, ...(json && { json }) })).status, `${method} ${path}`).toBe(404);
      }
    }
    expect(await db.teamMember.count({ where: { teamId } })).toBe(4);
  });

  it('removing a member keeps their sessions; ?purge=true deletes those on the team’s products too', async () => {
    expect((await api('DELETE', `/teams/${teamId}/members/${bob.userId}?purge=perhaps`, { headers: lead.headers })).status).toBe(422);
    expect((await api('DELETE', `/teams/${teamId}/members/${outsiderLead.userId}`, { headers: lead.headers })).status).toBe(404);
    expect((await api('DELETE', `/teams/${teamId}/members/${bob.userId}`, { headers: lead.headers })).status).toBe(204);
    expect(await db.practiceSession.count({ where: { userId: bob.userId } })).toBe(2);
    // Off the team, the manager no longer sees Bob's sessions.
    expect((await api('GET', `/users/${bob.userId}/sessions`, { headers: lead.headers })).status).toBe(404);

    expect((await api('DELETE', `/teams/${teamId}/members/${ann.userId}?purge=true`, { headers: lead.headers })).status).toBe(204);
    expect(await db.practiceSession.count({ where: { userId: ann.userId } })).toBe(0);
    const settings = await api('GET', `/teams/${teamId}/settings`, { headers: lead.headers });
    expect(settings.body.members.map((m: { id: string }) => m.id).sort()).toEqual([lead.userId, newbie.userId].sort());
    // Still members of the organization, just not of the team.
    expect(await db.membership.count({ where: { organizationId: t.organizationId, userId: { in: [ann.userId, bob.userId] } } })).toBe(2);
  });

  it('leaving the organization leaves its teams too', async () => {
    const membership = await db.membership.findFirstOrThrow({ where: { userId: newbie.userId, organizationId: t.organizationId } });
    expect((await api('GET', '/organizations', { headers: newbie.headers })).status).toBe(200);
    await db.membership.delete({ where: { id: membership.id } });
    expect(await db.teamMember.count({ where: { teamId, userId: newbie.userId } })).toBe(0);
  });
});
