import { acceptCall } from '@/server/domain/calls/call-lifecycle';
import { ok } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';

// POST /api/v1/calls/{id}/accept – a dealer takes a waiting call (409 when another dealer was first)
export const POST = withApi<'calls:answer', { id: string }>({ access: 'calls:answer' }, async ({ ctx, params }) => ok(await acceptCall({ ctx, id: params.id })));
