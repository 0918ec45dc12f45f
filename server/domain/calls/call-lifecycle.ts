// The transitions of a call: a dealer accepts (requested → active), a party stops (active → completed), the customer
// withdraws a request nobody took yet (requested → cancelled), and the server marks calls missed (nobody accepted in
// time) or expired (the dealer's pings stopped). Each is one
// conditional update, so of two concurrent transitions exactly one wins; each writes a call event.
import { requirePermission, requireUser, type Ctx } from '../../context';
import { db, type Tx } from '../../db';
import { conflict, forbidden, notFound } from '../../errors';
import { isUuid } from '../organizations/organization-access';
import { lockDealer } from '../dealers/dealer-row';
import { schedulePingCheck } from '../dealers/ping-watch';
import { callTimings } from '../../env';
import { queueFollowUp } from '../campaigns/follow-up';
import { publishCallUpdated } from './call-events-realtime';
import { partyActor, resolveCallParty } from './call-access';
import type { CallStatus } from './call.schema';
import { getCall } from './get-call';
import { recordCallEvent } from './record-call-event';

const stateWords: Record<CallStatus, string> = {
  requested: 'still waiting for a dealer',
  active: 'already in progress',
  completed: 'already over',
  missed: 'already missed (nobody answered in time)',
  expired: 'already over (the dealer’s connection was lost)',
  cancelled: 'already cancelled by the customer',
};

export async function acceptCall(opts: { ctx: Ctx; id: string }) {
  const ctx = requirePermission(opts.ctx, 'calls:answer');
  const userId = requireUser(ctx);
  if (!isUuid(opts.id)) throw notFound('Call');
  await db.$transaction(async (tx) => {
    // The dealer's row is locked first: two accepts by the same dealer cannot both find them free.
    const dealer = await lockDealer(tx, ctx.organizationId, userId);
    if (!dealer.active) throw forbidden('A manager has paused your live calls in this organization');
    const busy = await tx.call.findFirst({ where: { organizationId: ctx.organizationId, dealerId: userId, status: 'active' }, select: { id: true } });
    if (busy && busy.id !== opts.id) throw conflict('You are already in a call: end it before taking another');
    const now = new Date();
    const won = await tx.call.updateMany({ where: { id: opts.id, organizationId: ctx.organizationId, status: 'requested' }, data: { status: 'active', dealerId: userId, acceptedAt: now } });
    if (won.count === 0) {
      const current = await tx.call.findFirst({ where: { id: opts.id, organizationId: ctx.organizationId }, select: { status: true, dealerId: true } });
      if (!current) throw notFound('Call');
      if (current.status === 'active') throw conflict(current.dealerId === userId ? 'You already took this call' : 'Another dealer already took this call');
      throw conflict(`This call is ${stateWords[current.status]}: it can no longer be taken`);
    }
    // Taking a call puts the dealer online, and the ping clock starts now.
    await tx.dealer.update({ where: { id: dealer.id }, data: { presence: 'online', lastPingAt: now, ...(dealer.presence !== 'online' && { presenceAt: now }) } });
    await recordCallEvent(tx, { callId: opts.id, organizationId: ctx.organizationId, type: 'accepted', actor: 'user', actorId: userId, at: now });
    await schedulePingCheck(tx, dealer, now);
    await publishCallUpdated(tx, { id: opts.id, organizationId: ctx.organizationId, status: 'active', dealerId: userId, previousStatus: 'requested' });
  });
  return getCall({ ctx, id: opts.id });
}

export async function stopCall(opts: { ctx: Ctx | null; callToken?: string | null; id: string }) {
  await db.$transaction(async (tx) => {
    const party = await resolveCallParty({ ctx: opts.ctx, callToken: opts.callToken, callId: opts.id }, tx);
    if (party.kind === 'staff' && !party.isDealer) throw forbidden('Only the dealer on this call (or its customer) can end it');
    const now = new Date();
    const ended = await tx.call.updateMany({ where: { id: party.callId, status: 'active' }, data: { status: 'completed', endedAt: now } });
    if (ended.count === 0) {
      const current = await tx.call.findUniqueOrThrow({ where: { id: party.callId }, select: { status: true } });
      throw conflict(current.status === 'requested' ? 'This call has not started yet: there is nothing to end' : `This call is ${stateWords[current.status]}`);
    }
    await recordCallEvent(tx, { callId: party.callId, organizationId: party.organizationId, type: 'completed', ...partyActor(party), at: now });
    await stopRecordingWithCall(tx, { callId: party.callId, organizationId: party.organizationId }, now);
    await publishCallUpdated(tx, { id: party.callId, organizationId: party.organizationId, status: 'completed', dealerId: party.call.dealerId });
  });
  return getCall({ ctx: opts.ctx, callToken: opts.callToken, id: opts.id });
}

/** requested → cancelled: the customer who asked no longer waits (a dealer who accepts after that gets 409). */
export async function cancelCall(opts: { ctx: Ctx | null; callToken?: string | null; id: string }) {
  await db.$transaction(async (tx) => {
    const party = await resolveCallParty({ ctx: opts.ctx, callToken: opts.callToken, callId: opts.id }, tx);
    if (party.kind !== 'customer') throw forbidden('Only the customer who asked for this call can cancel it');
    const now = new Date();
    const cancelled = await tx.call.updateMany({ where: { id: party.callId, status: 'requested' }, data: { status: 'cancelled', endedAt: now } });
    if (cancelled.count === 0) {
      const current = await tx.call.findUniqueOrThrow({ where: { id: party.callId }, select: { status: true } });
      throw conflict(current.status === 'active' ? 'A dealer has already taken this call: end it instead' : `This call is ${stateWords[current.status]}`);
    }
    await recordCallEvent(tx, { callId: party.callId, organizationId: party.organizationId, type: 'cancelled', ...partyActor(party), at: now });
    await publishCallUpdated(tx, { id: party.callId, organizationId: party.organizationId, status: 'cancelled', previousStatus: 'requested' });
  });
  return getCall({ ctx: opts.ctx, callToken: opts.callToken, id: opts.id });
}

/**
 * A call that ends while its dealer records stops recording with it, and its history says so (the dealer's browser
 * may never send its own "off": it went away with the call). Runs after the end won, on the row that update locked.
 */
async function stopRecordingWithCall(tx: Tx, call: { callId: string; organizationId: string }, at: Date) {
  const stopped = await tx.call.updateMany({ where: { id: call.callId, recordingSince: { not: null } }, data: { recordingSince: null } });
  if (stopped.count === 0) return;
  await recordCallEvent(tx, { ...call, type: 'recording.stopped', actor: 'system', actorId: null, at, detail: { reason: 'call_ended' } });
}

/** requested → missed, by the server when nobody accepted in time. False when the call had already moved on. */
export async function missCall(opts: { callId: string; afterSeconds: number }): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const now = new Date();
    const [call] = await tx.call.updateManyAndReturn({ where: { id: opts.callId, status: 'requested' }, data: { status: 'missed', endedAt: now }, select: { organizationId: true } });
    if (!call) return false;
    await recordCallEvent(tx, { callId: opts.callId, organizationId: call.organizationId, type: 'missed', actor: 'system', actorId: null, at: now, detail: { afterSeconds: opts.afterSeconds } });
    await queueFollowUp(tx, opts.callId);
    await publishCallUpdated(tx, { id: opts.callId, organizationId: call.organizationId, status: 'missed', previousStatus: 'requested' });
    return true;
  });
}

/**
 * active → expired, by the server when the dealer's pings stopped; the dealer goes offline with it. False when the
 * call had already ended (for instance a stop that won the race).
 */
export async function expireCall(opts: { callId: string; lastPingAt: Date | null }, outer?: Tx): Promise<boolean> {
  const run = async (tx: Tx) => {
    const now = new Date();
    const [call] = await tx.call.updateManyAndReturn({ where: { id: opts.callId, status: 'active' }, data: { status: 'expired', endedAt: now }, select: { organizationId: true, dealerId: true } });
    if (!call) return false;
    await recordCallEvent(tx, { callId: opts.callId, organizationId: call.organizationId, type: 'expired', actor: 'system', actorId: null, at: now, detail: { lastPingAt: opts.lastPingAt?.toISOString() ?? null } });
    await stopRecordingWithCall(tx, { callId: opts.callId, organizationId: call.organizationId }, now);
    await queueFollowUp(tx, opts.callId);
    if (call.dealerId) await tx.dealer.updateMany({ where: { organizationId: call.organizationId, userId: call.dealerId, presence: 'online' }, data: { presence: 'offline', presenceAt: now } });
    await publishCallUpdated(tx, { id: opts.callId, organizationId: call.organizationId, status: 'expired', dealerId: call.dealerId });
    return true;
  };
  return outer ? run(outer) : db.$transaction(run);
}

/** The call.miss job: the call waited CALL_MISSED_AFTER_SECONDS (as it was when the call was made) with no accept. */
export function missCallWhenDue(callId: string) {
  return missCall({ callId, afterSeconds: callTimings().missedAfterSeconds });
}
