// SECURITY: who may see which practice session, as one where-clause used by every read and write of sessions.
// A rep sees their own; a team's managers see the sessions of everyone on the teams they lead; coaching admins
// (owners, admins) see all of the organization's. Whatever falls outside is answered exactly like a missing id (404).
import type { OrgCtx } from '../../context';
import { db, type Tx } from '../../db';
import type { Prisma } from '../../generated/prisma/client';
import { actingUserId, isCoachingAdmin } from '../teams/team-access';

/** The people whose sessions the caller may see, or 'all'. */
export async function visibleUserIds(ctx: OrgCtx, tx: Tx = db): Promise<'all' | string[]> {
  if (isCoachingAdmin(ctx)) return 'all';
  const me = actingUserId(ctx);
  if (!me) return [];
  const led = await tx.teamMember.findMany({
    where: { organizationId: ctx.organizationId, team: { members: { some: { userId: me, role: 'manager' } } } },
    select: { userId: true },
  });
  return [...new Set([me, ...led.map((m) => m.userId)])];
}

export async function visibleSessionsWhere(ctx: OrgCtx, tx: Tx = db): Promise<Prisma.PracticeSessionWhereInput> {
  const users = await visibleUserIds(ctx, tx);
  return { organizationId: ctx.organizationId, ...(users === 'all' ? {} : { userId: { in: users } }) };
}

/** Whether the caller may see this person's sessions (themselves, someone on a team they lead, or anyone for admins). */
export async function canSeeSessionsOf(ctx: OrgCtx, userId: string, tx: Tx = db): Promise<boolean> {
  const users = await visibleUserIds(ctx, tx);
  return users === 'all' || users.includes(userId);
}
