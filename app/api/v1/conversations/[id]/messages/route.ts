import { sendMessageInput } from '@/server/domain/conversations/conversation.schema';
import { listMessages, sendMessage } from '@/server/domain/conversations/conversation-messages';
import { ok } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

// GET /api/v1/conversations/{id}/messages – messages newest first (limit, before=<message id>); reading the newest marks it read
export const GET = withApi<'conversations:chat', { id: string }>({ access: 'conversations:chat' }, async ({ ctx, params, url }) => {
  const { results, hasMore } = await listMessages({ ctx, id: params.id, query: Object.fromEntries(url.searchParams) });
  let next: string | null = null;
  if (hasMore && results.length) {
    const u = new URL(url);
    u.searchParams.set('before', results[results.length - 1]!.id);
    next = u.toString();
  }
  return ok({ next, results });
});

// POST /api/v1/conversations/{id}/messages – send { message } (1–4,000 characters); participants get message.created live
export const POST = withApi<'conversations:chat', { id: string }>({ access: 'conversations:chat' }, async ({ ctx, params, body }) => {
  const message = await sendMessage({ ctx, id: params.id, input: body.json(sendMessageInput) });
  return { status: 201, body: message, headers: { Location: `/api/v1/conversations/${params.id}/messages` } };
});

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET, POST });
