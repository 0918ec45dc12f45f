import { openSessionAudio } from '@/server/domain/sessions/session-recording';
import { withApi } from '@/server/rest/with-api';

// GET /api/v1/sessions/{id}/audio – the session's recording (WAV), streamed, with Range for seeking
export const GET = withApi<'sessions:read', { id: string }>({ access: 'sessions:read' }, async ({ ctx, params, req }) => openSessionAudio({ ctx, id: params.id, req }));
