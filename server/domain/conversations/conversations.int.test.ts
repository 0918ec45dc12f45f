// Conversations against the real database: chats found again rather than made twice (also when started at once),
// groups run by their admins, messages newest first with a cursor, unread counts, tenancy (404) and lower roles, and
// `message.created` read only by the conversation's participants (the events' read rule).
import { beforeAll, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { requireOrg, type Ctx } from '../../context';
import { db } from '../../db';
import type { RealtimeEvent } from '../../realtime/event';
import { addPerson, type Person } from '../../test/coaching';
import { keyCtx, memberCtx, newExternalUser } from '../../test/chat';
import { newTenant, type Tenant } from '../../test/factories';
import { eventReaderFor } from '../events/event-read-rule';
import { conversationSubject, listMessages, sendMessage } from './conversation-messages';
import { addParticipant, createConversation, getConversation, listConversations, removeParticipant } from './manage-conversations';

const page = { limit: 50, offset: 0 };

/** The stored `message.created` events of a conversation, as streams read them. */
async function eventsOf(conversationId: string): Promise<RealtimeEvent[]> {
  const rows = await db.realtimeEvent.findMany({ where: { subject: conversationSubject(conversationId) }, orderBy: { id: 'asc' } });
  return rows.map((r) => ({ ...r, id: String(r.id), createdAt: r.createdAt.toISOString() }));
}
const reads = async (ctx: Ctx, event: RealtimeEvent) => eventReaderFor(requireOrg(ctx))(event);

describe('conversations', () => {
  let t: Tenant, other: Tenant;
  let ada: Person, bob: Person, cy: Person, stranger: Person;
  let adaCtx: Ctx, bobCtx: Ctx, cyCtx: Ctx;
  beforeAll(async () => {
    [t, other] = await Promise.all([newTenant('chat'), newTenant('chat-other')]);
    [ada, bob, cy] = await Promise.all([addPerson(t, 'chat-ada'), addPerson(t, 'chat-bob'), addPerson(t, 'chat-cy')]);
    stranger = await addPerson(other, 'chat-stranger');
    [adaCtx, bobCtx, cyCtx] = await Promise.all([memberCtx(t, ada.userId), memberCtx(t, bob.userId), memberCtx(t, cy.userId)]);
  });

  it('a chat between the same two is found again, whoever starts it, also when started at once', async () => {
    const first = await createConversation({ ctx: adaCtx, input: { type: 'chat', participants: [{ userId: bob.userId }] } });
    expect(first).toMatchObject({ type: 'chat', previouslyCreated: false, unread: 0, lastMessage: null });
    expect(first.participants.map((p) => [p.userId, p.isAdmin]).sort()).toEqual([[ada.userId, false], [bob.userId, false]].sort());
    const again = await createConversation({ ctx: bobCtx, input: { type: 'chat', participants: [{ userId: ada.userId }] } });
    expect(again).toMatchObject({ id: first.id, previouslyCreated: true });

    const raced = await Promise.all(Array.from({ length: 4 }, (_, i) => createConversation({ ctx: i % 2 ? cyCtx : adaCtx, input: { type: 'chat', participants: [{ userId: i % 2 ? ada.userId : cy.userId }] } })));
    expect(new Set(raced.map((c) => c.id)).size).toBe(1);
    expect(raced.filter((c) => !c.previouslyCreated)).toHaveLength(1);
  });

  it('refuses bad input; an unknown or another organization’s user is 422; nothing is made', async () => {
    const before = await db.conversation.count({ where: { organizationId: t.organizationId } });
    const bad: unknown[] = [
      {},
      { type: 'chat', participants: [] },
      { type: 'chat', participants: [{ userId: bob.userId }, { userId: cy.userId }] },
      { type: 'chat', participants: [{ userId: bob.userId }], name: 'named' },
      { type: 'group', participants: [{ userId: bob.userId }, { userId: bob.userId }] },
      { type: 'broadcast', participants: [{ userId: bob.userId }] },
      { type: 'group', participants: [{ userId: 'x' }] },
      { type: 'group', participants: [{ userId: bob.userId }], organizationId: other.organizationId },
    ];
    for (const input of bad) await expect(createConversation({ ctx: adaCtx, input }), JSON.stringify(input)).rejects.toBeInstanceOf(ZodError);
    for (const userId of [stranger.userId, '00000000-0000-4000-8000-000000000000', ada.userId]) {
      await expect(createConversation({ ctx: adaCtx, input: { type: 'group', participants: [{ userId }] } })).rejects.toMatchObject({ code: 'validation_failed', errors: [{ path: 'participants.0.userId' }] });
    }
    expect(await db.conversation.count({ where: { organizationId: t.organizationId } })).toBe(before);
  });

  it('messages: sent by participants, read newest first with a cursor, unread counted until read; others 404', async () => {
    const group = await createConversation({ ctx: adaCtx, input: { type: 'group', name: 'Deal room', participants: [{ userId: bob.userId }] } });
    expect(group.participants.find((p) => p.userId === ada.userId)).toMatchObject({ isAdmin: true });
    expect((await listConversations({ ctx: bobCtx, page })).results.find((c) => c.id === group.id)).toMatchObject({ unread: 0 });
    for (let i = 1; i <= 5; i++) await sendMessage({ ctx: i % 2 ? adaCtx : bobCtx, id: group.id, input: { message: `message ${i}` } });

    // Writing reads what came before: Bob's own message 4 leaves only Ada's message 5 unread for him.
    const bobView = (await listConversations({ ctx: bobCtx, page })).results.find((c) => c.id === group.id)!;
    expect(bobView).toMatchObject({ unread: 1, lastMessage: { message: 'message 5', senderId: ada.userId } });
    const newest = await listMessages({ ctx: bobCtx, id: group.id, query: { limit: '2' } });
    expect(newest.results.map((m) => m.message)).toEqual(['message 5', 'message 4']);
    expect(newest.hasMore).toBe(true);
    const older = await listMessages({ ctx: bobCtx, id: group.id, query: { limit: '2', before: newest.results[1]!.id } });
    expect(older.results.map((m) => m.message)).toEqual(['message 3', 'message 2']);
    const oldest = await listMessages({ ctx: bobCtx, id: group.id, query: { before: older.results[1]!.id } });
    expect(oldest).toEqual({ results: [expect.objectContaining({ message: 'message 1' })], hasMore: false });
    expect((await getConversation({ ctx: bobCtx, id: group.id })).unread).toBe(0);
    expect((await getConversation({ ctx: adaCtx, id: group.id })).unread).toBe(0);

    for (const input of [{}, { message: '' }, { message: '   ' }, { message: 'x'.repeat(4001) }, { message: 'a\u0000b' }, { message: 'hi', senderId: bob.userId }]) {
      await expect(sendMessage({ ctx: adaCtx, id: group.id, input }), JSON.stringify(input).slice(0, 60)).rejects.toBeInstanceOf(ZodError);
    }
    await expect(sendMessage({ ctx: adaCtx, id: group.id, input: { message: 'x'.repeat(4000) } })).resolves.toMatchObject({ senderId: ada.userId });
    for (const query of [{ limit: '0' }, { limit: '201' }, { limit: '1e3' }, { before: 'nope' }, { cursor: 'x' }]) {
      await expect(listMessages({ ctx: bobCtx, id: group.id, query }), JSON.stringify(query)).rejects.toBeInstanceOf(ZodError);
    }
    await sendMessage({ ctx: adaCtx, id: group.id, input: { message: 'one' } });
    await sendMessage({ ctx: adaCtx, id: group.id, input: { message: 'two' } });
    expect((await getConversation({ ctx: bobCtx, id: group.id })).unread).toBe(3);
    const elsewhere = await createConversation({ ctx: adaCtx, input: { type: 'group', participants: [{ userId: cy.userId }] } });
    const foreignMessage = await sendMessage({ ctx: adaCtx, id: elsewhere.id, input: { message: 'not yours' } });
    await expect(listMessages({ ctx: bobCtx, id: group.id, query: { before: foreignMessage.id } })).rejects.toMatchObject({ code: 'validation_failed' });

    // Not a participant, another organization, an unknown id: 404 on every verb.
    const intruders: Ctx[] = [cyCtx, await memberCtx(other, other.owner.userId), await keyCtx(other)];
    for (const ctx of intruders) {
      await expect(getConversation({ ctx, id: group.id })).rejects.toMatchObject({ code: 'not_found' });
      await expect(listMessages({ ctx, id: group.id, query: {} })).rejects.toMatchObject({ code: 'not_found' });
      await expect(sendMessage({ ctx, id: group.id, input: { message: 'hi' } })).rejects.toMatchObject({ code: 'not_found' });
      await expect(addParticipant({ ctx, id: group.id, userId: cy.userId })).rejects.toMatchObject({ code: 'not_found' });
      await expect(removeParticipant({ ctx, id: group.id, userId: bob.userId })).rejects.toMatchObject({ code: 'not_found' });
      expect((await listConversations({ ctx, page })).results.map((c) => c.id)).not.toContain(group.id);
    }
  });

  it('group admins add and remove participants, others 403; a removed participant reads nothing more; a chat cannot grow', async () => {
    const group = await createConversation({ ctx: adaCtx, input: { type: 'group', participants: [{ userId: bob.userId }] } });
    await expect(addParticipant({ ctx: bobCtx, id: group.id, userId: cy.userId })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(addParticipant({ ctx: adaCtx, id: group.id, userId: stranger.userId })).rejects.toMatchObject({ code: 'not_found' });
    const grown = await addParticipant({ ctx: adaCtx, id: group.id, userId: cy.userId });
    expect(grown.participants.map((p) => p.userId)).toContain(cy.userId);
    expect((await addParticipant({ ctx: adaCtx, id: group.id, userId: cy.userId })).participants).toHaveLength(3);
    await expect(removeParticipant({ ctx: bobCtx, id: group.id, userId: cy.userId })).rejects.toMatchObject({ code: 'forbidden' });
    await removeParticipant({ ctx: adaCtx, id: group.id, userId: cy.userId });
    await expect(listMessages({ ctx: cyCtx, id: group.id, query: {} })).rejects.toMatchObject({ code: 'not_found' });
    await expect(removeParticipant({ ctx: adaCtx, id: group.id, userId: cy.userId })).rejects.toMatchObject({ code: 'not_found' });
    // Leaving oneself is allowed.
    await removeParticipant({ ctx: bobCtx, id: group.id, userId: bob.userId });
    await expect(getConversation({ ctx: bobCtx, id: group.id })).rejects.toMatchObject({ code: 'not_found' });

    const chat = await createConversation({ ctx: adaCtx, input: { type: 'chat', participants: [{ userId: bob.userId }] } });
    await expect(addParticipant({ ctx: adaCtx, id: chat.id, userId: cy.userId })).rejects.toMatchObject({ code: 'conflict' });
    await expect(removeParticipant({ ctx: adaCtx, id: chat.id, userId: ada.userId })).rejects.toMatchObject({ code: 'conflict' });

    // The last admin leaving hands the group to whoever joined first after them.
    const handed = await createConversation({ ctx: adaCtx, input: { type: 'group', participants: [{ userId: bob.userId }, { userId: cy.userId }] } });
    await removeParticipant({ ctx: adaCtx, id: handed.id, userId: ada.userId });
    const after = await getConversation({ ctx: bobCtx, id: handed.id });
    expect(after.participants.filter((p) => p.isAdmin)).toHaveLength(1);
    await expect(addParticipant({ ctx: after.participants.find((p) => p.isAdmin)!.userId === bob.userId ? bobCtx : cyCtx, id: handed.id, userId: ada.userId })).resolves.toMatchObject({ id: handed.id });
  });

  it('message.created is read by the participants at the time only; an external user reads its own conversations’ events and nothing else', async () => {
    const ext = await newExternalUser(t, 'Customer phone');
    const chat = await createConversation({ ctx: ext.ctx, input: { type: 'chat', participants: [{ userId: ada.userId }] } });
    await sendMessage({ ctx: ext.ctx, id: chat.id, input: { message: 'Is the car still available?' } });
    await sendMessage({ ctx: adaCtx, id: chat.id, input: { message: 'It is!' } });
    const events = await eventsOf(chat.id);
    expect(events.map((e) => [e.type, (e.payload as { message: { message: string } }).message.message])).toEqual([
      ['message.created', 'Is the car still available?'],
      ['message.created', 'It is!'],
    ]);
    for (const e of events) {
      expect(await reads(adaCtx, e)).toBe(true);
      expect(await reads(ext.ctx, e)).toBe(true);
      expect(await reads(bobCtx, e)).toBe(false);
      expect(await reads(await memberCtx(t, t.owner.userId), e)).toBe(false);
    }
    const orgWide: RealtimeEvent = { id: '1', organizationId: t.organizationId, type: 'call.requested', payload: {}, createdAt: new Date().toISOString(), permission: null, userId: null, subject: null };
    expect(await reads(ext.ctx, orgWide)).toBe(false);
    expect(await reads(adaCtx, orgWide)).toBe(true);

    // An external user chats with members only, and sees only its own conversations.
    const another = await newExternalUser(t);
    await expect(createConversation({ ctx: ext.ctx, input: { type: 'chat', participants: [{ userId: another.userId }] } })).rejects.toMatchObject({ code: 'validation_failed' });
    expect((await listConversations({ ctx: ext.ctx, page })).results.map((c) => c.id)).toEqual([chat.id]);
    const adaChat = (await listConversations({ ctx: adaCtx, page })).results.find((c) => c.id === chat.id)!;
    expect(adaChat.participants.find((p) => p.userId === ext.userId)).toMatchObject({ external: true, name: 'Customer phone' });
    const group = await createConversation({ ctx: adaCtx, input: { type: 'group', participants: [{ userId: bob.userId }] } });
    await expect(getConversation({ ctx: ext.ctx, id: group.id })).rejects.toMatchObject({ code: 'not_found' });
  });
});
