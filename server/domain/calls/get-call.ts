// One call with its history, for staff who may see it or for the customer holding its token.
import type { Ctx } from '../../context';
import { db } from '../../db';
import { visibleSessionsWhere } from '../sessions/session.scope';
import { resolveCallParty } from './call-access';
import { callSelect, toCallDetailDto } from './call-dto';
import type { CallDetailDto, CallEventDto } from './call.schema';

export async function getCall(opts: { ctx: Ctx | null; callToken?: string | null; id: string }): Promise<CallDetailDto> {
  const party = await resolveCallParty({ ctx: opts.ctx, callToken: opts.callToken, callId: opts.id });
  const [row, events] = await Promise.all([
    db.call.findUniqueOrThrow({ where: { id: party.callId }, select: callSelect }),
    db.callEvent.findMany({ where: { callId: party.callId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], take: 500 }),
  ]);
  // Events keep bare actor ids; names are looked up once for the call.
  const userIds = [...new Set(events.flatMap((e) => (e.actor === 'user' && e.actorId ? [e.actorId] : [])))];
  const users = userIds.length ? await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, firstName: true, lastName: true } }) : [];
  const names = new Map(users.map((u) => [u.id, `${u.firstName} ${u.lastName}`.trim()]));
  const customerName = [row.customerFirstName, row.customerLastName].filter(Boolean).join(' ') || null;
  const dtoEvents: CallEventDto[] = events.map((e) => ({
    id: e.id,
    type: e.type,
    code: e.code,
    actor: { kind: e.actor, id: e.actorId, name: e.actor === 'user' ? (names.get(e.actorId ?? '') ?? null) : e.actor === 'customer' ? customerName : null },
    detail: e.detail && typeof e.detail === 'object' && !Array.isArray(e.detail) ? (e.detail as Record<string, unknown>) : {},
    createdAt: e.createdAt.toISOString(),
  }));
  if (party.kind === 'customer') return toCallDetailDto(row, dtoEvents, 'customer');
  // The recording's session follows issue 9's visibility: its dealer, their team's managers, coaching admins.
  const session = await db.practiceSession.findFirst({ where: { callId: party.callId, ...(await visibleSessionsWhere(party.ctx)) }, select: { id: true, score: true, transcriptStatus: true } });
  return toCallDetailDto(row, dtoEvents, 'staff', session);
}
