import { replaceContactInput, updateContactInput } from '@/server/domain/contacts/contact.schema';
import { deleteContact, getContact, updateContact } from '@/server/domain/contacts/manage-contacts';
import { noContent, ok } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

type P = { id: string };

// GET /api/v1/contacts/{id} – a contact with its groups
export const GET = withApi<'contacts:read', P>({ access: 'contacts:read' }, async ({ ctx, params }) => ok(await getContact({ ctx, id: params.id })));

// PUT /api/v1/contacts/{id} – replace every field
export const PUT = withApi<'contacts:manage', P>({ access: 'contacts:manage' }, async ({ ctx, params, body }) =>
  ok(await updateContact({ ctx, id: params.id, input: body.json(replaceContactInput), replace: true })),
);

// PATCH /api/v1/contacts/{id} – change some fields
export const PATCH = withApi<'contacts:manage', P>({ access: 'contacts:manage' }, async ({ ctx, params, body }) =>
  ok(await updateContact({ ctx, id: params.id, input: body.json(updateContactInput) })),
);

// DELETE /api/v1/contacts/{id} – delete the contact (and its group memberships)
export const DELETE = withApi<'contacts:manage', P>({ access: 'contacts:manage' }, async ({ ctx, params }) => {
  await deleteContact({ ctx, id: params.id });
  return noContent();
});

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { POST, OPTIONS } = otherMethods({ GET, PUT, PATCH, DELETE });
