// What members and API keys may do *now*, read from the database: the organization's access lock that serializes every
// change of who may do what, the grantor as of inside it, which members hold a permission, and the rule that keeps
// every API key within what its creator currently holds.
import { knownPermissions, permissionsOfMember, rolesWith, type Permission } from '../../auth/permissions';
import type { OrgCtx } from '../../context';
import type { Tx } from '../../db';
import { AppError, forbidden } from '../../errors';
import { Prisma } from '../../generated/prisma/client';
import { publishAccessChange } from '../../realtime/access-changes';
import { auditActor, recordAuditEvent } from '../audit/record-audit-event';
import type { Grantor } from './grant-rule';

/** The columns that decide what a member may do (feed them to permissionsOfMember). */
export const memberAccessSelect = {
  role: true,
  permissions: true,
  customRole: { select: { id: true, name: true, permissions: true } },
} as const satisfies Prisma.MembershipSelect;

// Any constant keeps these locks apart from other advisory locks of the database; the organization picks the lock.
const ACCESS_LOCK = 21_0001;

/**
 * SECURITY: serializes, per organization, every change of who may do what — roles, direct grants, custom roles,
 * removals, passwords set by admins, new API keys — until the transaction ends. Two owners demoting each other at the
 * same instant take turns, and the second sees the first's change (so the last owner stays). Call it first in the
 * transaction, before reading anything the decision depends on. An advisory lock, so nothing else waits on it.
 */
export async function lockOrganizationAccess(tx: Tx, organizationId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ACCESS_LOCK}::int, hashtext(${organizationId}))`;
}

/**
 * The caller as a grantor, read again inside the lock: what their membership (or API key, within its creator's) holds
 * now, not when the request began — someone demoted a moment ago grants nothing they lost.
 */
export async function grantorNow(tx: Tx, ctx: OrgCtx): Promise<Grantor> {
  if (ctx.actor.kind === 'user') {
    const m = await tx.membership.findUnique({ where: { userId_organizationId: { userId: ctx.actor.id, organizationId: ctx.organizationId } }, select: memberAccessSelect });
    if (!m) throw forbidden('You are no longer a member of this organization');
    return { actor: ctx.actor, permissions: permissionsOfMember(m), owner: m.role === 'owner' };
  }
  if (ctx.actor.kind === 'apiKey') {
    const key = await tx.apiKey.findFirst({ where: { id: ctx.actor.id, organizationId: ctx.organizationId, revokedAt: null }, select: { scopes: true, createdById: true } });
    if (!key) throw new AppError('unauthenticated', { message: 'The API key is not valid', headers: { 'WWW-Authenticate': 'Bearer' } });
    return { actor: ctx.actor, permissions: await keyPermissions(tx, { ...key, organizationId: ctx.organizationId }), owner: false };
  }
  return { actor: ctx.actor, permissions: new Set(), owner: false };
}

/** What a member holds in an organization now; null when they are not a member. */
export async function memberPermissionsNow(tx: Pick<Tx, 'membership'>, organizationId: string, userId: string): Promise<Set<Permission> | null> {
  const m = await tx.membership.findUnique({ where: { userId_organizationId: { userId, organizationId } }, select: memberAccessSelect });
  return m ? permissionsOfMember(m) : null;
}

/**
 * SECURITY: what an API key may do — its scopes, within what its creator holds in its organization right now. A key
 * whose creator left the organization (or whose account is gone) may do nothing.
 */
export async function keyPermissions(tx: Pick<Tx, 'membership'>, key: { scopes: readonly string[]; createdById: string | null; organizationId: string }): Promise<Set<Permission>> {
  const creator = key.createdById ? await memberPermissionsNow(tx, key.organizationId, key.createdById) : null;
  return new Set(knownPermissions(key.scopes).filter((p) => creator?.has(p)));
}

/**
 * Members who hold `permission`, as SQL for lists read by hand (`m` is the "Membership" row): by their built-in role when
 * they hold no custom role, by their custom role, or by a direct grant — permissionsOfMember's formula.
 */
export function holdingPermissionSql(permission: Permission): Prisma.Sql {
  return Prisma.sql`((m."customRoleId" IS NULL AND m.role::text = ANY(${rolesWith(permission)}::text[]))
    OR m."customRoleId" IN (SELECT cr.id FROM "CustomRole" cr WHERE cr."organizationId" = m."organizationId" AND cr.permissions @> ARRAY[${permission}]::text[])
    OR m.permissions @> ARRAY[${permission}]::text[])`;
}

/**
 * SECURITY: an API key's scopes stay within its creator's current permissions. Called inside the transaction that
 * changed what these members may do, after the change: each key they created in the organization loses the scopes its
 * creator no longer holds — or is revoked when the creator is no longer a member — and every instance hears of each
 * changed key at once (an `apiKey` access change: open streams re-check, caches evict). Requests resolve a key within
 * its creator's permissions too (resolve-context.ts), so nothing depends on this running first.
 */
export async function keepKeysWithinCreators(tx: Tx, ctx: OrgCtx, userIds: readonly string[]): Promise<void> {
  if (userIds.length === 0) return;
  const keys = await tx.apiKey.findMany({ where: { organizationId: ctx.organizationId, createdById: { in: [...userIds] }, revokedAt: null }, orderBy: { createdAt: 'asc' } });
  const held = new Map<string, Set<Permission> | null>();
  for (const key of keys) {
    const creatorId = key.createdById!;
    if (!held.has(creatorId)) held.set(creatorId, await memberPermissionsNow(tx, ctx.organizationId, creatorId));
    const creator = held.get(creatorId)!;
    if (creator === null) {
      await tx.apiKey.update({ where: { id: key.id }, data: { revokedAt: new Date() } });
      await recordAuditEvent({ type: 'api_key.revoked', organizationId: ctx.organizationId, ...auditActor(ctx), ip: ctx.ip, detail: { apiKeyId: key.id, name: key.name, reason: 'Its creator left the organization' } }, tx);
    } else {
      const kept = key.scopes.filter((s) => creator.has(s as Permission));
      if (kept.length === key.scopes.length) continue;
      await tx.apiKey.update({ where: { id: key.id }, data: { scopes: kept } });
      const lost = key.scopes.filter((s) => !kept.includes(s));
      await recordAuditEvent({ type: 'api_key.scopes_reduced', organizationId: ctx.organizationId, ...auditActor(ctx), ip: ctx.ip, detail: { apiKeyId: key.id, name: key.name, from: key.scopes, to: kept, lost } }, tx);
    }
    await publishAccessChange(tx, { kind: 'apiKey', organizationId: ctx.organizationId, apiKeyId: key.id });
  }
}
