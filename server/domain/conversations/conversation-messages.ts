// Messages of a conversation: sent by its participants and announced live to them alone; read newest first.
import type { Ctx } from '../../context';
import { db } from '../../db';
import { AppError } from '../../errors';
import { publishEvent } from '../../realtime/publish-event';
import { participation } from './conversation-access';
import { messagesQuery, sendMessageInput, type MessageDto } from './conversation.schema';
import { toMessageDto } from './manage-conversations';

/** The payload of `message.created`: the message and who took part when it was sent (the event's read rule). */
export type MessageCreatedPayload = { conversationId: string; participantIds: string[]; message: MessageDto };

export const conversationSubject = (id: string) => `conversation:${id}`;

export async function sendMessage(opts: { ctx: Ctx; id: string; input: unknown }): Promise<MessageDto> {
  const input = sendMessageInput.parse(opts.input);
  return db.$transaction(async (tx) => {
    const p = await participation(opts, tx);
    // Locks the conversation row: messages of one conversation are stamped and announced in order.
    await tx.$executeRaw`SELECT id FROM "Conversation" WHERE id = ${p.conversationId}::uuid FOR UPDATE`;
    const row = await tx.conversationMessage.create({ data: { conversationId: p.conversationId, senderId: p.me, body: input.message } });
    await tx.conversation.update({ where: { id: p.conversationId }, data: { lastMessageAt: row.createdAt } });
    await tx.conversationParticipant.update({ where: { conversationId_userId: { conversationId: p.conversationId, userId: p.me } }, data: { lastReadAt: row.createdAt } });
    const participants = await tx.conversationParticipant.findMany({ where: { conversationId: p.conversationId }, select: { userId: true } });
    const message = toMessageDto(row);
    const payload: MessageCreatedPayload = { conversationId: p.conversationId, participantIds: participants.map((x) => x.userId), message };
    await publishEvent(tx, { organizationId: p.ctx.organizationId, type: 'message.created', payload, audience: { subject: conversationSubject(p.conversationId) } });
    return message;
  });
}

/**
 * A page of messages, newest first; `before` (a message of this conversation) pages back. Reading the newest page
 * marks the conversation read for the caller.
 */
export async function listMessages(opts: { ctx: Ctx; id: string; query: unknown }): Promise<{ results: MessageDto[]; hasMore: boolean }> {
  const query = messagesQuery.parse(opts.query);
  const p = await participation(opts);
  let cursor: { createdAt: Date; id: string } | null = null;
  if (query.before) {
    cursor = await db.conversationMessage.findFirst({ where: { id: query.before, conversationId: p.conversationId }, select: { createdAt: true, id: true } });
    if (!cursor) throw new AppError('validation_failed', { message: 'before: no such message in this conversation', errors: [{ path: 'before', message: 'no such message in this conversation' }] });
  }
  const rows = await db.conversationMessage.findMany({
    where: {
      conversationId: p.conversationId,
      ...(cursor && { OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }] }),
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  if (!cursor && page[0]) {
    await db.conversationParticipant.updateMany({ where: { conversationId: p.conversationId, userId: p.me, lastReadAt: { lt: page[0].createdAt } }, data: { lastReadAt: page[0].createdAt } });
  }
  return { results: page.map(toMessageDto), hasMore: rows.length > query.limit };
}
