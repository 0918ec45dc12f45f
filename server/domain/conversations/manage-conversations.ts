// Conversations: start one (a chat between two is found again, never made twice), list the caller's with their unread
// counts, and manage a group's participants (its admins do).
import { requirePermission, type Ctx, type OrgCtx } from '../../context';
import { db, type Tx } from '../../db';
import { AppError, conflict, forbidden, type FieldError } from '../../errors';
import type { Page } from '../shared/list';
import { chatterId, chattersOf, conversationNotFound, participation } from './conversation-access';
import { createConversationInput, type ConversationDto, type CreatedConversationDto, type MessageDto } from './conversation.schema';

// Namespace of the advisory lock that serialises starting the chat of one pair (second key: the pair's hash).
const CHAT_LOCK = 720_707_424;

export const toMessageDto = (m: { id: string; conversationId: string; senderId: string | null; body: string; createdAt: Date }): MessageDto => ({
  id: m.id,
  conversationId: m.conversationId,
  senderId: m.senderId,
  message: m.body,
  createdAt: m.createdAt.toISOString(),
});

const conversationSelect = {
  id: true,
  type: true,
  name: true,
  createdAt: true,
  participants: { select: { userId: true, isAdmin: true, user: { select: { firstName: true, lastName: true, externalUser: { select: { userId: true } } } } }, orderBy: { joinedAt: 'asc' as const } },
  messages: { orderBy: [{ createdAt: 'desc' as const }, { id: 'desc' as const }], take: 1 },
};

/** The caller's view of some of its conversations, by id: participants, last message, unread count. */
async function conversationDtos(tx: Tx, me: string, ids: string[]): Promise<Map<string, ConversationDto>> {
  if (ids.length === 0) return new Map();
  const [rows, unread] = await Promise.all([
    tx.conversation.findMany({ where: { id: { in: ids } }, select: conversationSelect }),
    tx.$queryRaw<{ conversationId: string; unread: number }[]>`
      SELECT p."conversationId", count(m.id)::int AS unread
      FROM "ConversationParticipant" p
      JOIN "ConversationMessage" m ON m."conversationId" = p."conversationId" AND m."createdAt" > p."lastReadAt" AND m."senderId" IS DISTINCT FROM p."userId"
      WHERE p."userId" = ${me}::uuid AND p."conversationId" = ANY(${ids}::uuid[])
      GROUP BY p."conversationId"`,
  ]);
  const unreadOf = new Map(unread.map((u) => [u.conversationId, u.unread]));
  return new Map(
    rows.map((c) => [
      c.id,
      {
        id: c.id,
        type: c.type,
        name: c.name,
        participants: c.participants.map((p) => ({ userId: p.userId, isAdmin: p.isAdmin, name: `${p.user.firstName} ${p.user.lastName}`.trim(), external: p.user.externalUser !== null })),
        unread: unreadOf.get(c.id) ?? 0,
        lastMessage: c.messages[0] ? toMessageDto(c.messages[0]) : null,
        createdAt: c.createdAt.toISOString(),
      },
    ]),
  );
}

export async function conversationDto(tx: Tx, me: string, id: string): Promise<ConversationDto> {
  const dto = (await conversationDtos(tx, me, [id])).get(id);
  if (!dto) throw conversationNotFound();
  return dto;
}

/** 422 unless every named user may chat in the organization; an external user chats with members only. */
async function checkParticipants(tx: Tx, ctx: OrgCtx, me: string, ids: string[]): Promise<void> {
  const known = await chattersOf(tx, ctx.organizationId, ids);
  const errors: FieldError[] = [];
  ids.forEach((id, i) => {
    const who = known.get(id);
    if (!who) errors.push({ path: `participants.${i}.userId`, message: 'user not found' });
    else if (id === me) errors.push({ path: `participants.${i}.userId`, message: 'is you: you are added anyway' });
    else if (who.external && ctx.actor.kind === 'externalUser') errors.push({ path: `participants.${i}.userId`, message: 'is an external user: you can chat with members only' });
  });
  if (errors.length) throw new AppError('validation_failed', { message: errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors });
}

export async function createConversation(opts: { ctx: Ctx; input: unknown }): Promise<CreatedConversationDto> {
  const ctx = requirePermission(opts.ctx, 'conversations:chat');
  const me = chatterId(ctx);
  const input = createConversationInput.parse(opts.input);
  const others = input.participants.map((p) => p.userId);
  return db.$transaction(async (tx) => {
    await checkParticipants(tx, ctx, me, others);
    if (input.type === 'chat') {
      const chatKey = [me, others[0]!].sort().join(':');
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CHAT_LOCK}::int, hashtext(${`${ctx.organizationId}|${chatKey}`}))`;
      const existing = await tx.conversation.findUnique({ where: { organizationId_chatKey: { organizationId: ctx.organizationId, chatKey } }, select: { id: true } });
      if (existing) return { ...(await conversationDto(tx, me, existing.id)), previouslyCreated: true };
      const chat = await tx.conversation.create({
        data: { organizationId: ctx.organizationId, type: 'chat', chatKey, createdById: me, participants: { create: [{ userId: me }, { userId: others[0]! }] } },
        select: { id: true },
      });
      return { ...(await conversationDto(tx, me, chat.id)), previouslyCreated: false };
    }
    const group = await tx.conversation.create({
      data: { organizationId: ctx.organizationId, type: 'group', name: input.name ?? null, createdById: me, participants: { create: [{ userId: me, isAdmin: true }, ...others.map((userId) => ({ userId }))] } },
      select: { id: true },
    });
    return { ...(await conversationDto(tx, me, group.id)), previouslyCreated: false };
  });
}

/** The caller's conversations, the most recently active first. */
export async function listConversations(opts: { ctx: Ctx; page: Page }): Promise<{ count: number; results: ConversationDto[] }> {
  const ctx = requirePermission(opts.ctx, 'conversations:chat');
  const me = chatterId(ctx);
  const where = { organizationId: ctx.organizationId, participants: { some: { userId: me } } };
  const [count, rows] = await Promise.all([
    db.conversation.count({ where }),
    db.conversation.findMany({
      where,
      select: { id: true },
      orderBy: [{ lastMessageAt: { sort: 'desc', nulls: 'last' } }, { createdAt: 'desc' }, { id: 'desc' }],
      take: opts.page.limit,
      skip: opts.page.offset,
    }),
  ]);
  const dtos = await conversationDtos(db, me, rows.map((r) => r.id));
  return { count, results: rows.map((r) => dtos.get(r.id)!) };
}

export async function getConversation(opts: { ctx: Ctx; id: string }): Promise<ConversationDto> {
  const p = await participation(opts);
  return conversationDto(db, p.me, p.conversationId);
}

function mayManage(p: { type: 'chat' | 'group'; isAdmin: boolean }) {
  if (p.type === 'chat') throw conflict('A chat is between two people: start a group to talk with more');
  if (!p.isAdmin) throw forbidden('Only an admin of this group can change who takes part');
}

/** PUT: adds a participant to a group (already there: unchanged). */
export async function addParticipant(opts: { ctx: Ctx; id: string; userId: string }): Promise<ConversationDto> {
  return db.$transaction(async (tx) => {
    const p = await participation(opts, tx);
    mayManage(p);
    const known = await chattersOf(tx, p.ctx.organizationId, [opts.userId]);
    if (!known.has(opts.userId)) throw new AppError('not_found', { message: 'User not found' });
    if (known.get(opts.userId)!.external && p.ctx.actor.kind === 'externalUser') throw forbidden('You can add members only');
    await tx.conversationParticipant.createMany({ data: [{ conversationId: p.conversationId, userId: opts.userId }], skipDuplicates: true });
    return conversationDto(tx, p.me, p.conversationId);
  });
}

/** DELETE: an admin removes a participant, or someone leaves; the removed read nothing more (404). */
export async function removeParticipant(opts: { ctx: Ctx; id: string; userId: string }): Promise<void> {
  await db.$transaction(async (tx) => {
    const p = await participation(opts, tx);
    if (opts.userId !== p.me) mayManage(p);
    else if (p.type === 'chat') throw conflict('A chat cannot be left; it stays between its two people');
    const removed = await tx.conversationParticipant.deleteMany({ where: { conversationId: p.conversationId, userId: opts.userId } });
    if (removed.count === 0) throw new AppError('not_found', { message: 'This user does not take part in the conversation' });
    await keepAnAdmin(tx, p.conversationId);
  });
}

/** A group is never left without an admin: when its last one goes, whoever joined first after them becomes one. */
async function keepAnAdmin(tx: Tx, conversationId: string): Promise<void> {
  if ((await tx.conversationParticipant.count({ where: { conversationId, isAdmin: true } })) > 0) return;
  const next = await tx.conversationParticipant.findFirst({ where: { conversationId }, orderBy: [{ joinedAt: 'asc' }, { userId: 'asc' }], select: { userId: true } });
  if (next) await tx.conversationParticipant.update({ where: { conversationId_userId: { conversationId, userId: next.userId } }, data: { isAdmin: true } });
}

/**
 * A member removed from (or leaving) the organization leaves its conversations in the same transaction: no longer
 * listed among their participants, reading nothing more (404) — also if they join again later. Messages they sent stay.
 */
export async function leaveOrganizationConversations(tx: Tx, organizationId: string, userId: string): Promise<void> {
  const rows = await tx.conversationParticipant.findMany({ where: { userId, conversation: { organizationId } }, select: { conversationId: true } });
  if (rows.length === 0) return;
  await tx.conversationParticipant.deleteMany({ where: { userId, conversationId: { in: rows.map((r) => r.conversationId) } } });
  for (const r of rows) await keepAnAdmin(tx, r.conversationId);
}
