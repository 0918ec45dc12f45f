// The customer's side of a live call, for the public page /call/[organizationToken]: no sign-in, only the
// organization's call token to ask and the call's own token after. Budgets are per client address, as on REST.
import { z } from 'zod';
import { tracked } from '@trpc/server';
import { customerCallEvents } from '../../domain/calls/call-stream';
import { callIceServers, sendCallSignal } from '../../domain/calls/call-signals';
import { addCallClientEvent } from '../../domain/calls/call-client-events';
import { cancelCall, stopCall } from '../../domain/calls/call-lifecycle';
import { listCallMessages, sendCallMessage } from '../../domain/calls/call-messages';
import { createCall, organizationForCallToken } from '../../domain/calls/create-call';
import { getCall } from '../../domain/calls/get-call';
import { createLead } from '../../domain/leads/create-lead';
import { decodeVin } from '../../domain/vehicles/decode-vin';
import { publicProcedure, router } from '../init';

// The customer is signed out: the one limiter charges their address, from the same budget REST's public routes use.
const limited = publicProcedure;

const token = z.string().max(200);
const callAccess = { callId: z.string().max(64), callToken: token };

export const callRoomRouter = router({
  organization: limited.input(z.object({ organizationToken: token }).strict()).query(async ({ input }) => ({ name: (await organizationForCallToken(input.organizationToken)).name })),
  decodeVin: limited.input(z.object({ vin: z.string().max(64) }).strict()).query(({ input }) => decodeVin(input.vin)),
  request: limited
    .input(z.object({ organizationToken: token, call: z.unknown() }).strict())
    .mutation(async ({ input }) => {
      const { organizationId: _organizationId, ...created } = await createCall({ organizationToken: input.organizationToken, input: input.call });
      return created;
    }),
  get: limited.input(z.object(callAccess).strict()).query(({ input }) => getCall({ ctx: null, callToken: input.callToken, id: input.callId })),
  messages: limited
    .input(z.object(callAccess).strict())
    .query(({ input }) => listCallMessages({ ctx: null, callToken: input.callToken, id: input.callId, page: { limit: 200, offset: 0 } })),
  sendMessage: limited
    .input(z.object({ ...callAccess, message: z.string() }).strict())
    .mutation(({ input }) => sendCallMessage({ ctx: null, callToken: input.callToken, id: input.callId, input: { message: input.message } })),
  stop: limited.input(z.object(callAccess).strict()).mutation(({ input }) => stopCall({ ctx: null, callToken: input.callToken, id: input.callId })),
  cancel: limited.input(z.object(callAccess).strict()).mutation(({ input }) => cancelCall({ ctx: null, callToken: input.callToken, id: input.callId })),
  logEvent: limited
    .input(z.object({ ...callAccess, event: z.unknown() }).strict())
    .mutation(({ input }) => addCallClientEvent({ ctx: null, callToken: input.callToken, id: input.callId, input: input.event })),
  /** The customer's page follows its own call: call.updated and message.created about it, resumable by id. */
  events: limited
    .input(z.object({ ...callAccess, lastEventId: z.string().max(20).nullish() }).strict())
    .subscription(async function* ({ input, signal }) {
      const stream = await customerCallEvents({ callToken: input.callToken, callId: input.callId, lastEventId: input.lastEventId, signal: signal! });
      for await (const item of stream) {
        if (item.kind === 'event') yield tracked(item.event.id, { type: item.event.type, payload: item.event.payload });
        // Listening: from now (not resumed), the page reads its call again (it may have changed while this connected).
        // Untracked, as on the members' stream: the organization's newest event id is not the customer's business.
        else if (item.kind === 'ready') yield { type: 'ready' as const, resumed: item.resumed };
        else yield tracked(input.lastEventId ?? '0', { type: 'reset', payload: { reason: item.reason } });
      }
    }),
  signal: limited
    .input(z.object({ ...callAccess, signal: z.unknown() }).strict())
    .mutation(({ input }) => sendCallSignal({ ctx: null, callToken: input.callToken, id: input.callId, input: input.signal })),
  iceServers: limited.query(() => callIceServers()),
  leaveLead: limited
    .input(z.object({ callToken: token, lead: z.unknown() }).strict())
    .mutation(({ input }) => createLead({ callToken: input.callToken, organizationToken: null, input: input.lead })),
});
