import { forbidden } from '@/server/errors';
import { checkMediaLink } from '@/server/media/signed-link';
import { findMedia, mediaResponse } from '@/server/media/read-media';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

// GET /media/{id} – a public file (profile photo, logo) by its unguessable id, streamed, with Range support.
// With `?expires=&sig=` (server/media/signed-link): a private file too, for a peer without a session (a voice gateway
// playing a recording), until the link expires; a tampered or expired link is 403 whatever the file.
export const GET = withApi<'public', { id: string }>({ access: 'public' }, async ({ req, params }) => {
  const query = new URL(req.url).searchParams;
  if (query.has('sig') || query.has('expires')) {
    const check = checkMediaLink(params.id, query.get('expires'), query.get('sig'));
    if (check !== 'valid') throw forbidden(check === 'expired' ? 'This media link has expired' : 'This media link is not valid');
    return mediaResponse(req, await findMedia(params.id), { 'Cache-Control': 'private, no-store', 'Content-Security-Policy': "default-src 'none'; sandbox" });
  }
  return mediaResponse(req, await findMedia(params.id, { publicOnly: true }), { 'Cache-Control': 'private, max-age=86400, immutable', 'Content-Security-Policy': "default-src 'none'; sandbox" });
});

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET });
