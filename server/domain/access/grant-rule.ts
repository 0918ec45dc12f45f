// SECURITY: the one grant rule. Every path that gives someone a role or permissions — invites, user creation, role
// changes, custom roles (creating, editing, deleting one), direct permission grants and API key scopes — asks this
// module, and nothing else, whether the actor may give it: nobody gives what they do not hold, nobody acts on someone
// who holds more, and only an owner makes or unmakes an owner. A role is decided by the permissions it resolves to, so
// built-in roles, custom roles and direct grants all fit the same rule. (Which permissions someone holds *now* is read
// under the organization's access lock: access/member-access.ts.)
import { knownPermissions, PERMISSION_LABELS, ROLE_PERMISSIONS, type Permission } from '../../auth/permissions';
import type { Ctx } from '../../context';
import { forbidden } from '../../errors';
import type { Role } from '../../generated/prisma/enums';

/** A role as the rule sees it: a built-in one by name, or an organization's custom role with its permissions. */
export type GrantedRole = Role | { name: string; permissions: readonly string[] };

/** What a path gives: a role (its permissions), a set of permissions, or both (a role plus direct grants). */
export type Grant = { role?: GrantedRole; permissions?: Iterable<Permission> };

/**
 * Who gives: the permissions they hold where they act (a person's role and grants, an API key's scopes within its
 * creator's), and whether they are a person holding the owner role there (an API key never is).
 */
export type Grantor = Pick<Ctx, 'actor' | 'permissions'> & {
  owner?: boolean;
  /** An owner when the request began, before it waited for the organization's access lock (`owner` is as of now). */
  wasOwner?: boolean;
};

/** Whom an action touches: what they hold now, their name for the refusal, and whether they are an owner. */
export type Target = { permissions: Iterable<Permission>; name: string; owner?: boolean };

export const roleName = (role: GrantedRole) => (typeof role === 'string' ? role : role.name);
export const permissionsOfRole = (role: GrantedRole): readonly Permission[] => (typeof role === 'string' ? ROLE_PERMISSIONS[role] : knownPermissions(role.permissions));

/** Every permission a grant hands out. */
export function permissionsOfGrant(grant: Grant): Set<Permission> {
  const given = new Set<Permission>(grant.role ? permissionsOfRole(grant.role) : []);
  for (const p of grant.permissions ?? []) given.add(p);
  return given;
}

/** The permissions the grant would give that the grantor does not hold; empty when it may be given. */
export function beyondGrantor(grantor: Pick<Grantor, 'permissions'>, grant: Grant): Permission[] {
  return [...permissionsOfGrant(grant)].filter((p) => !grantor.permissions.has(p));
}

/** Whether the grantor may give it; the owner role needs an owner (`owner` unknown: as a non-owner). */
export const mayGrant = (grantor: Pick<Grantor, 'permissions' | 'owner'>, grant: Grant): boolean =>
  (grant.role !== 'owner' || grantor.owner === true) && beyondGrantor(grantor, grant).length === 0;

const named = (ps: readonly Permission[]) => ps.map((p) => `“${PERMISSION_LABELS[p]}” (${p})`).join(', ');
const whose = (grantor: Grantor) => (grantor.actor.kind === 'apiKey' ? "this API key's scopes do" : 'you do');

/** 403 unless the grantor holds everything the grant gives (and is an owner, for the owner role); names what is missing. */
export function assertMayGrant(grantor: Grantor, grant: Grant, what = grant.role ? `the ${roleName(grant.role)} role` : 'these permissions'): void {
  if (grant.role === 'owner' && grantor.owner !== true) throw forbidden('Only an owner can make someone an owner');
  const missing = beyondGrantor(grantor, grant);
  if (missing.length) throw forbidden(`You cannot give ${what}: it includes ${named(missing)}, which ${whose(grantor)} not hold`);
}

/**
 * 403 unless the grantor holds at least everything the target holds, and is an owner when the target is: changing the
 * role or permissions of, removing, setting the password of or purging someone is acting on them, and nobody acts on
 * someone who holds more than they do.
 */
export function assertMayActOn(grantor: Grantor, target: Target): void {
  if (target.owner && grantor.owner !== true) throw forbidden(`Only an owner can change, remove or set the password of an owner (${target.name} is one)`);
  const missing = beyondGrantor(grantor, { permissions: target.permissions });
  if (missing.length) throw forbidden(`You cannot change what ${target.name} may do: they hold ${named(missing)}, which ${whose(grantor)} not`);
}

/**
 * 403 unless the grantor holds every permission a custom role has and would have: editing or deleting a role gives or
 * takes those permissions from everyone who holds it.
 */
export function assertMayShapeRole(grantor: Grantor, verb: 'create' | 'change' | 'delete', role: { name: string; permissions: readonly string[] }, next: readonly Permission[] = []): void {
  const missing = beyondGrantor(grantor, { permissions: [...knownPermissions(role.permissions), ...next] });
  if (missing.length) throw forbidden(`You cannot ${verb} the role “${role.name}”: it includes ${named(missing)}, which ${whose(grantor)} not hold`);
}
