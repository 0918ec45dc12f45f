// Team invites over REST: a batch is taken whole or refused whole; a link shows what it is for, expires, is used
// once (also under concurrent accepts), and an address with an account joins without a second one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveUserContext } from '../../auth/resolve-context';
import { db } from '../../db';
import { requireOrg } from '../../context';
import { api } from '../../test/api-client';
import { addPerson, createTeam, type Person } from '../../test/coaching';
import { newTenant, randomIp, registerAndLogin, uniqueEmail, type Tenant } from '../../test/factories';
import { startWorker, type WorkerHandle } from '../../jobs/worker';
import { SmtpSink } from '../../test/smtp-sink';
import { issueInvites } from './create-invites';

/** An invite and its secret token, as the emailed link would carry it. */
async function invite(t: Tenant, lead: Person | null, rows: { email: string; teamId: string; role?: 'member' | 'manager' }[]) {
  const ctx = requireOrg(await resolveUserContext({ userId: lead?.userId ?? t.owner.userId, requestedOrganizationId: t.organizationId, requestId: 'test' }));
  return db.$transaction((tx) => issueInvites(tx, ctx, rows.map((r) => ({ role: 'member' as const, ...r }))));
}

const publicHeaders = () => ({ 'x-pitchcraft-peer': randomIp() });
const account = { firstName: 'Grace', lastName: 'Hopper', password: 'compiler 1952 rocks' };

describe('sending invites', () => {
  let t: Tenant;
  let lead: Person, rep: Person;
  let teamId: string, otherTeamId: string;
  beforeAll(async () => {
    t = await newTenant('inv-send');
    lead = await addPerson(t, 'inv-lead', { role: 'manager' });
    teamId = (await createTeam(lead.headers, 'Inviters')).id;
    otherTeamId = (await createTeam(t.orgHeaders, 'Not theirs', [])).id;
    rep = await addPerson(t, 'inv-rep', { teamId });
  });

  it('creates one invite per row, emailed addresses normalized, answered 201 without any token', async () => {
    const res = await api('POST', '/invites', { headers: lead.headers, json: [{ email: ' New.Rep@Example.TEST ', teamId }, { email: 'coach@example.test', teamId, role: 'manager' }] });
    expect(res.status).toBe(201);
    expect(res.body).toEqual([
      expect.objectContaining({ email: 'new.rep@example.test', teamId, teamName: 'Inviters', role: 'member', status: 'pending' }),
      expect.objectContaining({ email: 'coach@example.test', role: 'manager' }),
    ]);
    const days = (Date.parse(res.body[0].expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThanOrEqual(7);
    expect(res.text).not.toMatch(/inv_/);
  });

  it('refuses the whole batch when one row is bad, naming the row; nothing is created', async () => {
    const before = await db.invite.count({ where: { organizationId: t.organizationId } });
    const cases: [unknown, string[]][] = [
      [[{ email: 'ok@example.test', teamId }, { email: 'not-an-email', teamId }], ['1.email']],
      [[{ email: 'ok@example.test', teamId }, { email: 'x@example.test', teamId: '00000000-0000-4000-8000-000000000000' }], ['1.teamId']],
      [[{ email: 'dup@example.test', teamId }, { email: 'DUP@example.test', teamId }], ['1.email']],
      [[{ email: 'ok@example.test', teamId }, { email: rep.email, teamId }], ['1.email']],
      [[{ email: 'ok@example.test', teamId, role: 'owner' }], ['0.role']],
      [[{ email: 'ok@example.test', teamId, admin: true }], ['0.admin']],
      [[], ['(root)']],
    ];
    for (const [json, paths] of cases) {
      const res = await api('POST', '/invites', { headers: lead.headers, json });
      expect(res.status, JSON.stringify(json)).toBe(422);
      expect(res.body.errors.map((e: { path: string }) => e.path), JSON.stringify(json)).toEqual(paths);
    }
    const alreadyOn = await api('POST', '/invites', { headers: lead.headers, json: [{ email: rep.email, teamId }] });
    expect(alreadyOn.body.errors[0].message).toBe('is already on the team “Inviters”');
    // A team the caller does not lead: 403 for the whole batch.
    const notLed = await api('POST', '/invites', { headers: lead.headers, json: [{ email: 'ok@example.test', teamId }, { email: 'ok2@example.test', teamId: otherTeamId }] });
    expect(notLed.status).toBe(403);
    expect((await api('POST', '/invites', { headers: rep.headers, json: [{ email: 'ok@example.test', teamId }] })).status).toBe(403);
    expect(await db.invite.count({ where: { organizationId: t.organizationId } })).toBe(before);
  });

  it('inviting the same address again renews the invite: the old link stops working', async () => {
    const [first] = await invite(t, lead, [{ email: 'again@example.test', teamId }]);
    const [second] = await invite(t, lead, [{ email: 'again@example.test', teamId }]);
    expect((await api('GET', `/invites/${first!.token}`, { headers: publicHeaders() })).status).toBe(410);
    expect((await api('GET', `/invites/${second!.token}`, { headers: publicHeaders() })).status).toBe(200);
    const pending = await api('GET', `/invites?teamId=${teamId}`, { headers: lead.headers });
    expect(pending.body.results.filter((i: { email: string }) => i.email === 'again@example.test')).toHaveLength(1);
  });

  it('a manager copies an invite’s link (the emailed one) and sends it again (a fresh link, the old one stops working)', async () => {
    const [made] = await invite(t, lead, [{ email: 'copy.me@example.test', teamId }]);
    const link = await api('GET', `/invites/${made!.invite.id}/link`, { headers: lead.headers });
    expect(link.status).toBe(200);
    expect(link.body).toMatchObject({ url: expect.stringMatching(new RegExp(`/invite/${made!.token}$`)), renewed: false, expiresAt: made!.invite.expiresAt });
    // Copying again gives the same link; someone who does not lead the team, another organization: not found.
    expect((await api('GET', `/invites/${made!.invite.id}/link`, { headers: lead.headers })).body.url).toBe(link.body.url);
    expect((await api('GET', `/invites/${made!.invite.id}/link`, { headers: rep.headers })).status).toBe(404);
    const intruder = await newTenant('inv-link-intruder');
    expect((await api('GET', `/invites/${made!.invite.id}/link`, { headers: intruder.orgHeaders })).status).toBe(404);
    expect((await api('POST', `/invites/${made!.invite.id}/resend`, { headers: intruder.keyHeaders })).status).toBe(404);

    const mails = () => db.emailMessage.count({ where: { to: 'copy.me@example.test' } });
    const before = await mails();
    const resent = await api('POST', `/invites/${made!.invite.id}/resend`, { headers: lead.headers });
    expect(resent.status).toBe(200);
    expect(resent.body).toMatchObject({ id: made!.invite.id, status: 'pending' });
    expect(await mails()).toBe(before + 1);
    // The old secret names nothing any more.
    expect((await api('GET', `/invites/${made!.token}`, { headers: publicHeaders() })).status).toBe(404);
    const fresh = await api('GET', `/invites/${made!.invite.id}/link`, { headers: lead.headers });
    expect(fresh.body.url).not.toBe(link.body.url);
    expect((await api('GET', `/invites/${fresh.body.url.split('/invite/')[1]}`, { headers: publicHeaders() })).status).toBe(200);

    // An expired invite has no link to copy (409); sending it again renews it.
    await db.invite.update({ where: { id: made!.invite.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await api('GET', `/invites/${made!.invite.id}/link`, { headers: lead.headers })).status).toBe(409);
    expect((await api('POST', `/invites/${made!.invite.id}/resend`, { headers: lead.headers })).body.status).toBe('pending');
    // An invite made before links were kept gets a new one, said so.
    await db.invite.update({ where: { id: made!.invite.id }, data: { tokenSealed: null } });
    expect((await api('GET', `/invites/${made!.invite.id}/link`, { headers: lead.headers })).body.renewed).toBe(true);
  });

  it('lists pending and expired invites of the teams the caller leads; revokes one', async () => {
    const [expired] = await invite(t, null, [{ email: 'late@example.test', teamId }]);
    await db.invite.update({ where: { id: expired!.invite.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await invite(t, null, [{ email: 'elsewhere@example.test', teamId: otherTeamId }]);

    const mine = await api('GET', '/invites?ordering=email', { headers: lead.headers });
    const emails = mine.body.results.map((i: { email: string }) => i.email);
    expect(emails).toEqual([...emails].sort());
    expect(emails).not.toContain('elsewhere@example.test');
    expect(mine.body.results.find((i: { email: string }) => i.email === 'late@example.test').status).toBe('expired');
    expect((await api('GET', '/invites?status=expired', { headers: lead.headers })).body.results.map((i: { email: string }) => i.email)).toEqual(['late@example.test']);
    expect((await api('GET', '/invites?status=maybe', { headers: lead.headers })).status).toBe(422);
    expect((await api('GET', '/invites', { headers: t.orgHeaders })).body.results.map((i: { email: string }) => i.email)).toContain('elsewhere@example.test');

    const target = mine.body.results.find((i: { email: string }) => i.email === 'new.rep@example.test');
    expect((await api('DELETE', `/invites/${target.id}`, { headers: rep.headers })).status).toBe(404);
    expect((await api('DELETE', `/invites/${target.id}`, { headers: lead.headers })).status).toBe(204);
    expect((await api('DELETE', `/invites/${target.id}`, { headers: lead.headers })).status).toBe(404);
    const elsewhere = (await api('GET', '/invites', { headers: t.orgHeaders })).body.results.find((i: { email: string }) => i.email === 'elsewhere@example.test');
    expect((await api('DELETE', `/invites/${elsewhere.id}`, { headers: lead.headers })).status).toBe(404);

    const intruder = await newTenant('inv-intruder');
    expect((await api('DELETE', `/invites/${elsewhere.id}`, { headers: intruder.orgHeaders })).status).toBe(404);
    expect((await api('DELETE', `/invites/${elsewhere.id}`, { headers: intruder.keyHeaders })).status).toBe(404);
    expect((await api('GET', '/invites', { headers: intruder.orgHeaders })).body.count).toBe(0);
  });
});

describe('following an invite link', () => {
  let t: Tenant;
  let teamId: string;
  beforeAll(async () => {
    t = await newTenant('inv-accept');
    teamId = (await createTeam(t.orgHeaders, 'Joiners')).id;
  });

  it('shows what the link is for; unknown is 404, expired and withdrawn are 410', async () => {
    const email = uniqueEmail('preview');
    const [issued] = await invite(t, null, [{ email, teamId, role: 'manager' }]);
    const res = await api('GET', `/invites/${issued!.token}`, { headers: publicHeaders() });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ email, teamName: 'Joiners', organizationName: 'Org inv-accept', role: 'manager', expiresAt: issued!.invite.expiresAt, existingAccount: false, suggestedName: null });

    expect((await api('GET', '/invites/inv_abcdefghijklmnopqrstuvwxyz012345', { headers: publicHeaders() })).status).toBe(404);
    expect((await api('GET', '/invites/nonsense', { headers: publicHeaders() })).status).toBe(404);
    expect((await api('GET', `/invites/${issued!.invite.id}`, { headers: publicHeaders() })).status).toBe(404);

    await db.invite.update({ where: { id: issued!.invite.id }, data: { expiresAt: new Date(Date.now() - 60_000) } });
    const expired = await api('GET', `/invites/${issued!.token}`, { headers: publicHeaders() });
    expect(expired.status).toBe(410);
    expect(expired.body).toMatchObject({ code: 'gone', detail: expect.stringMatching(/^This invite expired on /) });
    const accept = await api('POST', `/invites/${issued!.token}/accept`, { headers: publicHeaders(), json: account });
    expect(accept.status).toBe(410);
    expect(await db.user.count({ where: { email } })).toBe(0);

    const [withdrawn] = await invite(t, null, [{ email: uniqueEmail('withdrawn'), teamId }]);
    await api('DELETE', `/invites/${withdrawn!.invite.id}`, { headers: t.orgHeaders });
    expect((await api('GET', `/invites/${withdrawn!.token}`, { headers: publicHeaders() })).body.detail).toMatch(/withdrawn/);
  });

  it('a new person signs up with it: account, organization membership and team, then the link is spent', async () => {
    const email = uniqueEmail('newcomer');
    const [issued] = await invite(t, null, [{ email, teamId }]);
    const bad = await api('POST', `/invites/${issued!.token}/accept`, { headers: publicHeaders(), json: { firstName: '', lastName: 'x', password: 'short', email: 'other@example.test' } });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['email', 'firstName', 'password']);

    const res = await api('POST', `/invites/${issued!.token}/accept`, { headers: publicHeaders(), json: account });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ organizationId: t.organizationId, team: { id: teamId, name: 'Joiners' }, user: { email, firstName: 'Grace' }, createdAccount: true });
    const token = await api('POST', '/auth/token', { headers: publicHeaders(), json: { email, password: account.password } });
    expect(token.status).toBe(200);
    const me = await api('GET', '/me', { headers: { authorization: `Bearer ${token.body.access}` } });
    expect(me.body).toMatchObject({ activeOrganization: { id: t.organizationId }, organizations: [{ id: t.organizationId, role: 'member' }], teams: [{ id: teamId, role: 'member' }] });

    const again = await api('POST', `/invites/${issued!.token}/accept`, { headers: publicHeaders(), json: account });
    expect(again.status).toBe(410);
    expect(again.body.detail).toMatch(/already been used/);
    expect((await api('GET', `/invites/${issued!.token}`, { headers: publicHeaders() })).status).toBe(410);
  });

  it('two concurrent accepts of one invite: exactly one wins, one account', async () => {
    const email = uniqueEmail('race');
    const [issued] = await invite(t, null, [{ email, teamId }]);
    const results = await Promise.all([0, 1, 2].map(() => api('POST', `/invites/${issued!.token}/accept`, { headers: publicHeaders(), json: account })));
    // The losers read "already used" (410), or "an account exists" (409) when the winner committed before they looked.
    const statuses = results.map((r) => r.status).sort();
    expect(statuses[0]).toBe(200);
    expect(statuses.slice(1).map((s) => (s === 409 || s === 410 ? 'refused' : s))).toEqual(['refused', 'refused']);
    expect(await db.user.count({ where: { email } })).toBe(1);
    expect(await db.teamMember.count({ where: { teamId, membership: { user: { email } } } })).toBe(1);
  });

  it('an address that has an account signs in to accept: no second account; a manager invite makes them a team manager', async () => {
    const existing = await registerAndLogin('has-account');
    const [issued] = await invite(t, null, [{ email: existing.email, teamId, role: 'manager' }]);
    expect((await api('GET', `/invites/${issued!.token}`, { headers: publicHeaders() })).body.existingAccount).toBe(true);
    const signUp = await api('POST', `/invites/${issued!.token}/accept`, { headers: publicHeaders(), json: account });
    expect(signUp.status).toBe(409);
    expect(signUp.body.detail).toBe(`An account for ${existing.email} already exists: sign in to accept the invite`);

    // Signed in as someone else: refused, and the invite still works afterwards.
    const someoneElse = await registerAndLogin('someone-else');
    const wrong = await api('POST', `/invites/${issued!.token}/accept`, { headers: someoneElse.bearer });
    expect(wrong.status).toBe(403);
    expect(wrong.body.detail).toMatch(/sent to/);

    const ok = await api('POST', `/invites/${issued!.token}/accept`, { headers: existing.bearer });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ createdAccount: false, user: { id: existing.userId } });
    expect(await db.user.count({ where: { email: existing.email } })).toBe(1);
    expect(await db.membership.findFirst({ where: { userId: existing.userId, organizationId: t.organizationId } })).toMatchObject({ role: 'manager' });
    expect(await db.teamMember.findFirst({ where: { userId: existing.userId, teamId } })).toMatchObject({ role: 'manager' });
    // An API key is not a person.
    const [forKey] = await invite(t, null, [{ email: uniqueEmail('key'), teamId }]);
    expect((await api('POST', `/invites/${forKey!.token}/accept`, { headers: t.keyHeaders })).status).toBe(403);
  });

  it('an existing member of the organization joins the team and keeps their organization role', async () => {
    const admin = await addPerson(t, 'inv-admin', { role: 'admin' });
    const [issued] = await invite(t, null, [{ email: admin.email, teamId, role: 'member' }]);
    const res = await api('POST', `/invites/${issued!.token}/accept`, { headers: admin.bearer });
    expect(res.status).toBe(200);
    expect(await db.membership.findFirst({ where: { userId: admin.userId, organizationId: t.organizationId } })).toMatchObject({ role: 'admin' });
    expect(await db.membership.count({ where: { userId: admin.userId } })).toBe(1);
    expect(await db.user.count({ where: { email: admin.email } })).toBe(1);
  });
});

describe('invite emails', () => {
  const sink = new SmtpSink();
  let worker: WorkerHandle;
  beforeAll(async () => {
    await sink.start();
    process.env.SMTP_URL = sink.url;
    worker = await startWorker({ queues: ['mail.send'] });
  });
  afterAll(async () => {
    await worker.stop();
    delete process.env.SMTP_URL;
    await sink.stop();
  });

  it('each invite is emailed over SMTP with its own link, which opens the invite and joins the team', async () => {
    const t = await newTenant('inv-mail');
    const lead = await addPerson(t, 'inv-mail-lead', { role: 'manager' });
    const team = await createTeam(lead.headers, 'Mailers');
    const [a, b] = [uniqueEmail('mail-a'), uniqueEmail('mail-b')];
    const res = await api('POST', '/invites', { headers: lead.headers, json: [{ email: a, teamId: team.id }, { email: b, teamId: team.id, role: 'manager' }] });
    expect(res.status).toBe(201);
    await sink.waitFor(() => sink.to(a).length === 1 && sink.to(b).length === 1);

    const mail = sink.to(b)[0]!;
    expect(mail.subject).toBe('Join Mailers at Org inv-mail on Pitchcraft');
    expect(mail.text).toContain('Ada inv-mail-lead invites you to join Mailers');
    expect(mail.text).toContain('as a manager');
    const link = mail.text!.match(/https?:\/\/\S+\/invite\/(inv_[A-Za-z0-9_-]+)/);
    expect(link).not.toBeNull();
    const token = link![1]!;
    // Two addresses, two different links.
    expect(sink.to(a)[0]!.text).not.toContain(token);

    expect((await api('GET', `/invites/${token}`, { headers: publicHeaders() })).body).toMatchObject({ email: b, teamName: 'Mailers', role: 'manager' });
    const joined = await api('POST', `/invites/${token}/accept`, { headers: publicHeaders(), json: account });
    expect(joined.status).toBe(200);
    expect(await db.teamMember.findFirst({ where: { teamId: team.id, membership: { user: { email: b } } } })).toMatchObject({ role: 'manager' });
  });

  it('a refused batch sends nothing', async () => {
    const t = await newTenant('inv-mail-refused');
    const team = await createTeam(t.orgHeaders, 'Quiet');
    const good = uniqueEmail('never-sent');
    const res = await api('POST', '/invites', { headers: t.orgHeaders, json: [{ email: good, teamId: team.id }, { email: 'broken', teamId: team.id }] });
    expect(res.status).toBe(422);
    expect(await db.emailMessage.count({ where: { to: good } })).toBe(0);
  });
});
