import { createSession, recordSessionFromForm } from '@/server/domain/sessions/create-session';
import { listSessions } from '@/server/domain/sessions/read-sessions';
import { createSessionInput, SESSION_ORDERING } from '@/server/domain/sessions/session.schema';
import { listEnvelope, parseOrdering, parsePage } from '@/server/rest/pagination';
import { filterParams } from '@/server/rest/query-params';
import { created, ok } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

const JSON_LIMIT = 4 * 1024 * 1024;
// The 50 MB recording plus its form fields (a long transcript); the media store enforces 50 MB on the file itself.
const FORM_LIMIT = 50 * 1024 * 1024 + JSON_LIMIT;

// GET /api/v1/sessions – practice sessions the caller may see (?userId, moduleId, productId, teamId, from, to, minScore, maxScore)
export const GET = withApi({ access: 'sessions:read' }, async ({ ctx, url }) => {
  const page = parsePage(url);
  const ordering = parseOrdering(url, SESSION_ORDERING, { field: 'recordedAt', direction: 'desc' });
  const { count, results } = await listSessions({ ctx, page, ordering, query: filterParams(url) });
  return ok(listEnvelope(url, page, count, results));
});

// POST /api/v1/sessions – record a practice session: JSON with its transcript, or multipart/form-data with the `audio`
// recording (WAV, streamed) and/or `transcript`; answers with the full analysis
export const POST = withApi({ access: 'sessions:write', streamBody: true, maxBodyBytes: FORM_LIMIT }, async ({ ctx, upload }) => {
  const session = upload.isMultipart
    ? await recordSessionFromForm({ ctx, parts: upload.parts({ files: 1, fields: 10 }) })
    : await createSession({ ctx, input: await upload.json(createSessionInput, JSON_LIMIT) });
  return created(session, `/api/v1/sessions/${session.id}`);
});

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET, POST });
