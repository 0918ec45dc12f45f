import { z } from 'zod';
import { addCallClientEvent } from '@/server/domain/calls/call-client-events';
import { callTokenOf } from '@/server/rest/call-headers';
import { created } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

// POST /api/v1/calls/{id}/events – a client log line (push or socket delivery) in the call's history
export const POST = withApi<'optional', { id: string }>({ access: 'optional' }, async ({ ctx, req, params, body }) => {
  const event = await addCallClientEvent({ ctx, callToken: callTokenOf(req), id: params.id, input: body.json(z.unknown()) });
  return created(event, `/api/v1/calls/${params.id}`);
});

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ POST });
