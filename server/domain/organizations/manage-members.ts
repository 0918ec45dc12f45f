// Members of an organization and their roles; an organization always keeps at least one owner.
import type { z } from 'zod';
import { db } from '../../db';
import { requirePermission, type Ctx } from '../../context';
import { forbidden, notFound, conflict } from '../../errors';
import { recordAuditEvent } from '../audit/record-audit-event';
import { changeMemberRoleInput, type MemberDto } from './organization.schema';

export async function listMembers(opts: { ctx: Ctx }): Promise<MemberDto[]> {
  const ctx = requirePermission(opts.ctx, 'members:read');
  const rows = await db.membership.findMany({
    where: { organizationId: ctx.organizationId },
    include: { user: { select: { email: true, firstName: true, lastName: true } } },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  return rows.map((m) => ({ id: m.id, userId: m.userId, email: m.user.email, firstName: m.user.firstName, lastName: m.user.lastName, role: m.role, joinedAt: m.createdAt.toISOString() }));
}

export async function changeMemberRole(opts: { ctx: Ctx; input: z.input<typeof changeMemberRoleInput> }) {
  const ctx = requirePermission(opts.ctx, 'members:manage');
  const input = changeMemberRoleInput.parse(opts.input);
  await db.$transaction(async (tx) => {
    const target = await tx.membership.findFirst({ where: { id: input.membershipId, organizationId: ctx.organizationId } });
    if (!target) throw notFound('Member');
    const actor = ctx.actor.kind === 'user' ? await tx.membership.findFirst({ where: { userId: ctx.actor.id, organizationId: ctx.organizationId } }) : null;
    // Only owners hand out or take away ownership.
    if ((target.role === 'owner' || input.role === 'owner') && actor?.role !== 'owner') throw forbidden('Only an owner can grant or remove the owner role');
    if (target.role === 'owner' && input.role !== 'owner') {
      // Lock the owners so two concurrent demotions cannot both pass the check.
      const owners = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Membership" WHERE "organizationId" = ${ctx.organizationId}::uuid AND role = 'owner' FOR UPDATE`;
      if (owners.length <= 1) throw conflict('An organization needs at least one owner: make someone else owner first');
    }
    await tx.membership.update({ where: { id: target.id }, data: { role: input.role } });
    await recordAuditEvent({ type: 'member.role_changed', organizationId: ctx.organizationId, actorUserId: actor?.userId ?? null, ip: ctx.ip, detail: { membershipId: target.id, from: target.role, to: input.role } }, tx);
  });
  return listMembers({ ctx: opts.ctx });
}
