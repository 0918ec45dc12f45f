// Who leads which team: the one rule for team-scoped work (settings, dashboard, invites, removing members).
// A team's managers lead it; holders of coaching:admin (owners, admins) lead every team. Everything else is refused.
import type { OrgCtx, Ctx } from '../../context';
import { db, type Tx } from '../../db';
import { forbidden, notFound } from '../../errors';
import { isUuid } from '../organizations/organization-access';

/**
 * The person a request acts as: the signed-in user, or the user who created the API key (a key acts for its creator
 * within its scopes, as /me already does). Null for a key whose creator is gone.
 */
export function actingUserId(ctx: Ctx): string | null {
  if (ctx.actor.kind === 'user') return ctx.actor.id;
  if (ctx.actor.kind === 'apiKey') return ctx.actor.createdById;
  // An external user (a customer) leads no team and belongs to none.
  if (ctx.actor.kind === 'externalUser') return null;
  return null;
}

export const isCoachingAdmin = (ctx: Ctx) => ctx.permissions.has('coaching:admin');

/** Ids of the teams the caller leads, or 'all' for a coaching admin. */
export async function ledTeamIds(ctx: OrgCtx, tx: Tx = db): Promise<'all' | string[]> {
  if (isCoachingAdmin(ctx)) return 'all';
  const userId = actingUserId(ctx);
  if (!userId) return [];
  const rows = await tx.teamMember.findMany({ where: { organizationId: ctx.organizationId, userId, role: 'manager' }, select: { teamId: true } });
  return rows.map((r) => r.teamId);
}

/** The team in the caller's organization; another organization's id, or a malformed one, is simply not found. */
export async function findTeam(ctx: OrgCtx, teamId: string, tx: Tx = db) {
  if (!isUuid(teamId)) throw notFound('Team');
  const team = await tx.team.findFirst({ where: { id: teamId, organizationId: ctx.organizationId } });
  if (!team) throw notFound('Team');
  return team;
}

/** The team, when the caller leads it. Seeing a team is open to the organization; leading it is not (403). */
export async function requireTeamLead(ctx: OrgCtx, teamId: string, tx: Tx = db) {
  const team = await findTeam(ctx, teamId, tx);
  if (isCoachingAdmin(ctx)) return team;
  const userId = actingUserId(ctx);
  const lead = userId ? await tx.teamMember.findFirst({ where: { teamId: team.id, userId, role: 'manager' }, select: { id: true } }) : null;
  if (!lead) throw forbidden(`Only the managers of “${team.name}” (or an admin) can do this`);
  return team;
}
