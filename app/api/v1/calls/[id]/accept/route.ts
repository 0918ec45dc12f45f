import { acceptCall } from '@/server/domain/calls/call-lifecycle';
import { ok } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

// POST /api/v1/calls/{id}/accept – a dealer takes a waiting call (409 when another dealer was first)
export const POST = withApi<'calls:answer', { id: string }>({ access: 'calls:answer' }, async ({ ctx, params }) => ok(await acceptCall({ ctx, id: params.id })));

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ POST });
