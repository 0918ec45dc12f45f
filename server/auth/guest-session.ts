// The browser session of an external user who arrived by an access link: the redeemed link's token, kept in an
// httpOnly cookie (script on the page never reads it) and honoured only by the chat procedures of the guest's tRPC
// client — every other procedure, and every page of the organization, sees nobody signed in.
import type { Ctx } from '../context';
import { AppError } from '../errors';
import { verifyExternalAccessToken } from './access-token';
import { resolveExternalUserContext } from './external-user-context';

export const GUEST_COOKIE = 'pitchcraft-guest';

/** The guest token from a Cookie header, or null. */
export function guestTokenOf(cookieHeader: string | null | undefined): string | null {
  for (const part of (cookieHeader ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === GUEST_COOKIE) return decodeURIComponent(rest.join('=')) || null;
  }
  return null;
}

const ended = () => new AppError('unauthenticated', { message: 'Your access through this link has ended: ask for a new link' });

/** The external user the guest cookie acts as, checked against its link and user now (see resolveExternalUserContext). */
export async function resolveGuestContext(token: string | null, requestId: string, ip: string | null): Promise<Ctx> {
  const verified = token ? await verifyExternalAccessToken(token) : null;
  if (!verified) throw ended();
  return resolveExternalUserContext(verified, requestId, ip);
}

/** Set-Cookie for a redeemed link's token, expiring with it. */
export function guestCookie(token: string, expiresAt: Date, secure: boolean): string {
  return [`${GUEST_COOKIE}=${encodeURIComponent(token)}`, 'Path=/', 'HttpOnly', 'SameSite=Lax', `Expires=${expiresAt.toUTCString()}`, ...(secure ? ['Secure'] : [])].join('; ');
}

export const clearedGuestCookie = (secure: boolean) => [`${GUEST_COOKIE}=`, 'Path=/', 'HttpOnly', 'SameSite=Lax', 'Expires=Thu, 01 Jan 1970 00:00:00 GMT', ...(secure ? ['Secure'] : [])].join('; ');
