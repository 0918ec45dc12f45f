import { openItemMedia, putItemMedia } from '@/server/domain/library/manage-media-items';
import { ok } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

type P = { id: string };

// PUT /api/v1/messages/recordings/{id}/media – the WAV (audio/wav, 50 MB), raw or multipart; checked by its first bytes (415)
export const PUT = withApi<'messages:manage', P>({ access: 'messages:manage', streamBody: true, maxBodyBytes: 51 * 1024 * 1024 }, async ({ ctx, params, upload }) =>
  ok(await putItemMedia({ ctx, kind: 'recording', id: params.id, upload: await upload.file() })),
);

// GET /api/v1/messages/recordings/{id}/media – the file, with Range
export const GET = withApi<'messages:read', P>({ access: 'messages:read', rateLimit: { points: 600, durationSeconds: 60 } }, async ({ ctx, params, req }) => openItemMedia({ ctx, kind: 'recording', id: params.id, req }));

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { POST, PATCH, DELETE, OPTIONS } = otherMethods({ GET, PUT });
