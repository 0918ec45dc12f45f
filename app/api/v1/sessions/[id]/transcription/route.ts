import { retryTranscription } from '@/server/domain/sessions/transcribe-session';
import { accepted } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';

// POST /api/v1/sessions/{id}/transcription – send the recording to speech-to-text again (after a failure); 202
export const POST = withApi<'sessions:write', { id: string }>({ access: 'sessions:write' }, async ({ ctx, params }) => accepted(await retryTranscription({ ctx, id: params.id })));
