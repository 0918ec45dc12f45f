// Contexts for an organization's external users: by their own key (`pxu_…`) or a token from a redeemed access link.
import { db } from '../db';
import type { Ctx } from '../context';
import { AppError } from '../errors';
import type { Permission } from './permissions';
import { sameDigest, sha256 } from './secrets';

/**
 * SECURITY: all an external user may do — chat in its own conversations. Every other operation names a permission an
 * external user never holds (403), and the conversations domain reads only conversations it takes part in (404).
 */
export const EXTERNAL_USER_PERMISSIONS: ReadonlySet<Permission> = new Set<Permission>(['conversations:chat']);

export const EXTERNAL_KEY_PREFIX = 'pxu_';
export const INVALID_EXTERNAL_KEY = 'The external user key is not valid';

const unauthenticated = (message: string) => new AppError('unauthenticated', { message, headers: { 'WWW-Authenticate': 'Bearer' } });

function contextOf(row: { userId: string; organizationId: string }, requestId: string, ip: string | null | undefined, recheck: () => Promise<Ctx>): Ctx {
  return { organizationId: row.organizationId, actor: { kind: 'externalUser', id: row.userId }, permissions: EXTERNAL_USER_PERMISSIONS, requestId, ip, recheck };
}

/** By the external user's own key: looked up by digest; a rotated key names nobody. */
export async function resolveExternalKeyContext(secret: string, requestId: string, ip?: string | null): Promise<Ctx> {
  const hash = sha256(secret);
  const row = await db.externalUser.findUnique({ where: { keyHash: hash }, select: { userId: true, organizationId: true, keyHash: true } });
  if (!row || !row.keyHash || !sameDigest(row.keyHash, hash)) throw unauthenticated(INVALID_EXTERNAL_KEY);
  return contextOf(row, requestId, ip, () => resolveExternalKeyContext(secret, requestId, ip));
}

/** By a redeemed access link's token (its signature and expiry already checked): the external user must still exist. */
export async function resolveExternalUserContext(userId: string, requestId: string, ip?: string | null): Promise<Ctx> {
  const row = await db.externalUser.findUnique({ where: { userId }, select: { userId: true, organizationId: true } });
  if (!row) throw unauthenticated('The external user for this token no longer exists');
  return contextOf(row, requestId, ip, () => resolveExternalUserContext(userId, requestId, ip));
}
