import { createRole, listRoles } from '@/server/domain/roles/manage-roles';
import { roleInput } from '@/server/domain/roles/role.schema';
import { listEnvelope, parsePage } from '@/server/rest/pagination';
import { created, ok } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

// GET /api/v1/roles – the built-in roles and the organization's custom roles, each with its permissions
export const GET = withApi({ access: 'members:read' }, async ({ ctx, url }) => {
  const page = parsePage(url);
  const { count, results } = await listRoles({ ctx, page });
  return ok(listEnvelope(url, page, count, results));
});

// POST /api/v1/roles – create a custom role from the permission list
export const POST = withApi({ access: 'roles:manage' }, async ({ ctx, body }) => {
  const role = await createRole({ ctx, input: body.json(roleInput) });
  return created(role, `/api/v1/roles/${role.id}`);
});

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET, POST });
