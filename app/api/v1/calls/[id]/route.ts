import { getCall } from '@/server/domain/calls/get-call';
import { callTokenOf } from '@/server/rest/call-headers';
import { ok } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

// GET /api/v1/calls/{id} – one call with its vehicle, dealer, times, note and events (or the customer's view, with X-Call-Token)
export const GET = withApi<'optional', { id: string }>({ access: 'optional' }, async ({ ctx, req, params }) =>
  ok(await getCall({ ctx, callToken: callTokenOf(req), id: params.id })),
);

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET });
