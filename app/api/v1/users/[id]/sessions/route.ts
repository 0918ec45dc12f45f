import { listUserSessions } from '@/server/domain/sessions/read-sessions';
import { SESSION_ORDERING } from '@/server/domain/sessions/session.schema';
import { parseOrdering, parsePage } from '@/server/rest/pagination';
import { ok } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

// GET /api/v1/users/{id}/sessions – one person's sessions, for them and the managers of their teams
export const GET = withApi<'sessions:read', { id: string }>({ access: 'sessions:read' }, async ({ ctx, params, url }) =>
  ok(await listUserSessions({ ctx, userId: params.id, page: parsePage(url), ordering: parseOrdering(url, SESSION_ORDERING, { field: 'recordedAt', direction: 'desc' }) })),
);

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET });
