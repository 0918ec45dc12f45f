// Finds a role by its id — a built-in role's name or a custom role's UUID — within the caller's organization.
import { isBuiltInRole, knownPermissions, ROLE_PERMISSIONS, type Permission } from '../../auth/permissions';
import type { Tx } from '../../db';
import { notFound } from '../../errors';
import type { Role } from '../../generated/prisma/enums';
import type { GrantedRole } from '../access/grant-rule';
import { isUuid } from '../shared/ids';
import { BUILT_IN_ROLES } from './role.schema';

export type CustomRoleRow = { id: string; organizationId: string; name: string; description: string | null; permissions: string[]; createdAt: Date; updatedAt: Date };

export type FoundRole =
  | { builtIn: true; id: Role; name: string; granted: Role; permissions: readonly Permission[] }
  | { builtIn: false; id: string; name: string; granted: GrantedRole; permissions: readonly Permission[]; row: CustomRoleRow };

export function customRoleFound(row: CustomRoleRow): FoundRole {
  return { builtIn: false, id: row.id, name: row.name, granted: { name: row.name, permissions: row.permissions }, permissions: knownPermissions(row.permissions), row };
}

export function builtInRoleFound(role: Role): FoundRole {
  return { builtIn: true, id: role, name: BUILT_IN_ROLES[role].name, granted: role, permissions: ROLE_PERMISSIONS[role] };
}

/** The role, or 404: another organization's custom role is as unknown as one that never existed. */
export async function findRole(tx: Pick<Tx, 'customRole'>, organizationId: string, roleId: string): Promise<FoundRole> {
  if (isBuiltInRole(roleId)) return builtInRoleFound(roleId);
  if (!isUuid(roleId)) throw notFound('Role');
  const row = await tx.customRole.findFirst({ where: { id: roleId, organizationId } });
  if (!row) throw notFound('Role');
  return customRoleFound(row);
}
