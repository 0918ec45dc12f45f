import { PROVIDER_ORDERING, providerInput } from '@/server/domain/providers/provider.schema';
import { createProvider, listProviders } from '@/server/domain/providers/manage-providers';
import { listEnvelope, parseOrdering, parsePage } from '@/server/rest/pagination';
import { created, ok } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

// GET /api/v1/providers – gateways (?type=smtp|twilio|http|kannel|sink, ?service=sms|email|voice|fax); secrets never shown
export const GET = withApi({ access: 'providers:read' }, async ({ ctx, url }) => {
  const page = parsePage(url);
  const ordering = parseOrdering(url, PROVIDER_ORDERING, { field: 'name', direction: 'asc' });
  const { count, results } = await listProviders({ ctx, page, ordering, type: url.searchParams.get('type') ?? undefined, service: url.searchParams.get('service') ?? undefined });
  return ok(listEnvelope(url, page, count, results));
});

// POST /api/v1/providers – connect a gateway (its host checked against SSRF: 422 for a forbidden address)
export const POST = withApi({ access: 'providers:manage' }, async ({ ctx, body }) => {
  const provider = await createProvider({ ctx, input: body.json(providerInput) });
  return created(provider, `/api/v1/providers/${provider.id}`);
});

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET, POST });
