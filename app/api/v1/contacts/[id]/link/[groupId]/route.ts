import { linkContact, unlinkContact } from '@/server/domain/contacts/manage-contacts';
import { noContent } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

type P = { id: string; groupId: string };

// PUT /api/v1/contacts/{id}/link/{groupId} – add the contact to the group (linking twice keeps one membership)
export const PUT = withApi<'contacts:manage', P>({ access: 'contacts:manage', acceptsBody: false }, async ({ ctx, params }) => {
  await linkContact({ ctx, id: params.id, groupId: params.groupId });
  return noContent();
});

// DELETE /api/v1/contacts/{id}/link/{groupId} – take the contact out of the group (the contact stays)
export const DELETE = withApi<'contacts:manage', P>({ access: 'contacts:manage' }, async ({ ctx, params }) => {
  await unlinkContact({ ctx, id: params.id, groupId: params.groupId });
  return noContent();
});

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { GET, POST, PATCH, OPTIONS } = otherMethods({ PUT, DELETE });
