import { z } from 'zod';
import { verifyExternalAccessToken } from '@/server/auth/access-token';
import { clearedGuestCookie, guestCookie } from '@/server/auth/guest-session';
import { resolveExternalUserContext } from '@/server/auth/external-user-context';
import { AppError } from '@/server/errors';
import { noContent, ok } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

const input = z.object({ access: z.string().min(1).max(2000) }).strict();
const csrf = (req: Request) => {
  // SECURITY: a cross-site form cannot send this header, so no other site can sign a browser in as someone else.
  if (req.headers.get('x-pitchcraft-csrf') !== '1') throw new AppError('forbidden', { message: 'Missing the x-pitchcraft-csrf header' });
};
const secure = (url: URL) => url.protocol === 'https:';

// POST /api/guest-session – the browser keeps a redeemed access link's token as its guest session (httpOnly cookie);
// the access link page calls it after POST /api/v1/access-tokens/{token}/redeem. Not part of the public API.
export const POST = withApi({ access: 'public', rateLimit: 'auth' }, async ({ req, url, body }) => {
  csrf(req);
  const { access } = body.json(input);
  const token = await verifyExternalAccessToken(access);
  if (!token) throw new AppError('unauthenticated', { message: 'The access token is invalid or expired' });
  const ctx = await resolveExternalUserContext(token, 'guest-session', null);
  const exp = JSON.parse(Buffer.from(access.split('.')[1]!, 'base64url').toString('utf8')) as { exp: number };
  return ok({ virtualUser: ctx.actor.id }, { 'Set-Cookie': guestCookie(access, new Date(exp.exp * 1000), secure(url)), 'Cache-Control': 'no-store' });
});

// DELETE /api/guest-session – the guest leaves: the cookie is cleared.
export const DELETE = withApi({ access: 'public', acceptsBody: false }, async ({ req, url }) => {
  csrf(req);
  return { ...noContent(), headers: { 'Set-Cookie': clearedGuestCookie(secure(url)) } };
});

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { GET, PUT, PATCH, OPTIONS } = otherMethods({ POST, DELETE });
