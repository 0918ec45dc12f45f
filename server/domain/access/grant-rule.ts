// SECURITY: the one grant rule. Every path that gives someone a role or permissions — invites, role changes, API key
// scopes, and later custom roles, direct permission grants and user creation — asks this module, and nothing else,
// whether the actor may give it: nobody gives what they do not hold, and nobody acts on someone who holds more.
// A role is decided by the permissions it resolves to, so custom roles and direct grants fit the same rule.
import { PERMISSION_LABELS, ROLE_PERMISSIONS, type Permission } from '../../auth/permissions';
import type { Ctx } from '../../context';
import { forbidden } from '../../errors';
import type { Role } from '../../generated/prisma/enums';

/** What a path gives: a role (its permissions), a set of permissions, or both (a role plus direct grants). */
export type Grant = { role?: Role; permissions?: Iterable<Permission> };

/** Who gives: the permissions they hold where they act (a user's role and grants, an API key's scopes). */
export type Grantor = Pick<Ctx, 'actor' | 'permissions'>;

/** Every permission a grant hands out. */
export function permissionsOfGrant(grant: Grant): Set<Permission> {
  const given = new Set<Permission>(grant.role ? ROLE_PERMISSIONS[grant.role] : []);
  for (const p of grant.permissions ?? []) given.add(p);
  return given;
}

/** The permissions the grant would give that the grantor does not hold; empty when it may be given. */
export function beyondGrantor(grantor: Pick<Grantor, 'permissions'>, grant: Grant): Permission[] {
  return [...permissionsOfGrant(grant)].filter((p) => !grantor.permissions.has(p));
}

export const mayGrant = (grantor: Pick<Grantor, 'permissions'>, grant: Grant): boolean => beyondGrantor(grantor, grant).length === 0;

const named = (ps: readonly Permission[]) => ps.map((p) => `“${PERMISSION_LABELS[p]}” (${p})`).join(', ');
const whose = (grantor: Grantor) => (grantor.actor.kind === 'apiKey' ? "this API key's scopes do" : 'you do');

/** 403 unless the grantor holds everything the grant gives; the refusal names what is missing. */
export function assertMayGrant(grantor: Grantor, grant: Grant, what = grant.role ? `the ${grant.role} role` : 'these permissions'): void {
  const missing = beyondGrantor(grantor, grant);
  if (missing.length) throw forbidden(`You cannot give ${what}: it includes ${named(missing)}, which ${whose(grantor)} not hold`);
}

/**
 * 403 unless the grantor holds at least everything the target holds: changing the role of, removing or purging
 * someone is acting on them, and nobody acts on someone who holds more than they do.
 */
export function assertMayActOn(grantor: Grantor, target: { permissions: Iterable<Permission>; name: string }): void {
  const missing = beyondGrantor(grantor, { permissions: target.permissions });
  if (missing.length) throw forbidden(`You cannot change what ${target.name} may do: they hold ${named(missing)}, which ${whose(grantor)} not`);
}
