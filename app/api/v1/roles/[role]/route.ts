import { deleteRole, getRole, updateRole } from '@/server/domain/roles/manage-roles';
import { roleInput } from '@/server/domain/roles/role.schema';
import { noContent, ok } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

type P = { role: string };

// GET /api/v1/roles/{role} – one role (a built-in role's name or a custom role's id) with its permissions
export const GET = withApi<'members:read', P>({ access: 'members:read' }, async ({ ctx, params }) => ok(await getRole({ ctx, id: params.role })));

// PUT /api/v1/roles/{role} – replace a custom role's name, description and permissions (built-in roles: 409)
export const PUT = withApi<'roles:manage', P>({ access: 'roles:manage' }, async ({ ctx, params, body }) =>
  ok(await updateRole({ ctx, id: params.role, input: body.json(roleInput) })),
);

// DELETE /api/v1/roles/{role} – delete a custom role; its holders become members (built-in roles: 409)
export const DELETE = withApi<'roles:manage', P>({ access: 'roles:manage' }, async ({ ctx, params }) => {
  await deleteRole({ ctx, id: params.role });
  return noContent();
});

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { POST, PATCH, OPTIONS } = otherMethods({ GET, PUT, DELETE });
