'use client';
// The organization's roles and the permission list, and what the signed-in person may give: every role menu, the
// users page and the roles matrix read them from here, and ask the one grant rule before offering a choice.
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '@/components/providers/trpc';
import { useOrganizationAccess } from '@/components/shell/use-organization-access';
import type { Permission } from '@/server/auth/permissions';
import { mayGrant, type GrantedRole } from '@/server/domain/access/grant-rule';
import type { RoleDto } from '@/server/domain/roles/role.schema';

/** A role as the grant rule takes it. */
export const grantedRole = (r: Pick<RoleDto, 'id' | 'name' | 'builtIn' | 'permissions'>): GrantedRole => (r.builtIn ? (r.id as GrantedRole & string) : { name: r.name, permissions: r.permissions });

export function useRoles() {
  const trpc = useTRPC();
  const roles = useQuery(trpc.roles.list.queryOptions());
  const { organization, role, can } = useOrganizationAccess();
  const held = new Set<Permission>(organization.data?.permissions ?? []);
  const grantor = { permissions: held, owner: role === 'owner' && !organization.data?.customRole };
  return {
    roles,
    can,
    /** Whether the signed-in person may give this role (with these direct grants): the server asks the same rule. */
    mayGive: (r: RoleDto, grants: readonly Permission[] = []) => mayGrant(grantor, { role: grantedRole(r), permissions: grants }),
    mayGivePermission: (p: Permission) => held.has(p),
    /** Whether they may act on someone holding these permissions (and being an owner or not). */
    mayActOn: (target: { permissions: readonly Permission[]; owner: boolean }) => (!target.owner || grantor.owner) && target.permissions.every((p) => held.has(p)),
    isOwner: grantor.owner,
  };
}
