// Reading practice sessions within what the caller may see: one session, the filtered list, one person's history
// and the score trend behind the charts. Deleting goes through the same visibility: what you cannot see is not found.
import { requirePermission, type Ctx, type OrgCtx } from '../../context';
import { auditOthersSession } from './session-audit';
import { db, sqlRows } from '../../db';
import { notFound } from '../../errors';
import { Prisma } from '../../generated/prisma/client';
import { mediaUrl } from '../identity/user.dto';
import { isUuid } from '../organizations/organization-access';
import { dateRangeInput } from '../shared/date-range';
import type { Ordering, Page } from '../shared/list';
import { readListPage } from '../shared/list-query';
import { deleteMedia } from '../../media/save-media';
import { publishSessionEvent } from './session-events';
import { sessionUserSelect, toSessionDto, toSessionSummary, type SummaryRow } from './session.dto';
import { canSeeSessionsOf, visibleSessionsWhere, visibleUserIds } from './session.scope';
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

/**
 * The where-clause of a list and its trend, on `"PracticeSession" s`: tenant and visibility first, then the caller's
 * filters (all of them must hold).
 */
async function listWhere(ctx: OrgCtx, query: SessionQuery): Promise<Prisma.Sql> {
  const q = sessionQueryInput.parse(query);
  const range = dateRangeInput.parse({ from: q.from, to: q.to, tz: q.tz, timezoneoffset: q.timezoneoffset });
  // SECURITY: the tenant scope and the people whose sessions the caller may see (session.scope.ts) come first.
  const and = [Prisma.sql`s."organizationId" = ${ctx.organizationId}::uuid`];
  const visible = await visibleUserIds(ctx);
  if (visible !== 'all') and.push(Prisma.sql`s."userId" = ANY(${visible}::uuid[])`);
  if (q.userId) and.push(Prisma.sql`s."userId" = ANY(${q.userId}::uuid[])`);
  if (q.moduleId) and.push(Prisma.sql`s."moduleId" = ANY(${q.moduleId}::uuid[])`);
  if (q.productId) and.push(Prisma.sql`s."productId" = ANY(${q.productId}::uuid[])`);
  if (q.teamId) {
    and.push(Prisma.sql`EXISTS (SELECT 1 FROM "TeamMember" tm WHERE tm."organizationId" = ${ctx.organizationId}::uuid AND tm."userId" = s."userId" AND tm."teamId" = ANY(${q.teamId}::uuid[]))`);
  }
  if (range.gte) and.push(Prisma.sql`s."recordedAt" >= ${range.gte}`);
  if (range.lte) and.push(Prisma.sql`s."recordedAt" <= ${range.lte}`);
  if (q.minScore !== undefined) and.push(Prisma.sql`s.score >= ${q.minScore}`);
  if (q.maxScore !== undefined) and.push(Prisma.sql`s.score <= ${q.maxScore}`);
  return Prisma.join(and, ' AND ');
}

const COLUMN: Record<SessionOrdering['field'], string> = { recordedAt: 's."recordedAt"', score: 's.score', duration: 's.duration', createdAt: 's."createdAt"' };

/** ORDER BY from a closed list of fields; unscored sessions sort last whichever way the score is ordered. */
function orderBy(o: SessionOrdering): Prisma.Sql {
  return Prisma.raw(`${COLUMN[o.field]} ${o.direction === 'asc' ? 'ASC' : 'DESC'}${o.field === 'score' ? ' NULLS LAST' : ''}, s.id ASC`);
}

type SummarySqlRow = Omit<SummaryRow, 'user'> & { userFirstName: string; userLastName: string; userImageId: string | null; userId: string };

export async function listSessions(opts: { ctx: Ctx; page: Page; ordering?: SessionOrdering; query?: SessionQuery }): Promise<{ count: number; results: SessionSummaryDto[] }> {
  const ctx = requirePermission(opts.ctx, 'sessions:read');
  const { count, rows } = await readListPage<SummarySqlRow>(
    {
      select: Prisma.sql`s.id, s."moduleId", s."moduleName", s."productId", s."productName", s.opportunity, s."recordedAt", s.duration, s.score,
        s."transcriptStatus"::text AS "transcriptStatus", s."audioMediaId", s."callId",
        u.id AS "userId", u."firstName" AS "userFirstName", u."lastName" AS "userLastName", u."imageId" AS "userImageId"`,
      from: Prisma.raw('"PracticeSession" s'),
      joins: Prisma.raw('JOIN "User" u ON u.id = s."userId"'),
      where: await listWhere(ctx, opts.query ?? {}),
      orderBy: orderBy(opts.ordering ?? { field: 'recordedAt', direction: 'desc' }),
    },
    opts.page,
  );
  return { count, results: rows.map((s) => toSessionSummary({ ...s, user: { id: s.userId, firstName: s.userFirstName, lastName: s.userLastName, imageId: s.userImageId } })) };
}

/** At most this many points feed a trend chart; more would not be readable as points anyway. */
export const TREND_POINTS = 500;

/** Scores over time for the same filters as the list, oldest first (the latest TREND_POINTS when there are more). */
export async function sessionScoreTrend(opts: { ctx: Ctx; query?: SessionQuery }): Promise<ScoreTrendDto> {
  const ctx = requirePermission(opts.ctx, 'sessions:read');
  const rows = await sqlRows<{ id: string; recordedAt: Date; score: number; moduleName: string }>(Prisma.sql`
    SELECT s.id, s."recordedAt", s.score, s."moduleName" FROM "PracticeSession" s
    WHERE ${await listWhere(ctx, opts.query ?? {})} AND s.score IS NOT NULL
    ORDER BY s."recordedAt" DESC, s.id DESC LIMIT ${TREND_POINTS + 1}`);
  const points = rows.slice(0, TREND_POINTS).reverse().map((r) => ({ id: r.id, recordedAt: r.recordedAt.toISOString(), score: r.score, module: r.moduleName }));
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
