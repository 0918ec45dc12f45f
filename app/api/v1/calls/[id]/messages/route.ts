import { z } from 'zod';
import { listCallMessages, sendCallMessage } from '@/server/domain/calls/call-messages';
import { callTokenOf } from '@/server/rest/call-headers';
import { listEnvelope, parsePage } from '@/server/rest/pagination';
import { created, ok } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

type P = { id: string };

// GET /api/v1/calls/{id}/messages – the call's chat, oldest first (offset, limit)
export const GET = withApi<'optional', P>({ access: 'optional' }, async ({ ctx, req, url, params }) => {
  const page = parsePage(url);
  const { count, results } = await listCallMessages({ ctx, callToken: callTokenOf(req), id: params.id, page });
  return ok(listEnvelope(url, page, count, results));
});

// POST /api/v1/calls/{id}/messages – the customer or the call's dealer writes in the chat
export const POST = withApi<'optional', P>({ access: 'optional' }, async ({ ctx, req, params, body }) => {
  const message = await sendCallMessage({ ctx, callToken: callTokenOf(req), id: params.id, input: body.json(z.unknown()) });
  return created(message, `/api/v1/calls/${params.id}/messages`);
});

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET, POST });
