// Short-lived stateless access tokens (HS256 JWT) for REST callers; refresh tokens live in the database.
import { SignJWT, jwtVerify } from 'jose';
import { env } from '../env';

export const ACCESS_TOKEN_SECONDS = 15 * 60;
const key = () => new TextEncoder().encode(`access:${env().APP_SECRET}`);

export async function signAccessToken(userId: string): Promise<string> {
  // `at`: issue time in milliseconds, compared with the user's last credential change (iat has only seconds).
  return new SignJWT({ typ: 'access', at: Date.now() })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(userId)
    .setIssuedAt()
    .setExpirationTime(`${ACCESS_TOKEN_SECONDS}s`)
    .setIssuer('pitchcraft')
    .sign(key());
}

/** Returns the user id and issue time (ms), or null for anything invalid or expired. */
export async function verifyAccessToken(token: string): Promise<{ userId: string; issuedAt: number } | null> {
  try {
    const { payload } = await jwtVerify(token, key(), { issuer: 'pitchcraft', algorithms: ['HS256'] });
    if (payload.typ !== 'access' || typeof payload.sub !== 'string') return null;
    return { userId: payload.sub, issuedAt: typeof payload.at === 'number' ? payload.at : (payload.iat ?? 0) * 1000 };
  } catch {
    return null;
  }
}

/**
 * SECURITY: an external user's access token (a redeemed access link) carries its own `typ`, so it is never taken for
 * a person's token (verifyAccessToken refuses it) and acts as that external user only. It names its link (`lid`) and
 * its issue time in ms (`at`): every request checks both (external-user-context.ts), so the session ends with the
 * link (deleted, or its external user's access ended) and not only when the token expires.
 */
export async function signExternalAccessToken(userId: string, expiresAt: Date, linkId: string): Promise<string> {
  return new SignJWT({ typ: 'external', lid: linkId, at: Date.now() })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(userId)
    .setIssuedAt()
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .setIssuer('pitchcraft')
    .sign(key());
}

export type ExternalAccessToken = { userId: string; linkId: string; issuedAt: number };

export async function verifyExternalAccessToken(token: string): Promise<ExternalAccessToken | null> {
  try {
    const { payload } = await jwtVerify(token, key(), { issuer: 'pitchcraft', algorithms: ['HS256'] });
    if (payload.typ !== 'external' || typeof payload.sub !== 'string' || typeof payload.lid !== 'string' || typeof payload.at !== 'number') return null;
    return { userId: payload.sub, linkId: payload.lid, issuedAt: payload.at };
  } catch {
    return null;
  }
}
