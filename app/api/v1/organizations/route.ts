import { createOrganization, listOrganizations, ORGANIZATION_ORDERING } from '@/server/domain/organizations/manage-organizations';
import { createOrganizationInput } from '@/server/domain/organizations/organization.schema';
import { listEnvelope, parseOrdering, parsePage } from '@/server/rest/pagination';
import { created, ok } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

// GET /api/v1/organizations – the caller's organizations
export const GET = withApi({ access: 'authenticated' }, async ({ ctx, url }) => {
  const page = parsePage(url);
  const ordering = parseOrdering(url, ORGANIZATION_ORDERING, { field: 'name', direction: 'asc' });
  const { count, results } = await listOrganizations({ ctx, page, ordering });
  return ok(listEnvelope(url, page, count, results));
});

// POST /api/v1/organizations – create an organization; the caller becomes its owner
export const POST = withApi({ access: 'user' }, async ({ ctx, body }) => {
  const org = await createOrganization({ ctx, input: body.json(createOrganizationInput) });
  return created(org, `/api/v1/organizations/${org.id}`);
});

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET, POST });
