// The invites a manager is waiting on: list them (pending and expired, never accepted or revoked), copy one's link,
// send it again, or revoke it.
import { open, seal } from '../../auth/sealed-secrets';
import { newSecret } from '../../auth/secrets';
import { requirePermission, type Ctx, type OrgCtx } from '../../context';
import { db, type Tx } from '../../db';
import { env } from '../../env';
import { conflict, notFound } from '../../errors';
import { appUrl } from '../../mail/app-url';
import { mailInvite } from './create-invites';
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

/** A pending (maybe expired) invite of a team the caller leads, locked for the change; others are not found. */
async function managedInvite(tx: Tx, ctx: OrgCtx, id: string) {
  if (!isUuid(id)) throw notFound('Invite');
  const led = await ledTeamIds(ctx, tx);
  const invite = await tx.invite.findFirst({
    // Team invites only: an invite to the organization alone is the added user's (GET /users).
    where: { id, organizationId: ctx.organizationId, revokedAt: null, acceptedAt: null, teamId: led === 'all' ? { not: null } : { in: led } },
    include: { team: { select: { name: true } } },
  });
  if (!invite) throw notFound('Invite');
  return invite;
}

/** A new secret for the invite: the old link stops working. */
async function renewToken(tx: Tx, inviteId: string, data: { expiresAt?: Date } = {}) {
  const { secret, hash } = newSecret('inv', 24);
  const updated = await tx.invite.update({ where: { id: inviteId }, data: { tokenHash: hash, tokenSealed: seal(secret, 'invite-link'), ...data }, include: { team: { select: { name: true } } } });
  return { token: secret, invite: updated };
}

/**
 * The invite's link, for the manager to hand over themselves (copy it, send it another way). The same link the email
 * carries; an invite made before links were kept (or under another APP_SECRET) gets a new one, which the earlier
 * email no longer opens. An expired invite has no working link: send it again instead.
 */
export async function inviteLink(opts: { ctx: Ctx; id: string; now?: Date }): Promise<{ url: string; expiresAt: string; renewed: boolean }> {
  const ctx = requirePermission(opts.ctx, 'teams:manage');
  const now = opts.now ?? new Date();
  return db.$transaction(async (tx) => {
    const invite = await managedInvite(tx, ctx, opts.id);
    if (invite.expiresAt <= now) throw conflict('This invite has expired: send it again for a new link');
    const kept = open(invite.tokenSealed, 'invite-link');
    const token = kept ?? (await renewToken(tx, invite.id)).token;
    return { url: appUrl(`/invite/${token}`), expiresAt: invite.expiresAt.toISOString(), renewed: kept === null };
  });
}

/** Emails the invite again with a fresh link valid for INVITE_EXPIRY_DAYS from now (also for an expired one). */
export async function resendInvite(opts: { ctx: Ctx; id: string; now?: Date }): Promise<InvitedDto> {
  const ctx = requirePermission(opts.ctx, 'teams:manage');
  const now = opts.now ?? new Date();
  return db.$transaction(async (tx) => {
    const current = await managedInvite(tx, ctx, opts.id);
    const { token, invite } = await renewToken(tx, current.id, { expiresAt: new Date(now.getTime() + env().INVITE_EXPIRY_DAYS * 86_400_000) });
    const dto = toInvitedDto({ ...invite, teamId: invite.teamId!, teamName: invite.team!.name }, now);
    await mailInvite(tx, ctx, dto, token);
    return dto;
  });
}
