// The demo data: a team whose dashboard has something to show on first start, scored by the real engine, seeded once.
import { inject, describe, expect, it } from 'vitest';
import { db } from '../server/db';
import { DEMO_LOGIN, seed } from './seed';

describe('demo seed', () => {
  it('creates a team with a manager, reps with weeks of scored sessions, and products with ordered modules; twice changes nothing', async () => {
    await seed(inject('databaseUrl'));
    const owner = await db.user.findUniqueOrThrow({ where: { email: DEMO_LOGIN.email } });
    const organizationId = owner.activeOrganizationId!;
    const team = await db.team.findFirstOrThrow({ where: { organizationId }, include: { members: true } });
    expect(team.members.filter((m) => m.role === 'manager')).toHaveLength(1);
    expect(team.members.filter((m) => m.role === 'member').length).toBeGreaterThanOrEqual(3);

    const sessions = await db.practiceSession.findMany({ where: { organizationId }, select: { userId: true, score: true, recordedAt: true, analysis: true } });
    expect(sessions.length).toBeGreaterThan(30);
    expect(sessions.every((s) => s.score !== null && (s.analysis as { final: number }).final === s.score)).toBe(true);
    const days = (Math.max(...sessions.map((s) => s.recordedAt.getTime())) - Math.min(...sessions.map((s) => s.recordedAt.getTime()))) / 86_400_000;
    expect(days).toBeGreaterThan(20);
    // Scores spread out (the dashboard has something to rank) and some fillers were said.
    const scores = sessions.map((s) => s.score!);
    expect(Math.max(...scores) - Math.min(...scores)).toBeGreaterThan(20);
    expect(sessions.some((s) => (s.analysis as { fillers: { total: number } }).fillers.total > 0)).toBe(true);

    // Some come with a recording: the player and the energy chart have something to show.
    const recorded = await db.practiceSession.findMany({ where: { organizationId, audioMediaId: { not: null } }, select: { audioMediaId: true, analysis: true } });
    expect(recorded.length).toBeGreaterThanOrEqual(4);
    expect(recorded.every((s) => (s.analysis as { energy: unknown }).energy !== null)).toBe(true);
    const media = await db.media.findUniqueOrThrow({ where: { id: recorded[0]!.audioMediaId! }, include: { chunks: true } });
    expect(media).toMatchObject({ status: 'ready', kind: 'audio', contentType: 'audio/wav' });
    expect(media.chunks.reduce((n, c) => n + c.bytes.length, 0)).toBe(media.size);

    const modules = await db.module.findMany({ where: { organizationId }, orderBy: [{ productId: 'asc' }, { position: 'asc' }] });
    expect(modules.length).toBeGreaterThanOrEqual(4);

    const counts = async () => [await db.team.count({ where: { organizationId } }), await db.practiceSession.count({ where: { organizationId } }), await db.user.count({ where: { email: { endsWith: '@pitchcraft.dev' } } })];
    const before = await counts();
    await seed(inject('databaseUrl'));
    expect(await counts()).toEqual(before);
  });
});
