// Shapes of conversations: chats between two people and groups, between members and external users alike.
import { z } from 'zod';
import '../shared/zod-messages';
import { decimalInteger } from '../shared/decimal-integer';
import { DEFAULT_LIMIT, MAX_LIMIT } from '../shared/list';
import { multiLineText } from '../shared/multi-line-text';
import { singleLineText } from '../shared/single-line-text';

export const CONVERSATION_TYPES = ['chat', 'group'] as const;
export const MAX_PARTICIPANTS = 100;
export const MAX_MESSAGE_LENGTH = 4000;

export const participantInput = z.object({ userId: z.uuid() }).strict().meta({ id: 'ParticipantInput' });

export const createConversationInput = z
  .object({
    type: z.enum(CONVERSATION_TYPES).meta({ description: 'chat: the caller and one other person; group: the caller (its admin) and others' }),
    participants: z.array(participantInput).min(1, 'Name at least one participant').max(MAX_PARTICIPANTS, `Name at most ${MAX_PARTICIPANTS} participants`),
    name: singleLineText({ max: 100 }).optional().meta({ description: 'A group’s name' }),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.type === 'chat' && v.participants.length !== 1) ctx.addIssue({ code: 'custom', path: ['participants'], message: 'A chat has one other participant: start a group for more' });
    if (v.type === 'chat' && v.name) ctx.addIssue({ code: 'custom', path: ['name'], message: 'Only a group has a name' });
    const seen = new Set<string>();
    v.participants.forEach((p, i) => {
      if (seen.has(p.userId)) ctx.addIssue({ code: 'custom', path: ['participants', i, 'userId'], message: 'is named twice' });
      seen.add(p.userId);
    });
  })
  .meta({ id: 'CreateConversationInput' });

export const sendMessageInput = z
  .object({ message: multiLineText({ max: MAX_MESSAGE_LENGTH, required: 'Write a message' }) })
  .strict()
  .meta({ id: 'SendMessageInput' });

export const messagesQuery = z
  .object({
    limit: decimalInteger.pipe(z.number().min(1, 'must be at least 1').max(MAX_LIMIT, `must be at most ${MAX_LIMIT}`)).default(DEFAULT_LIMIT),
    before: z.uuid().optional().meta({ description: 'A message id: only messages older than it' }),
  })
  .strict();

export const participantDto = z
  .object({
    userId: z.uuid(),
    isAdmin: z.boolean(),
    name: z.string(),
    external: z.boolean().meta({ description: 'An external user (a customer) rather than a member' }),
  })
  .meta({ id: 'Participant' });

export const messageDto = z
  .object({
    id: z.uuid(),
    conversationId: z.uuid(),
    senderId: z.uuid().nullable(),
    message: z.string(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'ConversationMessage' });

export const conversationDto = z
  .object({
    id: z.uuid(),
    type: z.enum(CONVERSATION_TYPES),
    name: z.string().nullable(),
    participants: z.array(participantDto),
    unread: z.number().int().meta({ description: 'Messages by others since the caller last read the newest page' }),
    lastMessage: messageDto.nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Conversation' });

export const createdConversationDto = conversationDto
  .extend({ previouslyCreated: z.boolean().meta({ description: 'true: a chat between the same two existed and is answered instead' }) })
  .meta({ id: 'CreatedConversation' });

export type ParticipantDto = z.infer<typeof participantDto>;
export type MessageDto = z.infer<typeof messageDto>;
export type ConversationDto = z.infer<typeof conversationDto>;
export type CreatedConversationDto = z.infer<typeof createdConversationDto>;
