// Removing members and leaving: who may remove whom, the last owner stays, tenant scope, active org and audit log.
import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { resolveUserContext } from '../../auth/resolve-context';
import { db } from '../../db';
import type { Role } from '../../generated/prisma/enums';
import { newTenant, registerAndLogin } from '../../test/factories';
import { listMembers, removeMember } from './manage-members';

type Tenant = Awaited<ReturnType<typeof newTenant>>;

const ctxOf = (userId: string, organizationId: string) => resolveUserContext({ userId, requestedOrganizationId: organizationId, requestId: 'test' });

/** A new user in the tenant's organization with `role`, who has it as their active organization. */
async function join(t: Tenant, role: Role, label: string = role) {
  const user = await registerAndLogin(label);
  const membership = await db.membership.create({ data: { userId: user.userId, organizationId: t.organizationId, role } });
  await db.user.update({ where: { id: user.userId }, data: { activeOrganizationId: t.organizationId } });
  return { ...user, membershipId: membership.id, ctx: await ctxOf(user.userId, t.organizationId) };
}

const ownerMembershipId = async (t: Tenant) => (await db.membership.findFirstOrThrow({ where: { organizationId: t.organizationId, userId: t.owner.userId } })).id;

describe('removeMember', () => {
  it('an owner removes a member: the membership goes, their active organization is cleared, the log records it', async () => {
    const t = await newTenant('rm-owner');
    const member = await join(t, 'member', 'rm-member');
    const ownerCtx = await ctxOf(t.owner.userId, t.organizationId);

    expect(await removeMember({ ctx: ownerCtx, input: { membershipId: member.membershipId } })).toEqual({ left: false });

    expect(await db.membership.findUnique({ where: { id: member.membershipId } })).toBeNull();
    expect((await db.user.findUniqueOrThrow({ where: { id: member.userId } })).activeOrganizationId).toBeNull();
    expect((await listMembers({ ctx: ownerCtx })).map((m) => m.userId)).toEqual([t.owner.userId]);
    const events = await db.auditEvent.findMany({ where: { organizationId: t.organizationId, type: 'member.removed' } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorUserId: t.owner.userId,
      detail: { membershipId: member.membershipId, userId: member.userId, email: member.email, name: 'Ada rm-member', role: 'member', left: false },
    });
    // Gone means gone: they no longer reach the organization at all.
    await expect(ctxOf(member.userId, t.organizationId)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('an admin removes members but not an owner; a plain member removes nobody else', async () => {
    const t = await newTenant('rm-admin');
    const admin = await join(t, 'admin', 'rm-admin-a');
    const member = await join(t, 'member', 'rm-admin-m');
    const other = await join(t, 'manager', 'rm-admin-x');

    await expect(removeMember({ ctx: admin.ctx, input: { membershipId: await ownerMembershipId(t) } })).rejects.toMatchObject({ code: 'forbidden', message: expect.stringMatching(/^Only an owner can change, remove/) });
    await expect(removeMember({ ctx: member.ctx, input: { membershipId: other.membershipId } })).rejects.toMatchObject({ code: 'forbidden' });
    await removeMember({ ctx: admin.ctx, input: { membershipId: member.membershipId } });

    expect((await listMembers({ ctx: admin.ctx })).map((m) => m.userId).sort()).toEqual([t.owner.userId, admin.userId, other.userId].sort());
    expect(await db.auditEvent.count({ where: { organizationId: t.organizationId, type: 'member.removed' } })).toBe(1);
  });

  it('the last owner can neither leave nor be removed; with a second owner they can leave', async () => {
    const t = await newTenant('rm-last');
    const ownerCtx = await ctxOf(t.owner.userId, t.organizationId);
    const ownerId = await ownerMembershipId(t);

    await expect(removeMember({ ctx: ownerCtx, input: { membershipId: ownerId } })).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/last owner/) });
    expect(await db.membership.count({ where: { organizationId: t.organizationId } })).toBe(1);

    const second = await join(t, 'owner', 'rm-last-2');
    // Two owners removing each other at once: the row lock lets one through and refuses the other (as the last
    // owner, or as no longer an owner when the winner committed before the loser looked itself up).
    const both = await Promise.allSettled([
      removeMember({ ctx: ownerCtx, input: { membershipId: second.membershipId } }),
      removeMember({ ctx: second.ctx, input: { membershipId: ownerId } }),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = both.find((r) => r.status === 'rejected')!;
    expect(['conflict', 'forbidden']).toContain((refused.reason as { code?: string }).code);
    expect(await db.membership.count({ where: { organizationId: t.organizationId, role: 'owner' } })).toBe(1);
  });

  it('an owner leaves when another owner remains', async () => {
    const t = await newTenant('rm-leave-owner');
    const second = await join(t, 'owner', 'rm-leave-owner-2');
    expect(await removeMember({ ctx: second.ctx, input: { membershipId: second.membershipId } })).toEqual({ left: true });
    expect(await db.membership.count({ where: { organizationId: t.organizationId } })).toBe(1);
  });

  it('any member may leave, without members:manage', async () => {
    const t = await newTenant('rm-leave');
    const member = await join(t, 'member', 'rm-leave-m');
    expect(member.ctx.permissions.has('members:manage')).toBe(false);

    expect(await removeMember({ ctx: member.ctx, input: { membershipId: member.membershipId } })).toEqual({ left: true });

    expect(await db.membership.findUnique({ where: { id: member.membershipId } })).toBeNull();
    expect((await db.user.findUniqueOrThrow({ where: { id: member.userId } })).activeOrganizationId).toBeNull();
    const event = await db.auditEvent.findFirstOrThrow({ where: { organizationId: t.organizationId, type: 'member.removed' } });
    expect(event).toMatchObject({ actorUserId: member.userId, detail: { userId: member.userId, left: true } });
  });

  it('leaves another active organization alone', async () => {
    const t = await newTenant('rm-active');
    const member = await join(t, 'member', 'rm-active-m');
    const elsewhere = await newTenant('rm-active-elsewhere');
    await db.membership.create({ data: { userId: member.userId, organizationId: elsewhere.organizationId, role: 'member' } });
    await db.user.update({ where: { id: member.userId }, data: { activeOrganizationId: elsewhere.organizationId } });

    await removeMember({ ctx: member.ctx, input: { membershipId: member.membershipId } });
    expect((await db.user.findUniqueOrThrow({ where: { id: member.userId } })).activeOrganizationId).toBe(elsewhere.organizationId);
  });

  it("another organization's membership id is not found, and nothing changes", async () => {
    const a = await newTenant('rm-victim');
    const victim = await join(a, 'member', 'rm-victim-m');
    const b = await newTenant('rm-intruder');
    const intruderCtx = await ctxOf(b.owner.userId, b.organizationId);

    await expect(removeMember({ ctx: intruderCtx, input: { membershipId: victim.membershipId } })).rejects.toMatchObject({ code: 'not_found' });
    await expect(removeMember({ ctx: intruderCtx, input: { membershipId: await ownerMembershipId(a) } })).rejects.toMatchObject({ code: 'not_found' });
    await expect(removeMember({ ctx: intruderCtx, input: { membershipId: 'not-a-uuid' } })).rejects.toBeInstanceOf(ZodError);
    expect(await db.membership.count({ where: { organizationId: a.organizationId } })).toBe(2);
    expect(await db.auditEvent.count({ where: { type: 'member.removed', organizationId: { in: [a.organizationId, b.organizationId] } } })).toBe(0);
  });
});
