// After the call: the dealer's note on it (only once it has ended).
import type { Ctx } from '../../context';
import { db } from '../../db';
import { AppError, conflict, forbidden } from '../../errors';
import { partyActor, resolveCallParty } from './call-access';
import { publishCallUpdated } from './call-events-realtime';
import { callNoteInput, ENDED_STATUSES, type CallStatus } from './call.schema';
import { getCall } from './get-call';
import { recordCallEvent } from './record-call-event';

export async function saveCallNote(opts: { ctx: Ctx; id: string; input: unknown }) {
  await db.$transaction(async (tx) => {
    // Another organization's call is 404 whatever the body says, so the caller is resolved before the input.
    const party = await resolveCallParty({ ctx: opts.ctx, callId: opts.id }, tx);
    const input = callNoteInput.parse(opts.input);
    if (party.kind !== 'staff') throw new AppError('not_found', { message: 'Call not found' });
    if (!party.isDealer && !party.canReadAll) throw forbidden('Only the dealer on this call or a manager can write its note');
    const now = new Date();
    const saved = await tx.call.updateMany({ where: { id: party.callId, status: { in: [...ENDED_STATUSES] } }, data: { note: input.note || null, noteUpdatedAt: now } });
    if (saved.count === 0) throw conflict(`A note is written after the call: this one is ${party.call.status === 'requested' ? 'still waiting for a dealer' : 'still in progress'}`);
    await recordCallEvent(tx, { callId: party.callId, organizationId: party.organizationId, type: 'note.saved', ...partyActor(party), at: now, detail: { length: input.note.length } });
    await publishCallUpdated(tx, { id: party.callId, organizationId: party.organizationId, status: party.call.status, dealerId: party.call.dealerId });
  });
  return getCall({ ctx: opts.ctx, id: opts.id });
}

export const callHasEnded = (status: CallStatus) => ENDED_STATUSES.includes(status);
