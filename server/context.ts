// The request context every domain function receives first: who acts, in which organization, allowed to do what.
import type { Permission } from './auth/permissions';
import { AppError, forbidden } from './errors';

export type Actor =
  | { kind: 'user'; id: string }
  | { kind: 'apiKey'; id: string; createdById: string | null }
  | { kind: 'externalUser'; id: string };

export type Ctx = {
  organizationId: string | null;
  actor: Actor;
  permissions: ReadonlySet<Permission>;
  requestId: string;
  ip?: string | null;
};

/** A context that is known to act inside an organization. */
export type OrgCtx = Ctx & { organizationId: string };

export function requireOrg(ctx: Ctx): OrgCtx {
  if (!ctx.organizationId) throw forbidden('No active organization: create or join one first');
  return ctx as OrgCtx;
}

export function requirePermission(ctx: Ctx, permission: Permission): OrgCtx {
  const orgCtx = requireOrg(ctx);
  if (!ctx.permissions.has(permission)) throw forbidden(`Missing permission ${permission}`);
  return orgCtx;
}

export function requireUser(ctx: Ctx): string {
  if (ctx.actor.kind !== 'user') throw new AppError('forbidden', { message: 'This operation needs a user, not an API key' });
  return ctx.actor.id;
}
