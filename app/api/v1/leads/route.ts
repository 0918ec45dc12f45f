import { z } from 'zod';
import { createLead } from '@/server/domain/leads/create-lead';
import { LEAD_ORDERING, listLeads } from '@/server/domain/leads/list-leads';
import { callTokenOf, organizationTokenOf } from '@/server/rest/call-headers';
import { filterParams, listEnvelope, parseOrdering, parsePage } from '@/server/rest/pagination';
import { created, ok } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

// GET /api/v1/leads – leads of the organization with the filters of API.md §4
export const GET = withApi({ access: 'leads:read' }, async ({ ctx, url }) => {
  const page = parsePage(url);
  const ordering = parseOrdering(url, LEAD_ORDERING, { field: 'createdAt', direction: 'desc' });
  const { count, results } = await listLeads({ ctx, filters: filterParams(url), page, ordering });
  return ok(listEnvelope(url, page, count, results));
});

// POST /api/v1/leads – a customer leaves a lead (public, with X-Call-Token or the organization's call token)
export const POST = withApi({ access: 'public' }, async ({ req, body }) => {
  const lead = await createLead({ callToken: callTokenOf(req), organizationToken: organizationTokenOf(req), input: body.json(z.unknown()) });
  return created(lead, `/api/v1/leads/${lead.id}`);
});

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET, POST });
