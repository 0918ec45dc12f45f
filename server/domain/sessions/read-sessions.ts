// Reading practice sessions within what the caller may see: one session, the filtered list, one person's history
// and the score trend behind the charts. Deleting goes through the same visibility: what you cannot see is not found.
import { requirePermission, type Ctx, type OrgCtx } from '../../context';
import { auditOthersSession } from './session-audit';
import { db } from '../../db';
import { notFound } from '../../errors';
import type { Prisma } from '../../generated/prisma/client';
import { mediaUrl } from '../identity/user.dto';
import { isUuid } from '../organizations/organization-access';
import { dateRangeInput, dateWhere } from '../shared/date-range';
import type { Ordering, Page } from '../shared/list';
import { deleteMedia } from '../../media/save-media';
import { publishSessionEvent } from './session-events';
import { sessionUserSelect, summarySelect, toSessionDto, toSessionSummary } from './session.dto';
import { canSeeSessionsOf, visibleSessionsWhere } from './session.scope';
import { SESSION_ORDERING, sessionQueryInput, type ScoreTrendDto, type SessionDto, type SessionQuery, type SessionSummaryDto, type UserSessionsDto } from './session.schema';

export type SessionOrdering = Ordering<(typeof SESSION_ORDERING)[number]>;

/** A session the caller may see, or 404 (missing, another organization's, or someone else's they do not lead). */
export async function findVisibleSession(ctx: OrgCtx, id: string) {
  if (!isUuid(id)) throw notFound('Session');
  const row = await db.practiceSession.findFirst({ where: { id, ...(await visibleSessionsWhere(ctx)) }, include: { user: sessionUserSelect } });
  if (!row) throw notFound('Session');
  return row;
}

export async function getSession(opts: { ctx: Ctx; id: string }): Promise<SessionDto> {
  const ctx = requirePermission(opts.ctx, 'sessions:read');
  return toSessionDto(await findVisibleSession(ctx, opts.id));
}

/** Deletes a session with its recording, in one transaction. */
export async function deleteSession(opts: { ctx: Ctx; id: string }): Promise<void> {
  const ctx = requirePermission(opts.ctx, 'sessions:write');
  const row = await findVisibleSession(ctx, opts.id);
  await db.$transaction(async (tx) => {
    const { count } = await tx.practiceSession.deleteMany({ where: { id: row.id, organizationId: ctx.organizationId } });
    if (!count) return;
    if (row.audioMediaId) await deleteMedia(tx, row.audioMediaId);
    await auditOthersSession(tx, ctx, row, 'session.deleted');
    await publishSessionEvent(tx, { organizationId: ctx.organizationId, type: 'session.deleted', sessionId: row.id, userId: row.userId });
  });
}

/** The where-clause of a list: visibility first, then the caller's filters (all of them must hold). */
async function listWhere(ctx: OrgCtx, query: SessionQuery): Promise<Prisma.PracticeSessionWhereInput> {
  const q = sessionQueryInput.parse(query);
  const range = dateRangeInput.parse({ from: q.from, to: q.to, tz: q.tz, timezoneoffset: q.timezoneoffset });
  const recordedAt = dateWhere(range);
  const score = q.minScore !== undefined || q.maxScore !== undefined ? { ...(q.minScore !== undefined && { gte: q.minScore }), ...(q.maxScore !== undefined && { lte: q.maxScore }) } : undefined;
  return {
    AND: [
      await visibleSessionsWhere(ctx),
      q.userId ? { userId: { in: q.userId } } : {},
      q.moduleId ? { moduleId: { in: q.moduleId } } : {},
      q.productId ? { productId: { in: q.productId } } : {},
      q.teamId ? { user: { memberships: { some: { organizationId: ctx.organizationId, teamMembers: { some: { teamId: { in: q.teamId } } } } } } } : {},
      recordedAt ? { recordedAt } : {},
      score ? { score } : {},
    ],
  };
}

export async function listSessions(opts: { ctx: Ctx; page: Page; ordering?: SessionOrdering; query?: SessionQuery }): Promise<{ count: number; results: SessionSummaryDto[] }> {
  const ctx = requirePermission(opts.ctx, 'sessions:read');
  const ordering = opts.ordering ?? { field: 'recordedAt', direction: 'desc' };
  const where = await listWhere(ctx, opts.query ?? {});
  // Unscored sessions sort last whichever way the score is ordered.
  const orderBy: Prisma.PracticeSessionOrderByWithRelationInput[] = [
    ordering.field === 'score' ? { score: { sort: ordering.direction, nulls: 'last' } } : { [ordering.field]: ordering.direction },
    { id: 'asc' },
  ];
  const [count, rows] = await Promise.all([
    db.practiceSession.count({ where }),
    db.practiceSession.findMany({ where, select: summarySelect, orderBy, skip: opts.page.offset, take: opts.page.limit }),
  ]);
  return { count, results: rows.map(toSessionSummary) };
}

/** At most this many points feed a trend chart; more would not be readable as points anyway. */
export const TREND_POINTS = 500;

/** Scores over time for the same filters as the list, oldest first (the latest TREND_POINTS when there are more). */
export async function sessionScoreTrend(opts: { ctx: Ctx; query?: SessionQuery }): Promise<ScoreTrendDto> {
  const ctx = requirePermission(opts.ctx, 'sessions:read');
  const where = { AND: [await listWhere(ctx, opts.query ?? {}), { score: { not: null } }] };
  const rows = await db.practiceSession.findMany({ where, select: { id: true, recordedAt: true, score: true, moduleName: true }, orderBy: [{ recordedAt: 'desc' }, { id: 'desc' }], take: TREND_POINTS + 1 });
  const points = rows.slice(0, TREND_POINTS).reverse().map((r) => ({ id: r.id, recordedAt: r.recordedAt.toISOString(), score: r.score!, module: r.moduleName }));
  return { points, truncated: rows.length > TREND_POINTS };
}

/** One person's sessions, newest first, for whoever may see them; anyone else reads as "not found". */
export async function listUserSessions(opts: { ctx: Ctx; userId: string; page: Page; ordering?: SessionOrdering }): Promise<UserSessionsDto> {
  const ctx = requirePermission(opts.ctx, 'sessions:read');
  if (!isUuid(opts.userId) || !(await canSeeSessionsOf(ctx, opts.userId))) throw notFound('User');
  const member = await db.membership.findFirst({ where: { userId: opts.userId, organizationId: ctx.organizationId }, select: { user: { select: { id: true, firstName: true, lastName: true, imageId: true } } } });
  // Someone who left keeps their history; an admin can still open it as long as sessions remain.
  const person = member?.user ?? (await db.practiceSession.findFirst({ where: { userId: opts.userId, organizationId: ctx.organizationId }, select: { user: { select: { id: true, firstName: true, lastName: true, imageId: true } } } }))?.user;
  if (!person) throw notFound('User');
  const { count, results } = await listSessions({ ctx, page: opts.page, ordering: opts.ordering, query: { userId: opts.userId } });
  return {
    id: person.id,
    firstName: person.firstName,
    lastName: person.lastName,
    image: mediaUrl(person.imageId),
    count,
    sessions: results.map((s) => ({ id: s.id, module: s.module, product: s.product, opportunity: s.opportunity, date: s.recordedAt, duration: s.duration, score: s.score })),
  };
}
