import { z } from 'zod';
import { attachCallRecording, recordCallFromForm } from '@/server/domain/calls/call-recording';
import { created } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

const JSON_LIMIT = 4 * 1024 * 1024;
// The 50 MB recording plus a long transcript; the media store enforces 50 MB on the file itself.
const FORM_LIMIT = 50 * 1024 * 1024 + JSON_LIMIT;

// POST /api/v1/calls/{id}/recording – the call's dealer attaches their recording: multipart with the `audio` WAV
// (streamed) and optional `transcript`, or JSON naming a finished upload; it becomes their scored coaching session
export const POST = withApi<'sessions:write', { id: string }>({ access: 'sessions:write', streamBody: true, maxBodyBytes: FORM_LIMIT }, async ({ ctx, params, upload }) => {
  const session = upload.isMultipart
    ? await recordCallFromForm({ ctx, id: params.id, parts: upload.parts({ files: 1, fields: 4 }) })
    : await attachCallRecording({ ctx, id: params.id, input: await upload.json(z.unknown(), JSON_LIMIT) });
  return created(session, `/api/v1/sessions/${session.id}`);
});

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ POST });
