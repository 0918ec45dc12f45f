// Client log lines (POST /calls/{id}/events): a customer's or dealer's app records delivery and connection events
// ("push.delivered", "socket.connected") in the call's history, beside the server's own transitions.
import type { Ctx } from '../../context';
import { db } from '../../db';
import { partyActor, resolveCallParty } from './call-access';
import { callClientEventInput, type CallEventDto } from './call.schema';
import { recordCallEvent } from './record-call-event';

export async function addCallClientEvent(opts: { ctx: Ctx | null; callToken?: string | null; id: string; input: unknown }): Promise<CallEventDto> {
  // Who may touch the call is settled first: another organization's call is 404 whatever the body says.
  const party = await resolveCallParty({ ctx: opts.ctx, callToken: opts.callToken, callId: opts.id });
  const input = callClientEventInput.parse(opts.input);
  const actor = partyActor(party);
  // Prefixed, so a client can never write a line that reads like one of the server's transitions.
  const e = await recordCallEvent(db, { callId: party.callId, organizationId: party.organizationId, type: `client.${input.type}`, code: input.code ?? null, ...actor });
  return { id: e.id, type: e.type, code: e.code, actor: { kind: e.actor, id: e.actorId, name: null }, detail: {}, createdAt: e.createdAt.toISOString() };
}
