import { openTemplateAttachment, putTemplateAttachment } from '@/server/domain/library/manage-templates';
import { ok } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

type P = { id: string };

// PUT /api/v1/messages/templates/{id}/media – the attachment: a PDF (20 MB) or a JPEG/PNG image (5 MB), raw or multipart
export const PUT = withApi<'messages:manage', P>({ access: 'messages:manage', streamBody: true, maxBodyBytes: 21 * 1024 * 1024 }, async ({ ctx, params, upload }) =>
  ok(await putTemplateAttachment({ ctx, id: params.id, upload: await upload.file() })),
);

// GET /api/v1/messages/templates/{id}/media – the attachment, with Range
export const GET = withApi<'messages:read', P>({ access: 'messages:read' }, async ({ ctx, params, req }) => openTemplateAttachment({ ctx, id: params.id, req }));

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { POST, PATCH, DELETE, OPTIONS } = otherMethods({ GET, PUT });
