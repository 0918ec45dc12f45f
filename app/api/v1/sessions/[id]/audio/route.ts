import { openSessionAudio } from '@/server/domain/sessions/session-recording';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

// GET /api/v1/sessions/{id}/audio – the session's recording (WAV), streamed, with Range for seeking
export const GET = withApi<'sessions:read', { id: string }>({ access: 'sessions:read' }, async ({ ctx, params, req }) => openSessionAudio({ ctx, id: params.id, req }));

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET });
