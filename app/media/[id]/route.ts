import { findMedia, mediaResponse } from '@/server/media/read-media';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

// GET /media/{id} – a public file (profile photo, logo) by its unguessable id, streamed, with Range support
export const GET = withApi<'public', { id: string }>({ access: 'public' }, async ({ req, params }) =>
  mediaResponse(req, await findMedia(params.id, { publicOnly: true }), { 'Cache-Control': 'private, max-age=86400, immutable', 'Content-Security-Policy': "default-src 'none'; sandbox" }),
);

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET });
