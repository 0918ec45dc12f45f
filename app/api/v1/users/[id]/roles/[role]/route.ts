import { removeUserRole, setUserRole } from '@/server/domain/users/manage-users';
import { noContent, ok } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

type P = { id: string; role: string };

// PUT /api/v1/users/{id}/roles/{role} – make this their one role (a built-in role's name or a custom role's id)
export const PUT = withApi<'members:manage', P>({ access: 'members:manage', acceptsBody: false }, async ({ ctx, params }) =>
  ok(await setUserRole({ ctx, id: params.id, roleId: params.role })),
);

// DELETE /api/v1/users/{id}/roles/{role} – take their current role away: they are a member again
export const DELETE = withApi<'members:manage', P>({ access: 'members:manage' }, async ({ ctx, params }) => {
  await removeUserRole({ ctx, id: params.id, roleId: params.role });
  return noContent();
});

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { GET, POST, PATCH, OPTIONS } = otherMethods({ PUT, DELETE });
