import { deleteSession, getSession } from '@/server/domain/sessions/read-sessions';
import { noContent, ok } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

type P = { id: string };

// GET /api/v1/sessions/{id} – one session with its full analysis (reps: their own; managers: their teams')
export const GET = withApi<'sessions:read', P>({ access: 'sessions:read' }, async ({ ctx, params }) => ok(await getSession({ ctx, id: params.id })));

// DELETE /api/v1/sessions/{id} – delete a session the caller may see
export const DELETE = withApi<'sessions:write', P>({ access: 'sessions:write' }, async ({ ctx, params }) => {
  await deleteSession({ ctx, id: params.id });
  return noContent();
});

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { POST, PUT, PATCH, OPTIONS } = otherMethods({ GET, DELETE });
