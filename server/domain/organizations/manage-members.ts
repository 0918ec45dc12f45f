// Members of an organization as the organization page shows them: list, change a role, remove or leave. The changes
// themselves are the users area's (users/member-changes.ts), so this page and /users can never disagree.
import type { z } from 'zod';
import { db, type Tx } from '../../db';
import { missingPermission, requireOrg, requirePermission, type Ctx, type OrgCtx } from '../../context';
import { notFound } from '../../errors';
import { mediaUrl } from '../identity/user.dto';
import { findRole } from '../roles/find-role';
import { changeRole, removeMembership } from '../users/member-changes';
import { underAccessLock } from '../users/manage-users';
import { memberSelect } from '../users/organization-users';
import { changeMemberRoleInput, removeMemberInput, type MemberDto } from './organization.schema';

export async function listMembers(opts: { ctx: Ctx }): Promise<MemberDto[]> {
  const ctx = requirePermission(opts.ctx, 'members:read');
  const rows = await db.membership.findMany({
    where: { organizationId: ctx.organizationId },
    include: { user: { select: { email: true, firstName: true, lastName: true, imageId: true } }, customRole: { select: { id: true, name: true } } },
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
    customRole: m.customRole,
    joinedAt: m.createdAt.toISOString(),
  }));
}

/** The membership, in the caller's organization only: another organization's id is simply not found. */
async function findMembership(tx: Tx, ctx: OrgCtx, membershipId: string) {
  const target = await tx.membership.findFirst({ where: { id: membershipId, organizationId: ctx.organizationId }, select: memberSelect });
  if (!target) throw notFound('Member');
  return target;
}

export async function changeMemberRole(opts: { ctx: Ctx; input: z.input<typeof changeMemberRoleInput> }) {
  const ctx = requirePermission(opts.ctx, 'members:manage');
  const input = changeMemberRoleInput.parse(opts.input);
  await underAccessLock(ctx, async (tx, grantor) => {
    const target = await findMembership(tx, ctx, input.membershipId);
    await changeRole(tx, ctx, grantor, target, await findRole(tx, ctx.organizationId, input.role));
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
  return underAccessLock(ctx, async (tx, grantor) => {
    const target = await findMembership(tx, ctx, input.membershipId);
    const leaving = ctx.actor.kind === 'user' && target.userId === ctx.actor.id;
    // SECURITY: leaving is the only removal that needs no permission beyond being a member.
    if (!leaving && !grantor.permissions.has('members:manage')) throw missingPermission(ctx, 'members:manage');
    await removeMembership(tx, ctx, grantor, target, leaving);
    return { left: leaving };
  });
}
