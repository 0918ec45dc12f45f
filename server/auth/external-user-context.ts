// Contexts for an organization's external users: by their own key (`pxu_…`) or a token from a redeemed access link.
import { db } from '../db';
import type { Ctx } from '../context';
import { AppError } from '../errors';
import type { Permission } from './permissions';
import { sameDigest, sha256 } from './secrets';
import type { ExternalAccessToken } from './access-token';
import { issuedAfterCredentialChange } from '../domain/identity/end-sessions';

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

/**
 * By a redeemed access link's token (its signature and expiry already checked). SECURITY: checked against the database
 * on every request, as API keys are — the session ends as soon as access ends: the external user is gone, its access
 * was ended or its key rotated after the token was issued (credentialsChangedAt), or the link it came from is gone or
 * expired. Open streams re-check on the access change those publish.
 */
export async function resolveExternalUserContext(token: ExternalAccessToken, requestId: string, ip?: string | null): Promise<Ctx> {
  const row = await db.externalUser.findUnique({
    where: { userId: token.userId },
    select: { userId: true, organizationId: true, user: { select: { credentialsChangedAt: true } }, accessLinks: { where: { id: token.linkId }, select: { expiresAt: true } } },
  });
  if (!row) throw unauthenticated('The external user for this token no longer exists');
  if (!issuedAfterCredentialChange(token.issuedAt, row.user.credentialsChangedAt)) throw unauthenticated('Access for this link has ended: ask for a new link');
  const link = row.accessLinks[0];
  if (!link || link.expiresAt <= new Date()) throw unauthenticated('This link has expired: ask for a new one');
  return contextOf(row, requestId, ip, () => resolveExternalUserContext(token, requestId, ip));
}
