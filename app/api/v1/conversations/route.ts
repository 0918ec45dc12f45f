import { createConversationInput } from '@/server/domain/conversations/conversation.schema';
import { createConversation, listConversations } from '@/server/domain/conversations/manage-conversations';
import { listEnvelope, parsePage } from '@/server/rest/pagination';
import { ok } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

// GET /api/v1/conversations – the caller's conversations, most recently active first, with unread counts
export const GET = withApi({ access: 'conversations:chat' }, async ({ ctx, url }) => {
  const page = parsePage(url);
  const { count, results } = await listConversations({ ctx, page });
  return ok(listEnvelope(url, page, count, results));
});

// POST /api/v1/conversations – start a chat or a group; a chat between the same two answers the first (200)
export const POST = withApi({ access: 'conversations:chat' }, async ({ ctx, body }) => {
  const conversation = await createConversation({ ctx, input: body.json(createConversationInput) });
  return conversation.previouslyCreated ? ok(conversation) : { status: 201, body: conversation, headers: { Location: `/api/v1/conversations/${conversation.id}` } };
});

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET, POST });
