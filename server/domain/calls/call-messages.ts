// The chat beside a call: its customer and its dealer write while the call waits or runs; staff who may see the
// call read the history.
import type { Ctx } from '../../context';
import { db } from '../../db';
import { conflict, forbidden } from '../../errors';
import type { Page } from '../shared/list';
import { partyActor, resolveCallParty } from './call-access';
import { publishMessageCreated } from './call-events-realtime';
import { callMessageInput, type CallMessageDto, type CallStatus } from './call.schema';

type MessageRow = { id: string; sender: string; senderUserId: string | null; body: string; createdAt: Date };

async function toDtos(callId: string, rows: MessageRow[]): Promise<CallMessageDto[]> {
  const call = await db.call.findUniqueOrThrow({ where: { id: callId }, select: { customerFirstName: true } });
  const ids = [...new Set(rows.flatMap((r) => (r.senderUserId ? [r.senderUserId] : [])))];
  const users = ids.length ? await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, firstName: true } }) : [];
  const names = new Map(users.map((u) => [u.id, u.firstName]));
  return rows.map((r) => ({
    id: r.id,
    sender: r.sender === 'customer' ? 'customer' : 'dealer',
    senderName: r.sender === 'customer' ? call.customerFirstName : (names.get(r.senderUserId ?? '') ?? null),
    message: r.body,
    createdAt: r.createdAt.toISOString(),
  }));
}

export async function listCallMessages(opts: { ctx: Ctx | null; callToken?: string | null; id: string; page: Page }) {
  const party = await resolveCallParty({ ctx: opts.ctx, callToken: opts.callToken, callId: opts.id });
  const where = { callId: party.callId };
  const [count, rows] = await Promise.all([
    db.callMessage.count({ where }),
    db.callMessage.findMany({ where, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], skip: opts.page.offset, take: opts.page.limit }),
  ]);
  return { count, results: await toDtos(party.callId, rows) };
}

export async function sendCallMessage(opts: { ctx: Ctx | null; callToken?: string | null; id: string; input: unknown }): Promise<CallMessageDto> {
  const row = await db.$transaction(async (tx) => {
    // Another organization's call is 404 whatever the body says, so the caller is resolved before the input.
    const party = await resolveCallParty({ ctx: opts.ctx, callToken: opts.callToken, callId: opts.id }, tx);
    const input = callMessageInput.parse(opts.input);
    if (party.kind === 'staff' && !party.isDealer) throw forbidden('Only the dealer on this call can write to its customer');
    // Locks the call so a message never lands after the call it belongs to has ended.
    const [call] = await tx.$queryRaw<{ status: string }[]>`SELECT status::text AS status FROM "Call" WHERE id = ${party.callId}::uuid FOR UPDATE`;
    if (call!.status !== 'requested' && call!.status !== 'active') throw conflict('This call has ended: messages can no longer be sent');
    const actor = partyActor(party);
    const created = await tx.callMessage.create({ data: { callId: party.callId, organizationId: party.organizationId, sender: actor.actor, senderUserId: actor.actor === 'user' ? actor.actorId : null, body: input.message } });
    await publishMessageCreated(tx, { id: created.id, callId: party.callId, organizationId: party.organizationId, status: call!.status as CallStatus, dealerId: party.call.dealerId });
    return created;
  });
  return (await toDtos(row.callId, [row]))[0]!;
}
