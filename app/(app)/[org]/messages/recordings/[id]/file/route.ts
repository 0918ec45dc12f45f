import { resolveBrowserContext } from '@/server/auth/resolve-context';
import { openItemMedia } from '@/server/domain/library/manage-media-items';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

// GET /{org}/messages/recordings/{id}/file – the library page's player or viewer: the same file as GET /api/v1/messages/recordings/{id}/media,
// for the signed-in browser (the element sends the session cookie, not a token), with Range for seeking
export const GET = withApi<'public', { org: string; id: string }>({ access: 'public', rateLimit: { points: 600, durationSeconds: 60 } }, async ({ params, req, requestId, ip }) =>
  openItemMedia({ ctx: await resolveBrowserContext({ organizationId: params.org, requestId, ip }), kind: 'recording', id: params.id, req }),
);

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET });
