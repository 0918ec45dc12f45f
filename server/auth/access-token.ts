// Short-lived stateless access tokens (HS256 JWT) for REST callers; refresh tokens live in the database.
import { SignJWT, jwtVerify } from 'jose';
import { env } from '../env';

export const ACCESS_TOKEN_SECONDS = 15 * 60;
const key = () => new TextEncoder().encode(`access:${env().APP_SECRET}`);

export async function signAccessToken(userId: string): Promise<string> {
  return new SignJWT({ typ: 'access' })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(userId)
    .setIssuedAt()
    .setExpirationTime(`${ACCESS_TOKEN_SECONDS}s`)
    .setIssuer('pitchcraft')
    .sign(key());
}

/** Returns the user id, or null for anything invalid or expired. */
export async function verifyAccessToken(token: string): Promise<string | null> {
  try {
    const { payload } = await jwtVerify(token, key(), { issuer: 'pitchcraft', algorithms: ['HS256'] });
    return payload.typ === 'access' && typeof payload.sub === 'string' ? payload.sub : null;
  } catch {
    return null;
  }
}
