import { smsTextInput } from '@/server/domain/library/library.schema';
import { deleteText, getText, updateText } from '@/server/domain/library/manage-texts';
import { noContent, ok } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

type P = { id: string };

// GET /api/v1/messages/texts/{id} – an SMS text with its encoding and segments
export const GET = withApi<'messages:read', P>({ access: 'messages:read' }, async ({ ctx, params }) => ok(await getText({ ctx, id: params.id })));

// PUT /api/v1/messages/texts/{id} – replace every field
export const PUT = withApi<'messages:manage', P>({ access: 'messages:manage' }, async ({ ctx, params, body }) => ok(await updateText({ ctx, id: params.id, input: body.json(smsTextInput) })));

// DELETE /api/v1/messages/texts/{id} – delete it (409 while a program sends it)
export const DELETE = withApi<'messages:manage', P>({ access: 'messages:manage' }, async ({ ctx, params }) => {
  await deleteText({ ctx, id: params.id });
  return noContent();
});

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { POST, PATCH, OPTIONS } = otherMethods({ GET, PUT, DELETE });
