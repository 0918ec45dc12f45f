import { documentInput } from '@/server/domain/library/library.schema';
import { deleteItem, getItem, updateItem } from '@/server/domain/library/manage-media-items';
import { noContent, ok } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

type P = { id: string };

// GET /api/v1/messages/documents/{id} – a fax document
export const GET = withApi<'messages:read', P>({ access: 'messages:read' }, async ({ ctx, params }) => ok(await getItem({ ctx, kind: 'document', id: params.id })));

// PUT /api/v1/messages/documents/{id} – replace its name and description
export const PUT = withApi<'messages:manage', P>({ access: 'messages:manage' }, async ({ ctx, params, body }) => ok(await updateItem({ ctx, kind: 'document', id: params.id, input: body.json(documentInput) })));

// DELETE /api/v1/messages/documents/{id} – delete it and its file (409 while a program uses it)
export const DELETE = withApi<'messages:manage', P>({ access: 'messages:manage' }, async ({ ctx, params }) => {
  await deleteItem({ ctx, kind: 'document', id: params.id });
  return noContent();
});

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { POST, PATCH, OPTIONS } = otherMethods({ GET, PUT, DELETE });
