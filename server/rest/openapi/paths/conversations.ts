// OpenAPI paths of API.md §5: access links, external users and conversations.
import { z } from 'zod';
import { ACCESS_LINK_DEFAULT_DAYS, ACCESS_LINK_DEFAULT_MAX_USES, accessLinkDto, createAccessLinkInput, redeemedAccessLinkDto } from '../../../domain/access-links/access-link.schema';
import { conversationDto, createConversationInput, createdConversationDto, messageDto, messagesQuery, sendMessageInput } from '../../../domain/conversations/conversation.schema';
import { registerExternalUserInput, registeredExternalUserDto } from '../../../domain/external-users/external-user.schema';
import { idPath, listOf, operation, pageQuery } from '../operation';

const links = ['Access links and external users'];
const chat = ['Conversations'];
const tokenPath = z.object({ token: z.string().meta({ description: 'The secret of the link (`pal_…`), the last segment of its URL' }) });
const participantPath = idPath.extend({ userId: z.uuid().meta({ description: 'A member’s or external user’s user id' }) });
const externalNote =
  'An external user’s key (`pxu_…`) or a redeemed link’s token acts as that external user: its own conversations (with members only) and their events; every other operation is 403 or 404.';

export const conversationPaths = {
  '/access-tokens': {
    post: operation({
      summary: `Make an external user's access link and send it by email and/or SMS; defaults: ${ACCESS_LINK_DEFAULT_MAX_USES} uses, ${ACCESS_LINK_DEFAULT_DAYS} days`,
      tags: links,
      access: 'externalUsers:manage',
      body: createAccessLinkInput,
      errors: ['conflict'],
      responses: {
        201: { description: `Made and sent. maxUses defaults to ${ACCESS_LINK_DEFAULT_MAX_USES}, expiresOn to ${ACCESS_LINK_DEFAULT_DAYS} days from now. With a phone the link is texted through the organization's SMS providers (a transmission); with no active SMS provider or no active phone account: 409, nothing made.`, schema: accessLinkDto },
        200: { description: 'A link of this external user that still works, sent again (previouslyCreated: true); a spent or expired link is never handed out again', schema: accessLinkDto },
      },
    }),
  },
  '/access-tokens/{token}/redeem': {
    post: operation({
      summary: 'Confirm an access link: spends one use and answers an access token acting as its external user',
      tags: links,
      access: 'public',
      path: tokenPath,
      errors: ['gone'],
      responses: { 200: { description: `Signed in. Past maxUses or expiresOn: 410; unknown: 404. Concurrent redeems never exceed maxUses. ${externalNote}`, schema: redeemedAccessLinkDto } },
    }),
  },
  '/external-users': {
    post: operation({
      summary: 'Register an app installation as an external user, idempotently on uniqueId within the organization',
      tags: links,
      access: 'externalUsers:manage',
      body: registerExternalUserInput,
      responses: {
        201: { description: `Registered; apiKey is shown in this response only. ${externalNote}`, schema: registeredExternalUserDto },
        200: { description: 'Registered before: the same virtualUser, apiKey null unless rotateKey (then a new key, the old one ends)', schema: registeredExternalUserDto },
      },
    }),
  },
  '/conversations': {
    get: operation({ summary: "The caller's conversations, most recently active first, with unread counts and the last message", tags: chat, access: 'conversations:chat', query: pageQuery, responses: { 200: { description: 'Conversations', schema: listOf(conversationDto, 'ConversationList') } } }),
    post: operation({
      summary: 'Start a chat (with one other) or a group (the caller is its admin)',
      tags: chat,
      access: 'conversations:chat',
      body: createConversationInput,
      responses: {
        201: { description: 'Started. A participant who is not a member or external user of the organization: 422', schema: createdConversationDto },
        200: { description: 'A chat between the same two existed: it is answered (previouslyCreated: true)', schema: createdConversationDto },
      },
    }),
  },
  '/conversations/{id}/messages': {
    get: operation({
      summary: 'Messages, newest first; reading the newest page marks the conversation read',
      tags: chat,
      access: 'conversations:chat',
      path: idPath,
      query: messagesQuery,
      responses: { 200: { description: 'A page of messages; next pages back (before=<last id>) or is null', schema: z.object({ next: z.string().nullable(), results: z.array(messageDto) }).meta({ id: 'MessagePage' }) } },
    }),
    post: operation({
      summary: 'Send a message (Idempotency-Key makes a retry safe); participants’ /events streams get message.created',
      tags: chat,
      access: 'conversations:chat',
      path: idPath,
      body: sendMessageInput,
      responses: { 201: { description: 'Sent', schema: messageDto } },
    }),
  },
  '/conversations/{id}/participants/{userId}': {
    put: operation({ summary: 'A group admin adds a participant (already there: unchanged)', tags: chat, access: 'conversations:chat', path: participantPath, errors: ['conflict'], responses: { 200: { description: 'The conversation. Not an admin: 403; a chat: 409', schema: conversationDto } } }),
    delete: operation({ summary: 'A group admin removes a participant, or a participant leaves; the removed read nothing more (404)', tags: chat, access: 'conversations:chat', path: participantPath, errors: ['conflict'], responses: { 204: { description: 'Removed. Not an admin: 403; a chat: 409' } } }),
  },
};
