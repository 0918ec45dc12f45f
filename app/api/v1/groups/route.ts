import { createGroupInput, GROUP_ORDERING } from '@/server/domain/contacts/contact.schema';
import { createGroup, listGroups } from '@/server/domain/contacts/manage-groups';
import { listEnvelope, parseOrdering, parsePage } from '@/server/rest/pagination';
import { created, ok } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

// GET /api/v1/groups – contact groups with their member counts (?search by name)
export const GET = withApi({ access: 'contacts:read' }, async ({ ctx, url }) => {
  const page = parsePage(url);
  const ordering = parseOrdering(url, GROUP_ORDERING, { field: 'name', direction: 'asc' });
  const { count, results } = await listGroups({ ctx, page, ordering, search: url.searchParams.get('search') ?? undefined });
  return ok(listEnvelope(url, page, count, results));
});

// POST /api/v1/groups – create a group
export const POST = withApi({ access: 'contacts:manage' }, async ({ ctx, body }) => {
  const group = await createGroup({ ctx, input: body.json(createGroupInput) });
  return created(group, `/api/v1/groups/${group.id}`);
});

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET, POST });
