// The changes of what one member may do — their role, a direct grant, their removal — each checked by the grant rule,
// each keeping the organization's last owner, each followed through: open streams re-check, the member's API keys stay
// within what they now hold, and the security log says who, whom, before and after. Callers hold the organization's
// access lock (member-access.ts) and pass the grantor as read inside it; both doors and both pages come here.
import { leaveOrganizationConversations } from '../conversations/manage-conversations';
import { knownPermissions, permissionsOfMember, type Permission } from '../../auth/permissions';
import type { OrgCtx } from '../../context';
import type { Tx } from '../../db';
import { conflict, notFound } from '../../errors';
import { publishAccessChange } from '../../realtime/access-changes';
import { publishEvent } from '../../realtime/publish-event';
import { assertMayActOn, assertMayGrant, type Grantor, type Target } from '../access/grant-rule';
import { keepKeysWithinCreators } from '../access/member-access';
import { auditActor, recordAuditEvent } from '../audit/record-audit-event';
import type { FoundRole } from '../roles/find-role';
import { memberName, roleOf, type MemberRow } from './organization-users';

export const targetOf = (m: MemberRow): Target => ({ permissions: permissionsOfMember(m), name: memberName(m), owner: m.role === 'owner' && !m.customRole });

// Who the member was, kept in the event so the log still names them after they leave or change their name.
export const memberDetail = (m: MemberRow) => ({ membershipId: m.id, userId: m.userId, name: memberName(m), email: m.user.email });

/** A role in the log: `from`/`to` read as the built-in role's id or the custom role's name, with its id beside it. */
const roleRef = (role: { id: string; name: string; builtIn: boolean }) => (role.builtIn ? role.id : role.name);

/** 409 when the member about to stop being an owner is the last one (under the access lock, so counts are current). */
export async function keepAnOwner(tx: Tx, ctx: OrgCtx, target: MemberRow, message: string): Promise<void> {
  if (target.role !== 'owner') return;
  const others = await tx.membership.count({ where: { organizationId: ctx.organizationId, role: 'owner', id: { not: target.id } } });
  if (others === 0) throw conflict(message);
}

/** Whether the caller is an owner, or was one when the request began (see underAccessLock). */
const ownerAsked = (grantor: Grantor) => grantor.owner === true || grantor.wasOwner === true;

/** What every change of a member's access is followed by, in the same transaction. */
async function followUp(tx: Tx, ctx: OrgCtx, m: MemberRow, payload: Record<string, unknown>) {
  // Their open streams on every instance re-check what they may see now.
  await publishAccessChange(tx, { kind: 'member', organizationId: ctx.organizationId, userId: m.userId });
  // SECURITY: API keys they created never hold more than they now do.
  await keepKeysWithinCreators(tx, ctx, [m.userId]);
  // Open member lists refresh; the member's own tabs pick up what they may do.
  await publishEvent(tx, { organizationId: ctx.organizationId, type: 'member.updated', payload: { membershipId: m.id, userId: m.userId, ...payload }, audience: { permission: 'members:read' } });
}

/** Gives the member `role` (their one role). Returns false when they already held it. */
export async function changeRole(tx: Tx, ctx: OrgCtx, grantor: Grantor, m: MemberRow, role: FoundRole): Promise<boolean> {
  const demotion = !(role.builtIn && role.id === 'owner');
  const lastOwnerMessage = 'An organization needs at least one owner: make someone else owner first';
  // For an owner (or one who was, a moment ago) the last owner comes first: of two owners demoting each other at once,
  // the second is told the organization needs an owner (409). Anyone else is refused by the grant rule first (403).
  if (demotion && ownerAsked(grantor)) await keepAnOwner(tx, ctx, m, lastOwnerMessage);
  // SECURITY: the grant rule — nobody changes someone holding more, nor gives a role (with the member's own direct
  // grants, which stay) beyond what they hold; only an owner makes or unmakes an owner.
  assertMayActOn(grantor, targetOf(m));
  assertMayGrant(grantor, { role: role.granted, permissions: knownPermissions(m.permissions) }, `the role “${role.name}”`);
  if (demotion) await keepAnOwner(tx, ctx, m, lastOwnerMessage);
  const before = roleOf(m);
  if (before.id === role.id) return false;
  await tx.membership.update({ where: { id: m.id }, data: role.builtIn ? { role: role.id, customRoleId: null } : { role: 'member', customRoleId: role.id } });
  const after = { id: role.id, name: role.name, builtIn: role.builtIn };
  await recordAuditEvent(
    { type: 'member.role_changed', organizationId: ctx.organizationId, ...auditActor(ctx), ip: ctx.ip, detail: { ...memberDetail(m), from: roleRef(before), to: roleRef(after), fromRoleId: before.id, toRoleId: after.id } },
    tx,
  );
  await followUp(tx, ctx, m, { role: after.id });
  return true;
}

/** Adds a direct grant. Returns false when the member already held it directly. */
export async function grantPermission(tx: Tx, ctx: OrgCtx, grantor: Grantor, m: MemberRow, permission: Permission): Promise<boolean> {
  assertMayActOn(grantor, targetOf(m));
  assertMayGrant(grantor, { permissions: [permission] });
  const before = knownPermissions(m.permissions);
  if (before.includes(permission)) return false;
  const after = knownPermissions([...before, permission]);
  await tx.membership.update({ where: { id: m.id }, data: { permissions: after } });
  await recordAuditEvent({ type: 'member.permission_granted', organizationId: ctx.organizationId, ...auditActor(ctx), ip: ctx.ip, detail: { ...memberDetail(m), permission, from: before, to: after } }, tx);
  await followUp(tx, ctx, m, { permission });
  return true;
}

/** Takes a direct grant away; 404 when the member holds it only through their role, or not at all. */
export async function revokePermission(tx: Tx, ctx: OrgCtx, grantor: Grantor, m: MemberRow, permission: Permission): Promise<void> {
  assertMayActOn(grantor, targetOf(m));
  // Anything stored that is no longer a permission is cleared with it.
  const before = knownPermissions(m.permissions);
  if (!before.includes(permission)) throw notFound(`A direct grant of ${permission} to ${memberName(m)}`);
  const after = before.filter((p) => p !== permission);
  await tx.membership.update({ where: { id: m.id }, data: { permissions: after } });
  await recordAuditEvent({ type: 'member.permission_revoked', organizationId: ctx.organizationId, ...auditActor(ctx), ip: ctx.ip, detail: { ...memberDetail(m), permission, from: before, to: after } }, tx);
  await followUp(tx, ctx, m, { permission });
}

/**
 * Removes the member from the organization, or lets them leave. Their account and what they made stay; their access
 * ends at once everywhere: memberships, pending invites to their address, the API keys they created.
 */
export async function removeMembership(tx: Tx, ctx: OrgCtx, grantor: Grantor, m: MemberRow, leaving: boolean): Promise<void> {
  const lastOwnerMessage = leaving ? 'You are the last owner: make someone else owner before you leave, or delete the organization' : 'An organization needs at least one owner: make someone else owner first';
  if (leaving || ownerAsked(grantor)) await keepAnOwner(tx, ctx, m, lastOwnerMessage);
  if (!leaving) assertMayActOn(grantor, targetOf(m));
  await keepAnOwner(tx, ctx, m, lastOwnerMessage);
  await tx.membership.delete({ where: { id: m.id } });
  await leaveOrganizationConversations(tx, ctx.organizationId, m.userId);
  // An invite still open would let them back in with a click.
  await tx.invite.updateMany({ where: { organizationId: ctx.organizationId, email: m.user.email, acceptedAt: null, revokedAt: null }, data: { revokedAt: new Date() } });
  // SECURITY: their open streams, on every instance, end within moments (they re-check and find no membership), and
  // the API keys they created stop working (revoked: their creator holds nothing here any more).
  await publishAccessChange(tx, { kind: 'member', organizationId: ctx.organizationId, userId: m.userId });
  await keepKeysWithinCreators(tx, ctx, [m.userId]);
  // Whoever had this organization active starts from their next one (or onboarding) on their next visit.
  await tx.user.updateMany({ where: { id: m.userId, activeOrganizationId: ctx.organizationId }, data: { activeOrganizationId: null } });
  await recordAuditEvent({ type: 'member.removed', organizationId: ctx.organizationId, ...auditActor(ctx), ip: ctx.ip, detail: { ...memberDetail(m), role: roleRef(roleOf(m)), permissions: knownPermissions(m.permissions), left: leaving } }, tx);
  await publishEvent(tx, { organizationId: ctx.organizationId, type: 'member.removed', payload: { membershipId: m.id, userId: m.userId }, audience: { permission: 'members:read' } });
}
