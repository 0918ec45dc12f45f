// The realtime events of live calls, published through the platform (server/realtime) with the transaction that
// causes them. Payloads carry ids and states only: a client re-reads what it may see through its own door. Each
// carries the call's state (status, dealer) as the event's read rule needs it: a member's stream delivers it only to
// viewers who may read the call (mayReadCall) in that state — or, for a change, in the state it left.
import type { Tx } from '../../db';
import { publishEvent } from '../../realtime/publish-event';
import type { CallStatus } from './call.schema';

export const callSubject = (callId: string) => `call:${callId}`;

/** The facts of a call an event's read rule decides on. */
export type CallEventFacts = { status: CallStatus; dealerId: string | null; previousStatus?: CallStatus };

/** A customer asked: dealers (calls:answer) are told at once. */
export function publishCallRequested(tx: Tx, call: { id: string; organizationId: string }) {
  const facts: CallEventFacts = { status: 'requested', dealerId: null };
  return publishEvent(tx, { organizationId: call.organizationId, type: 'call.requested', payload: { id: call.id, ...facts }, audience: { permission: 'calls:answer', subject: callSubject(call.id) } });
}

/**
 * Any change of a call: its members' lists and pages, and its customer's page (the call's subject), follow it.
 * `previousStatus` when the status changed: the dealers who saw the call waiting learn that it was taken or missed.
 */
export function publishCallUpdated(tx: Tx, call: { id: string; organizationId: string; status: CallStatus; dealerId?: string | null; previousStatus?: CallStatus }) {
  const facts: CallEventFacts = { status: call.status, dealerId: call.dealerId ?? null, ...(call.previousStatus && call.previousStatus !== call.status && { previousStatus: call.previousStatus }) };
  return publishEvent(tx, { organizationId: call.organizationId, type: 'call.updated', payload: { id: call.id, ...facts }, audience: { subject: callSubject(call.id) } });
}

export function publishMessageCreated(tx: Tx, message: { id: string; callId: string; organizationId: string } & CallEventFacts) {
  const facts: CallEventFacts = { status: message.status, dealerId: message.dealerId };
  return publishEvent(tx, { organizationId: message.organizationId, type: 'message.created', payload: { id: message.id, callId: message.callId, ...facts }, audience: { subject: callSubject(message.callId) } });
}
