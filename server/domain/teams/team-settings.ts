// What a team's managers see and change: its members, its pending invites, and removing someone from the team.
import type { z } from 'zod';
import { requirePermission, type Ctx } from '../../context';
import { db } from '../../db';
import { notFound } from '../../errors';
import { mediaUrl } from '../identity/user.dto';
import { isUuid } from '../organizations/organization-access';
import { deleteMedia } from '../../media/save-media';
import { toInvitedDto } from '../invites/invite.dto';
import { permissionsOfMember } from '../../auth/permissions';
import { memberAccessSelect } from '../access/member-access';
import type { Prisma } from '../../generated/prisma/client';
import { assertMayActOn } from '../access/grant-rule';
import { actingUserId, isCoachingAdmin, requireTeamLead } from './team-access';
import { removeTeamMemberInput, type TeamSettingsDto } from './team.schema';

export async function getTeamSettings(opts: { ctx: Ctx; id: string; now?: Date }): Promise<TeamSettingsDto> {
  const ctx = requirePermission(opts.ctx, 'teams:manage');
  const team = await requireTeamLead(ctx, opts.id);
  const [members, invites] = await Promise.all([
    db.teamMember.findMany({
      where: { teamId: team.id },
      include: { membership: { select: { user: { select: { id: true, email: true, firstName: true, lastName: true, imageId: true } } } } },
    }),
    db.invite.findMany({ where: { teamId: team.id, acceptedAt: null, revokedAt: null }, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }] }),
  ]);
  const counts = await db.practiceSession.groupBy({
    by: ['userId'],
    where: { organizationId: ctx.organizationId, userId: { in: members.map((m) => m.userId) } },
    _count: { _all: true },
  });
  const sessionsOf = new Map(counts.map((c) => [c.userId, c._count._all]));
  const rows = members
    .map((m) => {
      const u = m.membership.user;
      return { id: u.id, firstName: u.firstName, lastName: u.lastName, email: u.email, image: mediaUrl(u.imageId), role: m.role, joinedAt: m.createdAt.toISOString(), sessions: sessionsOf.get(u.id) ?? 0 };
    })
    // Managers first, then by name: the order a manager reads a roster in.
    .sort((a, b) => (a.role === b.role ? 0 : a.role === 'manager' ? -1 : 1) || a.lastName.localeCompare(b.lastName) || a.firstName.localeCompare(b.firstName) || a.id.localeCompare(b.id));
  const now = opts.now ?? new Date();
  return { id: team.id, name: team.name, members: rows, invited: invites.map((i) => toInvitedDto({ ...i, teamId: team.id, teamName: team.name }, now)) };
}

/**
 * Takes someone off the team. Their practice sessions stay (they belong to the person) unless `purge` is set, which
 * deletes, in the same transaction, the sessions the caller may delete: for a coaching admin every session the person
 * recorded in the organization; for a team's own manager only those on this team's products (their sessions on other
 * teams' or organization-wide training are other leaders' to keep). Nobody removes someone who holds more than they
 * do (the grant rule): a team manager cannot take the owner off their team.
 */
export async function removeTeamMember(opts: { ctx: Ctx; input: z.input<typeof removeTeamMemberInput> }): Promise<{ purgedSessions: number }> {
  const ctx = requirePermission(opts.ctx, 'teams:manage');
  const input = removeTeamMemberInput.parse(opts.input);
  return db.$transaction(async (tx) => {
    const team = await requireTeamLead(ctx, input.teamId, tx);
    const member = isUuid(input.userId)
      ? await tx.teamMember.findFirst({ where: { teamId: team.id, userId: input.userId }, include: { membership: { select: { ...memberAccessSelect, user: { select: { firstName: true, lastName: true } } } } } })
      : null;
    if (!member) throw notFound('Team member');
    if (member.userId !== actingUserId(ctx)) {
      const { user } = member.membership;
      assertMayActOn(ctx, { permissions: permissionsOfMember(member.membership), name: `${user.firstName} ${user.lastName}`.trim() });
    }
    await tx.teamMember.delete({ where: { id: member.id } });
    if (!input.purge) return { purgedSessions: 0 };
    const teamProducts = isCoachingAdmin(ctx) ? null : (await tx.product.findMany({ where: { organizationId: ctx.organizationId, teamId: team.id }, select: { id: true } })).map((p) => p.id);
    const where: Prisma.PracticeSessionWhereInput = { organizationId: ctx.organizationId, userId: member.userId, ...(teamProducts && { productId: { in: teamProducts } }) };
    const recordings = await tx.practiceSession.findMany({ where: { ...where, audioMediaId: { not: null } }, select: { audioMediaId: true } });
    const purged = await tx.practiceSession.deleteMany({ where });
    for (const r of recordings) await deleteMedia(tx, r.audioMediaId!);
    return { purgedSessions: purged.count };
  });
}
