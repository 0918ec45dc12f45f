import { replaceGroupInput, updateGroupInput } from '@/server/domain/contacts/contact.schema';
import { deleteGroup, getGroup, updateGroup } from '@/server/domain/contacts/manage-groups';
import { noContent, ok } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

type P = { id: string };

// GET /api/v1/groups/{id} – a group with its member count
export const GET = withApi<'contacts:read', P>({ access: 'contacts:read' }, async ({ ctx, params }) => ok(await getGroup({ ctx, id: params.id })));

// PUT /api/v1/groups/{id} – replace every field
export const PUT = withApi<'contacts:manage', P>({ access: 'contacts:manage' }, async ({ ctx, params, body }) =>
  ok(await updateGroup({ ctx, id: params.id, input: body.json(replaceGroupInput), replace: true })),
);

// PATCH /api/v1/groups/{id} – change some fields
export const PATCH = withApi<'contacts:manage', P>({ access: 'contacts:manage' }, async ({ ctx, params, body }) =>
  ok(await updateGroup({ ctx, id: params.id, input: body.json(updateGroupInput) })),
);

// DELETE /api/v1/groups/{id} – delete the group; its contacts stay
export const DELETE = withApi<'contacts:manage', P>({ access: 'contacts:manage' }, async ({ ctx, params }) => {
  await deleteGroup({ ctx, id: params.id });
  return noContent();
});

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { POST, OPTIONS } = otherMethods({ GET, PUT, PATCH, DELETE });
