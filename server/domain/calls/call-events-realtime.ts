// The realtime events of live calls, published through the platform (server/realtime) with the transaction that
// causes them. Payloads carry ids and states only: a client re-reads what it may see through its own door.
import type { Tx } from '../../db';
import { publishEvent } from '../../realtime/publish-event';
import type { CallStatus } from './call.schema';

export const callSubject = (callId: string) => `call:${callId}`;

/** A customer asked: dealers (calls:answer) are told at once. */
export function publishCallRequested(tx: Tx, call: { id: string; organizationId: string }) {
  return publishEvent(tx, { organizationId: call.organizationId, type: 'call.requested', payload: { id: call.id }, audience: { permission: 'calls:answer', subject: callSubject(call.id) } });
}

/** Any change of a call: its members' lists and pages, and its customer's page (the call's subject), follow it. */
export function publishCallUpdated(tx: Tx, call: { id: string; organizationId: string; status: CallStatus; dealerId?: string | null }) {
  return publishEvent(tx, { organizationId: call.organizationId, type: 'call.updated', payload: { id: call.id, status: call.status, dealerId: call.dealerId ?? null }, audience: { subject: callSubject(call.id) } });
}

export function publishMessageCreated(tx: Tx, message: { id: string; callId: string; organizationId: string }) {
  return publishEvent(tx, { organizationId: message.organizationId, type: 'message.created', payload: { id: message.id, callId: message.callId }, audience: { subject: callSubject(message.callId) } });
}
