// Members of an organization: list, change roles, remove or leave; an organization always keeps at least one owner.
import type { z } from 'zod';
import { db, type Tx } from '../../db';
import { missingPermission, requireOrg, requirePermission, type Ctx, type OrgCtx } from '../../context';
import { forbidden, notFound, conflict } from '../../errors';
import { publishAccessChange } from '../../realtime/access-changes';
import { publishEvent } from '../../realtime/publish-event';
import { isPermission, permissionsFor } from '../../auth/permissions';
import { assertMayActOn, assertMayGrant } from '../access/grant-rule';
import { auditActor, recordAuditEvent } from '../audit/record-audit-event';
import { mediaUrl } from '../identity/user.dto';
import { changeMemberRoleInput, removeMemberInput, type MemberDto } from './organization.schema';

export async function listMembers(opts: { ctx: Ctx }): Promise<MemberDto[]> {
  const ctx = requirePermission(opts.ctx, 'members:read');
  const rows = await db.membership.findMany({
    where: { organizationId: ctx.organizationId },
    include: { user: { select: { email: true, firstName: true, lastName: true, imageId: true } } },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  return rows.map((m) => ({
    id: m.id,
    userId: m.userId,
    email: m.user.email,
    firstName: m.user.firstName,
    lastName: m.user.lastName,
    image: mediaUrl(m.user.imageId),
    role: m.role,
    joinedAt: m.createdAt.toISOString(),
  }));
}

const withUser = { user: { select: { email: true, firstName: true, lastName: true } } } as const;

/** The membership, in the caller's organization only: another organization's id is simply not found. */
async function findMembership(tx: Tx, ctx: OrgCtx, membershipId: string) {
  const target = await tx.membership.findFirst({ where: { id: membershipId, organizationId: ctx.organizationId }, include: withUser });
  if (!target) throw notFound('Member');
  return target;
}

const callerMembership = (tx: Tx, ctx: OrgCtx) =>
  ctx.actor.kind === 'user' ? tx.membership.findFirst({ where: { userId: ctx.actor.id, organizationId: ctx.organizationId } }) : Promise.resolve(null);

/** Refuses when the owner about to go is the only one. Locks the owners so two concurrent changes cannot both pass. */
async function keepAnOwner(tx: Tx, ctx: OrgCtx, message: string) {
  const owners = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Membership" WHERE "organizationId" = ${ctx.organizationId}::uuid AND role = 'owner' FOR UPDATE`;
  if (owners.length <= 1) throw conflict(message);
}

const memberName = (m: { user: { firstName: string; lastName: string } }) => `${m.user.firstName} ${m.user.lastName}`.trim();

// Who the member was, kept in the event so the log still names them after they leave or change their name.
const memberDetail = (m: { id: string; userId: string; user: { email: string; firstName: string; lastName: string } }) => ({
  membershipId: m.id,
  userId: m.userId,
  name: `${m.user.firstName} ${m.user.lastName}`.trim(),
  email: m.user.email,
});

export async function changeMemberRole(opts: { ctx: Ctx; input: z.input<typeof changeMemberRoleInput> }) {
  const ctx = requirePermission(opts.ctx, 'members:manage');
  const input = changeMemberRoleInput.parse(opts.input);
  await db.$transaction(async (tx) => {
    const target = await findMembership(tx, ctx, input.membershipId);
    const actor = await callerMembership(tx, ctx);
    // Only owners hand out or take away ownership.
    if ((target.role === 'owner' || input.role === 'owner') && actor?.role !== 'owner') throw forbidden('Only an owner can grant or remove the owner role');
    // SECURITY: the grant rule — the new role gives nothing the caller does not hold, and the member holds no more.
    assertMayActOn(ctx, { permissions: permissionsFor(target.role, target.permissions), name: memberName(target) });
    assertMayGrant(ctx, { role: input.role, permissions: target.permissions.filter(isPermission) });
    if (target.role === 'owner' && input.role !== 'owner') await keepAnOwner(tx, ctx, 'An organization needs at least one owner: make someone else owner first');
    await tx.membership.update({ where: { id: target.id }, data: { role: input.role } });
    // Their open streams on every instance re-check what the new role lets them see.
    await publishAccessChange(tx, { kind: 'member', organizationId: ctx.organizationId, userId: target.userId });
    await recordAuditEvent({ type: 'member.role_changed', organizationId: ctx.organizationId, ...auditActor(ctx), ip: ctx.ip, detail: { ...memberDetail(target), from: target.role, to: input.role } }, tx);
    // The member's open tabs pick up what the new role allows; everyone's member lists refresh.
    await publishEvent(tx, { organizationId: ctx.organizationId, type: 'member.updated', payload: { membershipId: target.id, userId: target.userId, role: input.role }, audience: { permission: 'members:read' } });
  });
  return listMembers({ ctx: opts.ctx });
}

/**
 * Removes a member, or lets the caller leave. Removing others needs members:manage; anyone may leave. Only owners
 * remove an owner, and the last owner can neither be removed nor leave.
 */
export async function removeMember(opts: { ctx: Ctx; input: z.input<typeof removeMemberInput> }): Promise<{ left: boolean }> {
  const ctx = requireOrg(opts.ctx);
  const input = removeMemberInput.parse(opts.input);
  return db.$transaction(async (tx) => {
    const target = await findMembership(tx, ctx, input.membershipId);
    const leaving = ctx.actor.kind === 'user' && target.userId === ctx.actor.id;
    // SECURITY: leaving is the only removal that needs no permission beyond being a member.
    if (!leaving && !ctx.permissions.has('members:manage')) throw missingPermission(ctx, 'members:manage');
    if (target.role === 'owner') {
      if (!leaving && (await callerMembership(tx, ctx))?.role !== 'owner') throw forbidden('Only an owner can remove an owner');
      await keepAnOwner(
        tx,
        ctx,
        leaving ? 'You are the last owner: make someone else owner before you leave, or delete the organization' : 'An organization needs at least one owner: make someone else owner first',
      );
    }
    if (!leaving) assertMayActOn(ctx, { permissions: permissionsFor(target.role, target.permissions), name: memberName(target) });
    await tx.membership.delete({ where: { id: target.id } });
    // SECURITY: their open streams, on every instance, end within moments (they re-check and find no membership).
    await publishAccessChange(tx, { kind: 'member', organizationId: ctx.organizationId, userId: target.userId });
    // Whoever had this organization active starts from their next one (or onboarding) on their next visit.
    await tx.user.updateMany({ where: { id: target.userId, activeOrganizationId: ctx.organizationId }, data: { activeOrganizationId: null } });
    await recordAuditEvent({ type: 'member.removed', organizationId: ctx.organizationId, ...auditActor(ctx), ip: ctx.ip, detail: { ...memberDetail(target), role: target.role, left: leaving } }, tx);
    await publishEvent(tx, { organizationId: ctx.organizationId, type: 'member.removed', payload: { membershipId: target.id, userId: target.userId }, audience: { permission: 'members:read' } });
    return { left: leaving };
  });
}
