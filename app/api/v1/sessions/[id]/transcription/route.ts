import { retryTranscription } from '@/server/domain/sessions/transcribe-session';
import { accepted } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

// POST /api/v1/sessions/{id}/transcription – send the recording to speech-to-text again (after a failure); 202
export const POST = withApi<'sessions:write', { id: string }>({ access: 'sessions:write' }, async ({ ctx, params }) => accepted(await retryTranscription({ ctx, id: params.id })));

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ POST });
