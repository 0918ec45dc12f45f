// The invites a manager is waiting on: list them (pending and expired, never accepted or revoked) and revoke one.
import { requirePermission, type Ctx } from '../../context';
import { db } from '../../db';
import { conflict, notFound } from '../../errors';
import type { Prisma } from '../../generated/prisma/client';
import { isUuid } from '../organizations/organization-access';
import type { Ordering, Page } from '../shared/list';
import { ledTeamIds } from '../teams/team-access';
import type { InvitedDto } from '../teams/team.schema';
import { toInvitedDto } from './invite.dto';
import { INVITE_ORDERING, inviteFiltersInput } from './invite.schema';

export async function listInvites(opts: {
  ctx: Ctx;
  page: Page;
  ordering?: Ordering<(typeof INVITE_ORDERING)[number]>;
  filters?: unknown;
  now?: Date;
}): Promise<{ count: number; results: InvitedDto[] }> {
  const ctx = requirePermission(opts.ctx, 'teams:manage');
  const filters = inviteFiltersInput.parse(opts.filters ?? {});
  const ordering = opts.ordering ?? { field: 'createdAt', direction: 'desc' };
  const now = opts.now ?? new Date();
  const led = await ledTeamIds(ctx);
  const status = new Set(filters.status ?? ['pending', 'expired']);
  const where: Prisma.InviteWhereInput = {
    organizationId: ctx.organizationId,
    acceptedAt: null,
    revokedAt: null,
    AND: [
      // Team invites only: an invite to the organization alone belongs to the person an admin added (GET /users).
      { teamId: { not: null } },
      led === 'all' ? {} : { teamId: { in: led } },
      filters.teamId ? { teamId: filters.teamId } : {},
      status.size === 1 ? { expiresAt: status.has('pending') ? { gt: now } : { lte: now } } : {},
    ],
  };
  const [count, rows] = await Promise.all([
    db.invite.count({ where }),
    db.invite.findMany({ where, include: { team: { select: { name: true } } }, orderBy: [{ [ordering.field]: ordering.direction }, { id: 'asc' }], skip: opts.page.offset, take: opts.page.limit }),
  ]);
  return { count, results: rows.map((r) => toInvitedDto({ ...r, teamId: r.teamId!, teamName: r.team!.name }, now)) };
}

/** Withdraws an invite: its link stops working. Invites of teams the caller does not lead are not found. */
export async function revokeInvite(opts: { ctx: Ctx; id: string }): Promise<void> {
  const ctx = requirePermission(opts.ctx, 'teams:manage');
  if (!isUuid(opts.id)) throw notFound('Invite');
  const led = await ledTeamIds(ctx);
  await db.$transaction(async (tx) => {
    const invite = await tx.invite.findFirst({ where: { id: opts.id, organizationId: ctx.organizationId, revokedAt: null, teamId: led === 'all' ? { not: null } : { in: led } } });
    if (!invite) throw notFound('Invite');
    if (invite.acceptedAt) throw conflict('This invite was already accepted; remove the person from the team instead');
    await tx.invite.update({ where: { id: invite.id }, data: { revokedAt: new Date() } });
  });
}
