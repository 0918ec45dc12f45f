import { unsubscribeAccount } from '@/server/domain/accounts/manage-accounts';
import { noContent } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

// DELETE /api/v1/accounts/{id}/programs – unsubscribe the account from every program
export const DELETE = withApi<'accounts:manage', { id: string }>({ access: 'accounts:manage' }, async ({ ctx, params }) => {
  await unsubscribeAccount({ ctx, id: params.id });
  return noContent();
});

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { GET, POST, PUT, PATCH, OPTIONS } = otherMethods({ DELETE });
