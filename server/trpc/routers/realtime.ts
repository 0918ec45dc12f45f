// The browser's live event stream: a subscription over SSE whose tracked ids let it resume where it left off.
import { tracked } from '@trpc/server';
import { z } from 'zod';
import { memberEventItems } from '../../domain/events/member-events';
import { chatProcedure, router } from '../init';

export const realtimeRouter = router({
  // Members (organization:read) and the guest of a redeemed access link: its stream carries its conversations only.
  events: chatProcedure('organization:read')
    .input(z.object({ lastEventId: z.string().max(20).nullish() }).strict())
    .subscription(async function* ({ ctx, input, signal }) {
      for await (const item of memberEventItems({ ctx: ctx.app, lastEventId: input.lastEventId, signal: signal! })) {
        if (item.kind === 'event') {
          const { id, type, payload, createdAt } = item.event;
          yield tracked(id, { id, type, payload, createdAt });
        } else if (item.kind === 'ready') {
          // Listening. From now (not resumed), the tab reads again what it read before: a change committed while the
          // stream connected is in no event it will get. Untracked: a reconnect resumes from the last event the tab
          // saw (or opens from now and says ready again), and the organization's newest event id is not handed out.
          yield { type: 'ready' as const, resumed: item.resumed };
        } else if (item.kind === 'ended') {
          // The viewer's access ended (removed, password changed): the tab is told (it re-reads what it shows, and is
          // refused), and the subscription ends; a new one is refused.
          yield tracked(input.lastEventId ?? '0', { id: input.lastEventId ?? '0', type: 'access.ended', payload: { reason: item.reason }, createdAt: new Date().toISOString() });
          return;
        } else yield tracked(input.lastEventId ?? '0', { id: input.lastEventId ?? '0', type: 'reset', payload: { reason: item.reason }, createdAt: new Date().toISOString() });
      }
    }),
});
