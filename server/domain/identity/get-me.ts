// The caller's profile: identity, organizations with roles, the active organization and coaching summary.
import { db } from '../../db';
import type { Ctx } from '../../context';
import { AppError } from '../../errors';
import { toUserDto } from './user.dto';
import type { MeDto } from './user.schema';

const MANAGING_ROLES = new Set(['owner', 'admin', 'manager']);

/** The user's teams, average score and session count in one organization (none outside an organization). */
async function coachingSummary(userId: string, organizationId: string | null) {
  if (!organizationId) return { teams: [], performance: null, sessionCount: 0 };
  const [teams, sessions] = await Promise.all([
    db.teamMember.findMany({ where: { userId, organizationId }, select: { role: true, team: { select: { id: true, name: true } } }, orderBy: { team: { name: 'asc' } } }),
    db.practiceSession.aggregate({ where: { userId, organizationId }, _count: { _all: true }, _avg: { score: true } }),
  ]);
  return {
    teams: teams.map((t) => ({ id: t.team.id, name: t.team.name, role: t.role })),
    performance: sessions._avg.score === null ? null : Math.round(sessions._avg.score * 10) / 10,
    sessionCount: sessions._count._all,
  };
}

/**
 * An external user (a customer): itself, a member of nothing — no organizations, teams or coaching; the organization
 * it chats with as the active one. Its address is a placeholder under .invalid and is not shown.
 */
async function externalMe(userId: string, organizationId: string | null): Promise<MeDto> {
  const user = await db.user.findUnique({ where: { id: userId }, include: { externalUser: { select: { organization: { select: { id: true, name: true } } } } } });
  if (!user?.externalUser) throw new AppError('not_found', { message: 'User not found' });
  const organization = user.externalUser.organization;
  return {
    ...toUserDto(user),
    email: '',
    organizations: [],
    activeOrganization: organization.id === organizationId ? organization : null,
    teams: [],
    performance: null,
    sessionCount: 0,
    isManager: false,
    actor: { kind: 'externalUser', id: user.id },
  };
}

export async function getMe(opts: { ctx: Ctx }): Promise<MeDto> {
  const { ctx } = opts;
  // An API key acts for its organization on behalf of the user who created it; /me describes that user.
  if (ctx.actor.kind === 'externalUser') return externalMe(ctx.actor.id, ctx.organizationId);
  const userId = ctx.actor.kind === 'user' ? ctx.actor.id : ctx.actor.kind === 'apiKey' ? ctx.actor.createdById : null;
  if (!userId) throw new AppError('not_found', { message: 'This credential is not tied to a user' });
  const user = await db.user.findUnique({
    where: { id: userId },
    include: { memberships: { include: { organization: { select: { id: true, name: true } } }, orderBy: { createdAt: 'asc' } } },
  });
  if (!user) throw new AppError('not_found', { message: 'User not found' });
  const memberships = ctx.actor.kind === 'apiKey' ? user.memberships.filter((m) => m.organizationId === ctx.organizationId) : user.memberships;
  const active = memberships.find((m) => m.organizationId === ctx.organizationId) ?? null;
  const apiKey = ctx.actor.kind === 'apiKey' ? await db.apiKey.findUnique({ where: { id: ctx.actor.id }, select: { name: true } }) : null;
  const coaching = await coachingSummary(user.id, active?.organizationId ?? null);
  return {
    ...toUserDto(user),
    organizations: memberships.map((m) => ({ id: m.organization.id, name: m.organization.name, role: m.role })),
    activeOrganization: active ? { id: active.organization.id, name: active.organization.name } : null,
    teams: coaching.teams,
    performance: coaching.performance,
    sessionCount: coaching.sessionCount,
    // Managers by role, and anyone a team names as its manager.
    isManager: active ? MANAGING_ROLES.has(active.role) || coaching.teams.some((t) => t.role === 'manager') : false,
    actor: ctx.actor.kind === 'apiKey' ? { kind: 'apiKey', id: ctx.actor.id, name: apiKey?.name } : { kind: 'user', id: user.id },
  };
}
