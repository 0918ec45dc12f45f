// A signed-in user's access — the account's sign-in facts and every membership with its role and grants — read in
// one prepared statement, and kept in-process for a few seconds (access-cache.ts): every browser request (tRPC) and
// every access-token request reads it, and it changes rarely. It leaves the cache on every instance when the
// person's access changes in one of their organizations (role, grants, custom role, removal), when their password
// changes, when one of their organizations is deleted, and on a resync. What no notice announces is never answered
// from the cache: a membership the cached row does not show (one made since) is looked for in the database, and a
// request that names no organization reads the database (its active organization may have just changed).
import { Prisma, type Role } from '../generated/prisma/client';
import { sqlRows } from '../db';
import type { AccessNotice } from '../realtime/access-changes';
import { AccessCache } from './access-cache';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type UserAccessRow = {
  id: string;
  activeOrganizationId: string | null;
  credentialsChangedAt: Date | null;
  memberships: Array<{ organizationId: string; role: Role; permissions: string[]; customRole: { id: string; name: string; permissions: string[] } | null }>;
};

/** The user with their memberships (what memberAccessSelect names), in one prepared statement; null when unknown. */
export async function loadUserAccess(userId: string): Promise<UserAccessRow | null> {
  if (!UUID.test(userId)) return null;
  const [user] = await sqlRows<UserAccessRow>(
    Prisma.sql`
      SELECT u.id, u."activeOrganizationId", u."credentialsChangedAt",
        COALESCE((
          SELECT json_agg(json_build_object(
            'organizationId', m."organizationId", 'role', m.role, 'permissions', m.permissions,
            'customRole', CASE WHEN r.id IS NULL THEN NULL ELSE json_build_object('id', r.id, 'name', r.name, 'permissions', r.permissions) END
          ) ORDER BY m."createdAt", m.id)
          FROM "Membership" m LEFT JOIN "CustomRole" r ON r.id = m."customRoleId"
          WHERE m."userId" = u.id
        ), '[]'::json) AS memberships
      FROM "User" u WHERE u.id = ${userId}::uuid`,
    { prepared: true },
  );
  return user ?? null;
}

/** Whether a notice may change what this user may do (their memberships, or their sign-in). */
export function userAccessAffectedBy(notice: Exclude<AccessNotice, { kind: 'resync' }>, user: UserAccessRow): boolean {
  switch (notice.kind) {
    case 'member':
    case 'credentials':
      return user.id === notice.userId;
    case 'organization':
      return user.memberships.some((m) => m.organizationId === notice.organizationId);
    case 'apiKey':
      return false;
  }
}

const USERS = Symbol.for('pitchcraft.userAccess');
/** The process's cache (on globalThis: every bundle of the app shares it). */
export const userAccessCache = (): AccessCache<UserAccessRow> =>
  ((globalThis as Record<symbol, AccessCache<UserAccessRow>>)[USERS] ??= new AccessCache<UserAccessRow>({ load: loadUserAccess, affectedBy: userAccessAffectedBy, name: 'user-access' }));

/**
 * The user's access for a request acting in `organizationId`: from the cache when it shows that membership, else
 * from the database (and cached). Without an organization, or when `fresh`, from the database.
 */
export async function userAccessFor(userId: string, organizationId: string | null | undefined, opts: { fresh?: boolean } = {}): Promise<UserAccessRow | null> {
  // Without an organization the active one decides, and no notice announces its change: always the database.
  if (!organizationId) return loadUserAccess(userId);
  const cache = userAccessCache();
  const cached = opts.fresh ? null : await cache.get(userId);
  if (cached?.memberships.some((m) => m.organizationId === organizationId)) return cached;
  return cache.get(userId, { fresh: true });
}
