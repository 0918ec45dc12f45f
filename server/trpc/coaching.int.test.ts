// The browser door for coaching: the same domain rules as REST (visibility, team leads, invites) through tRPC.
import { describe, expect, it } from 'vitest';
import { resolveUserContext } from '../auth/resolve-context';
import { requireOrg } from '../context';
import { db } from '../db';
import { issueInvites } from '../domain/invites/create-invites';
import { addPerson, createProductWithModule, createTeam, PITCH, wordsOf } from '../test/coaching';
import { newTenant, uniqueEmail } from '../test/factories';
import { appRouter } from './root';

const caller = (userId: string | null, organizationId: string | null = null) =>
  appRouter.createCaller({ userId, requestedOrganizationId: organizationId, requestId: '00000000-0000-4000-8000-000000000000', ip: null });

describe('coaching over tRPC', () => {
  it('records, reviews and lists sessions within the visibility rules', async () => {
    const t = await newTenant('trpc-coach');
    const { moduleId } = await createProductWithModule(t.orgHeaders);
    const team = await createTeam(t.orgHeaders, 'Browser team', []);
    const lead = await addPerson(t, 'trpc-lead', { teamId: team.id, teamRole: 'manager' });
    const rep = await addPerson(t, 'trpc-rep', { teamId: team.id });
    const stranger = await addPerson(t, 'trpc-stranger');

    const asRep = caller(rep.userId, t.organizationId);
    const created = await asRep.sessions.create({ moduleId, transcript: { words: wordsOf(PITCH) }, recordedAt: '2026-06-01T10:00:00Z' });
    expect(created.transcript.status).toBe('ready');
    expect((await caller(lead.userId, t.organizationId).sessions.get({ id: created.id })).final).toBe(created.final);
    await expect(caller(stranger.userId, t.organizationId).sessions.get({ id: created.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(caller(stranger.userId, t.organizationId).sessions.delete({ id: created.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });

    const list = await caller(lead.userId, t.organizationId).sessions.list({ ordering: '-score', query: { userId: rep.userId } });
    expect(list.results.map((s) => s.id)).toEqual([created.id]);
    const trend = await asRep.sessions.trend({ query: { from: '2026-05-01' } });
    expect(trend.points).toEqual([{ id: created.id, recordedAt: '2026-06-01T10:00:00.000Z', score: created.final, module: 'Discovery call' }]);
    await expect(asRep.sessions.list({ ordering: 'password' })).rejects.toMatchObject({ code: 'UNPROCESSABLE_CONTENT' });
    await expect(asRep.sessions.create({ moduleId, transcript: { words: [{ text: 'a', start: 2, end: 1 }] } })).rejects.toMatchObject({ code: 'UNPROCESSABLE_CONTENT' });

    await expect(asRep.teams.dashboard({ id: team.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const dashboard = await caller(lead.userId, t.organizationId).teams.dashboard({ id: team.id, ordering: '-sessions' });
    expect(dashboard.members[0]).toMatchObject({ id: rep.userId, sessions: 1, performance: created.final });
  });

  it('an invitee looks at the link and joins with a new account, or signed in', async () => {
    const t = await newTenant('trpc-invite');
    const team = await createTeam(t.orgHeaders, 'Invited');
    const ctx = requireOrg(await resolveUserContext({ userId: t.owner.userId, requestedOrganizationId: t.organizationId, requestId: 'test' }));
    const email = uniqueEmail('trpc-invitee');
    const [issued] = await db.$transaction((tx) => issueInvites(tx, ctx, [{ email, teamId: team.id, role: 'member' }]));

    expect(await caller(null).invites.lookup({ token: issued!.token })).toMatchObject({ email, teamName: 'Invited', existingAccount: false });
    await expect(caller(null).invites.lookup({ token: 'inv_nothing_here_at_all_12345' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const joined = await caller(null).invites.acceptWithAccount({ token: issued!.token, account: { firstName: 'Rita', lastName: 'Rep', password: 'a good password' } });
    expect(joined).toMatchObject({ createdAccount: true, team: { id: team.id } });
    // Gone reads as NOT_FOUND in tRPC, with the reason in the message and the app code.
    const again = await caller(null).invites.lookup({ token: issued!.token }).catch((e: unknown) => e);
    expect(again).toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/already been used/) });
    expect((again as { cause?: { code?: string } }).cause?.code).toBe('gone');
  });
});
