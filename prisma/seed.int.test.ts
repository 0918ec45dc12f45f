// The demo data: seeding twice changes nothing the second time, and Demo Motors shows the product through the same
// domain functions the app uses (members in several roles, keys with one revoked, a month of security log).
import { describe, expect, it, inject } from 'vitest';
import { resolveUserContext } from '../server/auth/resolve-context';
import { listApiKeys } from '../server/domain/api-keys/manage-api-keys';
import { listAuditEvents } from '../server/domain/audit/list-audit-events';
import { listMembers } from '../server/domain/organizations/manage-members';
import { getCall } from '../server/domain/calls/get-call';
import { countCalls } from '../server/domain/calls/list-calls';
import { listDealers } from '../server/domain/dealers/list-dealers';
import { getStatistics } from '../server/domain/statistics/get-statistics';
import { verifyCredentials } from '../server/domain/identity/authenticate';
import { db } from '../server/db';
import { DEMO_LOGIN, SECTIONS, seed } from './seed';

describe('demo seed', () => {
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
    expect((await listApiKeys({ ctx, page: { limit: 50, offset: 0 } })).results.map((k) => k.name)).toEqual(['Monthly reporting export', 'Power dialer', 'CRM sync']);
    const log = await listAuditEvents({ ctx, page: { limit: 200, offset: 0 } });
    expect(new Set(log.results.map((e) => e.type))).toEqual(new Set(['organization.created', 'member.role_changed', 'member.removed', 'api_key.created', 'api_key.revoked', 'login.succeeded']));
    // Newest first, and the newest is recent: the demo looks in use today.
    expect(Date.now() - new Date(log.results[0]!.createdAt).getTime()).toBeLessThan(6 * 3_600_000);

    // Live calls: the team takes them, two months of calls that ended every way, and leads.
    expect(await db.call.count({ where: { organizationId } })).toBe(320);
    expect((await countCalls({ ctx, filters: { status: ['completed'] } })).count).toBeGreaterThan(100);
    for (const status of ['missed', 'expired'] as const) expect((await countCalls({ ctx, filters: { status: [status] } })).count, status).toBeGreaterThan(10);
    expect(await db.lead.count({ where: { organizationId } })).toBeGreaterThan(50);
    // Recorded calls: the newest completed ones were recorded by their dealers and scored, shown on the call page.
    const recorded = await db.practiceSession.findMany({ where: { organizationId, callId: { not: null } }, include: { call: true } });
    expect(recorded).toHaveLength(12);
    expect(recorded.every((s) => s.score !== null && s.call?.status === 'completed' && s.call.dealerId === s.userId)).toBe(true);
    expect((await getCall({ ctx, id: recorded[0]!.callId! })).session).toEqual({ id: recorded[0]!.id, score: recorded[0]!.score, transcriptStatus: 'ready' });
    // Honest presence: nobody is online without pinging, and no call waits or runs without the job that ends it.
    expect((await countCalls({ ctx, filters: { status: ['requested', 'active'] } })).count).toBe(0);
    const dealers = await listDealers({ ctx, page: { limit: 50, offset: 0 } });
    expect(dealers.results.map((d) => d.accountStatus)).toEqual(dealers.results.map(() => 'offline'));
    expect(dealers.results.filter((d) => d.status === 'inactive').map((d) => d.lastName)).toEqual(['Raman']);
    expect(await db.dealer.count({ where: { organizationId, OR: [{ presence: 'online' }, { pingCheckAt: { not: null } }] } })).toBe(0);

    // A teammate signs in with the demo password, as the README says.
    const admin = members.find((m) => m.role === 'admin')!;
    expect(await verifyCredentials({ login: admin.email, password: DEMO_LOGIN.password, ip: '192.0.2.1' })).toMatchObject({ email: admin.email });
  });

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
});
