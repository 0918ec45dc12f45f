import { stopCall } from '@/server/domain/calls/call-lifecycle';
import { callTokenOf } from '@/server/rest/call-headers';
import { ok } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

// POST /api/v1/calls/{id}/stop – its dealer or its customer ends a running call (→ completed)
export const POST = withApi<'optional', { id: string }>({ access: 'optional' }, async ({ ctx, req, params }) =>
  ok(await stopCall({ ctx, callToken: callTokenOf(req), id: params.id })),
);

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ POST });
