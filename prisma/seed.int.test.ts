// The demo data: seeding twice changes nothing the second time, and Demo Motors shows the product through the same
// domain functions the app uses (members in several roles, keys with one revoked, a month of security log, calls in
// every state — the live ones ended by their jobs, with short call timings set here).
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { resolveUserContext } from '../server/auth/resolve-context';
import { listApiKeys } from '../server/domain/api-keys/manage-api-keys';
import { listAuditEvents } from '../server/domain/audit/list-audit-events';
import { listMembers } from '../server/domain/organizations/manage-members';
import { getCall } from '../server/domain/calls/get-call';
import { countCalls } from '../server/domain/calls/list-calls';
import { listDealers } from '../server/domain/dealers/list-dealers';
import { getStatistics } from '../server/domain/statistics/get-statistics';
import { listRoles } from '../server/domain/roles/manage-roles';
import { listUsers } from '../server/domain/users/organization-users';
import { verifyCredentials } from '../server/domain/identity/authenticate';
import { db } from '../server/db';
import { stopJobBoss } from '../server/jobs/boss';
import { startWorker } from '../server/jobs/worker';
import { campaignSendRate, listCampaignDeliveries } from '../server/domain/campaigns/campaign-report';
import { listCampaigns } from '../server/domain/campaigns/manage-campaigns';
import { listConversations } from '../server/domain/conversations/manage-conversations';
import { listCustomers } from '../server/domain/external-users/customers';
import { DEMO_LOGIN, SECTIONS, seed } from './seed';
import { FOLLOW_UP_CAMPAIGN } from './seed/campaigns';
import { DEMO_SINK } from './seed/delivery';
import { sendTransmission } from '../server/domain/transmissions/send-transmission';
import { deliverSpool } from '../server/domain/transmissions/deliver-spool';

/** The demo's calls happening now (the history's newest is 50 minutes old), with the jobs queued for them. */
async function callsHappeningNow(organizationId: string) {
  const calls = await db.call.findMany({ where: { organizationId, createdAt: { gte: new Date(Date.now() - 10 * 60_000) } }, include: { events: { orderBy: { createdAt: 'asc' } } }, orderBy: { createdAt: 'asc' } });
  const jobs = await db.$queryRaw<{ name: string; key: string; start_after: Date }[]>`
    SELECT name, coalesce(data->>'callId', data->>'userId') AS key, start_after FROM pgboss.job
    WHERE (name = 'call.miss' AND data->>'callId' = ANY(${calls.map((c) => c.id)})) OR (name = 'dealer.check-pings' AND data->>'organizationId' = ${organizationId})`;
  return { calls, jobs };
}

describe('demo seed', () => {
  beforeAll(() => {
    process.env.CALL_MISSED_AFTER_SECONDS = '3';
    process.env.CALL_PING_TIMEOUT_SECONDS = '3';
  });
  afterAll(async () => {
    await stopJobBoss(1000);
    delete process.env.CALL_MISSED_AFTER_SECONDS;
    delete process.env.CALL_PING_TIMEOUT_SECONDS;
  });

  it('fills Demo Motors once, and every section is marked seeded', async () => {
    await seed(inject('databaseUrl'));
    const owner = await db.user.findUniqueOrThrow({ where: { email: DEMO_LOGIN.email } });
    const organizationId = owner.activeOrganizationId!;
    const eventsBefore = await db.auditEvent.count({ where: { organizationId } });
    await seed(inject('databaseUrl'));
    // Other test files add rows in parallel; the demo organization's own rows are what must not double.
    expect(await db.apiKey.count({ where: { organizationId } })).toBe(4);
    // The owner, the team section's four and the coaching section's two extra reps.
    expect(await db.membership.count({ where: { organizationId } })).toBe(7);
    expect(await db.auditEvent.count({ where: { organizationId } })).toBe(eventsBefore);

    const demo = { organizationId, people: {} };
    for (const section of SECTIONS) expect(await section.seeded(db, demo), section.name).toBe(true);

    const ctx = await resolveUserContext({ userId: owner.id, requestedOrganizationId: organizationId, requestId: 'seed-test', ip: null });
    const members = await listMembers({ ctx });
    expect(new Set(members.map((m) => m.role))).toEqual(new Set(['owner', 'admin', 'manager', 'member']));
    const stats = await getStatistics({ ctx, range: {} });
    expect(stats.apiKeys).toEqual({ total: 4, active: 3 });
    // The chat inbox: a customer's chat with two messages unread for the owner, newest first, and the team's group.
    const conversations = await listConversations({ ctx, page: { limit: 50, offset: 0 } });
    expect(conversations.results.map((c) => [c.type, c.unread])).toEqual([['chat', 2], ['group', 0]]);
    expect(conversations.results[0]!.participants.find((p) => p.external)).toMatchObject({ name: 'Dana’s iPhone' });
    // Customers: she got in through an emailed link that still works.
    const customers = await listCustomers({ ctx, page: { limit: 50, offset: 0 } });
    expect(customers.results.map((c) => [c.name, c.canGetIn, c.lastLink?.sentTo, c.lastLink?.uses])).toEqual([['Dana’s iPhone', true, 'dana.reyes@example.com', 1]]);
    expect((await listApiKeys({ ctx, page: { limit: 50, offset: 0 } })).results.map((k) => k.name)).toEqual(['Monthly reporting export', 'Power dialer', 'CRM sync']);
    const log = await listAuditEvents({ ctx, page: { limit: 200, offset: 0 } });
    expect(new Set(log.results.map((e) => e.type))).toEqual(
      new Set(['organization.created', 'member.role_changed', 'member.removed', 'api_key.created', 'api_key.revoked', 'login.succeeded', 'role.created', 'member.permission_granted']),
    );
    // Custom roles: the matrix and the users page have something to show, through the domain functions.
    expect((await listRoles({ ctx })).results.filter((r) => !r.builtIn).map((r) => [r.name, r.members])).toEqual([['Senior rep', 1], ['Trainer', 0]]);
    const users = await listUsers({ ctx, page: { limit: 50, offset: 0 } });
    expect(users.results.find((u) => u.firstName === 'Jordan')).toMatchObject({ role: { name: 'Senior rep', builtIn: false } });
    expect(users.results.find((u) => u.firstName === 'Sofía')).toMatchObject({ role: { id: 'member' }, permissions: ['leads:read'] });
    // Newest first, and the newest is recent: the demo looks in use today.
    expect(Date.now() - new Date(log.results[0]!.createdAt).getTime()).toBeLessThan(6 * 3_600_000);

    // Live calls: the team takes them, two months of calls that ended every way, and leads.
    expect(await db.call.count({ where: { organizationId } })).toBe(323);
    expect((await countCalls({ ctx, filters: { status: ['completed'] } })).count).toBeGreaterThan(100);
    for (const status of ['missed', 'expired'] as const) expect((await countCalls({ ctx, filters: { status: [status] } })).count, status).toBeGreaterThan(10);
    expect(await db.lead.count({ where: { organizationId } })).toBeGreaterThan(50);
    // Recorded calls: the newest completed ones were recorded by their dealers and scored, shown on the call page.
    const recorded = await db.practiceSession.findMany({ where: { organizationId, callId: { not: null } }, include: { call: true } });
    expect(recorded).toHaveLength(12);
    expect(recorded.every((s) => s.score !== null && s.call?.status === 'completed' && s.call.dealerId === s.userId)).toBe(true);
    expect((await getCall({ ctx, id: recorded[0]!.callId! })).session).toEqual({ id: recorded[0]!.id, score: recorded[0]!.score, transcriptStatus: 'ready' });
    // Outreach: contacts in three groups (and the missed-call follow-up's), one imported with two bad rows whose report shows, and a library in use.
    expect(stats).toMatchObject({ contacts: 300, groups: 4 });
    const imported = await db.contactImport.findFirstOrThrow({ where: { organizationId }, include: { errors: true } });
    expect(imported).toMatchObject({ status: 'completed', imported: 120, errorCount: 2 });
    expect(imported.errors.map((e) => e.line).sort()).toEqual([42, 97]);
    expect(await db.contactGroupMember.count({ where: { groupId: imported.groupId } })).toBe(120);
    expect(await db.program.count({ where: { organizationId } })).toBe(7);
    expect(await db.emailTemplate.count({ where: { organizationId, attachmentMediaId: { not: null } } })).toBe(1);

    // Calls happening now: two customers waiting and a call in progress with Sofía, each with the job that ends it
    // queued in the seed's transaction (the next test runs them).
    const now = await callsHappeningNow(organizationId);
    expect(now.calls.map((c) => c.events[0]!.type)).toEqual(['requested', 'requested', 'requested']);
    const [inProgress, ...waiting] = now.calls;
    expect(inProgress!.events.map((e) => e.type).slice(0, 2)).toEqual(['requested', 'accepted']);
    const sofia = (await db.user.findFirstOrThrow({ where: { firstName: 'Sofía' } })).id;
    expect(inProgress!.dealerId).toBe(sofia);
    for (const call of waiting) {
      expect(call.dealerId).toBeNull();
      const job = now.jobs.find((j) => j.name === 'call.miss' && j.key === call.id);
      expect(job?.start_after.getTime(), 'missed timer').toBe(call.createdAt.getTime() + 3000);
    }
    expect(now.jobs.filter((j) => j.name === 'dealer.check-pings').map((j) => j.key)).toEqual([sofia]);
    const dealers = await listDealers({ ctx, page: { limit: 50, offset: 0 } });
    // Sofía alone may be online (her heartbeat check may already have run in another file's worker).
    expect(['Sofía']).toEqual(expect.arrayContaining(dealers.results.filter((d) => d.accountStatus === 'online').map((d) => d.firstName)));
    expect(dealers.results.filter((d) => d.status === 'inactive').map((d) => d.lastName)).toEqual(['Raman']);
    // Nobody is online without a heartbeat check queued to take them offline when their pings stop.
    expect(await db.dealer.count({ where: { organizationId, presence: 'online', pingCheckAt: null } })).toBe(0);

    // A teammate signs in with the demo password, as the README says.
    const admin = members.find((m) => m.role === 'admin')!;
    expect(await verifyCredentials({ login: admin.email, password: DEMO_LOGIN.password, ip: '192.0.2.1' })).toMatchObject({ email: admin.email });
  }, 90_000);

  it('gives Demo Motors a coaching team whose dashboard has something to show: weeks of sessions scored by the engine, some recorded', async () => {
    await seed(inject('databaseUrl'));
    const owner = await db.user.findUniqueOrThrow({ where: { email: DEMO_LOGIN.email } });
    const organizationId = owner.activeOrganizationId!;
    const team = await db.team.findFirstOrThrow({ where: { organizationId }, include: { members: { include: { membership: { include: { user: true } } } } } });
    expect(team.members.filter((m) => m.role === 'manager').map((m) => m.membership.user.firstName)).toEqual(['Marcus']);
    expect(team.members.filter((m) => m.role === 'member')).toHaveLength(4);

    const sessions = await db.practiceSession.findMany({ where: { organizationId }, select: { userId: true, score: true, recordedAt: true, analysis: true, audioMediaId: true } });
    expect(sessions.length).toBeGreaterThan(30);
    expect(sessions.every((s) => s.score !== null && (s.analysis as { final: number }).final === s.score)).toBe(true);
    const days = (Math.max(...sessions.map((s) => s.recordedAt.getTime())) - Math.min(...sessions.map((s) => s.recordedAt.getTime()))) / 86_400_000;
    expect(days).toBeGreaterThan(20);
    // Scores spread out (the dashboard has something to rank) and some fillers were said.
    const scores = sessions.map((s) => s.score!);
    expect(Math.max(...scores) - Math.min(...scores)).toBeGreaterThan(20);
    expect(sessions.some((s) => (s.analysis as { fillers: { total: number } }).fillers.total > 0)).toBe(true);
    // Some come with a recording: the player and the energy chart have something to show.
    const recorded = sessions.filter((s) => s.audioMediaId);
    expect(recorded.length).toBeGreaterThanOrEqual(4);
    expect(recorded.every((s) => (s.analysis as { energy: unknown }).energy !== null)).toBe(true);
    const media = await db.media.findUniqueOrThrow({ where: { id: recorded[0]!.audioMediaId! }, include: { chunks: true } });
    expect(media).toMatchObject({ status: 'ready', kind: 'audio', contentType: 'audio/wav' });
    expect(media.chunks.reduce((n, c) => n + c.bytes.length, 0)).toBe(media.size);
    expect(await db.module.count({ where: { organizationId } })).toBeGreaterThanOrEqual(4);
  });

  it('gives Demo Motors campaigns to look at: a finished one whose counts reconcile with its report and chart, a scheduled one with its job, a running continuous follow-up', async () => {
    await seed(inject('databaseUrl'));
    const owner = await db.user.findUniqueOrThrow({ where: { email: DEMO_LOGIN.email } });
    const organizationId = owner.activeOrganizationId!;
    const ctx = await resolveUserContext({ userId: owner.id, requestedOrganizationId: organizationId, requestId: 'seed-test', ip: null });
    const { results } = await listCampaigns({ ctx, page: { limit: 10, offset: 0 } });
    const byName = Object.fromEntries(results.map((c) => [c.name, c]));
    const finished = byName['Spring offer — March']!;
    expect(finished).toMatchObject({ status: 'completed', progress: 1, cpm: 30, group: { size: 120 } });
    expect(finished.counts).toMatchObject({ total: 120, pending: 0, processing: 0 });
    expect(finished.counts.sent + finished.counts.failed + finished.counts.invalid).toBe(120);
    expect(finished.counts.failed).toBeGreaterThan(0);
    expect(finished.counts.invalid).toBeGreaterThan(0);
    const report = await listCampaignDeliveries({ ctx, id: finished.id, page: { limit: 200, offset: 0 } });
    expect(report.results.filter((t) => t.spools.length === 2).length).toBeGreaterThan(2);
    const rate = await campaignSendRate({ ctx, id: finished.id });
    // At 30 a minute the whole minutes of sending hold 30 attempts each.
    expect(rate.points.length).toBeGreaterThanOrEqual(4);
    expect(Math.max(...rate.points.map((p) => p.sent + p.failed))).toBe(30);
    expect(byName['Lease renewal reminders']).toMatchObject({ status: 'scheduled', schedules: [{ action: 'start' }] });
    const scheduleId = byName['Lease renewal reminders']!.schedules[0]!.id;
    expect(await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM pgboss.job WHERE name = 'campaigns.fire' AND data->>'scheduleId' = ${scheduleId}`).toEqual([{ n: 1n }]);
    expect(byName[FOLLOW_UP_CAMPAIGN]).toMatchObject({ status: 'running', continuous: true, counts: { total: 3, sent: 3 } });
    expect((await db.organization.findUniqueOrThrow({ where: { id: organizationId } })).followUpCampaignId).toBe(byName[FOLLOW_UP_CAMPAIGN]!.id);

    // What the campaigns delivered went through the built-in sink: the spring emails are in the development mailbox,
    // the follow-up texts in the sink, each attempt with its message id and the sink's receipt.
    const sink = await db.provider.findFirstOrThrow({ where: { organizationId, type: 'sink' } });
    expect(sink).toMatchObject({ name: DEMO_SINK, active: true, serviceFlags: ['sms', 'email', 'voice', 'fax'] });
    for (const name of ['Spring offer — March', FOLLOW_UP_CAMPAIGN]) {
      const delivered = await db.spool.findMany({ where: { status: 'completed', transmission: { campaignId: byName[name]!.id } } });
      expect(delivered.length, name).toBe(byName[name]!.counts.sent);
      expect(delivered.every((d) => d.providerId === sink.id && d.deliveryStatus === 'delivered'), name).toBe(true);
      const kept = await db.sinkMessage.findMany({ where: { spoolId: { in: delivered.map((d) => d.id) } } });
      expect(new Map(kept.map((k) => [k.spoolId, k.id])), name).toEqual(new Map(delivered.map((d) => [d.id, d.providerMessageId])));
    }
    const springMail = await db.sinkMessage.findMany({ where: { organizationId, service: 'email', spoolId: { in: (await db.spool.findMany({ where: { transmission: { campaignId: finished.id } } })).map((x) => x.id) } }, include: { emailMessage: true } });
    expect(springMail.length).toBe(finished.counts.sent);
    expect(springMail.every((m) => m.emailMessage?.transport === 'sink' && m.emailMessage.subject.endsWith('your spring check-up is on us'))).toBe(true);
    expect(await db.sinkMessage.count({ where: { organizationId, service: 'sms', text: { startsWith: 'Hi ' } } })).toBeGreaterThanOrEqual(3);
  });

  it('sends through the demo’s sink on first start: its active SMS and email provider, so a message sent now is delivered and readable', async () => {
    await seed(inject('databaseUrl'));
    const owner = await db.user.findUniqueOrThrow({ where: { email: DEMO_LOGIN.email } });
    const organizationId = owner.activeOrganizationId!;
    const ctx = await resolveUserContext({ userId: owner.id, requestedOrganizationId: organizationId, requestId: 'seed-test', ip: null });
    const active = await db.provider.findMany({ where: { organizationId, active: true } });
    expect(active.map((p) => p.type)).toEqual(['sink']);
    // The delivery section's two transmissions waiting to be sent: one SMS, one email.
    const waiting = await db.transmission.findMany({ where: { organizationId, status: 'pending', campaignId: null, direction: 'outbound', spools: { none: {} } }, include: { program: true } });
    const byType = Object.fromEntries(waiting.map((w) => [w.program!.type, w]));
    for (const type of ['sendsms', 'sendemail']) {
      const { spoolId } = await sendTransmission({ ctx, id: byType[type]!.id });
      // Delivered here, as the worker would (a worker of another test file may take the job first: then it is awaited).
      await deliverSpool(spoolId, { id: 'seed-test', retryCount: 0, retryLimit: 3, signal: new AbortController().signal });
      let spool = await db.spool.findUniqueOrThrow({ where: { id: spoolId } });
      for (const deadline = Date.now() + 30_000; spool.status === 'initiated' && Date.now() < deadline; ) {
        await new Promise((r) => setTimeout(r, 200));
        spool = await db.spool.findUniqueOrThrow({ where: { id: spoolId } });
      }
      expect(spool, type).toMatchObject({ status: 'completed', deliveryStatus: 'delivered' });
      const kept = await db.sinkMessage.findUniqueOrThrow({ where: { id: spool.providerMessageId! } });
      expect(kept.service).toBe(type === 'sendsms' ? 'sms' : 'email');
      if (type === 'sendemail') expect(await db.emailMessage.findUniqueOrThrow({ where: { id: kept.emailMessageId! } })).toMatchObject({ status: 'sent', transport: 'sink' });
    }
  });

  it('ends the demo’s live calls by their jobs, as the app would: the waiting ones missed, Sofía offline and her call expired', async () => {
    await seed(inject('databaseUrl'));
    const owner = await db.user.findUniqueOrThrow({ where: { email: DEMO_LOGIN.email } });
    const organizationId = owner.activeOrganizationId!;
    const worker = await startWorker({ queues: ['call.miss', 'dealer.check-pings'] });
    try {
      const deadline = Date.now() + 30_000;
      let now = await callsHappeningNow(organizationId);
      while (now.calls.some((c) => c.status === 'requested' || c.status === 'active') && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 250));
        now = await callsHappeningNow(organizationId);
      }
      expect(now.calls.map((c) => c.status)).toEqual(['expired', 'missed', 'missed']);
      expect(now.calls.map((c) => c.events.at(-1)!.actor)).toEqual(['system', 'system', 'system']);
      const sofia = await db.dealer.findFirstOrThrow({ where: { organizationId, userId: now.calls[0]!.dealerId! } });
      expect(sofia.presence).toBe('offline');
    } finally {
      await worker.stop();
    }
  });
});
