import { grantUserPermission, revokeUserPermission } from '@/server/domain/users/manage-users';
import { noContent, ok } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

type P = { id: string; permission: string };

// PUT /api/v1/users/{id}/permissions/{permission} – grant a permission directly, on top of their role
export const PUT = withApi<'members:manage', P>({ access: 'members:manage', acceptsBody: false }, async ({ ctx, params }) =>
  ok(await grantUserPermission({ ctx, id: params.id, permission: params.permission })),
);

// DELETE /api/v1/users/{id}/permissions/{permission} – revoke a direct grant (what their role gives stays)
export const DELETE = withApi<'members:manage', P>({ access: 'members:manage' }, async ({ ctx, params }) => {
  await revokeUserPermission({ ctx, id: params.id, permission: params.permission });
  return noContent();
});

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { GET, POST, PATCH, OPTIONS } = otherMethods({ PUT, DELETE });
