// Administering an organization's users (API.md §6): add one with a password or an emailed invite, replace their
// profile, set their password, remove them, give them their one role, grant or revoke a permission. Each change runs
// under the organization's access lock with the caller's permissions as they are now, through the one grant rule.
import { hashPassword } from '../../auth/passwords';
import { isPermission, type Permission } from '../../auth/permissions';
import { newSecret } from '../../auth/secrets';
import { requirePermission, requireOrg, type Ctx, type OrgCtx } from '../../context';
import { db, type Tx } from '../../db';
import { env } from '../../env';
import { AppError, conflict, forbidden, notFound, validationFailed } from '../../errors';
import { appUrl } from '../../mail/app-url';
import { sendMail } from '../../mail/send-mail';
import { publishEvent } from '../../realtime/publish-event';
import { assertMayActOn, assertMayGrant, type Grantor } from '../access/grant-rule';
import { grantorNow, lockOrganizationAccess } from '../access/member-access';
import { auditActor, recordAuditEvent } from '../audit/record-audit-event';
import { endAllSessions } from '../identity/end-sessions';
import { builtInRoleFound, findRole, type FoundRole } from '../roles/find-role';
import { changeRole, grantPermission, memberDetail, removeMembership, revokePermission, targetOf } from './member-changes';
import { createUserInput, setUserPasswordInput, updateUserInput, type OrganizationUserDto } from './organization-user.schema';
import { loadMember, memberName, toOrganizationUserDto, type MemberRow } from './organization-users';

const EXPIRY_DATE = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' });

/**
 * Runs `change` in one transaction, under the organization's access lock, with the caller's permissions as of now —
 * and whether they were an owner when the request began (of two owners demoting each other at once, the second learns
 * the organization needs an owner, not that they stopped being one a moment ago).
 */
export function underAccessLock<T>(ctx: OrgCtx, change: (tx: Tx, grantor: Grantor) => Promise<T>): Promise<T> {
  return db.$transaction(async (tx) => {
    await lockOrganizationAccess(tx, ctx.organizationId);
    return change(tx, { ...(await grantorNow(tx, ctx)), wasOwner: ctx.owner === true });
  });
}

const actingUserId = (ctx: Ctx) => (ctx.actor.kind === 'user' ? ctx.actor.id : ctx.actor.kind === 'apiKey' ? ctx.actor.createdById : null);

/**
 * SECURITY: an account that also belongs to other organizations is its person's own: an administrator here may not
 * change its password, email or name (that would reach into those organizations), only its role and grants here.
 */
async function assertManagedHere(tx: Tx, ctx: OrgCtx, m: MemberRow, what: string): Promise<void> {
  const elsewhere = await tx.membership.count({ where: { userId: m.userId, organizationId: { not: ctx.organizationId } } });
  if (elsewhere > 0) throw forbidden(`${memberName(m)} also belongs to other organizations, so only they can change their ${what}`);
}

/** A role named in a body: an unknown one is a field error, not a missing page. */
async function roleFromBody(tx: Tx, ctx: OrgCtx, roleId: string): Promise<FoundRole> {
  try {
    return await findRole(tx, ctx.organizationId, roleId);
  } catch (e) {
    if (e instanceof AppError && e.code === 'not_found') throw validationFailed('role', 'is not a role of this organization (GET /roles lists them)');
    throw e;
  }
}

export async function createUser(opts: { ctx: Ctx; input: unknown }): Promise<OrganizationUserDto> {
  const ctx = requirePermission(opts.ctx, 'members:manage');
  const input = createUserInput.parse(opts.input);
  // Hashing is slow on purpose; it happens before the transaction so the lock never waits on it.
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  return underAccessLock(ctx, async (tx, grantor) => {
    const role = await roleFromBody(tx, ctx, input.role);
    // SECURITY: the grant rule — the new member gets nothing the caller does not hold.
    assertMayGrant(grantor, { role: role.granted, permissions: input.permissions }, input.permissions.length ? `the role “${role.name}” with these permissions` : `the role “${role.name}”`);
    const existing = await tx.user.findUnique({ where: { email: input.email }, select: { id: true, memberships: { where: { organizationId: ctx.organizationId }, select: { id: true } } } });
    if (existing?.memberships.length) throw conflict(`${input.email} is already a member of this organization`);
    // SECURITY: someone's existing account keeps its own password and name; it is only added here.
    if (existing && (input.password || input.username)) {
      throw conflict(`An account for ${input.email} already exists: leave out the password and username to add it (its person signs in as before)`);
    }
    const user =
      existing ??
      (await tx.user.create({
        // A new account lands in this organization when its person first signs in.
        data: { email: input.email, username: input.username ?? null, firstName: input.firstName, lastName: input.lastName, passwordHash, activeOrganizationId: ctx.organizationId },
        select: { id: true },
      }));
    await tx.membership.create({
      data: { userId: user.id, organizationId: ctx.organizationId, role: role.builtIn ? role.id : 'member', customRoleId: role.builtIn ? null : role.id, permissions: input.permissions },
    });
    const [organization, inviter] = await Promise.all([
      tx.organization.findUniqueOrThrow({ where: { id: ctx.organizationId }, select: { name: true } }),
      actingUserId(ctx) ? tx.user.findUnique({ where: { id: actingUserId(ctx)! }, select: { firstName: true, lastName: true } }) : null,
    ]);
    const inviterName = inviter ? `${inviter.firstName} ${inviter.lastName}`.trim() : null;
    if (!existing && !passwordHash) {
      // The invite flow: an invite to the organization alone, whose link lets them choose a password (/invite/{token}).
      const { secret, hash } = newSecret('inv', 24);
      const expiresAt = new Date(Date.now() + env().INVITE_EXPIRY_DAYS * 86_400_000);
      await tx.invite.create({ data: { organizationId: ctx.organizationId, teamId: null, email: input.email, role: 'member', tokenHash: hash, expiresAt, invitedById: actingUserId(ctx) } });
      await sendMail(tx, { organizationId: ctx.organizationId, to: input.email, template: 'organization-invite', data: { inviterName, organizationName: organization.name, roleName: role.name, url: appUrl(`/invite/${secret}`), expiresOn: EXPIRY_DATE.format(expiresAt) } });
    } else if (existing) {
      await sendMail(tx, { organizationId: ctx.organizationId, to: input.email, template: 'organization-invite', data: { inviterName, organizationName: organization.name, roleName: role.name, url: appUrl('/login'), expiresOn: null } });
    }
    const m = await loadMember(tx, ctx, user.id);
    const dto = toOrganizationUserDto(m);
    await recordAuditEvent(
      { type: 'user.created', organizationId: ctx.organizationId, ...auditActor(ctx), ip: ctx.ip, detail: { ...memberDetail(m), to: { role: dto.role.builtIn ? dto.role.id : dto.role.name, roleId: dto.role.id, permissions: dto.permissions, status: dto.status }, existingAccount: existing !== null } },
      tx,
    );
    await publishEvent(tx, { organizationId: ctx.organizationId, type: 'member.updated', payload: { membershipId: m.id, userId: m.userId }, audience: { permission: 'members:read' } });
    return dto;
  });
}

/** PUT /users/{id}: replaces name, email and username of an account this organization alone holds (or the caller's own). */
export async function updateUser(opts: { ctx: Ctx; id: string; input: unknown }): Promise<OrganizationUserDto> {
  const ctx = requirePermission(opts.ctx, 'members:manage');
  const input = updateUserInput.parse(opts.input);
  return underAccessLock(ctx, async (tx, grantor) => {
    const m = await loadMember(tx, ctx, opts.id);
    const self = ctx.actor.kind === 'user' && ctx.actor.id === m.userId;
    if (!self) {
      assertMayActOn(grantor, targetOf(m));
      await assertManagedHere(tx, ctx, m, 'name, email or username');
    }
    const before = { email: m.user.email, firstName: m.user.firstName, lastName: m.user.lastName, username: m.user.username };
    const after = { email: input.email, firstName: input.firstName, lastName: input.lastName, username: input.username === undefined ? before.username : input.username };
    const taken = await tx.user.findFirst({ where: { id: { not: m.userId }, OR: [{ email: after.email }, ...(after.username ? [{ username: after.username }] : [])] }, select: { email: true } });
    if (taken) throw conflict(taken.email === after.email ? 'Another account already uses this email' : 'This username is taken');
    await tx.user.update({ where: { id: m.userId }, data: after });
    const changed = (Object.keys(after) as (keyof typeof after)[]).filter((k) => (before[k] ?? null) !== (after[k] ?? null));
    if (changed.length) {
      await recordAuditEvent(
        { type: 'user.updated', organizationId: ctx.organizationId, ...auditActor(ctx), ip: ctx.ip, detail: { ...memberDetail(m), from: Object.fromEntries(changed.map((k) => [k, before[k]])), to: Object.fromEntries(changed.map((k) => [k, after[k]])) } },
        tx,
      );
      await publishEvent(tx, { organizationId: ctx.organizationId, type: 'member.updated', payload: { membershipId: m.id, userId: m.userId }, audience: { permission: 'members:read' } });
    }
    return toOrganizationUserDto(await loadMember(tx, ctx, m.userId));
  });
}

/** PUT /users/{id}/password: every session, access and refresh token of the person ends. */
export async function setUserPassword(opts: { ctx: Ctx; id: string; input: unknown }): Promise<void> {
  const ctx = requirePermission(opts.ctx, 'members:manage');
  const input = setUserPasswordInput.parse(opts.input);
  if (ctx.actor.kind === 'user' && ctx.actor.id === opts.id) throw forbidden('Change your own password from your account: it asks for the current one');
  const passwordHash = await hashPassword(input.password);
  await underAccessLock(ctx, async (tx, grantor) => {
    const m = await loadMember(tx, ctx, opts.id);
    // SECURITY: nobody sets the password of someone who holds more, or of an account other organizations share.
    assertMayActOn(grantor, targetOf(m));
    await assertManagedHere(tx, ctx, m, 'password');
    await tx.user.update({ where: { id: m.userId }, data: { passwordHash } });
    await endAllSessions(tx, m.userId);
    // An invite still waiting to let them choose one has nothing left to do.
    await tx.invite.updateMany({ where: { organizationId: ctx.organizationId, email: m.user.email, teamId: null, acceptedAt: null, revokedAt: null }, data: { revokedAt: new Date() } });
    await recordAuditEvent({ type: 'user.password_set', organizationId: ctx.organizationId, ...auditActor(ctx), ip: ctx.ip, detail: { ...memberDetail(m), from: m.user.passwordHash === null ? 'none' : 'set', to: 'set' } }, tx);
  });
}

/** DELETE /users/{id}: they can no longer act in the organization; what they made stays. One's own id is leaving. */
export async function removeUser(opts: { ctx: Ctx; id: string }): Promise<void> {
  const ctx = requireOrg(opts.ctx);
  const leaving = ctx.actor.kind === 'user' && ctx.actor.id === opts.id;
  if (!leaving) requirePermission(ctx, 'members:manage');
  await underAccessLock(ctx, async (tx, grantor) => removeMembership(tx, ctx, grantor, await loadMember(tx, ctx, opts.id), leaving));
}

/** PUT /users/{id}/roles/{role}: the member's one role becomes this one. */
export async function setUserRole(opts: { ctx: Ctx; id: string; roleId: string }): Promise<OrganizationUserDto> {
  const ctx = requirePermission(opts.ctx, 'members:manage');
  return underAccessLock(ctx, async (tx, grantor) => {
    const m = await loadMember(tx, ctx, opts.id);
    await changeRole(tx, ctx, grantor, m, await findRole(tx, ctx.organizationId, opts.roleId));
    return toOrganizationUserDto(await loadMember(tx, ctx, m.userId));
  });
}

/** DELETE /users/{id}/roles/{role}: the member's current role is taken away, which leaves them a member. */
export async function removeUserRole(opts: { ctx: Ctx; id: string; roleId: string }): Promise<void> {
  const ctx = requirePermission(opts.ctx, 'members:manage');
  await underAccessLock(ctx, async (tx, grantor) => {
    const m = await loadMember(tx, ctx, opts.id);
    const role = await findRole(tx, ctx.organizationId, opts.roleId);
    const held = m.customRole ? m.customRole.id : m.role;
    if (held !== role.id) throw notFound(`The role “${role.name}” of ${memberName(m)}`);
    await changeRole(tx, ctx, grantor, m, builtInRoleFound('member'));
  });
}

const permissionOf = (id: string): Permission => {
  if (!isPermission(id)) throw notFound('Permission');
  return id;
};

/** PUT /users/{id}/permissions/{permission}: a direct grant on top of the role. */
export async function grantUserPermission(opts: { ctx: Ctx; id: string; permission: string }): Promise<OrganizationUserDto> {
  const ctx = requirePermission(opts.ctx, 'members:manage');
  const permission = permissionOf(opts.permission);
  return underAccessLock(ctx, async (tx, grantor) => {
    const m = await loadMember(tx, ctx, opts.id);
    await grantPermission(tx, ctx, grantor, m, permission);
    return toOrganizationUserDto(await loadMember(tx, ctx, m.userId));
  });
}

/** DELETE /users/{id}/permissions/{permission}: takes a direct grant away (what the role gives stays). */
export async function revokeUserPermission(opts: { ctx: Ctx; id: string; permission: string }): Promise<void> {
  const ctx = requirePermission(opts.ctx, 'members:manage');
  const permission = permissionOf(opts.permission);
  await underAccessLock(ctx, async (tx, grantor) => revokePermission(tx, ctx, grantor, await loadMember(tx, ctx, opts.id), permission));
}
