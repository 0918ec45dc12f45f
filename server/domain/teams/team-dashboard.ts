// A team's dashboard for its managers: each member's average score, session count, last activity and trend.
import { requirePermission, type Ctx } from '../../context';
import { db } from '../../db';
import { mediaUrl } from '../identity/user.dto';
import type { Ordering } from '../shared/list';
import { requireTeamLead } from './team-access';
import type { DashboardMemberDto, DashboardOrderField, TeamDashboardDto } from './team.schema';
import { scoreTrend, TREND_WINDOW } from './team-trend';

const round1 = (n: number) => Math.round(n * 10) / 10;

// Members without a value (no sessions yet) sort last in either direction, so they never crowd the top.
function compare(field: DashboardOrderField, a: DashboardMemberDto, b: DashboardMemberDto): number {
  if (field === 'name') return a.lastName.localeCompare(b.lastName) || a.firstName.localeCompare(b.firstName);
  const value = (m: DashboardMemberDto) => (field === 'lastActivity' ? (m.lastActivity ? Date.parse(m.lastActivity) : null) : m[field]);
  return (value(a) ?? 0) - (value(b) ?? 0);
}

export async function getTeamDashboard(opts: { ctx: Ctx; id: string; ordering?: Ordering<DashboardOrderField> }): Promise<TeamDashboardDto> {
  const ctx = requirePermission(opts.ctx, 'teams:manage');
  const team = await requireTeamLead(ctx, opts.id);
  const ordering = opts.ordering ?? { field: 'name', direction: 'asc' };
  const members = await db.teamMember.findMany({
    where: { teamId: team.id },
    include: { membership: { select: { user: { select: { id: true, firstName: true, lastName: true, imageId: true } } } } },
  });
  const ids = members.map((m) => m.userId);
  const [totals, recent] = await Promise.all([
    db.practiceSession.groupBy({
      by: ['userId'],
      where: { organizationId: ctx.organizationId, userId: { in: ids } },
      _count: { _all: true },
      _avg: { score: true },
      _max: { recordedAt: true },
    }),
    ids.length === 0
      ? Promise.resolve([])
      : db.$queryRaw<{ userId: string; score: number }[]>`
          SELECT "userId", score FROM (
            SELECT "userId", score, "recordedAt", id,
                   row_number() OVER (PARTITION BY "userId" ORDER BY "recordedAt" DESC, id DESC) AS rn
            FROM "PracticeSession"
            WHERE "organizationId" = ${ctx.organizationId}::uuid AND "userId" = ANY(${ids}::uuid[]) AND score IS NOT NULL
          ) latest
          WHERE rn <= ${TREND_WINDOW}
          ORDER BY "userId", "recordedAt" ASC, id ASC`,
  ]);
  const totalOf = new Map(totals.map((t) => [t.userId, t]));
  const scoresOf = new Map<string, number[]>();
  for (const r of recent) scoresOf.set(r.userId, [...(scoresOf.get(r.userId) ?? []), Number(r.score)]);

  const rows: DashboardMemberDto[] = members.map((m) => {
    const u = m.membership.user;
    const t = totalOf.get(u.id);
    const scores = scoresOf.get(u.id) ?? [];
    return {
      id: u.id,
      firstName: u.firstName,
      lastName: u.lastName,
      image: mediaUrl(u.imageId),
      role: m.role,
      performance: t?._avg.score == null ? null : round1(t._avg.score),
      sessions: t?._count._all ?? 0,
      lastActivity: t?._max.recordedAt?.toISOString() ?? null,
      trend: scoreTrend(scores),
      recentScores: scores,
    };
  });
  const direction = ordering.direction === 'asc' ? 1 : -1;
  const missing = (m: DashboardMemberDto) => ordering.field !== 'name' && (ordering.field === 'lastActivity' ? m.lastActivity === null : m[ordering.field] === null);
  rows.sort((a, b) => Number(missing(a)) - Number(missing(b)) || direction * compare(ordering.field, a, b) || a.id.localeCompare(b.id));
  return { id: team.id, name: team.name, members: rows };
}
