import { addParticipant, removeParticipant } from '@/server/domain/conversations/manage-conversations';
import { noContent, ok } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

type Params = { id: string; userId: string };

// PUT /api/v1/conversations/{id}/participants/{userId} – a group admin adds a participant (already there: unchanged)
export const PUT = withApi<'conversations:chat', Params>({ access: 'conversations:chat', acceptsBody: false }, async ({ ctx, params }) =>
  ok(await addParticipant({ ctx, id: params.id, userId: params.userId })),
);

// DELETE /api/v1/conversations/{id}/participants/{userId} – a group admin removes a participant, or someone leaves
export const DELETE = withApi<'conversations:chat', Params>({ access: 'conversations:chat' }, async ({ ctx, params }) => {
  await removeParticipant({ ctx, id: params.id, userId: params.userId });
  return noContent();
});

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { GET, POST, PATCH, OPTIONS } = otherMethods({ PUT, DELETE });
