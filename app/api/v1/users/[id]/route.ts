import { removeUser, updateUser } from '@/server/domain/users/manage-users';
import { updateUserInput } from '@/server/domain/users/organization-user.schema';
import { getUser } from '@/server/domain/users/organization-users';
import { noContent, ok } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

type P = { id: string };

// GET /api/v1/users/{id} – one user of the organization with their role, direct grants and effective permissions
export const GET = withApi<'members:read', P>({ access: 'members:read' }, async ({ ctx, params }) => ok(await getUser({ ctx, id: params.id })));

// PUT /api/v1/users/{id} – replace their name, email and username
export const PUT = withApi<'members:manage', P>({ access: 'members:manage' }, async ({ ctx, params, body }) =>
  ok(await updateUser({ ctx, id: params.id, input: body.json(updateUserInput) })),
);

// DELETE /api/v1/users/{id} – remove them from the organization (their account and what they made stay)
export const DELETE = withApi<'members:manage', P>({ access: 'members:manage' }, async ({ ctx, params }) => {
  await removeUser({ ctx, id: params.id });
  return noContent();
});

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { POST, PATCH, OPTIONS } = otherMethods({ GET, PUT, DELETE });
