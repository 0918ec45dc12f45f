// The caller's profile: identity, organizations with roles, the active organization and coaching summary.
import { db } from '../../db';
import type { Ctx } from '../../context';
import { AppError } from '../../errors';
import { toUserDto } from './user.dto';
import type { MeDto } from './user.schema';

const MANAGING_ROLES = new Set(['owner', 'admin', 'manager']);

export async function getMe(opts: { ctx: Ctx }): Promise<MeDto> {
  const { ctx } = opts;
  // An API key acts for its organization on behalf of the user who created it; /me describes that user.
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
  return {
    ...toUserDto(user),
    organizations: memberships.map((m) => ({ id: m.organization.id, name: m.organization.name, role: m.role })),
    activeOrganization: active ? { id: active.organization.id, name: active.organization.name } : null,
    // Teams and practice sessions arrive with the coaching models; until then a user has none.
    teams: [],
    performance: null,
    sessionCount: 0,
    isManager: active ? MANAGING_ROLES.has(active.role) : false,
    actor: ctx.actor.kind === 'apiKey' ? { kind: 'apiKey', id: ctx.actor.id, name: apiKey?.name } : { kind: 'user', id: user.id },
  };
}
