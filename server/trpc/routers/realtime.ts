// The browser's live event stream: a subscription over SSE whose tracked ids let it resume where it left off.
import { tracked } from '@trpc/server';
import { z } from 'zod';
import { memberEventItems } from '../../realtime/member-stream';
import { orgProcedure, router } from '../init';

export const realtimeRouter = router({
  events: orgProcedure('organization:read')
    .input(z.object({ lastEventId: z.string().max(20).nullish() }).strict())
    .subscription(async function* ({ ctx, input, signal }) {
      for await (const item of memberEventItems({ ctx: ctx.app, lastEventId: input.lastEventId, signal: signal! })) {
        if (item.kind === 'event') {
          const { id, type, payload, createdAt } = item.event;
          yield tracked(id, { id, type, payload, createdAt });
        } else yield tracked(input.lastEventId ?? '0', { id: input.lastEventId ?? '0', type: 'reset', payload: { reason: item.reason }, createdAt: new Date().toISOString() });
      }
    }),
});
