import { readMedia } from '@/server/domain/media/media-store';
import { raw } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

// GET /media/{id} – an uploaded file by its unguessable id (profile images)
export const GET = withApi<'public', { id: string }>({ access: 'public' }, async ({ params }) => {
  const media = await readMedia(params.id);
  return raw(media.bytes as BodyInit, media.contentType, { 'Cache-Control': 'private, max-age=86400, immutable', 'X-Content-Type-Options': 'nosniff' });
});

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET });
