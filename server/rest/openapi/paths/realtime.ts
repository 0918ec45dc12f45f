// OpenAPI path of the realtime stream (API.md §4, GET /events).
import { z } from 'zod';
import { operation } from '../operation';

export const realtimePaths = {
  '/events': {
    get: operation({
      summary: "Server-Sent Events of the caller's organization",
      tags: ['Realtime'],
      access: 'authenticated',
      query: z.object({ lastEventId: z.string().optional().meta({ description: 'Resume after this event id (same as the Last-Event-ID header)' }) }),
      responses: {
        200: {
          description:
            'An event stream (`text/event-stream`). Each event has `id:` (resume with `Last-Event-ID`), `event:` its type (e.g. `audit.recorded`, `organization.updated`, `member.updated`, `call.requested`, `call.updated`, `message.created`, `campaign.progress`, `import.progress`) and `data:` `{ id, type, payload, createdAt }`. Only events the caller may see are sent; heartbeat comments every 15 s; events are kept 7 days (an older cursor gets an `event: reset`).',
          schema: z.string(),
          contentType: 'text/event-stream',
        },
      },
    }),
  },
};
