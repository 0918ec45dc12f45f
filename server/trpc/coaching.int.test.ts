// The browser door for coaching: the same domain rules as REST (visibility, team leads, invites) through tRPC.
import { describe, expect, it } from 'vitest';
import { resolveUserContext } from '../auth/resolve-context';
import { requireOrg } from '../context';
import { db } from '../db';
import { issueInvites } from '../domain/invites/create-invites';
import { saveMedia } from '../media/save-media';
import { makeWav } from '../test/wav';
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
    // What the invite page shows, without errors: which of the clear pages applies.
    expect(await caller(null).invites.linkState({ token: issued!.token })).toEqual({ state: 'used', message: expect.stringMatching(/already been used/) });
    expect(await caller(null).invites.linkState({ token: 'inv_nothing_here_at_all_12345' })).toEqual({ state: 'unknown' });
    const [fresh] = await db.$transaction((tx) => issueInvites(tx, ctx, [{ email: uniqueEmail('trpc-late'), teamId: team.id, role: 'member' }]));
    await db.invite.update({ where: { id: fresh!.invite.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await caller(null).invites.linkState({ token: fresh!.token })).toEqual({ state: 'expired', message: expect.stringMatching(/^This invite expired on/) });
    expect((await caller(null).invites.linkState({ token: (await db.$transaction((tx) => issueInvites(tx, ctx, [{ email: uniqueEmail('trpc-ok'), teamId: team.id, role: 'member' }])))[0]!.token })).state).toBe('valid');
  });

  it('the recorder: an uploaded WAV is attached by id; only the uploader’s own upload, once', async () => {
    delete process.env.STT_URL;
    const t = await newTenant('trpc-recorder');
    const { moduleId } = await createProductWithModule(t.orgHeaders);
    const rep = await addPerson(t, 'trpc-recorder-rep');
    const other = await addPerson(t, 'trpc-recorder-other');
    const upload = await saveMedia({ organizationId: t.organizationId, createdById: rep.userId, kind: 'audio', declaredType: 'audio/wav', body: makeWav({ seconds: 3 }) });

    await expect(caller(other.userId, t.organizationId).sessions.record({ moduleId, audioUploadId: upload.id })).rejects.toMatchObject({ code: 'UNPROCESSABLE_CONTENT' });
    const recorded = await caller(rep.userId, t.organizationId).sessions.record({ moduleId, audioUploadId: upload.id, transcript: 'WEBVTT\n\n00:00.100 --> 00:02.500\nUm hello there, this is our free trial\n', transcriptSource: 'browser' });
    expect(recorded).toMatchObject({ audioUrl: `/api/v1/sessions/${recorded.id}/audio`, transcript: { status: 'ready', source: 'browser' }, duration: 3 });
    expect(recorded.energy).not.toBeNull();
    expect(await db.media.findUniqueOrThrow({ where: { id: upload.id } })).toMatchObject({ status: 'ready', public: false });
    // Attached once: the same upload cannot become a second session.
    await expect(caller(rep.userId, t.organizationId).sessions.record({ moduleId, audioUploadId: upload.id })).rejects.toMatchObject({ code: 'UNPROCESSABLE_CONTENT' });
    expect(await db.practiceSession.count({ where: { userId: rep.userId } })).toBe(1);
  });
});
