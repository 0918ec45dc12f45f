import { z } from 'zod';
import { CALL_ORDERING, listCalls } from '@/server/domain/calls/list-calls';
import { createCall } from '@/server/domain/calls/create-call';
import { organizationTokenOf } from '@/server/rest/call-headers';
import { filterParams, listEnvelope, parseOrdering, parsePage } from '@/server/rest/pagination';
import { created, ok } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

// GET /api/v1/calls – calls of the organization with the filters of API.md §4 (a dealer without calls:read: their own)
export const GET = withApi({ access: 'authenticated' }, async ({ ctx, url }) => {
  const page = parsePage(url);
  const ordering = parseOrdering(url, CALL_ORDERING, { field: 'requestedAt', direction: 'desc' });
  const { count, results } = await listCalls({ ctx, filters: filterParams(url), page, ordering });
  return ok(listEnvelope(url, page, count, results));
});

// POST /api/v1/calls – a customer asks for a live call (public, with the organization's call token)
export const POST = withApi({ access: 'public' }, async ({ req, body }) => {
  // The domain validates the body after the organization token: a wrong token is 401 whatever the body holds.
  const { organizationId: _organizationId, ...call } = await createCall({ organizationToken: organizationTokenOf(req), input: body.json(z.unknown()) });
  // The call's token is its customer's only key to it: shown once, never replayed (a replay answers the call without it).
  return created(call, `/api/v1/calls/${call.id}`, { secretFields: ['callToken'] });
});

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET, POST });
