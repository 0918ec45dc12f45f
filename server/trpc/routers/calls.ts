// Live calls for signed-in members: lists and counts (filters as in the URL), one call, and the dealer's actions.
import { z } from 'zod';
import { acceptCall, stopCall } from '../../domain/calls/call-lifecycle';
import { listCallMessages, sendCallMessage } from '../../domain/calls/call-messages';
import { saveCallNote } from '../../domain/calls/call-note';
import { attachCallRecording, setCallRecording } from '../../domain/calls/call-recording';
import { sendLoanLink } from '../../domain/calls/send-loan-link';
import { callIceServers, sendCallSignal } from '../../domain/calls/call-signals';
import { getCall } from '../../domain/calls/get-call';
import { CALL_ORDERING, countCalls, listCalls } from '../../domain/calls/list-calls';
import { MAX_LIMIT } from '../../domain/shared/list';
import { orgProcedure, router } from '../init';

const idInput = z.object({ id: z.string() }).strict();
export const pageInput = { limit: z.number().int().min(1).max(MAX_LIMIT).default(50), offset: z.number().int().min(0).default(0) };
// Filters arrive as the page keeps them in its URL (strings); the domain validates them, as it does for REST.
const filtersInput = z.record(z.string(), z.string()).optional();
const ordering = <F extends string>(fields: readonly F[]) => z.object({ field: z.enum(fields as [F, ...F[]]), direction: z.enum(['asc', 'desc']) }).optional();

// Membership is enough to ask; the domain decides what each caller sees (calls:read, or a dealer's own calls).
const member = orgProcedure('organization:read');

export const callsRouter = router({
  list: member
    .input(z.object({ ...pageInput, filters: filtersInput, ordering: ordering(CALL_ORDERING) }).strict())
    .query(({ ctx, input }) => listCalls({ ctx: ctx.app, filters: input.filters, page: input, ordering: input.ordering })),
  count: member.input(z.object({ filters: filtersInput }).strict()).query(({ ctx, input }) => countCalls({ ctx: ctx.app, filters: input.filters })),
  get: member.input(idInput).query(({ ctx, input }) => getCall({ ctx: ctx.app, id: input.id })),
  accept: orgProcedure('calls:answer').input(idInput).mutation(({ ctx, input }) => acceptCall({ ctx: ctx.app, id: input.id })),
  stop: member.input(idInput).mutation(({ ctx, input }) => stopCall({ ctx: ctx.app, id: input.id })),
  saveNote: member.input(z.object({ id: z.string(), note: z.string() }).strict()).mutation(({ ctx, input }) => saveCallNote({ ctx: ctx.app, id: input.id, input: { note: input.note } })),
  sendLoanLink: member.input(z.object({ id: z.string(), channel: z.enum(['email', 'sms']) }).strict()).mutation(({ ctx, input }) => sendLoanLink({ ctx: ctx.app, id: input.id, input: { channel: input.channel } })),
  signal: orgProcedure('calls:answer').input(z.object({ id: z.string(), signal: z.unknown() }).strict()).mutation(({ ctx, input }) => sendCallSignal({ ctx: ctx.app, id: input.id, input: input.signal })),
  iceServers: member.query(() => callIceServers()),
  // The dealer records their side: the on-air switch the customer sees, then the WAV (already streamed to
  // /api/uploads/audio) attached by id, which becomes their scored coaching session.
  setRecording: orgProcedure('calls:answer')
    .input(z.object({ id: z.string(), recording: z.boolean() }).strict())
    .mutation(({ ctx, input }) => setCallRecording({ ctx: ctx.app, id: input.id, input: { recording: input.recording } })),
  attachRecording: orgProcedure('sessions:write')
    .input(z.object({ id: z.string(), recording: z.unknown() }).strict())
    .mutation(({ ctx, input }) => attachCallRecording({ ctx: ctx.app, id: input.id, input: input.recording })),
  messages: member
    .input(z.object({ id: z.string(), ...pageInput }).strict())
    .query(({ ctx, input }) => listCallMessages({ ctx: ctx.app, id: input.id, page: { limit: input.limit, offset: input.offset } })),
  sendMessage: member.input(z.object({ id: z.string(), message: z.string() }).strict()).mutation(({ ctx, input }) => sendCallMessage({ ctx: ctx.app, id: input.id, input: { message: input.message } })),
});
