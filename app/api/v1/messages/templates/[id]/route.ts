import { emailTemplateInput } from '@/server/domain/library/library.schema';
import { deleteTemplate, getTemplate, updateTemplate } from '@/server/domain/library/manage-templates';
import { noContent, ok } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

type P = { id: string };

// GET /api/v1/messages/templates/{id} – an email template
export const GET = withApi<'messages:read', P>({ access: 'messages:read' }, async ({ ctx, params }) => ok(await getTemplate({ ctx, id: params.id })));

// PUT /api/v1/messages/templates/{id} – replace every field (the attachment stays)
export const PUT = withApi<'messages:manage', P>({ access: 'messages:manage', maxBodyBytes: 2 * 1024 * 1024 }, async ({ ctx, params, body }) => ok(await updateTemplate({ ctx, id: params.id, input: body.json(emailTemplateInput) })));

// DELETE /api/v1/messages/templates/{id} – delete it and its attachment (409 while a program sends it)
export const DELETE = withApi<'messages:manage', P>({ access: 'messages:manage' }, async ({ ctx, params }) => {
  await deleteTemplate({ ctx, id: params.id });
  return noContent();
});

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { POST, PATCH, OPTIONS } = otherMethods({ GET, PUT, DELETE });
