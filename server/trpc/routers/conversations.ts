// The browser's chat for members: conversations with colleagues and external users, and sending access links.
import { z } from 'zod';
import { createAccessLinkInput } from '../../domain/access-links/access-link.schema';
import { createAccessLink } from '../../domain/access-links/manage-access-links';
import { listMessages, sendMessage } from '../../domain/conversations/conversation-messages';
import { createConversationInput, sendMessageInput } from '../../domain/conversations/conversation.schema';
import { addParticipant, createConversation, getConversation, listConversations, removeParticipant } from '../../domain/conversations/manage-conversations';
import { registerExternalUserInput } from '../../domain/external-users/external-user.schema';
import { registerExternalUser } from '../../domain/external-users/register-external-user';
import { pageInput } from '../../domain/shared/list';
import { chatterId } from '../../domain/conversations/conversation-access';
import { endExternalUserAccess } from '../../domain/external-users/register-external-user';
import { db } from '../../db';
import { listChatPeople } from '../../domain/conversations/chat-people';
import { listCustomers, sendCustomerLink, sendCustomerLinkInput } from '../../domain/external-users/customers';
import { chatProcedure, orgProcedure, router } from '../init';

// Members, and the external user of a redeemed access link from its own page (/chat): the same chat.
const chat = chatProcedure('conversations:chat');
const manage = orgProcedure('conversations:chat');
const byId = z.object({ id: z.string() }).strict();
const participant = z.object({ id: z.string(), userId: z.string() }).strict();

export const conversationsRouter = router({
  list: chat.input(z.object(pageInput).strict()).query(({ ctx, input }) => listConversations({ ctx: ctx.app, page: input })),
  get: chat.input(byId).query(({ ctx, input }) => getConversation({ ctx: ctx.app, id: input.id })),
  create: manage.input(createConversationInput).mutation(({ ctx, input }) => createConversation({ ctx: ctx.app, input })),
  messages: chat
    .input(z.object({ id: z.string(), limit: z.number().int().min(1).max(200).optional(), before: z.string().optional() }).strict())
    .query(({ ctx, input }) => listMessages({ ctx: ctx.app, id: input.id, query: { limit: input.limit, before: input.before } })),
  send: chat.input(sendMessageInput.extend({ id: z.string() })).mutation(({ ctx, input }) => sendMessage({ ctx: ctx.app, id: input.id, input: { message: input.message } })),
  addParticipant: manage.input(participant).mutation(({ ctx, input }) => addParticipant({ ctx: ctx.app, id: input.id, userId: input.userId })),
  removeParticipant: manage.input(participant).mutation(({ ctx, input }) => removeParticipant({ ctx: ctx.app, id: input.id, userId: input.userId })),
  /** Who the caller chats as (its own messages are drawn on the right). */
  me: chat.input(z.object({}).strict().optional()).query(async ({ ctx }) => {
    const id = chatterId(ctx.app);
    const user = await db.user.findUniqueOrThrow({ where: { id }, select: { firstName: true, lastName: true } });
    return { userId: id, name: `${user.firstName} ${user.lastName}`.trim(), external: ctx.app.actor.kind === 'externalUser' };
  }),
  endExternalAccess: orgProcedure('externalUsers:manage').input(z.object({ userId: z.string() }).strict()).mutation(({ ctx, input }) => endExternalUserAccess({ ctx: ctx.app, userId: input.userId })),
  registerExternalUser: orgProcedure('externalUsers:manage').input(registerExternalUserInput).mutation(({ ctx, input }) => registerExternalUser({ ctx: ctx.app, input })),
  /** Whom the caller can start a conversation with or add to a group (the pickers). */
  people: manage.input(z.object({ search: z.string().max(100).optional(), limit: z.number().int().min(1).max(50).optional() }).strict()).query(({ ctx, input }) => listChatPeople({ ctx: ctx.app, input })),
  /** The organization's external users ("Customers"), with their latest link. */
  customers: orgProcedure('externalUsers:manage')
    .input(z.object({ ...pageInput, search: z.string().max(100).optional() }).strict())
    .query(({ ctx, input }) => listCustomers({ ctx: ctx.app, page: { limit: input.limit, offset: input.offset }, input: { search: input.search } })),
  /** The browser's "Send a link": to a known customer or a new one by name. */
  sendCustomerLink: orgProcedure('externalUsers:manage').input(sendCustomerLinkInput).mutation(({ ctx, input }) => sendCustomerLink({ ctx: ctx.app, input })),
  sendAccessLink: orgProcedure('externalUsers:manage').input(createAccessLinkInput).mutation(({ ctx, input }) => createAccessLink({ ctx: ctx.app, input })),
});
