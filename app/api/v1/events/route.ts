import { memberEventStream } from '@/server/domain/events/member-events';
import { SSE_CONTENT_TYPE } from '@/server/realtime/sse';
import { raw } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

// GET /api/v1/events – Server-Sent Events of the caller's organization, resumable with Last-Event-ID
export const GET = withApi({ access: 'authenticated' }, async ({ ctx, req, url }) => {
  const lastEventId = req.headers.get('last-event-id') ?? url.searchParams.get('lastEventId');
  const stream = memberEventStream({ ctx, lastEventId, signal: req.signal });
  return raw(stream, SSE_CONTENT_TYPE, { 'Cache-Control': 'no-cache, no-transform', 'X-Accel-Buffering': 'no' });
});

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET });
