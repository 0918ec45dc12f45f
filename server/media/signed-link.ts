// Short-lived signed links to one private media file, for a peer that cannot hold a session (a voice gateway
// fetching the recording it plays). The signature is HMAC-SHA256 under APP_SECRET over the media id and the expiry,
// so a link opens only that file, only until it expires, and cannot be altered to open another.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { env } from '../env';
import { appUrl } from '../mail/app-url';

/** Long enough for a gateway to queue, ring and answer a call before it fetches the audio; short enough to be useless later. */
export const MEDIA_LINK_SECONDS = 30 * 60;

const signatureOf = (mediaId: string, expires: number) =>
  createHmac('sha256', `media-link:${env().APP_SECRET}`).update(`${mediaId.toLowerCase()}.${expires}`).digest('base64url');

/** The public URL of `mediaId` (served by GET /media/{id} with Range support) valid for `seconds`. */
export function signedMediaUrl(mediaId: string, seconds = MEDIA_LINK_SECONDS, now = Date.now()): string {
  const expires = Math.floor(now / 1000) + seconds;
  return appUrl(`/media/${mediaId}?expires=${expires}&sig=${signatureOf(mediaId, expires)}`);
}

export type LinkCheck = 'valid' | 'expired' | 'invalid';

/** SECURITY: constant-time check of a link's signature before its expiry is believed. */
export function checkMediaLink(mediaId: string, expires: string | null, sig: string | null, now = Date.now()): LinkCheck {
  if (!expires || !sig || !/^\d{1,12}$/.test(expires)) return 'invalid';
  const expected = Buffer.from(signatureOf(mediaId, Number(expires)));
  const given = Buffer.from(sig);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'invalid';
  return Number(expires) * 1000 < now ? 'expired' : 'valid';
}
