// The request context every domain function receives first: who acts, in which organization, allowed to do what.
import { PERMISSION_LABELS, type Permission } from './auth/permissions';
import { AppError, forbidden } from './errors';

export type Actor =
  | { kind: 'user'; id: string }
  | { kind: 'apiKey'; id: string; createdById: string | null }
  | { kind: 'externalUser'; id: string };

export type Ctx = {
  organizationId: string | null;
  actor: Actor;
  permissions: ReadonlySet<Permission>;
  /** A person holding the owner role here, as of when this context was resolved (API keys never are). */
  owner?: boolean;
  requestId: string;
  ip?: string | null;
  /**
   * Resolves the same credentials again, now (the resolver that built this context sets it): whatever outlives the
   * request — an open event stream — calls it when access may have changed, and ends if it throws.
   */
  recheck?: () => Promise<Ctx>;
};

/** A context that is known to act inside an organization. */
export type OrgCtx = Ctx & { organizationId: string };

export function requireOrg(ctx: Ctx): OrgCtx {
  if (!ctx.organizationId) throw forbidden('You are not in an organization yet: create or join one first');
  return ctx as OrgCtx;
}

export function requirePermission(ctx: Ctx, permission: Permission): OrgCtx {
  const orgCtx = requireOrg(ctx);
  if (!ctx.permissions.has(permission)) throw missingPermission(ctx, permission);
  return orgCtx;
}

/** The refusal for a missing permission, in words for whoever acts: a person's role, or an API key's scopes. */
export function missingPermission(ctx: Pick<Ctx, 'actor'>, permission: Permission) {
  const what = `“${PERMISSION_LABELS[permission]}” (${permission})`;
  return forbidden(ctx.actor.kind === 'apiKey' ? `This API key's scopes do not include ${what}` : `Your role does not allow ${what}. Ask an owner or admin.`);
}

export function requireUser(ctx: Ctx): string {
  if (ctx.actor.kind !== 'user') throw new AppError('forbidden', { message: 'Only a signed-in person can do this, not an API key' });
  return ctx.actor.id;
}
