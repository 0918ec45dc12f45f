// The one context resolver for both doors: a user (session, access token) or an API key becomes a Ctx.
import { db } from '../db';
import type { ApiKey } from '../generated/prisma/client';
import type { Ctx } from '../context';
import { AppError } from '../errors';
import { issuedAfterCredentialChange } from '../domain/identity/end-sessions';
import { verifyAccessToken, verifyExternalAccessToken } from './access-token';
import { EXTERNAL_KEY_PREFIX, resolveExternalKeyContext, resolveExternalUserContext } from './external-user-context';
import { ApiKeyCache } from './api-key-cache';
import { userAccessFor } from './user-access';
import { keyPermissions } from '../domain/access/member-access';
import { permissionsOfMember, type Permission } from './permissions';
import { sameDigest, sha256 } from './secrets';

const unauthenticated = (message: string) => new AppError('unauthenticated', { message, headers: { 'WWW-Authenticate': 'Bearer' } });

/** A user acting in the organization they asked for, else their active one, else their first. */
export async function resolveUserContext(opts: {
  userId: string;
  /** When the session or token was issued (ms); refused if the password changed since. Omit for trusted callers. */
  issuedAt?: number;
  requestedOrganizationId?: string | null;
  requestId: string;
  ip?: string | null;
  /** Read from the database, not the cache (a stream re-checking its viewer after an access change). */
  fresh?: boolean;
}): Promise<Ctx> {
  // Every signed-in browser request and access token passes here: the user's access from the in-process cache when it
  // shows the organization asked for (user-access.ts), else one prepared statement.
  const requested = opts.requestedOrganizationId?.trim();
  const user = await userAccessFor(opts.userId, requested, { fresh: opts.fresh });
  if (!user) throw unauthenticated('The account for this token no longer exists');
  if (opts.issuedAt !== undefined && !issuedAfterCredentialChange(opts.issuedAt, user.credentialsChangedAt)) {
    throw unauthenticated('The password was changed since this sign-in; sign in again');
  }
  let membership = user.memberships.find((m) => m.organizationId === (requested || user.activeOrganizationId));
  if (requested && !membership) throw new AppError('not_found', { message: 'Organization not found' });
  membership ??= user.memberships[0];
  return {
    organizationId: membership?.organizationId ?? null,
    actor: { kind: 'user', id: user.id },
    permissions: membership ? permissionsOfMember(membership) : new Set(),
    owner: membership?.role === 'owner',
    requestId: opts.requestId,
    ip: opts.ip,
    recheck: () => resolveUserContext({ ...opts, fresh: true }),
  };
}

const LAST_USED_RESOLUTION_MS = 60_000;
export const INVALID_API_KEY = 'The API key is not valid';

/**
 * A key with what it may do now: its scopes within its creator's current permissions. Read together and cached
 * together — whatever changes the creator's permissions (a role, a custom role's permissions, a direct grant, removal)
 * publishes a member access change, which evicts the creator's keys on every instance.
 */
type ResolvedKey = ApiKey & { granted: Set<Permission> };
const withGrants = async (key: ApiKey | null): Promise<ResolvedKey | null> => key && { ...key, granted: await keyPermissions(db, key) };

type KeyState = { cache: ApiKeyCache<ResolvedKey>; lastUsedWrites: Map<string, number> };
const KEYS = Symbol.for('pitchcraft.apiKeys');
/** The process's key cache and last-use writes (on globalThis: every bundle of the app shares them). */
const keyState = (): KeyState =>
  ((globalThis as Record<symbol, KeyState>)[KEYS] ??= { cache: new ApiKeyCache<ResolvedKey>({ load: async (hash) => withGrants(await db.apiKey.findUnique({ where: { hash } })) }), lastUsedWrites: new Map() });

export async function resolveApiKeyContext(secret: string, requestId: string, ip?: string | null): Promise<Ctx> {
  const hash = sha256(secret);
  return apiKeyContext(await keyState().cache.get(hash), hash, requestId, ip);
}

/**
 * "Last used", to the minute: written at most once a minute per key — by this instance (it remembers its writes, as
 * its cached row does not show them) and across instances (the UPDATE only moves a value over a minute old).
 */
async function recordUse(key: ApiKey): Promise<void> {
  const now = Date.now();
  const { lastUsedWrites } = keyState();
  const known = Math.max(key.lastUsedAt?.getTime() ?? 0, lastUsedWrites.get(key.id) ?? 0);
  if (now - known <= LAST_USED_RESOLUTION_MS) return;
  if (lastUsedWrites.size >= 10_000) lastUsedWrites.clear();
  lastUsedWrites.set(key.id, now);
  try {
    await db.apiKey.updateMany({
      where: { id: key.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now - LAST_USED_RESOLUTION_MS) } }] },
      data: { lastUsedAt: new Date(now) },
    });
  } catch (error) {
    lastUsedWrites.delete(key.id);
    throw error;
  }
}

async function apiKeyContext(key: ResolvedKey | null, hash: string, requestId: string, ip?: string | null): Promise<Ctx> {
  // SECURITY: the lookup is by digest; the explicit constant-time compare guards against any index-side shortcut.
  // Unknown, revoked and expired keys get one answer, so a leaked or guessed key reveals nothing about its history;
  // the owner sees which it is on the API keys page.
  const usable = key && sameDigest(key.hash, hash) && !key.revokedAt && !(key.expiresAt && key.expiresAt <= new Date());
  if (!usable) throw unauthenticated(INVALID_API_KEY);
  // Writing on every request would turn each read into a write; a minute's resolution is enough for "last used".
  await recordUse(key);
  return {
    organizationId: key.organizationId,
    actor: { kind: 'apiKey', id: key.id, createdById: key.createdById },
    // SECURITY: the key's scopes within what its creator holds now (the domain also trims the stored scopes when the
    // creator loses permissions, so lists show what a key can really do).
    permissions: key.granted,
    requestId,
    ip,
    // The same key, read again by its id (its secret is not kept).
    recheck: async () => apiKeyContext(await withGrants(await db.apiKey.findUnique({ where: { id: key.id } })), hash, requestId, ip),
  };
}

/** The browser's signed-in session for the app's own endpoints; null when signed out. */
export async function resolveSessionContext(req: Request, requestId: string, ip: string | null): Promise<Ctx | null> {
  // SECURITY: a cookie rides along on cross-site requests; a custom header does not (it would need a CORS preflight).
  if (req.headers.get('x-pitchcraft-csrf') !== '1') throw new AppError('forbidden', { message: 'Missing the x-pitchcraft-csrf header' });
  const { sessionOf } = await import('./next-auth');
  const session = await sessionOf(req);
  if (!session) return null;
  // issuedAt: a session begun before the password changed (or of a deleted account) is refused here.
  return resolveUserContext({ userId: session.userId, issuedAt: session.authAt, requestedOrganizationId: req.headers.get('x-organization-id'), requestId, ip });
}

/** Reads REST credentials from the request; null when none were sent. */
export async function resolveRestContext(req: Request, requestId: string, ip: string | null): Promise<Ctx | null> {
  const apiKeyHeader = req.headers.get('x-api-key');
  const authorization = req.headers.get('authorization');
  const bearer = authorization?.match(/^Bearer\s+(.+)$/i)?.[1]?.trim();
  if (authorization && !bearer) throw unauthenticated('Authorization must be "Bearer <token>"');
  const keySecret = apiKeyHeader ?? (bearer?.startsWith('pk_') || bearer?.startsWith(EXTERNAL_KEY_PREFIX) ? bearer : undefined);
  if (keySecret?.startsWith(EXTERNAL_KEY_PREFIX)) return resolveExternalKeyContext(keySecret, requestId, ip);
  if (keySecret) return resolveApiKeyContext(keySecret, requestId, ip);
  if (!bearer) return null;
  const token = await verifyAccessToken(bearer);
  if (!token) {
    const external = await verifyExternalAccessToken(bearer);
    if (external) return resolveExternalUserContext(external, requestId, ip);
    throw unauthenticated('The access token is invalid or expired');
  }
  return resolveUserContext({ userId: token.userId, issuedAt: token.issuedAt, requestedOrganizationId: req.headers.get('x-organization-id'), requestId, ip });
}

/**
 * The signed-in browser acting in the organization a page URL names, for the few GETs the browser makes without
 * headers of its own (an <audio> element). Nothing is changed by a GET, so it needs no CSRF header; unknown
 * organizations read as 404 like everywhere else.
 */
export async function resolveBrowserContext(opts: { organizationId: string; requestId: string; ip: string | null }): Promise<Ctx> {
  const { currentUserId } = await import('./next-auth');
  const userId = await currentUserId();
  if (!userId) throw unauthenticated('Sign in first');
  return resolveUserContext({ userId, requestedOrganizationId: opts.organizationId, requestId: opts.requestId, ip: opts.ip });
}
