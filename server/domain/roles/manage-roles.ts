// The permission list and the organization's roles: the built-in four (fixed, in code) and custom roles built from the
// permission list. Creating, changing and deleting a custom role goes through the grant rule under the organization's
// access lock; whoever holds a changed or deleted role is followed through (streams re-check, their API keys shrink).
import { PERMISSION_LIST, ROLES } from '../../auth/permissions';
import { requirePermission, type Ctx, type OrgCtx } from '../../context';
import { db, type Tx } from '../../db';
import { AppError, conflict } from '../../errors';
import { publishAccessChange } from '../../realtime/access-changes';
import { publishEvent } from '../../realtime/publish-event';
import { assertMayShapeRole } from '../access/grant-rule';
import { keepKeysWithinCreators } from '../access/member-access';
import { auditActor, recordAuditEvent } from '../audit/record-audit-event';
import type { Page } from '../shared/list';
import { underAccessLock } from '../users/manage-users';
import { builtInRoleFound, customRoleFound, findRole, type CustomRoleRow, type FoundRole } from './find-role';
import { BUILT_IN_ROLES, roleInput, type PermissionDto, type RoleDto } from './role.schema';

// Roles are read whole by the matrix; a bound keeps that page (and every role menu) usable.
export const MAX_CUSTOM_ROLES = 100;

export function listPermissions(opts: { ctx: Ctx }): PermissionDto[] {
  requirePermission(opts.ctx, 'members:read');
  return PERMISSION_LIST.map((p) => ({ id: p.id, label: p.label, area: p.id.split(':')[0]! }));
}

const toDto = (role: FoundRole, members: number): RoleDto =>
  role.builtIn
    ? { id: role.id, name: role.name, description: BUILT_IN_ROLES[role.id].description, builtIn: true, permissions: [...role.permissions], members, createdAt: null, updatedAt: null }
    : { id: role.id, name: role.name, description: role.row.description, builtIn: false, permissions: [...role.permissions], members, createdAt: role.row.createdAt.toISOString(), updatedAt: role.row.updatedAt.toISOString() };

async function holderCounts(organizationId: string) {
  const [builtIn, custom] = await Promise.all([
    db.membership.groupBy({ by: ['role'], where: { organizationId, customRoleId: null }, _count: { _all: true } }),
    db.membership.groupBy({ by: ['customRoleId'], where: { organizationId, customRoleId: { not: null } }, _count: { _all: true } }),
  ]);
  const counts = new Map<string, number>();
  for (const r of builtIn) counts.set(r.role, r._count._all);
  for (const r of custom) counts.set(r.customRoleId!, r._count._all);
  return counts;
}

/** The built-in roles first (owner to member), then the custom roles by name. */
export async function listRoles(opts: { ctx: Ctx; page?: Page }): Promise<{ count: number; results: RoleDto[] }> {
  const ctx = requirePermission(opts.ctx, 'members:read');
  const [custom, counts] = await Promise.all([db.customRole.findMany({ where: { organizationId: ctx.organizationId }, orderBy: [{ name: 'asc' }, { id: 'asc' }] }), holderCounts(ctx.organizationId)]);
  const all = [...ROLES.map(builtInRoleFound), ...custom.map(customRoleFound)].map((r) => toDto(r, counts.get(r.id) ?? 0));
  const page = opts.page ?? { offset: 0, limit: all.length };
  return { count: all.length, results: all.slice(page.offset, page.offset + page.limit) };
}

export async function getRole(opts: { ctx: Ctx; id: string }): Promise<RoleDto> {
  const ctx = requirePermission(opts.ctx, 'members:read');
  const role = await findRole(db, ctx.organizationId, opts.id);
  const members = await db.membership.count({ where: role.builtIn ? { organizationId: ctx.organizationId, customRoleId: null, role: role.id } : { organizationId: ctx.organizationId, customRoleId: role.id } });
  return toDto(role, members);
}

type CustomRoleFound = Extract<FoundRole, { builtIn: false }>;

/** 409 for a built-in role: those are fixed. */
function customOnly(role: FoundRole, verb: string): CustomRoleFound {
  if (role.builtIn) throw conflict(`${role.name} is a built-in role: it cannot be ${verb}. Create a custom role instead`);
  return role;
}

const nameTaken = (name: string) => new AppError('conflict', { message: `A role named “${name}” already exists`, errors: [{ path: 'name', message: 'is already the name of a role' }] });

async function assertNameFree(tx: Tx, ctx: OrgCtx, name: string, except?: string) {
  // citext: "Closer" and "closer" are one name.
  if (await tx.customRole.findFirst({ where: { organizationId: ctx.organizationId, name, ...(except && { id: { not: except } }) }, select: { id: true } })) throw nameTaken(name);
}

export async function createRole(opts: { ctx: Ctx; input: unknown }): Promise<RoleDto> {
  const ctx = requirePermission(opts.ctx, 'roles:manage');
  const input = roleInput.parse(opts.input);
  return underAccessLock(ctx, async (tx, grantor) => {
    // SECURITY: a role holding what the caller lacks would let them hand it out.
    assertMayShapeRole(grantor, 'create', { name: input.name, permissions: [] }, input.permissions);
    if ((await tx.customRole.count({ where: { organizationId: ctx.organizationId } })) >= MAX_CUSTOM_ROLES) throw conflict(`An organization can have at most ${MAX_CUSTOM_ROLES} custom roles: delete one first`);
    await assertNameFree(tx, ctx, input.name);
    const row = await tx.customRole.create({ data: { organizationId: ctx.organizationId, name: input.name, description: input.description ?? null, permissions: input.permissions } });
    await recordAuditEvent({ type: 'role.created', organizationId: ctx.organizationId, ...auditActor(ctx), ip: ctx.ip, detail: { roleId: row.id, name: row.name, to: { name: row.name, description: row.description, permissions: row.permissions } } }, tx);
    await publishEvent(tx, { organizationId: ctx.organizationId, type: 'role.updated', payload: { roleId: row.id }, audience: { permission: 'members:read' } });
    return toDto(customRoleFound(row), 0);
  });
}

const snapshot = (r: CustomRoleRow) => ({ name: r.name, description: r.description, permissions: r.permissions });

/** Those who hold the role, told that what they may do changed; their API keys keep within it. */
async function followHolders(tx: Tx, ctx: OrgCtx, userIds: string[]) {
  for (const userId of userIds) await publishAccessChange(tx, { kind: 'member', organizationId: ctx.organizationId, userId });
  await keepKeysWithinCreators(tx, ctx, userIds);
}

/** PUT /roles/{role}: replaces a custom role's name, description and permissions; its holders follow at once. */
export async function updateRole(opts: { ctx: Ctx; id: string; input: unknown }): Promise<RoleDto> {
  const ctx = requirePermission(opts.ctx, 'roles:manage');
  const input = roleInput.parse(opts.input);
  return underAccessLock(ctx, async (tx, grantor) => {
    const role = customOnly(await findRole(tx, ctx.organizationId, opts.id), 'changed');
    assertMayShapeRole(grantor, 'change', role.row, input.permissions);
    await assertNameFree(tx, ctx, input.name, role.id);
    const row = await tx.customRole.update({ where: { id: role.id }, data: { name: input.name, description: input.description ?? null, permissions: input.permissions } });
    const holders = await tx.membership.findMany({ where: { organizationId: ctx.organizationId, customRoleId: role.id }, select: { userId: true } });
    await followHolders(tx, ctx, holders.map((h) => h.userId));
    await recordAuditEvent(
      { type: 'role.updated', organizationId: ctx.organizationId, ...auditActor(ctx), ip: ctx.ip, detail: { roleId: row.id, name: row.name, from: snapshot(role.row), to: snapshot(row), holders: holders.length } },
      tx,
    );
    await publishEvent(tx, { organizationId: ctx.organizationId, type: 'role.updated', payload: { roleId: row.id }, audience: { permission: 'members:read' } });
    return toDto(customRoleFound(row), holders.length);
  });
}

/** DELETE /roles/{role}: its holders return to member (each said in the security log), then the role goes. */
export async function deleteRole(opts: { ctx: Ctx; id: string }): Promise<void> {
  const ctx = requirePermission(opts.ctx, 'roles:manage');
  await underAccessLock(ctx, async (tx, grantor) => {
    const role = customOnly(await findRole(tx, ctx.organizationId, opts.id), 'deleted');
    assertMayShapeRole(grantor, 'delete', role.row);
    const holders = await tx.membership.findMany({ where: { organizationId: ctx.organizationId, customRoleId: role.id }, select: { id: true, userId: true, user: { select: { email: true, firstName: true, lastName: true } } } });
    await tx.membership.updateMany({ where: { organizationId: ctx.organizationId, customRoleId: role.id }, data: { customRoleId: null, role: 'member' } });
    await tx.customRole.delete({ where: { id: role.id } });
    await followHolders(tx, ctx, holders.map((h) => h.userId));
    const people = holders.map((h) => ({ membershipId: h.id, userId: h.userId, name: `${h.user.firstName} ${h.user.lastName}`.trim(), email: h.user.email }));
    for (const p of people) {
      await recordAuditEvent({ type: 'member.role_changed', organizationId: ctx.organizationId, ...auditActor(ctx), ip: ctx.ip, detail: { ...p, from: role.name, to: 'member', fromRoleId: role.id, toRoleId: 'member', reason: `The role “${role.name}” was deleted` } }, tx);
    }
    await recordAuditEvent({ type: 'role.deleted', organizationId: ctx.organizationId, ...auditActor(ctx), ip: ctx.ip, detail: { roleId: role.id, name: role.name, from: snapshot(role.row), holders: people, holdersNowRole: 'member' } }, tx);
    await publishEvent(tx, { organizationId: ctx.organizationId, type: 'role.updated', payload: { roleId: role.id }, audience: { permission: 'members:read' } });
  });
}
