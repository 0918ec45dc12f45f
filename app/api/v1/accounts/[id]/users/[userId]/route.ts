import { assignAccountOwner } from '@/server/domain/accounts/manage-accounts';
import { noContent } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

// PUT /api/v1/accounts/{id}/users/{userId} – a member of the organization owns the account
export const PUT = withApi<'accounts:manage', { id: string; userId: string }>({ access: 'accounts:manage', acceptsBody: false }, async ({ ctx, params }) => {
  await assignAccountOwner({ ctx, id: params.id, userId: params.userId });
  return noContent();
});

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { GET, POST, PATCH, DELETE, OPTIONS } = otherMethods({ PUT });
