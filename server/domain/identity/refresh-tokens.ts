// Refresh tokens: opaque, hashed, rotating within a family; a reused (already spent) token revokes the whole family.
import { randomUUID } from 'node:crypto';
import { db, type Tx } from '../../db';
import { signAccessToken, ACCESS_TOKEN_SECONDS } from '../../auth/access-token';
import { newSecret, sha256 } from '../../auth/secrets';
import { AppError } from '../../errors';
import { recordAuditEvent } from '../audit/record-audit-event';
import { refreshInput } from './user.schema';

export const REFRESH_TOKEN_DAYS = 30;

const invalid = () => new AppError('unauthenticated', { message: 'The refresh token is invalid, expired or revoked' });

export async function issueTokenPair(userId: string, familyId: string = randomUUID(), tx: Tx = db) {
  const { secret, hash } = newSecret('rt', 32);
  await tx.refreshToken.create({
    data: { userId, familyId, hash, expiresAt: new Date(Date.now() + REFRESH_TOKEN_DAYS * 86_400_000) },
  });
  return { access: await signAccessToken(userId), refresh: secret, expiresIn: ACCESS_TOKEN_SECONDS };
}

export async function rotateRefreshToken(opts: { input: { refresh: string }; ip?: string | null }) {
  const { refresh } = refreshInput.parse(opts.input);
  const token = await db.refreshToken.findUnique({ where: { hash: sha256(refresh) } });
  if (!token) throw invalid();
  if (token.revokedAt || token.expiresAt <= new Date()) throw invalid();
  // Only one request may spend a token: the conditional update is the lock.
  const spent = await db.refreshToken.updateMany({ where: { id: token.id, usedAt: null, revokedAt: null }, data: { usedAt: new Date() } });
  if (spent.count === 0) {
    // SECURITY: a spent token presented again means it was copied; everything descended from it is revoked.
    await db.refreshToken.updateMany({ where: { familyId: token.familyId, revokedAt: null }, data: { revokedAt: new Date() } });
    await recordAuditEvent({ type: 'refresh_token.reused', actorUserId: token.userId, ip: opts.ip, detail: { familyId: token.familyId } });
    throw invalid();
  }
  return issueTokenPair(token.userId, token.familyId);
}

/** Revokes the family of a refresh token the caller owns; unknown or foreign tokens change nothing. */
export async function revokeRefreshToken(opts: { userId: string; refresh: string }) {
  const token = await db.refreshToken.findUnique({ where: { hash: sha256(opts.refresh) } });
  if (!token || token.userId !== opts.userId) return;
  await db.refreshToken.updateMany({ where: { familyId: token.familyId, revokedAt: null }, data: { revokedAt: new Date() } });
}

export async function revokeAllRefreshTokens(userId: string, tx: Tx = db) {
  await tx.refreshToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
}
