import { resolveBrowserContext } from '@/server/auth/resolve-context';
import { openTemplateAttachment } from '@/server/domain/library/manage-templates';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

// GET /{org}/messages/templates/{id}/attachment – the template page's download of its attachment, for the signed-in browser
export const GET = withApi<'public', { org: string; id: string }>({ access: 'public' }, async ({ params, req, requestId, ip }) =>
  openTemplateAttachment({ ctx: await resolveBrowserContext({ organizationId: params.org, requestId, ip }), id: params.id, req }),
);

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET });
