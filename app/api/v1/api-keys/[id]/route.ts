import { revokeApiKey } from '@/server/domain/api-keys/manage-api-keys';
import { noContent } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

// DELETE /api/v1/api-keys/{id} – revoke a key; it stops working at once
export const DELETE = withApi<'apiKeys:manage', { id: string }>({ access: 'apiKeys:manage' }, async ({ ctx, params }) => {
  await revokeApiKey({ ctx, id: params.id });
  return noContent();
});

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { GET, POST, PUT, PATCH, OPTIONS } = otherMethods({ DELETE });
