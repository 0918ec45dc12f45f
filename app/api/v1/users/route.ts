import { createUser } from '@/server/domain/users/manage-users';
import { createUserInput, USER_ORDERING } from '@/server/domain/users/organization-user.schema';
import { listUsers } from '@/server/domain/users/organization-users';
import { filterParams, listEnvelope, parseOrdering, parsePage } from '@/server/rest/pagination';
import { created, ok } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

// GET /api/v1/users – the organization's users with their role and grants (filters search, role, status)
export const GET = withApi({ access: 'members:read' }, async ({ ctx, url }) => {
  const page = parsePage(url);
  const ordering = parseOrdering(url, USER_ORDERING, { field: 'name', direction: 'asc' });
  const { count, results } = await listUsers({ ctx, filters: filterParams(url), page, ordering });
  return ok(listEnvelope(url, page, count, results));
});

// POST /api/v1/users – add a user: with a password they sign in at once; without, they are emailed an invite
export const POST = withApi({ access: 'members:manage' }, async ({ ctx, body }) => {
  const user = await createUser({ ctx, input: body.json(createUserInput) });
  return created(user, `/api/v1/users/${user.id}`);
});

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET, POST });
