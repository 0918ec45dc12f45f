import { resolveBrowserContext } from '@/server/auth/resolve-context';
import { openSessionAudio } from '@/server/domain/sessions/session-recording';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

// GET /{org}/sessions/{id}/audio – the review page's player: the same recording as GET /api/v1/sessions/{id}/audio,
// for the signed-in browser (an <audio> element sends the session cookie, not a token), with Range for seeking.
// Players ask for many small ranges while seeking, so the per-address budget is generous.
export const GET = withApi<'public', { org: string; id: string }>({ access: 'public', rateLimit: { points: 600, durationSeconds: 60 } }, async ({ params, req, requestId, ip }) =>
  openSessionAudio({ ctx: await resolveBrowserContext({ organizationId: params.org, requestId, ip }), id: params.id, req }),
);

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET });
