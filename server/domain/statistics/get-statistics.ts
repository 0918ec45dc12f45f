// Counts of what an organization holds, optionally restricted to things created in a date range.
import { z } from 'zod';
import { db } from '../../db';
import { requirePermission, type Ctx } from '../../context';
import { dateRangeInput, dateWhere } from '../shared/date-range';
import { visibleSessionsWhere } from '../sessions/session.scope';

export const statisticsDto = z
  .object({
    members: z.number().int(),
    apiKeys: z.object({ total: z.number().int(), active: z.number().int() }),
    calls: z
      .object({ total: z.number().int(), requested: z.number().int(), active: z.number().int(), completed: z.number().int(), missed: z.number().int(), expired: z.number().int(), cancelled: z.number().int() })
      .meta({ description: 'Live calls asked for in the range, by status' }),
    leads: z.object({ total: z.number().int() }).meta({ description: 'Leads left in the range' }),
    sessions: z
      .object({
        total: z.number().int(),
        scored: z.number().int().meta({ description: 'Sessions with words, so with a score' }),
        averageScore: z.number().nullable().meta({ description: 'Average of the scored sessions, one decimal; null without any' }),
      })
      .meta({ description: 'Practice sessions the caller may see (their own, their teams\', or all for admins), recorded in the range' }),
    range: z.object({ from: z.iso.datetime().nullable(), to: z.iso.datetime().nullable() }),
  })
  .meta({ id: 'Statistics' });

export async function getStatistics(opts: { ctx: Ctx; range: z.input<typeof dateRangeInput> }): Promise<z.infer<typeof statisticsDto>> {
  const ctx = requirePermission(opts.ctx, 'statistics:read');
  const range = dateRangeInput.parse(opts.range);
  const createdAt = dateWhere(range);
  const org = { organizationId: ctx.organizationId, ...(createdAt && { createdAt }) };
  const now = new Date();
  const sessionsWhere = { ...(await visibleSessionsWhere(ctx)), ...(createdAt && { recordedAt: createdAt }) };
  const [members, keysTotal, keysActive, callsByStatus, leads, sessions] = await Promise.all([
    db.membership.count({ where: org }),
    db.apiKey.count({ where: org }),
    db.apiKey.count({ where: { ...org, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] } }),
    db.call.groupBy({ by: ['status'], where: org, _count: { _all: true } }),
    db.lead.count({ where: org }),
    db.practiceSession.aggregate({ where: sessionsWhere, _count: { _all: true, score: true }, _avg: { score: true } }),
  ]);
  const calls = { total: 0, requested: 0, active: 0, completed: 0, missed: 0, expired: 0, cancelled: 0 };
  for (const g of callsByStatus) {
    calls[g.status] = g._count._all;
    calls.total += g._count._all;
  }
  return {
    members,
    apiKeys: { total: keysTotal, active: keysActive },
    calls,
    leads: { total: leads },
    sessions: {
      total: sessions._count._all,
      scored: sessions._count.score,
      averageScore: sessions._avg.score === null ? null : Math.round(sessions._avg.score * 10) / 10,
    },
    range: { from: range.gte?.toISOString() ?? null, to: range.lte?.toISOString() ?? null },
  };
}
