import { createSession } from '@/server/domain/sessions/create-session';
import { listSessions } from '@/server/domain/sessions/read-sessions';
import { createSessionInput, SESSION_ORDERING } from '@/server/domain/sessions/session.schema';
import { listEnvelope, parseOrdering, parsePage } from '@/server/rest/pagination';
import { filterParams } from '@/server/rest/query-params';
import { created, ok } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';

// GET /api/v1/sessions – practice sessions the caller may see (?userId, moduleId, productId, teamId, from, to, minScore, maxScore)
export const GET = withApi({ access: 'sessions:read' }, async ({ ctx, url }) => {
  const page = parsePage(url);
  const ordering = parseOrdering(url, SESSION_ORDERING, { field: 'recordedAt', direction: 'desc' });
  const { count, results } = await listSessions({ ctx, page, ordering, query: filterParams(url) });
  return ok(listEnvelope(url, page, count, results));
});

// POST /api/v1/sessions – record a practice session with its transcript; answers with the full analysis
export const POST = withApi({ access: 'sessions:write', maxBodyBytes: 4 * 1024 * 1024 }, async ({ ctx, body }) => {
  const session = await createSession({ ctx, input: body.json(createSessionInput) });
  return created(session, `/api/v1/sessions/${session.id}`);
});
