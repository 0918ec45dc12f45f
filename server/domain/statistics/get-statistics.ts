// Counts of what an organization holds, optionally restricted to things created in a date range. SECURITY: each count
// covers only what the caller may read over REST — the same rules as the lists (members:read, apiKeys:read, leads:read;
// calls by listableCallsWhere; sessions by the session scope) — and is null where the caller may read none of it.
import { z } from 'zod';
import { db } from '../../db';
import { requirePermission, type Ctx } from '../../context';
import { listableCallsWhere } from '../calls/call-access';
import { dateRangeInput, dateWhere } from '../shared/date-range';
import { visibleSessionsWhere } from '../sessions/session.scope';

const hidden = (what: string) => `${what}; null when the caller may not read them`;

export const statisticsDto = z
  .object({
    members: z.number().int().nullable().meta({ description: hidden('Members of the organization (members:read)') }),
    apiKeys: z.object({ total: z.number().int(), active: z.number().int() }).nullable().meta({ description: hidden('API keys created in the range (apiKeys:read)') }),
    calls: z
      .object({ total: z.number().int(), requested: z.number().int(), active: z.number().int(), completed: z.number().int(), missed: z.number().int(), expired: z.number().int(), cancelled: z.number().int() })
      .nullable()
      .meta({ description: hidden('Live calls asked for in the range, by status: every call with calls:read, a dealer’s own with calls:answer') }),
    leads: z.object({ total: z.number().int() }).nullable().meta({ description: hidden('Leads left in the range (leads:read)') }),
    sessions: z
      .object({
        total: z.number().int(),
        scored: z.number().int().meta({ description: 'Sessions with words, so with a score' }),
        averageScore: z.number().nullable().meta({ description: 'Average of the scored sessions, one decimal; null without any' }),
      })
      .meta({ description: 'Practice sessions the caller may see (their own, their teams\', or all for admins), recorded in the range' }),
    contacts: z.number().int().nullable().meta({ description: 'Contacts added in the range; null without contacts:read' }),
    groups: z.number().int().nullable().meta({ description: 'Contact groups created in the range; null without contacts:read' }),
    transmissionsTotal: z.number().int().nullable().meta({ description: 'Transmissions created in the range, both directions; null without transmissions:read' }),
    transmissionsActive: z.number().int().nullable().meta({ description: 'Of those, the ones waiting to be sent or being delivered (pending, processing); null without transmissions:read' }),
    spoolsTotal: z.number().int().nullable().meta({ description: 'Delivery attempts started in the range; null without transmissions:read' }),
    spoolsSuccess: z.number().int().nullable().meta({ description: 'Of those, the ones a gateway accepted (completed)' }),
    spoolsFailed: z.number().int().nullable().meta({ description: 'Of those, the ones that failed' }),
    campaignsTotal: z.number().int().nullable().meta({ description: 'Campaigns created in the range; null without campaigns:read' }),
    campaignsActive: z.number().int().nullable().meta({ description: 'Of those, the ones running or scheduled to start; null without campaigns:read' }),
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
  const may = (permission: Parameters<typeof ctx.permissions.has>[0]) => ctx.permissions.has(permission);
  const callsWhere = listableCallsWhere(ctx);
  const transmissions = may('transmissions:read');
  const [members, keysTotal, keysActive, callsByStatus, leads, sessions, contacts, groups, txByStatus, spoolsByStatus, campaignsByStatus] = await Promise.all([
    may('members:read') ? db.membership.count({ where: org }) : null,
    may('apiKeys:read') ? db.apiKey.count({ where: org }) : null,
    may('apiKeys:read') ? db.apiKey.count({ where: { ...org, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] } }) : null,
    callsWhere ? db.call.groupBy({ by: ['status'], where: { ...callsWhere, ...(createdAt && { createdAt }) }, _count: { _all: true } }) : null,
    may('leads:read') ? db.lead.count({ where: org }) : null,
    db.practiceSession.aggregate({ where: sessionsWhere, _count: { _all: true, score: true }, _avg: { score: true } }),
    may('contacts:read') ? db.contact.count({ where: org }) : null,
    may('contacts:read') ? db.contactGroup.count({ where: org }) : null,
    transmissions ? db.transmission.groupBy({ by: ['status'], where: org, _count: { _all: true } }) : null,
    transmissions ? db.spool.groupBy({ by: ['status'], where: { organizationId: ctx.organizationId, ...(createdAt && { startedAt: createdAt }) }, _count: { _all: true } }) : null,
    may('campaigns:read') ? db.campaign.groupBy({ by: ['status'], where: org, _count: { _all: true } }) : null,
  ]);
  const countOf = <S extends string>(groups: Array<{ status: S; _count: { _all: number } }> | null, statuses?: S[]) =>
    groups === null ? null : groups.filter((g) => !statuses || statuses.includes(g.status)).reduce((n, g) => n + g._count._all, 0);
  let calls: { total: number; requested: number; active: number; completed: number; missed: number; expired: number; cancelled: number } | null = null;
  if (callsByStatus) {
    calls = { total: 0, requested: 0, active: 0, completed: 0, missed: 0, expired: 0, cancelled: 0 };
    for (const g of callsByStatus) {
      calls[g.status] = g._count._all;
      calls.total += g._count._all;
    }
  }
  return {
    members,
    apiKeys: keysTotal === null || keysActive === null ? null : { total: keysTotal, active: keysActive },
    calls,
    leads: leads === null ? null : { total: leads },
    sessions: {
      total: sessions._count._all,
      scored: sessions._count.score,
      averageScore: sessions._avg.score === null ? null : Math.round(sessions._avg.score * 10) / 10,
    },
    contacts,
    groups,
    transmissionsTotal: countOf(txByStatus),
    transmissionsActive: countOf(txByStatus, ['pending', 'processing']),
    spoolsTotal: countOf(spoolsByStatus),
    spoolsSuccess: countOf(spoolsByStatus, ['completed']),
    spoolsFailed: countOf(spoolsByStatus, ['failed']),
    campaignsTotal: countOf(campaignsByStatus),
    campaignsActive: countOf(campaignsByStatus, ['running', 'scheduled']),
    range: { from: range.gte?.toISOString() ?? null, to: range.lte?.toISOString() ?? null },
  };
}
